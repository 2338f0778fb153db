import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MentionFacts, blockingKeys, compatibleDates, groupEvents, sameEvent } from '../../src/answer/eventGroups.ts';
import { daysOf } from '../../src/answer/dates.ts';

/**
 * The grouping as it was before blocking keys: every mention compared with every event of its year, month or
 * day. The blocked grouping must give the same events, in the same order, on any mentions.
 */
function groupEventsByScan(mentions: readonly MentionFacts[]): MentionFacts[][] {
  const startKey = (value: string): string => value.split('/')[0] as string;
  const inDateOrder = (ms: readonly MentionFacts[]): MentionFacts[] =>
    [...ms].sort((a, b) => {
      const x = daysOf(a.value)?.from ?? startKey(a.value);
      const y = daysOf(b.value)?.from ?? startKey(b.value);
      return (x < y ? -1 : x > y ? 1 : 0) || a.value.length - b.value.length;
    });
  const heldBy = (start: string): string[] => [...new Set([start.slice(0, 4), start.slice(0, 7), start.slice(0, 10), start])];
  const groups = new Set<MentionFacts[]>();
  const byStart = new Map<string, Set<MentionFacts[]>>();
  const register = (g: MentionFacts[], value: string): void => {
    byStart.set(startKey(value), (byStart.get(startKey(value)) ?? new Set()).add(g));
  };
  const compatibleWith = (g: readonly MentionFacts[], values: readonly string[]): boolean =>
    g.every((o) => values.every((v) => compatibleDates(o.value, v)));
  for (const m of inDateOrder(mentions)) {
    const candidates = new Set(heldBy(startKey(m.value)).flatMap((k) => [...(byStart.get(k) ?? [])]));
    const matching = [...candidates].filter((g) => groups.has(g) && compatibleWith(g, [m.value]) && g.some((o) => sameEvent(o, m)));
    const into = matching[0] ?? [];
    groups.add(into);
    for (const other of matching.slice(1)) {
      if (
        !compatibleWith(
          into,
          other.map((o) => o.value),
        )
      )
        continue;
      into.push(...other);
      groups.delete(other);
      for (const o of other) register(into, o.value);
    }
    into.push(m);
    register(into, m.value);
  }
  const order = new Map(inDateOrder(mentions).map((m, i) => [m, i]));
  return [...groups].map((g) => g.sort((a, b) => (order.get(a) as number) - (order.get(b) as number)));
}

const VALUES = ['2015', '2015-12', '2015-12-15', '2015-12-16', '2015-12/..', '2015-12-15/..', '2014-09', '2014-09/..', '2015-11/2015-12'];
const WORDS = ['kerry', 'moscow', 'met', 'talks', 'syria', 'lavrov', 'strike', 'assad', 'geneva', 'us'];
const words = fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 6 }).map((xs) => new Set(xs));
const mention = fc.record({
  value: fc.constantFrom(...VALUES),
  words,
  people: words,
  places: words,
  actions: words,
  names: words,
});

describe('groupEvents with blocking keys', () => {
  it('gives the events a scan of every event of the year gives, in the same order', () => {
    fc.assert(
      fc.property(fc.array(mention, { maxLength: 40 }), (raw) => {
        const ms: MentionFacts[] = raw.map((r, id) => ({ ...r, id, sentence: id, span: [id, id + 1] as const }));
        const ids = (gs: MentionFacts[][]): number[][] => gs.map((g) => g.map((m) => m.id));
        expect(ids(groupEvents(ms, (m) => m))).toEqual(ids(groupEventsByScan(ms)));
      }),
      { numRuns: 1500 },
    );
  });

  it('keys: a prefix of the words by rank, then each person-place, person-action and action-name pair, in that order', () => {
    const f: MentionFacts = {
      id: 0,
      value: '2015-12-15',
      sentence: 0,
      span: [0, 1],
      words: new Set(['kerri', 'moscow', 'met', 'lavrov']),
      people: new Set(['kerri', 'lavrov']),
      places: new Set(['moscow']),
      actions: new Set(['met']),
      names: new Set(['Moscow']),
    };
    const rank = (w: string): number => ['lavrov', 'moscow', 'kerri', 'met'].indexOf(w);
    // 4 words: 4 - ceil(0.3 × 4) + 1 = 3 of them.
    expect(blockingKeys(f, rank)).toEqual([
      'w:lavrov',
      'w:moscow',
      'w:kerri',
      'pp:kerri|moscow',
      'pp:lavrov|moscow',
      'pa:kerri|met',
      'pa:lavrov|met',
      'an:met|Moscow',
    ]);
    expect(blockingKeys({ ...f, places: new Set() }, rank).filter((k) => k.startsWith('pp:'))).toEqual([]);
  });

  it('keys: mentions sharing no key are never the same event', () => {
    fc.assert(
      fc.property(mention, mention, (a0, b0) => {
        const a: MentionFacts = { ...a0, id: 0, sentence: 0, span: [0, 1] };
        const b: MentionFacts = { ...b0, id: 1, sentence: 1, span: [1, 2] };
        const rank = (w: string): number => WORDS.indexOf(w);
        const shared = blockingKeys(a, rank).some((k) => blockingKeys(b, rank).includes(k));
        if (sameEvent(a, b)) expect(shared).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
