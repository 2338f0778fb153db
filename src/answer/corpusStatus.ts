/**
 * The answers of `/corpus`: where the corpus stands (`status`), and what an add or a remove did. Plain data,
 * rendered like any answer.
 */
import type { CorpusStatus } from '../index/live.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { paragraphCountOf } from '../index/articleStore.ts';
import { citationOf } from './citation.ts';
import type { Answer, Result } from './types.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `/corpus status`: articles, paragraphs, the last update, and each file that failed to load with the reason.
 * Without a live corpus (a one-off `ask`), the last update is the load.
 */
export function corpusStatus(status: CorpusStatus): Answer {
  const summary: Result = {
    text: `${plural(status.articles, 'article')}, ${plural(status.paragraphs, 'paragraph')}; last update ${status.lastUpdate}`,
    details: {
      articles: status.articles,
      paragraphs: status.paragraphs,
      'last update': status.lastUpdate,
      'failed to load': status.failed.length,
    },
    citations: [],
  };
  const failed: Result[] = status.failed.map((w) => ({
    text: `not loaded: ${w.file}: ${w.reason}`,
    details: { file: w.file },
    citations: [],
  }));
  return {
    command: 'corpus',
    query: 'status',
    results: [summary, ...failed],
    notes: status.failed.length === 0 ? ['every file of the corpus loaded'] : [`${plural(status.failed.length, 'file')} did not load`],
  };
}

/** The status of a loaded corpus that is not live: its load is its last update. */
export const statusOfLoaded = (corpus: LoadedCorpus, loadedAt: string): CorpusStatus => ({
  dir: corpus.dir,
  articles: corpus.articles.length,
  paragraphs: corpus.index.paragraphCount,
  lastUpdate: loadedAt,
  failed: corpus.warnings,
  segments: 1,
  deleted: 0,
});

/** `/corpus add` done: the article as it now answers (its id, paragraphs, quotes found), cited. */
export function articleAdded(corpus: LoadedCorpus, file: string, ms: number): Answer {
  const article = corpus.articles.find((a) => a.file === file);
  if (!article)
    return { command: 'corpus', query: 'add', results: [], error: { message: `${file} was written but did not load`, kind: 'usage' } };
  const quotes = article.quotes.length;
  return {
    command: 'corpus',
    query: 'add',
    results: [
      {
        text: `added ${article.id}: ${plural(paragraphCountOf(article), 'paragraph')}, ${plural(quotes, 'quote')} found; answered from in ${Math.round(ms)} ms`,
        details: { article: article.id, file, paragraphs: paragraphCountOf(article), quotes },
        citations: [citationOf(article)],
      },
    ],
  };
}

/** `/corpus remove` done: the article's id and file, and how many articles are left. */
export const articleRemoved = (corpus: LoadedCorpus, article: string, file: string): Answer => ({
  command: 'corpus',
  query: 'remove',
  results: [
    {
      text: `removed ${article} (${file}); ${plural(corpus.articles.length, 'article')} left`,
      details: { article, file, articles: corpus.articles.length },
      citations: [],
    },
  ],
});
