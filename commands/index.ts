import { registryOf } from './define.ts';
import compare from './compare.ts';
import context from './context.ts';
import corpus from './corpus.ts';
import help from './help.ts';
import quotes from './quotes.ts';
import search from './search.ts';
import sources from './sources.ts';
import speakers from './speakers.ts';
import timeline from './timeline.ts';
import when from './when.ts';
import verify from './verify.ts';
import whoSaid from './who-said.ts';

/** Every command by name, in the order /help lists them: the one place a command is looked up. */
export const commands = registryOf([search, whoSaid, verify, when, timeline, compare, quotes, speakers, sources, context, corpus, help]);
