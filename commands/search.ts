import { citationOf } from '../src/answer/citation.ts';
import { articleFilter, undatedNote } from '../src/answer/filters.ts';
import { snippet } from '../src/answer/snippet.ts';
import type { Answer } from '../src/answer/types.ts';
import { defineCommand } from '../src/router/command.ts';

/** How many paragraphs one answer lists. */
export const SEARCH_LIMIT = 10;

export default defineCommand({
  name: 'search',
  description: 'Find the paragraphs that talk about something, ranked, with links to the articles.',
  example: '/search "regime change" outlet:Daily Sabah',
  options: [
    { name: 'query', type: 'string', required: true, description: 'Words to look for; put a phrase in "quotes"', autocomplete: 'topic' },
    { name: 'outlet', type: 'string', description: 'Only articles of this outlet', autocomplete: 'outlet' },
    { name: 'from', type: 'date', description: 'Only articles published on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
    { name: 'to', type: 'date', description: 'Only articles published on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
  ],
  run({ corpus }, options): Answer {
    const query = options.query ?? '';
    const filter = articleFilter(corpus, options);
    const { hits, total, totalIsExact, corrections, unknown } = corpus.index.query(
      query,
      filter.active ? filter.accept : undefined,
      SEARCH_LIMIT,
    );
    const notes: string[] = [];
    if (corrections.length > 0) notes.push(`read ${corrections.map(([typed, read]) => `"${typed}" as "${read}"`).join(', ')}`);
    if (unknown.length > 0) notes.push(`not in the corpus: ${unknown.map((w) => `"${w}"`).join(', ')}`);
    const undated = undatedNote(corpus, filter);
    if (undated) notes.push(undated);
    if (!totalIsExact) notes.push(`about ${total} paragraphs have the phrase (past the ones shown, counted by a quick test)`);
    if (hits.length === 0) notes.unshift(`nothing in the corpus matches ${JSON.stringify(query)}`);
    return {
      command: 'search',
      query,
      total,
      results: hits.map((hit) => {
        const cut = snippet(hit.paragraph.text, hit.highlights);
        return {
          text: cut.text,
          highlights: cut.highlights,
          score: Number(hit.score.toFixed(3)),
          citations: [citationOf(hit.article, hit.paragraph)],
        };
      }),
      ...(notes.length > 0 ? { notes } : {}),
    };
  },
});
