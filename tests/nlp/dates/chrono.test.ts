import { describe, expect, it } from 'vitest';
import type { Anchor, DateBasis, RecentDay } from '../../../src/model/index.ts';
import {
  type ChronoRule,
  chronoDates,
  chronoHits,
  clockOf,
  countedDate,
  dayAndMonth,
  isBareName,
  lengthBeforeUndated,
  monthWithoutDay,
  partOfMonth,
  weekdayByTense,
  weekdayByWord,
  weekdayOfAnchor,
} from '../../../src/nlp/dates/chrono.ts';
import { dateState } from '../../../src/nlp/dates/state.ts';
import { type Brief, brief, mon4Jan2016, read, run, sat12Dec, wed16Dec2015 } from './fixtures.ts';

/** A sentence with one date chrono reads, against an anchor (Wed 16 Dec 2015 unless said) and the day dated before it. */
interface Reading {
  text: string;
  anchor?: Anchor | null;
  recent?: RecentDay;
}
interface Takes extends Reading {
  want: Brief;
  basis: Partial<DateBasis>;
}

/** One entry per rule over a chrono reading: what it makes of a reading, and a reading it leaves to others. */
const RULES: Array<[string, ChronoRule, Takes[], Reading]> = [
  [
    'countedDate',
    countedDate,
    [
      {
        text: 'It started two months ago.',
        want: ['two months ago', '2015-10', 'month', 'from-anchor'],
        basis: { step: 'counted', result: '2015-10' },
      },
      {
        text: 'Ten days later, the talks resumed.',
        recent: sat12Dec,
        want: ['Ten days later', '2015-12-22', 'day', 'from-text-day'],
        basis: { step: 'counted', recent: sat12Dec },
      },
      {
        text: 'Ten days later, the talks resumed.',
        want: ['Ten days later', 'P10D', 'duration', 'length'],
        basis: { count: 10, unit: 'day' },
      },
      {
        text: 'The day before, the talks resumed.',
        want: ['The day before', null, 'unresolved', 'unresolved'],
        basis: { reason: 'no-day-before' },
      },
    ],
    { text: 'They met on Friday.' },
  ],
  [
    'dayAndMonth',
    dayAndMonth,
    [
      {
        text: 'They met again on Dec. 15, 2015.',
        anchor: null,
        want: ['Dec. 15, 2015', '2015-12-15', 'day', 'as-written'],
        basis: { form: 'full-date' },
      },
      // The year that puts it nearest the anchor, across a year boundary.
      {
        text: 'The meeting on Dec. 18 was short.',
        anchor: mon4Jan2016,
        want: ['Dec. 18', '2015-12-18', 'day', 'nearest-year'],
        basis: { day: '2015-12-18' },
      },
    ],
    { text: 'The talks were held in December.' },
  ],
  [
    'weekdayByWord',
    weekdayByWord,
    [
      { text: 'They meet again this Friday.', want: ['this Friday', '2015-12-18', 'day', 'weekday-by-word'], basis: { word: 'this' } },
      { text: 'It happened last Thursday.', want: ['last Thursday', '2015-12-10', 'day', 'weekday-by-word'], basis: { word: 'last' } },
    ],
    { text: 'They met on Friday.' },
  ],
  [
    'weekdayOfAnchor',
    weekdayOfAnchor,
    [
      {
        text: 'The mayor said Wednesday the bridge will reopen.',
        want: ['Wednesday', '2015-12-16', 'day', 'weekday-of-anchor'],
        basis: { day: '2015-12-16' },
      },
      { text: 'Crews will work on Monday.', anchor: mon4Jan2016, want: ['on Monday', '2016-01-04', 'day', 'weekday-of-anchor'], basis: {} },
    ],
    { text: 'The mayor spoke on Wednesday.' },
  ],
  [
    'weekdayByTense',
    weekdayByTense,
    [
      { text: 'The ministers met on Friday.', want: ['on Friday', '2015-12-11', 'day', 'weekday-by-tense'], basis: { tense: 'past' } },
      { text: 'The talks will resume Friday.', want: ['Friday', '2015-12-18', 'day', 'weekday-by-tense'], basis: { tense: 'future' } },
      {
        text: 'The sale was scheduled to close Monday.',
        want: ['Monday', '2015-12-21', 'day', 'weekday-by-tense'],
        basis: { tense: 'future' },
      },
      {
        text: 'The judge postponed until Friday any ruling on the case.',
        want: ['Friday', '2015-12-18', 'day', 'weekday-by-tense'],
        basis: { tense: 'future' },
      },
    ],
    { text: 'The meeting on Dec. 18 was short.' },
  ],
  [
    'partOfMonth',
    partOfMonth,
    [
      {
        text: 'The bombing began in late September.',
        want: ['late September', '2015-09-20/2015-09-30', 'range', 'part-of-month'],
        basis: { firstDay: 20, lastDay: 30, byTense: { tense: 'past', month: 9, anchor: wed16Dec2015 } },
      },
      {
        text: 'It grew in early March 2014.',
        want: ['early March 2014', '2014-03-01/2014-03-10', 'range', 'part-of-month'],
        basis: { byTense: null },
      },
    ],
    { text: 'The talks were held in September.' },
  ],
  [
    'monthWithoutDay',
    monthWithoutDay,
    [
      {
        text: 'The talks were held in December.',
        anchor: mon4Jan2016,
        want: ['December', '2015-12', 'month', 'month-by-tense'],
        basis: { tense: 'past', month: 12 },
      },
      {
        text: 'The merger, which is expected in February, needs approval.',
        want: ['February', '2016-02', 'month', 'month-by-tense'],
        basis: { tense: 'future', month: 2 },
      },
      {
        text: 'The airstrikes began in September 2014.',
        want: ['September 2014', '2014-09', 'month', 'as-written'],
        basis: { form: 'month' },
      },
    ],
    { text: 'The meeting on Dec. 18 was short.' },
  ],
];

const readWith = (rule: ChronoRule, r: Reading) => read(rule, r.text, r.anchor === undefined ? wed16Dec2015 : r.anchor, r.recent ?? null);

for (const [name, rule, takes, leaves] of RULES) {
  describe(name, () => {
    it.each(takes)('reads $text', (c) => {
      const e = readWith(rule, c);
      expect(e && brief(e)).toEqual(c.want);
      expect(e?.basis).toMatchObject(c.basis);
    });
    it(`leaves "${leaves.text}" to another rule`, () => {
      expect(readWith(rule, leaves)).toBeNull();
    });
  });
}

describe('isBareName', () => {
  const bare = (text: string): boolean => {
    const state = dateState(text, wed16Dec2015);
    const hits = chronoHits(state);
    expect(hits).toHaveLength(1);
    return isBareName(state, hits[0]!);
  };
  it('sets aside "Sun Tzu": a short name with nothing before it', () => {
    expect(bare('Sun Tzu wrote about war.')).toBe(true);
  });
  it('keeps a short name after "on"', () => {
    expect(bare('They met on Sun.')).toBe(false);
  });
});

describe('chronoDates', () => {
  it('runs the chrono rules in order over every reading', () => {
    expect(run(chronoDates, 'They met on Friday and again on Dec. 15, 2015.').map(brief)).toEqual([
      ['on Friday', '2015-12-11', 'day', 'weekday-by-tense'],
      ['Dec. 15, 2015', '2015-12-15', 'day', 'as-written'],
    ]);
  });
  it('leaves "for now" and bare names to others', () => {
    expect(run(chronoDates, 'Sun Tzu is quiet for now.')).toEqual([]);
  });
});

describe('clockOf', () => {
  const clock = (text: string) => {
    const state = dateState(text, wed16Dec2015);
    const hits = chronoHits(state);
    expect(hits).toHaveLength(1);
    return clockOf(state, hits[0]!);
  };
  it('reads a clock time, noon, midnight as the day’s end, and an evening', () => {
    expect(clock('The vote ends at 9:30 p.m. Friday.')).toEqual({ hour: 21, minute: 30 });
    expect(clock('Lunch is at noon Friday.')).toEqual({ hour: 12, minute: 0 });
    expect(clock('The deal lapses at midnight Friday.')).toEqual({ hour: 24, minute: 0 });
    expect(clock('They dined Friday evening.')).toEqual({ part: 'EV' });
  });
  it('reads no time where the words give no clock: a day alone, a night, a bare "at 1"', () => {
    expect(clock('They met on Friday.')).toBeNull();
    expect(clock('They dined Friday night.')).toBeNull();
    expect(clock('It is due on Jan. 1, 2016 at 1.')).toBeNull();
  });
});

describe('lengthBeforeUndated', () => {
  it('reads the length between two events when the first is undated: a count, or a few, of a unit', () => {
    expect(lengthBeforeUndated('Four days later')).toMatchObject({
      value: 'P4D',
      granularity: 'duration',
      basis: { kind: 'length', count: 4 },
    });
    expect(lengthBeforeUndated('an hour after')).toMatchObject({ value: 'PT1H', basis: { kind: 'length', unit: 'hour' } });
    expect(lengthBeforeUndated('several weeks before')).toMatchObject({ value: null, basis: { kind: 'untold-length', unit: 'weeks' } });
  });
  it('reads no length in words without a count', () => {
    expect(lengthBeforeUndated('the day before')).toBeNull();
  });
  it('is what countedDate gives when no day was dated before, and a day when one was', () => {
    expect(brief(read(countedDate, 'Two weeks later, the dam broke.')!)).toEqual(['Two weeks later', 'P2W', 'duration', 'length']);
    expect(brief(read(countedDate, 'Two weeks later, the dam broke.', wed16Dec2015, sat12Dec)!)).toEqual([
      'Two weeks later',
      '2015-12-26',
      'day',
      'from-text-day',
    ]);
  });
});
