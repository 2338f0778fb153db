import { TIMELINE_LIMIT, timeline } from '../src/answer/timeline.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Timeline = {
  name: 'timeline',
  description: 'The dated events of the corpus in order, each at the precision its words allow (day, month, year), cited.',
  example: '/timeline syria from:2015',
  options: [
    { name: 'topic', type: 'string', description: 'Only events whose sentence has these words', autocomplete: 'topic' },
    { name: 'from', type: 'date', description: 'Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
    { name: 'to', type: 'date', description: 'Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
    { name: 'outlet', type: 'string', description: 'Only articles of this outlet', autocomplete: 'outlet' },
  ],
  pageSize: TIMELINE_LIMIT,
} as const satisfies CommandDefinition;

export default defineCommand(Timeline, ({ corpus }, args, limit) => timeline(corpus, args, limit));
