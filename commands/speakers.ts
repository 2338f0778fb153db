import type { Answer } from '../src/answer/types.ts';
import { defineCommand } from '../src/router/command.ts';

export default defineCommand({
  name: 'speakers',
  description: 'Everyone the corpus quotes or names: aliases, role and how many quotes.',
  example: '/speakers',
  options: [],
  run({ corpus }): Answer {
    const speakers = [...corpus.quotes.speakers].sort((a, b) => b.quoteCount - a.quoteCount || a.name.localeCompare(b.name));
    return {
      command: 'speakers',
      query: '',
      total: speakers.length,
      results: speakers.map((s) => ({
        text: s.description ? `${s.name}: ${s.description}` : s.name,
        details: { quotes: s.quoteCount, aliases: s.aliases.join('; '), kind: s.kind },
        citations: [],
      })),
    };
  },
});
