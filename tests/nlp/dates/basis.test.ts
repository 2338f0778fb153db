import { describe, expect, it } from 'vitest';
import type { DateBasis } from '../../../src/model/index.ts';
import { datesSomething, isFullDateAsWritten, isRemarksDated, isWeakBasis, readsThePresent } from '../../../src/nlp/dates/basis.ts';
import { wed16Dec2015 } from './fixtures.ts';

const now: DateBasis = { kind: 'present', anchor: wed16Dec2015, form: 'now' };
const sinceNow: DateBasis = {
  kind: 'since',
  from: '2015-12-16',
  after: { text: 'today', value: '2015-12-16', granularity: 'day', basis: now },
};
const previously: DateBasis = { kind: 'open-range', side: 'before', anchor: wed16Dec2015 };
const future: DateBasis = { kind: 'open-range', side: 'after', anchor: wed16Dec2015 };
const friday: DateBasis = { kind: 'weekday-by-tense', tense: 'past', anchor: wed16Dec2015, day: '2015-12-11' };

describe('readsThePresent', () => {
  it('is "now" and "since today"', () => {
    expect([now, sinceNow].map(readsThePresent)).toEqual([true, true]);
  });
  it('is not a dated day or an open range', () => {
    expect([friday, previously].map(readsThePresent)).toEqual([false, false]);
  });
});

describe('isWeakBasis', () => {
  it('is the present and "previously"', () => {
    expect([now, sinceNow, previously].map(isWeakBasis)).toEqual([true, true, true]);
  });
  it('is not "in the future" or a weekday', () => {
    expect([future, friday].map(isWeakBasis)).toEqual([false, false]);
  });
});

describe('datesSomething', () => {
  it('is any resolved date, ranges too', () => {
    expect([friday, previously].map(datesSomething)).toEqual([true, true]);
  });
  it('is not a length or an unresolved expression', () => {
    const lengths: DateBasis[] = [
      { kind: 'length', count: 3, unit: 'day' },
      { kind: 'untold-length', unit: 'years' },
      { kind: 'unresolved', reason: 'no-anchor' },
    ];
    expect(lengths.map(datesSomething)).toEqual([false, false, false]);
  });
});

describe('isFullDateAsWritten', () => {
  it('is a full date as written', () => {
    expect(isFullDateAsWritten({ kind: 'as-written', form: 'full-date' })).toBe(true);
  });
  it('is not a month as written, or a day the rules worked out', () => {
    expect([{ kind: 'as-written', form: 'month' } as const, friday].map(isFullDateAsWritten)).toEqual([false, false]);
  });
});

describe('isRemarksDated', () => {
  const byRemarks: DateBasis = {
    kind: 'remarks-dated',
    speaker: 'Tom Reyes',
    described: null,
    remarks: { day: '2015-12-15', text: 'on Tuesday' },
    paragraph: 0,
  };
  it('is a speaker’s words dated by their remarks nearby: a date of something, not weak, but no expression', () => {
    expect([isRemarksDated(byRemarks), datesSomething(byRemarks), isWeakBasis(byRemarks)]).toEqual([true, true, false]);
  });
  it('is not an expression of the text, the same day though it be', () => {
    expect([friday, now].map(isRemarksDated)).toEqual([false, false]);
  });
});
