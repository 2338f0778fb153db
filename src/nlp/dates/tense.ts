import type { Tense } from '../../model/index.ts';

const FUTURE =
  /\b(?:will|shall|going to|is to|are to|to be held|to take place|scheduled for|expected to|upcoming|coming|later this|next)\b/i;

/**
 * The clause an expression stands in: back to the nearest comma or semicolon (at most 80 characters), on to
 * the next one (or 40 characters), so that "Kerry, who arrived on Monday, will leave" reads "who arrived on Monday".
 */
export function clauseAround(sentence: string, start: number, end: number): string {
  const from = Math.max(sentence.lastIndexOf(',', start - 1), sentence.lastIndexOf(';', start - 1), start - 80, 0);
  const comma = sentence.slice(end).search(/[,;]/);
  return sentence.slice(from, comma < 0 ? Math.min(sentence.length, end + 40) : end + comma);
}

/** Future when a word of the clause says so ("will", "is to", "next", …); past otherwise, whatever the verbs. */
export function tenseAround(sentence: string, start: number, end: number): Tense {
  return FUTURE.test(clauseAround(sentence, start, end)) ? 'future' : 'past';
}
