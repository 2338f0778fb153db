import { context } from '../src/answer/context.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Context = {
  name: 'context',
  description: 'A cited paragraph whole, with the paragraph before and after it.',
  example: '/context 004_58819347198058c8 2',
  options: [
    { name: 'article', type: 'string', required: true, description: 'The article id, as a citation gives it (the start of it is enough)' },
    { name: 'paragraph', type: 'integer', required: true, description: 'The paragraph number (¶), from 1' },
  ],
} as const satisfies CommandDefinition;

export default defineCommand(Context, ({ corpus }, args) => context(corpus, args));
