import { describe, expect, it } from 'vitest';
import { type FoundTimex, type GoldTimex, scoreTimeml } from './timeml.ts';

const gold = (start: number, end: number, value: string): GoldTimex => ({ article: 'a', start, end, text: '', type: 'DATE', value });
const found = (start: number, end: number, value: string): FoundTimex => ({ ...gold(start, end, value), derivation: '' });

describe('TempEval-3 Task A scoring', () => {
  it('counts any overlap as relaxed, the same span as strict, and values on relaxed matches', () => {
    const f = scoreTimeml(
      [gold(0, 7, '2015-12-15'), gold(20, 30, 'P1W'), gold(40, 45, '2015')],
      [found(0, 7, '2015-12-15'), found(18, 25, 'P2W'), found(60, 65, '2016')],
    );
    expect([f.relaxed.precision, f.relaxed.recall]).toEqual([2 / 3, 2 / 3]);
    expect([f.strict.precision, f.strict.recall]).toEqual([1 / 3, 1 / 3]);
    expect(f.valueAccuracy).toBe(0.5);
    expect(f.valueF1).toBeCloseTo((2 / 3) * 0.5);
    expect(f.missed.map((g) => g.start)).toEqual([40]);
    expect(f.extra.map((x) => x.start)).toEqual([60]);
  });

  it('pairs one to one: a second gold expression cannot take a found one already paired', () => {
    const f = scoreTimeml([gold(0, 5, 'X'), gold(6, 10, 'Y')], [found(0, 10, 'X')]);
    expect([f.relaxed.precision, f.relaxed.recall]).toEqual([1, 0.5]);
  });
});
