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

/** The indexes of a corpus held in memory (no index file): how tests and small tools load it. */
export function indexInMemory(corpus: Corpus, reason = 'in memory'): LoadedCorpus {
  return {
    ...corpus,
    index: ParagraphIndex.build(corpus.articles),
    quotes: QuoteBook.build(corpus.articles),
    events: EventIndex.build(corpus.articles),
    source: { kind: 'built', reason },
  };
}
