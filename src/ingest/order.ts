import type { Article } from '../model/index.ts';

/** Where an article without a publication date sorts: after every dated one. */
const UNDATED_LAST = '9999';

/**
 * An article's publication date as a sort key, undated articles last: the one place that says so.
 * `day` compares the day only (YYYY-MM-DD); `as given` keeps a time of day where the source gives one.
 */
export function publicationKey(article: Article | null, precision: 'day' | 'as given' = 'day'): string {
  const published = article?.meta.published ?? null;
  if (published === null) return UNDATED_LAST;
  return precision === 'day' ? published.slice(0, 10) : published;
}
