import type { CommandDefinition } from '../src/router/command.ts';
import help from './help.ts';
import quotes from './quotes.ts';
import search from './search.ts';
import sources from './sources.ts';
import timeline from './timeline.ts';
import when from './when.ts';
import speakers from './speakers.ts';
import whoSaid from './who-said.ts';

/** Every command, in the order /help lists them. */
export const commands: readonly CommandDefinition[] = [search, whoSaid, when, timeline, quotes, speakers, sources, help];
