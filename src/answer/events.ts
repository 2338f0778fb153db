import type { LoadedCorpus } from '../index/cache.ts';
import type { EventRef } from '../index/eventIndex.ts';
import type { EventMention } from '../ingest/events.ts';
import type { Article, Paragraph } from '../ingest/types.ts';
import { citationOf } from './citation.ts';
import type { Citation } from './types.ts';

/** An event mention with its article. */
export function mentionOf(corpus: LoadedCorpus, ref: EventRef): { article: Article; event: EventMention } {
  const article = corpus.articles[ref.article] as Article;
  return { article, event: article.events[ref.event] as EventMention };
}

/** The citation of a dated sentence: its paragraph, or the caption it stands in. */
export function eventCitation(article: Article, event: EventMention): Citation {
  if (event.paragraph !== null) return citationOf(article, article.paragraphs[event.paragraph] as Paragraph);
  return { ...citationOf(article), caption: true, offsets: event.sentenceOffsets };
}

/** The first day of a value: "2015-09-20/.." → "2015-09-20", "2015-09" → "2015-09-01", "../2016" → "0000". */
export function startOf(value: string): string {
  const lo = value.split('/')[0] as string;
  if (lo === '..') return '0000-01-01';
  return lo.length === 4 ? `${lo}-01-01` : lo.length === 7 ? `${lo}-01` : lo;
}
