import { describe, expect, it } from 'vitest';
import { findTimeExpressions } from '../../../src/nlp/dates/find.ts';
import { atClock, isoWeek, timexLead, timexOf } from '../../../src/nlp/dates/timex.ts';
import { wed16Dec2015 } from './fixtures.ts';

/** The TIMEX3 of the one expression in a sentence, read against Wed 16 Dec 2015. */
const timex = (sentence: string): [string, string, string, string | undefined] => {
  const found = findTimeExpressions(sentence, wed16Dec2015);
  if (found.length !== 1) throw new Error(`${found.length} expressions in ${JSON.stringify(sentence)}`);
  const e = found[0]!;
  const t = timexOf(e);
  return [e.text.slice(timexLead(e.text)), t.type, t.value, t.mod];
};

describe('TIMEX3 type and value, from the basis', () => {
  it.each([
    ['Kerry met Putin on Tuesday.', ['Tuesday', 'DATE', '2015-12-15', undefined]],
    ['The polls closed at 10 p.m. Monday.', ['10 p.m. Monday', 'TIME', '2015-12-14T22:00', undefined]],
    ['The bids were due by noon Tuesday.', ['noon Tuesday', 'TIME', '2015-12-15T12:00', undefined]],
    ['The offer expired at midnight Monday.', ['midnight Monday', 'TIME', '2015-12-14T24:00', undefined]],
    ['The crowd gathered Monday evening.', ['Monday evening', 'TIME', '2015-12-14TEV', undefined]],
    ['The fire began Monday night.', ['Monday night', 'DATE', '2015-12-14', undefined]],
    ['The talks ended on Dec. 15, 2015.', ['Dec. 15, 2015', 'DATE', '2015-12-15', undefined]],
    ['It began in September 2014.', ['September 2014', 'DATE', '2014-09', undefined]],
    ['The war began in 2011.', ['2011', 'DATE', '2011', undefined]],
    ['Russia is now bombing.', ['now', 'DATE', 'PRESENT_REF', undefined]],
    ['They met today.', ['today', 'DATE', '2015-12-16', undefined]],
    ['They talked for nearly 10 hours.', ['10 hours', 'DURATION', 'PT10H', undefined]],
    ['It was a one-week visit.', ['one-week', 'DURATION', 'P1W', undefined]],
    ['The siege lasted many months.', ['many months', 'DURATION', 'PXM', undefined]],
    ['He had said so previously.', ['previously', 'DATE', 'PAST_REF', undefined]],
    ['It may change in the future.', ['the future', 'DATE', 'FUTURE_REF', undefined]],
    ['They met this week.', ['this week', 'DATE', '2015-W51', undefined]],
    ['They met last week.', ['last week', 'DATE', '2015-W50', undefined]],
    ['Prices fell last month.', ['last month', 'DATE', '2015-11', undefined]],
    ['Bombing has gone on since late September.', ['late September', 'DATE', '2015-09', 'END']],
    ['He arrived two days ago.', ['two days ago', 'DATE', '2015-12-14', undefined]],
  ] as const)('%s', (sentence, want) => {
    expect(timex(sentence)).toEqual(want);
  });

  it('numbers ISO weeks from the week of the year’s first Thursday', () => {
    expect([isoWeek('2015-12-16'), isoWeek('2016-01-03'), isoWeek('2016-01-04'), isoWeek('2014-12-29')]).toEqual([
      '2015-W51',
      '2015-W53',
      '2016-W01',
      '2015-W01',
    ]);
  });
});

describe('atClock', () => {
  it('makes a day with a time of day a TIME, and leaves anything coarser as it is', () => {
    expect(atClock({ type: 'DATE', value: '2015-12-14' }, { hour: 9, minute: 5 })).toEqual({ type: 'TIME', value: '2015-12-14T09:05' });
    expect(atClock({ type: 'DATE', value: '2015-12-14' }, { part: 'AF' })).toEqual({ type: 'TIME', value: '2015-12-14TAF' });
    expect(atClock({ type: 'DATE', value: '2015-12' }, { part: 'EV' })).toEqual({ type: 'DATE', value: '2015-12' });
    expect(atClock({ type: 'DATE', value: '2015-12-14' }, undefined)).toEqual({ type: 'DATE', value: '2015-12-14' });
  });
});
