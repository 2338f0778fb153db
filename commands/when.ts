import { WHEN_LIMIT, when } from '../src/answer/when.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const When = {
  name: 'when',
  description: 'When an event happened, from the articles\u2019 own words, with every outlet that gives the date.',
  example: '/when kerry moscow',
  options: [
    {
      name: 'event',
      type: 'string',
      required: true,
      description: 'Words of the event: people, places, what happened',
      autocomplete: 'topic',
    },
    { name: 'outlet', type: 'string', description: 'Only articles of this outlet', autocomplete: 'outlet' },
  ],
  pageSize: WHEN_LIMIT,
} as const satisfies CommandDefinition;

export default defineCommand(When, ({ corpus }, args, limit) => when(corpus, args, limit));
