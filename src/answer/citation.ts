import type { Article, Paragraph } from '../model/index.ts';
import { isoDate } from './dates.ts';
import { directiveWords, withTextFragment } from './textFragment.ts';
import type { Citation } from './types.ts';

/** What stands on the page before a paragraph: the title and the paragraphs before it (a browser opens at the first match). */
const pageBefore = (article: Article, index: number): string =>
  [article.meta.title ?? '', ...article.paragraphs.slice(0, index).map((p) => p.text)].join('\n');

/**
 * The link that opens the article at the cited words: its URL with a text fragment of words of the cited
 * paragraph (or caption). The outlet's home page, or words that are not the block's own, get no fragment.
 */
function linkOf(article: Article, block: { text: string; index: number } | null, words: string | undefined): string | null {
  const { url } = article.meta;
  if (url === null) return article.meta.outletUrl;
  if (block === null) return url;
  const chosen = directiveWords(words ?? block.text, block.text, pageBefore(article, block.index));
  return chosen ? withTextFragment(url, chosen) : url;
}

/**
 * The citation of one paragraph (or, without one, of the whole article). `text` is the words the result
 * stands on as the paragraph has them (the paragraph whole when not given), and where the link opens.
 */
export function citationOf(article: Article, paragraph?: Paragraph, text?: string): Citation {
  const { meta } = article;
  const first = article.paragraphs[0];
  const last = article.paragraphs[article.paragraphs.length - 1];
  return {
    article: article.id,
    outlet: meta.outlet,
    title: meta.title,
    url: meta.url ?? meta.outletUrl,
    urlKnown: meta.url !== null,
    link: linkOf(article, paragraph ?? null, text),
    published: meta.published,
    paragraph: paragraph ? paragraph.index + 1 : null,
    offsets: paragraph ? [paragraph.start, paragraph.end] : [first?.start ?? 0, last?.end ?? 0],
    ...(text === undefined ? {} : { text }),
  };
}

/**
 * The citation of a photo caption: set aside from the body, but on the page, so its link opens at it. It
 * is placed on the page after the paragraphs that end before it.
 */
export function captionCitation(article: Article, offsets: [number, number], text: string): Citation {
  const index = article.paragraphs.filter((p) => p.end <= offsets[0]).length;
  return { ...citationOf(article), link: linkOf(article, { text, index }, text), caption: true, offsets, text };
}

/** The most citations one result lists; the rest are counted in `details.moreCitations`. */
export const MAX_CITATIONS = 10;

/** The publication day (YYYY-MM-DD) of an ISO date or date-time, as the source states it. */
export const publishedDay = (published: string | null): string | null => (published ? isoDate(published).slice(0, 10) : null);
