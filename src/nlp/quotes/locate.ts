/**
 * Where a quote's speaker and cue stand in its paragraph: the rules keep the words ("Kerry", "said"); a
 * researcher wants their place. Read after the rules, so nothing they decide depends on it.
 */

import { quoteSpans } from './spans.ts';

/** The words of a quote that its spans are found from. */
export interface Attributed {
  kind?: string;
  span: [number, number];
  speaker: { mention: string };
  cue: string;
}

/** [start, end) in the paragraph text of the speaker's mention and of the cue; absent when the paragraph does not hold them. */
export interface AttributionSpans {
  speakerSpan?: [number, number];
  cueSpan?: [number, number];
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Whether the code point that ends just before `at` (a surrogate pair read whole) is a letter or digit. */
const wordCharBefore = (text: string, at: number): boolean => {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start) as number));
};

/** Whether the code point that starts at `at` is a letter or digit. */
const wordCharAt = (text: string, at: number): boolean =>
  at < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at) as number));

/** How far [s, e) stands from [from, to): 0 when they touch or overlap. */
const distance = (s: number, e: number, [from, to]: readonly [number, number]): number => Math.max(0, from - e, s - to);

/**
 * The occurrence of `words` (whole words, as written) in `text` nearest to `near`, outside the quotations
 * `outside`; null when the words do not stand in the text, or are a placeholder like "(subject of the sentence)".
 */
export function nearestOccurrence(
  text: string,
  words: string,
  near: readonly [number, number],
  outside: ReadonlyArray<readonly [number, number]>,
): [number, number] | null {
  const w = words.trim();
  if (w === '' || /^\(.*\)$/.test(w)) return null;
  // A scan with indexOf and a look at the letters either side, as a regular expression with look-arounds
  // would match (a match resumes after its end, a failed try at the next character), without compiling one
  // Unicode expression per quote: that compiling was a fifth of the ingest.
  let best: [number, number] | null = null;
  for (let s = text.indexOf(w); s !== -1;) {
    const e = s + w.length;
    if (wordCharBefore(text, s) || wordCharAt(text, e)) {
      s = text.indexOf(w, s + 1);
      continue;
    }
    if (!outside.some(([from, to]) => s < to && e > from) && (best === null || distance(s, e, near) < distance(best[0], best[1], near)))
      best = [s, e];
    s = text.indexOf(w, e);
  }
  return best;
}

/**
 * The words a quote's speaker and cue cannot stand in: a direct quote's quotations (its span covers the cue
 * of a quote split around it, `"A," Kerry said, "B."`), else the whole span.
 */
export function quotedParts(text: string, quote: Attributed): Array<readonly [number, number]> {
  if (quote.kind !== 'direct') return [quote.span];
  const [from, to] = quote.span;
  const parts = quoteSpans(text)
    .filter((q) => q.open < to && q.close > from)
    .map((q) => [q.open, q.close] as const);
  return parts.length > 0 ? parts : [quote.span];
}

/** The spans of a quote's speaker mention (nearest the quote) and cue (nearest the speaker, else the quote). */
export function attributionSpans(text: string, quote: Attributed): AttributionSpans {
  const quoted = quotedParts(text, quote);
  const speaker = nearestOccurrence(text, quote.speaker.mention, quote.span, quoted);
  const cue = nearestOccurrence(text, quote.cue, speaker ?? quote.span, quoted);
  return { ...(speaker ? { speakerSpan: speaker } : {}), ...(cue ? { cueSpan: cue } : {}) };
}
