import { citationOf } from '../src/answer/citation.ts';
import type { Answer } from '../src/answer/types.ts';
import { defineCommand } from '../src/router/command.ts';

export default defineCommand({
  name: 'sources',
  description: 'List every article of the corpus: outlet, title, date, link and paragraph count.',
  example: '/sources',
  options: [],
  run({ corpus }): Answer {
    const notes = corpus.warnings.map((w) => `not loaded: ${w.file}: ${w.reason}`);
    return {
      command: 'sources',
      query: '',
      total: corpus.articles.length,
      results: corpus.articles.map((a) => ({
        text: `${a.meta.outlet ?? 'unknown outlet'}: ${a.meta.title ?? 'untitled'}`,
        details: { paragraphs: a.paragraphs.length, published: a.meta.published ?? 'unknown', author: a.meta.author ?? 'unknown' },
        citations: [citationOf(a)],
      })),
      ...(notes.length > 0 ? { notes } : {}),
    };
  },
});
