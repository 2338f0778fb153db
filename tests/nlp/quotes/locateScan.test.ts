import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestOccurrence } from '../../../src/nlp/quotes/locate.ts';

/** The regular expression nearestOccurrence once compiled for every call: the reference its scan must equal. */
function byRegex(text: string, words: string, near: readonly [number, number], outside: ReadonlyArray<readonly [number, number]>) {
  const w = words.trim();
  if (w === '' || /^\(.*\)$/.test(w)) return null;
  const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const distance = (s: number, e: number): number => Math.max(0, near[0] - e, s - near[1]);
  let best: [number, number] | null = null;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const s = m.index;
    const e = s + m[0].length;
    if (outside.some(([from, to]) => s < to && e > from)) continue;
    if (best === null || distance(s, e) < distance(best[0], best[1])) best = [s, e];
  }
  return best;
}

describe('nearestOccurrence scans as the look-around expression matched', () => {
  it('whole words only, nearest the quote, outside the quotations', () => {
    const text = 'Kerryman said. "Kerry said no," Kerry said, and Kerry left.';
    expect(nearestOccurrence(text, 'Kerry', [15, 31], [[15, 31]])).toEqual([32, 37]);
    expect(nearestOccurrence('Kerryman', 'Kerry', [0, 1], [])).toBeNull();
    expect(nearestOccurrence('2Kerry', 'Kerry', [0, 1], [])).toBeNull();
  });

  it('reads a letter outside the basic plane as a letter (no match glued to it)', () => {
    expect(nearestOccurrence('𝐀said', 'said', [0, 1], [])).toBeNull();
    expect(nearestOccurrence('😀 said', 'said', [0, 1], [])).toEqual([3, 7]);
  });

  it('equals the expression on any text of a small alphabet', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '.', '1', '"', 'é', '𝐀');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join('')),
        fc.array(fc.constantFrom('a', 'b', ' ', 'é'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('')),
        fc.nat(40),
        fc.nat(40),
        fc.array(fc.tuple(fc.nat(40), fc.nat(10)), { maxLength: 2 }),
        (text, words, a, b, spans) => {
          const near: [number, number] = [Math.min(a, b), Math.max(a, b)];
          const outside = spans.map(([s, n]) => [s, s + n] as const);
          expect(nearestOccurrence(text, words, near, outside)).toEqual(byRegex(text, words, near, outside));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
