import { SEARCH_LIMIT, search } from '../src/answer/search.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Search = {
  name: 'search',
  description: 'Find the paragraphs that talk about something, ranked, with links to the articles.',
  example: '/search "regime change" outlet:Daily Sabah',
  options: [
    { name: 'query', type: 'string', required: true, description: 'Words to look for; put a phrase in "quotes"', autocomplete: 'topic' },
    { name: 'outlet', type: 'string', description: 'Only articles of this outlet', autocomplete: 'outlet' },
    { name: 'from', type: 'date', description: 'Only articles published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
    { name: 'to', type: 'date', description: 'Only articles published on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
  ],
  pageSize: SEARCH_LIMIT,
} as const satisfies CommandDefinition;

export default defineCommand(Search, ({ corpus }, args, limit) => search(corpus, args, limit));
