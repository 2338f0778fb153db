import { speakers } from '../src/answer/catalogue.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Speakers = {
  name: 'speakers',
  description: 'Everyone the corpus quotes or names: aliases, role and how many quotes.',
  example: '/speakers',
  options: [],
  pageSize: 50,
} as const satisfies CommandDefinition;

export default defineCommand(Speakers, ({ corpus }) => speakers(corpus));
