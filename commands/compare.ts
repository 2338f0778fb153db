import { compare } from '../src/answer/compare.ts';
import { type CommandDefinition, defineCommand } from './define.ts';

export const Compare = {
  name: 'compare',
  description: 'How each outlet covers a topic, side by side: paragraphs, speakers, quotes only it has, its own words.',
  example: '/compare Assad',
  options: [
    {
      name: 'topic',
      type: 'string',
      required: true,
      description: 'What to compare the coverage of; put a phrase in "quotes"',
      autocomplete: 'topic',
    },
    {
      name: 'outlets',
      type: 'string',
      description: 'Only these outlets, separated by commas (two or more; any part of a name)',
      autocomplete: 'outlets',
    },
  ],
} as const satisfies CommandDefinition;

export default defineCommand(Compare, ({ corpus }, args) => compare(corpus, args));
