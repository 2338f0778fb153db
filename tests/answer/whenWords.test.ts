import { describe, expect, it } from 'vitest';
import { whenWords } from '../../src/answer/whenWords.ts';
import type { Anchor } from '../../src/model/index.ts';

const anchor: Anchor = { day: '2015-12-16', describe: 'an article published Wed 16 Dec 2015' };

describe('whenWords', () => {
  it('says a day with its weekday, a month and a year as they are', () => {
    expect(
      whenWords({ value: '2015-12-15', granularity: 'day', basis: { kind: 'weekday-by-tense', tense: 'past', anchor, day: '2015-12-15' } }),
    ).toBe('Tue 15 Dec 2015');
    expect(whenWords({ value: '2015-09', granularity: 'month', basis: { kind: 'as-written', form: 'month' } })).toBe('September 2015');
  });

  it('says a part of a month, and "since" one, at their own precision, never as a day', () => {
    const late = { kind: 'part-of-month', firstDay: 20, lastDay: 30, byTense: null } as const;
    expect(whenWords({ value: '2015-09-20/2015-09-30', granularity: 'range', basis: late })).toBe('late September 2015');
    expect(
      whenWords({
        value: '2015-09-20/..',
        granularity: 'range',
        basis: {
          kind: 'since',
          from: '2015-09-20',
          after: { text: 'late September', value: '2015-09-20/2015-09-30', granularity: 'range', basis: late },
        },
      }),
    ).toBe('from late September 2015');
  });

  it('says a range by its bounds without weekdays', () => {
    expect(
      whenWords({
        value: '2016-08-30/2016-09-05',
        granularity: 'range',
        basis: { kind: 'vague-range', phrase: 'coming', days: 7, anchor },
      }),
    ).toBe('30 Aug 2016 to 5 Sep 2016');
  });
});
