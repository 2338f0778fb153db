import type { DateBasis } from '../../model/index.ts';

/**
 * What ranking and the rules ask of a basis. They read its facts, never the words of `derivation`, so that
 * rewording an explanation changes no answer.
 */

/** "now", "today" (or "since today"): the present of the writing, not the day of an event. */
export const readsThePresent = (b: DateBasis): boolean => b.kind === 'present' || (b.kind === 'since' && readsThePresent(b.after.basis));

/** "previously", "in the past" (or "since" one of them): open towards the past, with no start. */
const opensBackwards = (b: DateBasis): boolean =>
  (b.kind === 'open-range' && b.side === 'before') || (b.kind === 'since' && opensBackwards(b.after.basis));

/** Weak evidence for "when did X happen": the present of the writing, or only "some time before". */
export const isWeakBasis = (b: DateBasis): boolean => readsThePresent(b) || opensBackwards(b);

/** Does it date something: resolved, and not a length of time? */
export const datesSomething = (b: DateBasis): boolean =>
  b.kind !== 'unresolved' && b.kind !== 'length' && b.kind !== 'untold-length' && b.kind !== 'recurring';

/** A full date as written ("Tuesday, Dec. 15, 2015"): what an undated article is anchored on. */
export const isFullDateAsWritten = (b: DateBasis): boolean => b.kind === 'as-written' && b.form === 'full-date';

/**
 * Dated by the speaker's remarks dated nearby, not by words of its own sentence: no temporal expression of the
 * text, so it stays out of what lists or scores expressions (the export, the date evaluations), and it is
 * weaker evidence than a sentence that holds its own date.
 */
export const isRemarksDated = (b: DateBasis): boolean => b.kind === 'remarks-dated';
