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

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}(?![\\p{L}\\p{N}])`, 'gu');
  let best: [number, number] | null = null;
  for (const m of text.matchAll(re)) {
    const s = m.index;
    const e = s + m[0].length;
    if (outside.some(([from, to]) => s < to && e > from)) continue;
    if (best === null || distance(s, e, near) < distance(best[0], best[1], near)) best = [s, e];
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
