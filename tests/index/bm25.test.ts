import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { Bm25Builder, Bm25Index } from '../../src/index/bm25.ts';
import { type Bm25Searcher, SegmentedBm25 } from '../../src/index/segmentedBm25.ts';
import { terms } from '../../src/nlp/terms.ts';
import { seedCorpus } from '../support/helpers.ts';

type Doc = { id: number; a: string; b: string };

/** MiniSearch and a Bm25Index over the same documents and terms. */
function both(docs: Doc[]): { mini: MiniSearch<Doc>; bm25: Bm25Index } {
  const tokenize = (text: string): string[] => terms(text);
  const mini = new MiniSearch<Doc>({ fields: ['a', 'b'], tokenize, processTerm: (t) => t });
  mini.addAll(docs);
  const builder = new Bm25Builder(['a', 'b']);
  for (const d of docs) builder.add([tokenize(d.a), tokenize(d.b)]);
  return { mini, bm25: builder.finish() };
}

/**
 * Every implementation of the paragraph search (`Bm25Searcher`) the answers may read, built over the same
 * documents: the parity tests below hold each of them to MiniSearch's scores. A second implementation (another
 * engine behind the same interface) joins this list and must pass the same tests.
 */
const IMPLEMENTATIONS: ReadonlyArray<[string, (docs: Doc[]) => Bm25Searcher]> = [
  ['one BM25 index', (docs) => both(docs).bm25],
  [
    'three segments searched as one',
    (docs) => {
      const tokenize = (text: string): string[] => terms(text);
      const parts = [0, 1, 2].map((k) => docs.filter((d) => d.id % 3 === k));
      return new SegmentedBm25(
        ['a', 'b'],
        parts.map((part) => {
          const builder = new Bm25Builder(['a', 'b']);
          for (const d of part) builder.add([tokenize(d.a), tokenize(d.b)]);
          return { index: builder.finish(), toGlobal: Int32Array.from(part.map((d) => d.id)) };
        }),
      );
    },
  ],
];

/** The same ranking as MiniSearch's: the same documents, in the same order, with the same scores to the bit. */
function expectSameRanking(
  index: Bm25Searcher,
  query: string[],
  mine: Array<{ doc: number; score: number }>,
  theirs: Array<{ id: number; score: number; terms: string[] }>,
): void {
  expect(mine.map((h) => [h.doc, h.score])).toEqual(theirs.map((r) => [r.id, r.score]));
  theirs.forEach((r) => expect(index.termsIn(r.id, query).sort()).toEqual([...r.terms].sort()));
}

describe.each(IMPLEMENTATIONS)('BM25 parity with MiniSearch: %s', (_name, make) => {
  const paragraphs = seedCorpus().articles.flatMap((a) => a.paragraphs.map((p) => p.text));
  const docs: Doc[] = paragraphs.map((text, id) => ({ id, a: text, b: id % 3 === 0 ? 'Kerry Moscow' : '' }));
  const { mini } = both(docs);
  const searcher = make(docs);

  it('scores the seed paragraphs as MiniSearch does, for OR and AND, with field boosts, and keeps the best `limit`', () => {
    for (const q of [['kerri'], ['regim', 'chang'], ['lavrov', 'kerri', 'putin', 'geneva'], ['kerri', 'nosuchterm']]) {
      for (const combineWith of ['OR', 'AND'] as const) {
        for (const boost of [undefined, { a: 2 }]) {
          const theirs = mini.search(q.join(' '), { tokenize: (s) => s.split(' '), combineWith, ...(boost ? { boost } : {}) });
          const mine = searcher.search(q, { combineWith, ...(boost ? { boost } : {}) });
          expect(mine.total, `${q} ${combineWith}`).toBe(theirs.length);
          expectSameRanking(searcher, q, mine.hits, theirs as unknown as Array<{ id: number; score: number; terms: string[] }>);
          expect(searcher.search(q, { combineWith, limit: 3 }).hits).toEqual(searcher.search(q, { combineWith }).hits.slice(0, 3));
        }
      }
    }
    expect(searcher.search(['kerri']).total).toBeGreaterThan(10);
  });

  it('matches MiniSearch on any small corpus and query (property)', () => {
    const word = fc.constantFrom('kerry', 'moscow', 'talks', 'geneva', 'putin', 'syria', 'ceasefire', 'assad');
    const text = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 30 }),
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('OR' as const, 'AND' as const),
        fc.integer({ min: 1, max: 40 }),
        (pairs, query, combineWith, limit) => {
          const small = pairs.map(([a, bb], id) => ({ id, a, b: bb }));
          const m = both(small).mini;
          const b = make(small);
          const q = [...new Set(query.flatMap((w) => terms(w)))];
          const theirs = m.search(q.join(' '), { tokenize: (s) => s.split(' '), combineWith });
          const mine = b.search(q, { combineWith });
          expect(mine.total).toBe(theirs.length);
          expectSameRanking(b, q, mine.hits, theirs as unknown as Array<{ id: number; score: number; terms: string[] }>);
          expect(b.search(q, { combineWith, limit }).hits).toEqual(mine.hits.slice(0, limit));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('Bm25Index', () => {
  const paragraphs = seedCorpus().articles.flatMap((a) => a.paragraphs.map((p) => p.text));
  const docs: Doc[] = paragraphs.map((text, id) => ({ id, a: text, b: id % 3 === 0 ? 'Kerry Moscow' : '' }));
  const { bm25 } = both(docs);
  const queries = [
    ['kerri'],
    ['regim', 'chang'],
    ['assad', 'moscow'],
    ['lavrov', 'kerri', 'putin', 'geneva'],
    ['nosuchterm'],
    ['kerri', 'nosuchterm'],
  ];

  it('keeps only the best `limit` hits and still counts them all; filters before counting', () => {
    const all = bm25.search(['syria']);
    const top = bm25.search(['syria'], { limit: 3 });
    expect(top.total).toBe(all.total);
    expect(top.hits).toEqual(all.hits.slice(0, 3));
    const even = bm25.search(['syria'], { accept: (d) => d % 2 === 0 });
    expect(even.hits.length).toBeGreaterThan(0);
    expect(even.hits.every((h) => h.doc % 2 === 0)).toBe(true);
    expect(even.total).toBe(all.hits.filter((h) => h.doc % 2 === 0).length);
    expect(bm25.search(['syria'], { limit: 0 }).hits).toEqual([]);
  });

  it('ranks equal scores as MiniSearch does: OR by the first term met, AND by the last term', () => {
    const { mini: m, bm25: b } = both([
      { id: 0, a: 'alpha', b: '' },
      { id: 1, a: 'beta', b: '' },
      { id: 2, a: 'beta alpha', b: '' },
      { id: 3, a: 'alpha beta', b: '' },
    ]);
    for (const combineWith of ['OR', 'AND'] as const) {
      const theirs = m.search('beta alpha', { combineWith });
      expect(b.search(['beta', 'alpha'], { combineWith }).hits.map((h) => h.doc)).toEqual(theirs.map((r) => r.id));
    }
    expect(b.search(['beta', 'alpha']).hits.map((h) => h.doc)).toEqual([2, 3, 1, 0]);
  });

  it('reads a boost of 0 as 1, as MiniSearch does', () => {
    expect(bm25.search(['kerri'], { boost: { a: 0, b: 0 } })).toEqual(bm25.search(['kerri']));
  });

  it('answers right after a filter that threw (nothing left over from the failed query)', () => {
    const before = bm25.search(['kerri', 'moscow'], { combineWith: 'AND' });
    expect(() =>
      bm25.search(['kerri'], {
        accept: () => {
          throw new Error('filter bug');
        },
      }),
    ).toThrow('filter bug');
    expect(bm25.search(['kerri', 'moscow'], { combineWith: 'AND' })).toEqual(before);
    expect(before.total).toBeGreaterThan(0);
  });

  it('answers the same after a save and a load through v8 serialisation', () => {
    const loaded = Bm25Index.load(deserialize(serialize(bm25.toJSON())));
    for (const q of queries) expect(loaded.search(q)).toEqual(bm25.search(q));
  });
});

describe('Bm25Index.fieldHas', () => {
  it('says whether a document has a term in one field, not another', () => {
    const b = new Bm25Builder(['quote', 'narration']);
    b.add([['regim', 'chang'], ['kerri']]);
    b.add([['kerri'], []]);
    const index = b.finish();
    expect(index.fieldHas(0, 'regim', 0)).toBe(true);
    expect(index.fieldHas(0, 'kerri', 0)).toBe(false);
    expect(index.fieldHas(0, 'kerri', 1)).toBe(true);
    expect(index.fieldHas(1, 'kerri', 0)).toBe(true);
    expect(index.fieldHas(1, 'regim', 0)).toBe(false);
    expect(index.fieldHas(0, 'unknown', 0)).toBe(false);
    expect(index.fieldHas(0, 'regim', 2)).toBe(false);
  });
});
