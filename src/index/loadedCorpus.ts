import type { Corpus, CorpusWarning } from '../ingest/corpus.ts';
import type { Article } from '../model/index.ts';
import { EventIndex } from './eventIndex.ts';
import { ParagraphIndex } from './paragraphIndex.ts';
import { QuoteBook } from './quoteBook.ts';

/** The corpus as the answers read it: its articles and the three indexes over them. */
export interface LoadedCorpus {
  dir: string;
  articles: Article[];
  warnings: CorpusWarning[];
  index: ParagraphIndex;
  quotes: QuoteBook;
  events: EventIndex;
  /** How the index came to be: read from the cache, or built (and why). */
  source: { kind: 'cache'; file: string } | { kind: 'built'; reason: string };
}

/** The three indexes over a corpus's articles, built in turn; `onStep` hears each one finish (for a progress bar). */
export function buildIndexes(
  articles: Article[],
  onStep?: (done: number, total: number) => void,
): Pick<LoadedCorpus, 'index' | 'quotes' | 'events'> {
  onStep?.(0, 3);
  const index = ParagraphIndex.build(articles);
  onStep?.(1, 3);
  const quotes = QuoteBook.build(articles);
  onStep?.(2, 3);
  const events = EventIndex.build(articles);
  onStep?.(3, 3);
  return { index, quotes, events };
}

/** A corpus with its indexes held in memory (no index file): for tests and small tools. */
export const indexInMemory = (corpus: Corpus, reason = 'in memory'): LoadedCorpus => ({
  ...corpus,
  ...buildIndexes(corpus.articles),
  source: { kind: 'built', reason },
});
