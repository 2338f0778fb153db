import { WHO_SAID_LIMIT, whoSaid } from '../src/answer/whoSaid.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const WhoSaid = {
  name: 'who-said',
  description: 'Who is quoted on a topic: the quote, the speaker and role, and every outlet that carries it.',
  example: '/who-said regime change',
  options: [
    {
      name: 'topic',
      type: 'string',
      required: true,
      description: 'What the quote is about; put a phrase in "quotes"',
      autocomplete: 'topic',
    },
    { name: 'speaker', type: 'string', description: 'Only quotes of this person (any name the corpus uses)', autocomplete: 'speaker' },
    { name: 'outlet', type: 'string', description: 'Only quotes carried by this outlet', autocomplete: 'outlet' },
  ],
  pageSize: WHO_SAID_LIMIT,
} as const satisfies CommandDefinition;

export default defineCommand(WhoSaid, ({ corpus }, args, limit) => whoSaid(corpus, args, limit));
