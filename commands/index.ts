import type { CommandDefinition } from '../src/router/command.ts';
import help from './help.ts';
import search from './search.ts';
import sources from './sources.ts';

/** Every command, in the order /help lists them. */
export const commands: readonly CommandDefinition[] = [search, sources, help];
