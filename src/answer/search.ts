import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { citationOf } from './citation.ts';
import { articleFilter, emptyPeriodNote, undatedNote } from './filters.ts';
import { queryNotes, withNotes } from './notes.ts';
import { snippet } from './snippet.ts';
import type { Answer } from './types.ts';

/** How many paragraphs a page of the answer lists at the command line. */
export const SEARCH_LIMIT = 10;

export interface SearchArgs {
  query: string;
  outlet?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * `/search`: the paragraphs that match, best first, each a snippet with its matched words and its citation;
 * the first `limit` of them (only those are highlighted), and `total` counts them all.
 */
export function search(corpus: LoadedCorpus, args: SearchArgs, limit = SEARCH_LIMIT): Answer {
  const { query } = args;
  const filter = articleFilter(corpus, args);
  const { hits, total, totalIsExact, corrections, unknown } = corpus.index.query(query, filter.active ? filter.accept : undefined, limit);
  const notes = queryNotes(corrections, unknown);
  const undated = undatedNote(corpus, filter);
  if (undated) notes.push(undated);
  if (!totalIsExact)
    notes.push(`at least ${total} paragraphs have the phrase (the paragraphs with all its words are too many to read them all)`);
  if (hits.length === 0) notes.unshift(emptyPeriodNote(corpus, filter) ?? `nothing in the corpus matches ${JSON.stringify(query)}`);
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
    ...withNotes(notes),
  };
}
