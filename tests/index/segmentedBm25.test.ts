import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Builder, type Bm25Index } from '../../src/index/bm25.ts';
import { SegmentedBm25 } from '../../src/index/segmentedBm25.ts';

/** A document: its terms in two fields, from a small vocabulary so that terms repeat and scores tie. */
const WORDS = ['kerri', 'lavrov', 'moscow', 'geneva', 'syria', 'assad', 'putin'];
const doc = fc.tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }));

const build = (docs: ReadonlyArray<readonly [string[], string[]]>): Bm25Index => {
  const b = new Bm25Builder(['a', 'b']);
  for (const [x, y] of docs) b.add([x, y]);
  return b.finish();
};

describe('SegmentedBm25', () => {
  it('scores and orders as one index built over the live documents in global order, for any split, deletions and order', () => {
    fc.assert(
      fc.property(
        // Each document: its terms, the segment it lands in, and whether it is deleted there.
        fc.array(fc.tuple(doc, fc.integer({ min: 0, max: 2 }), fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom(...WORDS, 'absent'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<'AND' | 'OR'>('AND', 'OR'),
        fc.integer({ min: 1, max: 40 }),
        (docs, query, combineWith, limit) => {
          // Segments hold their documents in global order, as segments of files do; deleted ones too.
          const parts = [0, 1, 2].map((k) => docs.map((d, g) => ({ d, g })).filter(({ d }) => d[1] === k));
          let live = 0;
          const globalOf = new Map<number, number>();
          docs.forEach((d, g) => {
            if (!d[2]) globalOf.set(g, live++);
          });
          const segmented = new SegmentedBm25(
            ['a', 'b'],
            parts.map((part) => ({
              index: build(part.map(({ d }) => d[0])),
              toGlobal: Int32Array.from(part.map(({ d, g }) => (d[2] ? -1 : (globalOf.get(g) as number)))),
            })),
          );
          const whole = build(docs.filter((d) => !d[2]).map((d) => d[0]));
          const options = { combineWith, limit, boost: { b: 2 } };
          const strip = (r: { hits: Array<{ doc: number; score: number }>; total: number }) => ({
            hits: r.hits.map((h) => [h.doc, h.score]),
            total: r.total,
          });
          expect(strip(segmented.search(query, options))).toEqual(strip(whole.search(query, options)));
          expect(segmented.docCount).toBe(whole.docCount);
          for (const w of query) {
            expect(segmented.has(w)).toBe(whole.has(w));
            expect(segmented.frequency(w, 1)).toBe(whole.frequency(w, 1));
          }
          for (let g = 0; g < whole.docCount; g += 1) expect(segmented.termsIn(g, WORDS)).toEqual(whole.termsIn(g, WORDS));
        },
      ),
      { numRuns: 300 },
    );
  });
});
