import { describe, expect, it } from 'vitest';
import { countedFromEvent, publicationAnchor } from '../../../src/nlp/dates/article.ts';
import { isFraction, withoutPartWords, chronoHits } from '../../../src/nlp/dates/chrono.ts';
import { findTimeExpressions } from '../../../src/nlp/dates/find.ts';
import { dateState } from '../../../src/nlp/dates/state.ts';
import { tenseAround } from '../../../src/nlp/dates/tense.ts';
import { brief, mention, mon4Jan2016, wed16Dec2015 } from './fixtures.ts';

/** The rules' bugs that issue 12 and its review found, each on the shape of words that showed it. */
const all = (text: string, anchor = wed16Dec2015) => findTimeExpressions(text, anchor).map(brief);

describe('tenseAround: a present of what is planned', () => {
  it('reads "Leaders meet at a summit on Thursday" as the coming Thursday, and "met" as the one before', () => {
    const s = 'Leaders meet at a summit on Thursday to discuss trade.';
    expect(tenseAround(s, s.indexOf('on Thursday'), s.indexOf(' to discuss'))).toBe('future');
    expect(all(s)).toEqual([['on Thursday', '2015-12-17', 'day', 'weekday-by-tense']]);
    expect(all('Leaders met at a summit on Thursday.')).toEqual([['on Thursday', '2015-12-10', 'day', 'weekday-by-tense']]);
  });

  it('reads "is due to", "are set to" and "they’ll" as the future', () => {
    expect(all('The envoy is due to arrive on Friday.')[0]?.[1]).toBe('2015-12-18');
    expect(all('They’ll talk on Friday.')[0]?.[1]).toBe('2015-12-18');
  });
});

describe('countedFromEvent', () => {
  const vote = mention(
    0,
    0,
    'Britain voted to leave on Dec. 3, 2015.',
    findTimeExpressions('Britain voted to leave on Dec. 3, 2015.', null)[0]!,
  );
  const other = mention(1, 0, 'Markets fell on Dec. 10, 2015.', findTimeExpressions('Markets fell on Dec. 10, 2015.', null)[0]!);

  it('counts "12 days after the vote" from the day the article dated the vote, not the day dated last', () => {
    const e = countedFromEvent('The pound hit a low 12 days after the vote.', [vote, other]);
    expect(brief(e!)).toEqual(['12 days after', '2015-12-15', 'day', 'from-text-day']);
  });

  it('leaves it unresolved when the article never dated the event, and is null for other words', () => {
    expect(brief(countedFromEvent('The pound hit a low 12 days after the vote.', [other])!)).toEqual([
      '12 days after',
      null,
      'unresolved',
      'unresolved',
    ]);
    expect(countedFromEvent('The pound hit a low 12 days later.', [vote])).toBeNull();
  });
});

describe('years and parts of months', () => {
  it('reads "in the year 2014" as 2014, not a year counted from the anchor', () => {
    expect(all('It happened in the year 2014.')).toEqual([['in the year 2014', '2014', 'year', 'as-written']]);
  });

  it('reads "end of May" as the last third of May, not its last day', () => {
    expect(all('Talks ended at the end of May.', mon4Jan2016)).toEqual([['end of May', '2015-05-20/2015-05-31', 'range', 'part-of-month']]);
    const state = dateState('Talks ended at the end of May.', mon4Jan2016);
    const [hit] = chronoHits(state);
    expect(state.text.slice(hit!.start, hit!.end)).toBe('May');
    expect(withoutPartWords(hit!, new Date()).raw).toBe('May');
  });
});

describe('months after "this", "last", "next"', () => {
  it('reads "this September" in the anchor’s year, "last April" as the last one before, "next June" as the next one after', () => {
    expect(all('It opens this September.', mon4Jan2016)).toEqual([['this September', '2016-09', 'month', 'from-anchor']]);
    expect(all('It closed last April.', mon4Jan2016)[0]?.[1]).toBe('2015-04');
    expect(all('It opens next June.', mon4Jan2016)[0]?.[1]).toBe('2016-06');
    expect(all('He was appointed last May.', mon4Jan2016)).toEqual([['last May', '2015-05', 'month', 'from-anchor']]);
  });
});

describe('a day and month without a year, against the tense', () => {
  it('reads "March 31" in past-tense prose in October as last March’s, and keeps the nearest when it is near', () => {
    const oct = publicationAnchor('1989-10-31');
    expect(all('Profit rose in the year ended March 31.', oct)).toEqual([['March 31', '1989-03-31', 'day', 'year-by-tense']]);
    expect(all('Profit will be paid on March 31.', oct)).toEqual([['March 31', '1990-03-31', 'day', 'nearest-year']]);
    expect(all('They met on Dec. 18.')).toEqual([['Dec. 18', '2015-12-18', 'day', 'nearest-year']]);
  });
});

describe('a few', () => {
  it('reads "the next few days" as a length, and leaves "a few years ago" to the counted dates', () => {
    expect(all('Talks go on for the next few days.')).toEqual([['the next few days', null, 'duration', 'untold-length']]);
    expect(all('He left a few years ago.')[0]?.[3]).toBe('from-anchor');
  });
});

describe('numbers that are not dates', () => {
  it('leaves ages ("a 52-year-old man") to no length of time', () => {
    expect(all('A 52-year-old man left after 6 years.')).toEqual([['after 6 years', 'P6Y', 'duration', 'length']]);
  });

  it('leaves stock prices in fractions alone', () => {
    expect(all('Shares rose 7/8 to 12 3/8.')).toEqual([]);
    const state = dateState('Shares rose 3/8.', wed16Dec2015);
    expect(chronoHits(state).map((h) => isFraction(state, h))).toEqual([true]);
  });
});
