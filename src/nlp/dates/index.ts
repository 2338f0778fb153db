/**
 * Dates: finding the temporal expressions of a text and resolving them, one named rule each (phrases.ts,
 * periods.ts, vague.ts, chrono.ts, since.ts, article.ts), with how each was resolved as a typed basis (src/model/time.ts) and the
 * words said from it (explain.ts). Loads chrono-node: the answer side imports words.ts, explain.ts and
 * basis.ts directly, never this.
 */
export type { Anchor } from '../../model/index.ts';
export { anchorOf, datesOfSentence, daySpoken, publicationAnchor } from './article.ts';
export { findTimeExpressions } from './find.ts';
export { humanDate } from './words.ts';
