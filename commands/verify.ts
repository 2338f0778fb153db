import { VERIFY_LIMIT, verify } from '../src/answer/verify.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Verify = {
  name: 'verify',
  description: 'Check a quote: is it in the corpus, in these words, from this person? A verdict, the differences, the sources.',
  example: '/verify "The United States is not seeking regime change" speaker:Lavrov',
  options: [
    { name: 'quote', type: 'string', required: true, description: 'The words of the quote, as you have them (in "quotes" or not)' },
    {
      name: 'speaker',
      type: 'string',
      description: 'Who is said to have said it (any name or role the corpus uses)',
      autocomplete: 'speaker',
    },
  ],
  pageSize: VERIFY_LIMIT,
} as const satisfies CommandDefinition;

export default defineCommand(Verify, ({ corpus }, args, limit) => verify(corpus, args, limit));
