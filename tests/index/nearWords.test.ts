import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { NearWords } from '../../src/index/nearWords.ts';
import { seedCorpus } from '../support/helpers.ts';

/** What SearchableMap finds: the values and distances, in the order of its results. */
const reference = <T>(entries: Array<[string, T]>, query: string, max: number): Array<[T, number]> => [
  ...SearchableMap.from(entries).fuzzyGet(query, max).values(),
];

describe('near words', () => {
  it('finds a word one edit away, not one two edits away', () => {
    const near = NearWords.from(
      new Map([
        ['kerry', 1],
        ['berry', 2],
      ]),
    );
    expect(near.search('kery', 1)).toEqual([[1, 1]]);
    expect(near.search('kery', 2)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(near.search('putin', 2)).toEqual([]);
  });

  it("finds SearchableMap's words, distances and order, for any words inserted in any order (property)", () => {
    // Few letters, so that words share prefixes, branches split in every order and distances tie.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 0, maxLength: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, fc.integer({ min: 0, max: 3 }), (words, query, max) => {
        const entries = words.map((w, i): [string, number] => [w, i]);
        expect(NearWords.from(entries).search(query, max)).toEqual(reference(entries, query, max));
      }),
      { numRuns: 500 },
    );
  });

  it("finds SearchableMap's words for misspellings of the seed corpus's words", () => {
    const words = [
      ...new Set(seedCorpus().articles.flatMap((a) => a.paragraphs.flatMap((p) => p.text.toLowerCase().match(/\p{L}+/gu) ?? []))),
    ];
    const entries = words.map((w, i): [string, number] => [w, i]);
    const near = NearWords.from(entries);
    const tree = SearchableMap.from(entries);
    const queries = words
      .filter((w, i) => w.length >= 5 && i % 3 === 0)
      .flatMap((w) => [w.slice(1), `${w.slice(0, 2)}${w.slice(3)}`, `${w}s`, `x${w}`]);
    expect(queries.length).toBeGreaterThan(200);
    let found = 0;
    for (const q of queries)
      for (const max of [1, 2]) {
        const got = near.search(q, max);
        found += got.length;
        expect(got).toEqual([...tree.fuzzyGet(q, max).values()]);
      }
    expect(found).toBeGreaterThan(queries.length);
  });
});
