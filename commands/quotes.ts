import { QUOTES_LIMIT, quotes } from '../src/answer/quotes.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Quotes = {
  name: 'quotes',
  description: 'Everything one person is quoted saying, oldest first.',
  example: '/quotes sergei',
  options: [
    {
      name: 'speaker',
      type: 'string',
      required: true,
      description: 'The person: any name the corpus uses ("Kerry", "Sergei Lavrov")',
      autocomplete: 'speaker',
    },
  ],
  pageSize: QUOTES_LIMIT,
} as const satisfies CommandDefinition;

export default defineCommand(Quotes, ({ corpus }, args, limit) => quotes(corpus, args, limit));
