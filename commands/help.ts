import { help } from '../src/answer/catalogue.ts';
import { type CommandDefinition, defineCommand, usageOf } from './define.ts';

export const Help = {
  name: 'help',
  description: 'List the commands, how to type them, and an example of each.',
  example: '/help',
  options: [],
} as const satisfies CommandDefinition;

export default defineCommand(Help, ({ commands }) =>
  help([...commands.values()].map(({ definition: d }) => ({ usage: usageOf(d), description: d.description, example: d.example }))),
);
