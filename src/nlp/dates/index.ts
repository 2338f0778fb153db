/**
 * Dates: finding the temporal expressions of a text and resolving them, one named rule each (phrases.ts,
 * chrono.ts, since.ts, article.ts), with how each was resolved as a typed basis (src/model/time.ts) and the
 * words said from it (explain.ts). Loads chrono-node: the answer side imports words.ts, explain.ts and basis.ts only.
 */
export type { Anchor, DateBasis, Granularity, RecentDay, TimeExpression } from '../../model/index.ts';
export { anchorOf, datesOfSentence, daySpoken, publicationAnchor, recentDayOf, yearsAfterEvent } from './article.ts';
export { datesSomething, isFullDateAsWritten, isWeakBasis, readsThePresent } from './basis.ts';
export { explainDate } from './explain.ts';
export { findTimeExpressions } from './find.ts';
export { humanDate, startOf, weekdayOf } from './words.ts';
