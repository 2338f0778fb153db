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

const publicationRanks = new WeakMap<LoadedCorpus, Uint32Array>();
/**
 * Each article's place in publication order (as `localeCompare` orders the dates; undated last, then corpus
 * order): sorting citations earliest first is then sorting numbers. Worked out once per corpus.
 */
export function publicationRank(corpus: LoadedCorpus): Uint32Array {
  let ranks = publicationRanks.get(corpus);
  if (!ranks) {
    const compare = new Intl.Collator().compare;
    const published = corpus.articles.map((a) => a.meta.published ?? '9999');
    const order = published.map((_, i) => i).sort((x, y) => compare(published[x] as string, published[y] as string) || x - y);
    ranks = new Uint32Array(order.length);
    // Articles published the same day share a rank, so that ties keep the order they had.
    order.forEach((ai, k) => {
      const prev = order[k - 1];
      (ranks as Uint32Array)[ai] =
        k > 0 && prev !== undefined && compare(published[prev] as string, published[ai] as string) === 0
          ? ((ranks as Uint32Array)[prev] as number)
          : k;
    });
    publicationRanks.set(corpus, ranks);
  }
  return ranks;
}

const chronologicalOrders = new WeakMap<LoadedCorpus, Uint32Array>();
/**
 * Every dated mention, in the order of the day its date starts on, the more precise value first on one day
 * ("2015-12" before "2015-12-15"), then in corpus order: /timeline without a topic walks this instead of
 * sorting the corpus's mentions at every question. Worked out once per corpus.
 */
export function chronologicalOrder(corpus: LoadedCorpus): Uint32Array {
  let order = chronologicalOrders.get(corpus);
  if (!order) {
    const { events } = corpus;
    const starts = new Map<number, string>();
    const startOfId = (id: number): string => {
      const v = events.valueIdOf(id);
      let start = starts.get(v);
      if (start === undefined) {
        start = startOf(events.valueOf(id));
        starts.set(v, start);
      }
      return start;
    };
    order = Uint32Array.from({ length: events.count }, (_, i) => i).sort((x, y) => {
      const a = startOfId(x);
      const b = startOfId(y);
      return (a < b ? -1 : a > b ? 1 : 0) || events.valueOf(x).length - events.valueOf(y).length || x - y;
    });
    chronologicalOrders.set(corpus, order);
  }
  return order;
}
