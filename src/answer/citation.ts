import type { Article, Paragraph } from '../model/index.ts';
import { isoDate } from './dates.ts';
import type { Citation } from './types.ts';

/** The citation of one paragraph (or, without one, of the whole article). */
export function citationOf(article: Article, paragraph?: Paragraph): Citation {
  const { meta } = article;
  const first = article.paragraphs[0];
  const last = article.paragraphs[article.paragraphs.length - 1];
  return {
    article: article.id,
    outlet: meta.outlet,
    title: meta.title,
    url: meta.url ?? meta.outletUrl,
    urlKnown: meta.url !== null,
    published: meta.published,
    paragraph: paragraph ? paragraph.index + 1 : null,
    offsets: paragraph ? [paragraph.start, paragraph.end] : [first?.start ?? 0, last?.end ?? 0],
  };
}

/** The most citations one result lists; the rest are counted in `details.moreCitations`. */
export const MAX_CITATIONS = 10;

/** The publication day (YYYY-MM-DD) of an ISO date or date-time, as the source states it. */
export const publishedDay = (published: string | null): string | null => (published ? isoDate(published).slice(0, 10) : null);
