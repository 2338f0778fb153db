import { describe, expect, it } from 'vitest';
import { type Anchor, findTimeExpressions, humanDate, publicationAnchor } from '../../../src/nlp/dates/index.ts';

import { explainDate } from '../../../src/nlp/dates/explain.ts';
const wed16Dec2015 = publicationAnchor('2015-12-16T09:34:26');
const dated = (text: string, anchor: Anchor | null = wed16Dec2015) =>
  findTimeExpressions(text, anchor).map((e) => [e.text, e.value, e.granularity] as const);

describe('resolving dates against the article', () => {
  it('reads the mission example: "on Tuesday" in a piece of Wed 16 Dec 2015 is 15 Dec 2015, and says how', () => {
    const [e] = findTimeExpressions('Kerry met Putin in Moscow on Tuesday.', wed16Dec2015);
    expect(e).toMatchObject({ text: 'on Tuesday', value: '2015-12-15', granularity: 'day' });
    expect(explainDate(e!)).toBe(
      '"on Tuesday" in an article published Wed 16 Dec 2015 (past tense, so the one on or before) → Tue 15 Dec 2015',
    );
  });

  it('tells a past weekday from a coming one by tense, for every weekday', () => {
    expect(dated('The ministers met on Friday.')).toEqual([['on Friday', '2015-12-11', 'day']]);
    expect(dated('The talks will resume Friday.')).toEqual([['Friday', '2015-12-18', 'day']]);
    expect(dated('He said on Monday that he would go.')).toEqual([['on Monday', '2015-12-14', 'day']]);
    expect(dated('The envoy is to arrive on Sunday.')).toEqual([['on Sunday', '2015-12-20', 'day']]);
    expect(dated('They met on Wednesday.')).toEqual([['on Wednesday', '2015-12-16', 'day']]);
    expect(dated('They meet again this Friday.')).toEqual([['this Friday', '2015-12-18', 'day']]);
    expect(dated('It happened last Thursday.')).toEqual([['last Thursday', '2015-12-10', 'day']]);
  });

  it('keeps vague parts as ranges and lengths, never a day', () => {
    expect(dated('Russia has bombed since late September.')).toEqual([['since late September', '2015-09-20/..', 'range']]);
    expect(dated('It grew in early March.')).toEqual([['early March', '2015-03-01/2015-03-10', 'range']]);
    expect(dated('Talks resumed last week.')).toEqual([['last week', '2015-12-07/2015-12-13', 'range']]);
    expect(dated('Prices rose last month.')).toEqual([['last month', '2015-11', 'month']]);
    expect(dated('Earlier this year, the army retreated.')).toEqual([['Earlier this year', '2015-01-01/2015-12-16', 'range']]);
    expect(dated('They talked for nearly 10 hours.')).toEqual([['for nearly 10 hours', 'PT10H', 'duration']]);
    expect(dated('The airstrikes began in September 2014.')).toEqual([['September 2014', '2014-09', 'month']]);
  });

  it("takes the year from the article's date, across a year boundary, and keeps a year as written", () => {
    const jan2016 = publicationAnchor('2016-01-04');
    expect(dated('The meeting on Dec. 18 was short.', jan2016)).toEqual([['Dec. 18', '2015-12-18', 'day']]);
    expect(dated('The talks were held in December.', jan2016)).toEqual([['December', '2015-12', 'month']]);
    expect(dated('The ministers met on Friday.', jan2016)).toEqual([['on Friday', '2016-01-01', 'day']]);
    // "the previous day" counts from the day dated just before it, never from the publication day.
    expect(dated('The plan was agreed the previous day.', jan2016)).toEqual([['the previous day', null, 'unresolved']]);
    const recent = { day: '2015-12-12', text: 'on Saturday' };
    expect(findTimeExpressions('The plan was agreed the previous day.', jan2016, recent).map((e) => e.value)).toEqual(['2015-12-11']);
    expect(dated('He flew to Moscow in July 2013.', jan2016)).toEqual([['July 2013', '2013-07', 'month']]);
    expect(dated('A summit is planned for Jan. 2.', publicationAnchor('2015-12-30'))).toEqual([['Jan. 2', '2016-01-02', 'day']]);
  });

  it('leaves relative expressions unresolved in an article with no date, and still reads full dates', () => {
    const out = findTimeExpressions('They met on Tuesday, and again on Dec. 15, 2015.', null);
    expect(out.map((e) => [e.text, e.value, e.granularity])).toEqual([
      ['on Tuesday', null, 'unresolved'],
      ['Dec. 15, 2015', '2015-12-15', 'day'],
    ]);
    expect(explainDate(out[0]!)).toMatch(/no date of its own/);
  });

  it('reads the words review found wrong: "last" on its own day, clauses with two tenses, years and months ago, names', () => {
    const fri18 = publicationAnchor('2015-12-18');
    expect(dated('They met last Friday.', fri18)).toEqual([['last Friday', '2015-12-11', 'day']]);
    expect(dated('Kerry, who arrived on Monday, will leave soon.')).toEqual([
      ['on Monday', '2015-12-14', 'day'],
      ['soon', '2015-12-17/..', 'range'],
    ]);
    expect(dated('The war began a year ago.')).toEqual([['a year ago', '2014', 'year']]);
    expect(dated('It started two months ago.')).toEqual([['two months ago', '2015-10', 'month']]);
    expect(dated('Sun Tzu wrote about war. Jan Egeland spoke.')).toEqual([]);
    expect(dated('Ten days later, the talks resumed.')).toEqual([['Ten days later', 'P10D', 'duration']]);
    expect(findTimeExpressions('The war began in 2011.', null).map((e) => [e.value, e.granularity])).toEqual([['2011', 'year']]);
    expect(dated('In 2015 the army advanced.')).toEqual([['In 2015', '2015', 'year']]);
  });

  it('says dates as a reader would', () => {
    expect(humanDate('2015-12-15')).toBe('Tue 15 Dec 2015');
    expect(humanDate('2015-09')).toBe('September 2015');
    expect(humanDate('2015-09-20/..')).toBe('Sun 20 Sep 2015 onwards');
  });
});
