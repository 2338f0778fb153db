import type { Answer } from '../src/answer/types.ts';
import { defineCommand, usageOf } from '../src/router/command.ts';

export default defineCommand({
  name: 'help',
  description: 'List the commands, how to type them, and an example of each.',
  example: '/help',
  options: [],
  run({ commands }): Answer {
    return {
      command: 'help',
      query: '',
      results: commands.map((c) => ({
        text: `${usageOf(c)}: ${c.description}`,
        details: { example: c.example },
        citations: [],
      })),
      notes: ['Options are written name:value, e.g. outlet:Daily Sabah. Every answer cites the paragraph it comes from.'],
    };
  },
});
