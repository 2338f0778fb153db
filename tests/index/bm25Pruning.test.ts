import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Bm25Builder, type Bm25Index, type Bm25SearchOptions } from '../../src/index/bm25.ts';
import { type Bm25Searcher, SegmentedBm25 } from '../../src/index/segmentedBm25.ts';
import { terms } from '../../src/nlp/terms.ts';

/**
 * A search given a `limit` prunes (MaxScore for OR, the rarest term first for AND): it must give exactly what
 * the exhaustive search gives, cut to the limit: the same documents, scores to the bit, order of ties and total.
 * Held to that over real news text (TempEval-3's, when ../shared/data is there; else the seed corpus) and
 * queries drawn from its own paragraphs, so that common and rare words, ties and long lists all come up.
 */

/** Real paragraphs: the shared development news if present, else the repository's seed corpus. */
function realParagraphs(): string[] {
  const shared = join(import.meta.dirname, '../../../shared/data/timeml-train/corpus');
  const dir = existsSync(shared) ? shared : join(import.meta.dirname, '../../corpus');
  return readdirSync(dir)
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .replace(/^---[\s\S]*?\n---\n/, '')
        .split(/\n\s*\n/),
    )
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A deterministic generator (mulberry32), so a failure names its query. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two fields per document: the paragraph's terms, and the first terms of the next one (ties, boosts, terms in both). */
const PARAGRAPHS = realParagraphs();
const DOCS: Array<[string[], string[]]> = PARAGRAPHS.map((p, i) => [terms(p), terms(PARAGRAPHS[i + 1] ?? '').slice(0, 3)]);

const build = (docs: ReadonlyArray<[string[], string[]]>): Bm25Index => {
  const b = new Bm25Builder(['text', 'next']);
  for (const d of docs) b.add(d);
  return b.finish();
};

/** Queries of 1 to 5 terms from the paragraphs themselves (so mostly common words), a few with a word no document has. */
function queries(count: number, seed: number): string[][] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const doc = DOCS[Math.floor(next() * DOCS.length)] as [string[], string[]];
    const n = 1 + Math.floor(next() * 5);
    const q = Array.from({ length: n }, () => doc[0][Math.floor(next() * doc[0].length)] ?? 'nosuchterm');
    if (next() < 0.1) q.push('nosuchterm');
    return q;
  });
}

const OPTIONS: Bm25SearchOptions[] = [{}, { boost: { text: 2 } }, { boost: { next: 3 } }, { accept: (doc) => doc % 3 !== 1 }];

/** Every limit of the brief (1, 5, 10) and one past most totals: the pruned search against the exhaustive one. */
function expectPrunedExact(searcher: Bm25Searcher, qs: readonly string[][]): number {
  let compared = 0;
  for (const q of qs)
    for (const combineWith of ['OR', 'AND'] as const)
      for (const options of OPTIONS) {
        const all = searcher.search(q, { ...options, combineWith });
        for (const limit of [1, 5, 10, 200]) {
          const top = searcher.search(q, { ...options, combineWith, limit });
          expect(top.hits, `${q.join(' ')} ${combineWith} ${limit}`).toEqual(all.hits.slice(0, limit));
          expect(top.total, `${q.join(' ')} ${combineWith} ${limit}`).toBe(all.total);
          if (all.hits.length > limit) compared += 1;
        }
      }
  return compared;
}

describe('BM25 top-k pruning gives exactly the exhaustive result', () => {
  it('over real news paragraphs, one index: OR and AND, field boosts, a filter, limits 1, 5, 10', () => {
    expect(DOCS.length).toBeGreaterThan(50);
    // Enough queries whose matches outnumber the limit for pruning to have had something to skip.
    expect(expectPrunedExact(build(DOCS), queries(40, 1))).toBeGreaterThan(300);
  });

  it('over the same paragraphs in three segments with deletions, against the segments searched exhaustively and one index of the live ones', () => {
    const next = random(7);
    const place = DOCS.map(() => ({ part: Math.floor(next() * 3), deleted: next() < 0.15 }));
    let live = 0;
    const globalOf = place.map((p) => (p.deleted ? -1 : live++));
    const parts = [0, 1, 2].map((k) => DOCS.flatMap((d, i) => (place[i]?.part === k ? [{ d, g: globalOf[i] as number }] : [])));
    const segmented = new SegmentedBm25(
      ['text', 'next'],
      parts.map((part) => ({ index: build(part.map(({ d }) => d)), toGlobal: Int32Array.from(part.map(({ g }) => g)) })),
    );
    const qs = queries(25, 2);
    expect(expectPrunedExact(segmented, qs)).toBeGreaterThan(200);
    const whole = build(DOCS.filter((_, i) => !place[i]?.deleted));
    for (const q of qs)
      for (const combineWith of ['OR', 'AND'] as const) {
        const strip = (r: { hits: Array<{ doc: number; score: number }>; total: number }) => ({
          hits: r.hits.map((h) => [h.doc, h.score]),
          total: r.total,
        });
        expect(strip(segmented.search(q, { combineWith, limit: 10 }))).toEqual(strip(whole.search(q, { combineWith, limit: 10 })));
      }
  });

  it('breaks ties as the exhaustive search does, when the best hits all score the same', () => {
    // Forty documents of one term each (equal scores), some with a second term: the limit cuts inside a tie.
    const docs: Array<[string[], string[]]> = Array.from({ length: 40 }, (_, i) => [
      i % 4 === 0 ? ['alpha', 'beta'] : ['alpha'],
      i % 5 === 0 ? ['beta'] : [],
    ]);
    const index = build(docs);
    for (const q of [['alpha'], ['beta', 'alpha'], ['alpha', 'beta']])
      for (const combineWith of ['OR', 'AND'] as const)
        for (const limit of [1, 3, 7, 12])
          expect(index.search(q, { combineWith, limit }).hits).toEqual(index.search(q, { combineWith }).hits.slice(0, limit));
  });

  it('counts every match when it keeps none (limit 0), and counts only accepted ones', () => {
    const index = build(DOCS);
    const q = queries(1, 3)[0] as string[];
    expect(index.search(q, { limit: 0 })).toEqual({ hits: [], total: index.search(q).total });
    expect(index.search(q, { limit: 0, accept: (d) => d % 2 === 0 }).total).toBe(index.search(q, { accept: (d) => d % 2 === 0 }).total);
  });

  it('counts right after a filter that threw while counting (no document left marked)', () => {
    const index = build(DOCS);
    const q = ['said', 'year', 'presid'];
    const before = index.search(q, { limit: 5 }).total;
    expect(before).toBeGreaterThan(5);
    // The count of an OR search is taken when `total` is first read: the filter fails then, part way through.
    let calls = -1;
    const failing = index.search(q, {
      limit: 5,
      accept: () => {
        if (calls >= 0 && (calls += 1) > 20) throw new Error('filter bug');
        return true;
      },
    });
    calls = 0;
    expect(() => failing.total).toThrow('filter bug');
    expect(index.search(q, { limit: 5 }).total).toBe(before);
  });
});
