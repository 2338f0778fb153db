import { sources } from '../src/answer/catalogue.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Sources = {
  name: 'sources',
  description: 'List every article of the corpus: outlet, title, date, link and paragraph count.',
  example: '/sources',
  options: [],
  pageSize: 50,
} as const satisfies CommandDefinition;

export default defineCommand(Sources, ({ corpus }, _args, limit) => sources(corpus, limit));
