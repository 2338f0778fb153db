import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIDENT, PER_SPEAKER, rankBySpeaker, tierOf } from '../../src/answer/whoSaid.ts';
import type { QuoteGroup, QuoteHit, QuoteMatch } from '../../src/index/quoteBook.ts';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

const hit = (id: number, speaker: string, score: number, match: QuoteMatch = 'words', confidence = 0.95): QuoteHit => ({
  group: { id, speakers: [speaker], status: 'attributed', kind: 'direct', text: `q${id}`, confidence, refs: [] } as QuoteGroup,
  score,
  match,
});
const order = (hits: QuoteHit[]) => rankBySpeaker(hits).map((h) => h.group.id);

/** The ranking as first written (sort every hit twice), the reference the bounded heap must agree with. */
function rankedBySorting(hits: readonly QuoteHit[]): number[] {
  const byKey = new Intl.Collator().compare;
  const keyed = hits.map((h) => {
    const tier = tierOf(h.match, h.group.confidence);
    return { ...h, tier, key: `${tier}\u0000${h.group.speakers.join('+') || `(${h.group.status})`}`, best: 0, nth: 0 };
  });
  const best = new Map<string, number>();
  for (const { key, score } of keyed) best.set(key, Math.max(best.get(key) ?? 0, score));
  for (const h of keyed) h.best = best.get(h.key) ?? 0;
  keyed.sort((a, b) => b.tier - a.tier || b.best - a.best || byKey(a.key, b.key) || b.score - a.score);
  const seen = new Map<string, number>();
  for (const h of keyed) {
    h.nth = seen.get(h.key) ?? 0;
    seen.set(h.key, h.nth + 1);
  }
  const spill = (h: { nth: number }): number => (h.nth < PER_SPEAKER ? 0 : 1);
  return keyed.sort((a, b) => b.tier - a.tier || spill(a) - spill(b)).map((h) => h.group.id);
}

describe('tierOf', () => {
  it('puts a quote on the topic before one whose narration only matches, a confident one before a guess, then the exact phrase', () => {
    const confident = CONFIDENT + 0.1;
    const guess = CONFIDENT - 0.1;
    const ranks = [
      tierOf('phrase', confident),
      tierOf('words', confident),
      tierOf('phrase', guess),
      tierOf('words', guess),
      tierOf('narration', confident),
      tierOf('narration', guess),
    ];
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('rankBySpeaker', () => {
  it('gives the first k of the order that sorting every hit gives, ties and all', () => {
    const anyHit = fc.record({
      speaker: fc.constantFrom('a', 'b', 'B', 'c', ''),
      score: fc.integer({ min: 0, max: 6 }),
      match: fc.constantFrom<QuoteMatch>('phrase', 'words', 'narration'),
      confidence: fc.constantFrom(0.5, 0.95),
    });
    fc.assert(
      fc.property(fc.array(anyHit, { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (drawn, k) => {
        const hits = drawn.map((d, i) => hit(i, d.speaker, d.score, d.match, d.confidence));
        const expected = rankedBySorting(hits);
        expect(order(hits)).toEqual(expected);
        expect(rankBySpeaker(hits, k).map((h) => h.group.id)).toEqual(expected.slice(0, k));
      }),
    );
  });

  it('ranks the exact phrase first, and a speaker’s guessed quote after every confident one', () => {
    expect(order([hit(1, 'a', 9, 'phrase', 0.5), hit(2, 'b', 1), hit(3, 'c', 2, 'phrase')])).toEqual([3, 2, 1]);
  });

  it('keeps a speaker’s best quotes together, and lets others speak before their further quotes', () => {
    const hits = [hit(1, 'a', 9), hit(2, 'a', 8), hit(3, 'a', 7), hit(4, 'b', 3), hit(5, 'a', 2)];
    expect(PER_SPEAKER).toBe(2);
    expect(order(hits)).toEqual([1, 2, 4, 3, 5]);
  });

  it('puts a quote whose narration only matches after every quote on the topic', () => {
    expect(order([hit(1, 'a', 9, 'narration'), hit(2, 'b', 0.1)])).toEqual([2, 1]);
  });
});

describe('/who-said on a tiny corpus', () => {
  it('says there is no quote on a topic only the narration has, and shows the closest', () => {
    const corpus = indexedCorpus(
      tempCorpus({ 'a.txt': '"We will meet again in New York next week," Foreign Minister Ivan Petrov said after talks on Ukraine.\n' }),
    );
    const a = ask('/who-said Ukraine', corpus);
    expect(a.results.map((r) => r.matchedIn)).toEqual(['narration']);
    expect(a.notes?.[0]).toMatch(/^no quote in the corpus is on "Ukraine"/);
    expect(ask('/who-said New York', corpus).notes ?? []).toEqual([]);
  });
});

describe('/who-said on the seeds', () => {
  it('Ukraine: only the narration around Lavrov’s quote mentions it, and the answer says so', () => {
    const a = ask('/who-said Ukraine');
    expect(a.notes?.[0]).toMatch(/no quote in the corpus is on "Ukraine"/);
    expect(a.results.every((r) => r.matchedIn === 'narration')).toBe(true);
  });

  it('points to /quotes when the topic is a speaker’s name no quote has', () => {
    expect(ask('/who-said preston').notes).toContain('/quotes preston lists what preston is quoted saying');
  });

  it('Assad must go: Kerry’s and Lavrov’s quotes on the first page, the 0.5 fragment after every confident quote', () => {
    const a = ask('/who-said Assad must go');
    const speakers = a.results.map((r) => r.speaker);
    expect(speakers).toContain('John Kerry');
    expect(speakers).toContain('Sergey Lavrov');
    expect(a.results[0]?.details?.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    const fragment = a.results.findIndex((r) => r.text.startsWith('in the position to determine whether Assad must go'));
    expect(fragment === -1 || a.results.slice(0, fragment).every((r) => Number(r.details?.confidence) >= CONFIDENT)).toBe(true);
  });

  it('explains each speaker’s confidence in words', () => {
    const kerry = ask('/who-said regime change').results[0];
    expect(kerry?.details?.basis).toBe('named by surname in the same sentence');
    const guess = ask('/who-said Assad must go speaker:draitser').results.find((r) => r.details?.confidence === 0.5);
    expect(guess?.details?.basis).toBe('no cue: the speaker of the quote before');
  });
});
