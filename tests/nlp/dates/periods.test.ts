import { describe, expect, it } from 'vitest';
import { type DateRule, dateState } from '../../../src/nlp/dates/state.ts';
import { decade, latestQuarter, namedQuarter, season, weekend, yearEarlierPeriod } from '../../../src/nlp/dates/periods.ts';
import { timexOf } from '../../../src/nlp/dates/timex.ts';
import { brief, mon4Jan2016, run, wed16Dec2015 } from './fixtures.ts';

/** What rules find on their own in a sentence (anchor Wed 16 Dec 2015 unless said): words, ISO value and TIMEX3 value. */
const seen = (rules: DateRule[], text: string, anchor = wed16Dec2015): Array<[string, string | null, string]> =>
  run((state) => rules.forEach((r) => r(state)), text, anchor).map((e) => [e.text, e.value, timexOf(e).value]);

describe('namedQuarter', () => {
  it.each([
    ['Third-quarter profit rose.', ['Third-quarter', '2015-07-01/2015-09-30', '2015-Q3']],
    ['Profit fell in the 1988 second quarter.', ['the 1988 second quarter', '1988-04-01/1988-06-30', '1988-Q2']],
    ['Sales will rise in the first quarter of 2017.', ['the first quarter of 2017', '2017-01-01/2017-03-31', '2017-Q1']],
    ["It expects a loss in next year's first quarter.", ["next year's first quarter", '2016-01-01/2016-03-31', '2016-Q1']],
  ] as const)('%s', (text, want) => {
    expect(seen([namedQuarter], text)).toEqual([want]);
  });

  it('puts a quarter without a year in the year its tense points to', () => {
    expect(seen([namedQuarter], 'Net income fell in the fourth quarter.', mon4Jan2016)[0]?.[2]).toBe('2015-Q4');
    expect(seen([namedQuarter], 'Net income will rise in the second quarter.', mon4Jan2016)[0]?.[2]).toBe('2016-Q2');
  });

  it('reads a quarter just ended as this year’s in future-tense prose: results are reported after it', () => {
    expect(seen([namedQuarter], 'The firm will report a third-quarter loss.')[0]?.[2]).toBe('2015-Q3');
    expect(seen([namedQuarter], 'The firm will report a second-quarter loss.')[0]?.[2]).toBe('2016-Q2');
  });

  it('reads "the year-ago third quarter" as that quarter a year before', () => {
    expect(seen([namedQuarter], 'Profit doubled from the year-ago third quarter.')).toEqual([
      ['the year-ago third quarter', '2014-07-01/2014-09-30', '2014-Q3'],
    ]);
    expect(seen([namedQuarter], 'Sales fell from the year-earlier fourth quarter.', mon4Jan2016)[0]?.[2]).toBe('2014-Q4');
  });

  it('leaves a quarter of a city alone', () => {
    expect(seen([namedQuarter], 'They live in the Latin Quarter.')).toEqual([]);
  });
});

describe('latestQuarter', () => {
  it('reads "the latest quarter" as the last quarter ended and "the current quarter" as the one under way', () => {
    expect(seen([latestQuarter], 'Sales rose in the latest quarter.')).toEqual([
      ['the latest quarter', '2015-07-01/2015-09-30', '2015-Q3'],
    ]);
    expect(seen([latestQuarter], 'Sales will rise in the current quarter.')[0]?.[2]).toBe('2015-Q4');
    expect(seen([latestQuarter], 'Sales rose in the quarter.', mon4Jan2016)[0]?.[2]).toBe('2015-Q4');
  });

  it('leaves "the period" of something alone', () => {
    expect(seen([latestQuarter], 'The period of unrest ended.')).toEqual([]);
  });
});

describe('yearEarlierPeriod', () => {
  it('reads "a year earlier" said of a quarter as the same quarter the year before', () => {
    expect(seen([namedQuarter, yearEarlierPeriod], 'Third-quarter net fell to $5 million from $7 million a year earlier.')).toEqual([
      ['Third-quarter', '2015-07-01/2015-09-30', '2015-Q3'],
      ['a year earlier', '2014-07-01/2014-09-30', '2014-Q3'],
    ]);
  });

  it('reads "a year earlier" said of the quarter the text named just before', () => {
    const state = dateState('A year earlier, net was $2 million.', wed16Dec2015, null, { year: 2015, quarter: 3 });
    yearEarlierPeriod(state);
    expect(state.found.map((e) => [e.text, timexOf(e).value])).toEqual([['A year earlier', '2014-Q3']]);
  });

  it('reads "a year earlier" with no day dated before as the year before the anchor’s', () => {
    expect(seen([yearEarlierPeriod], 'A year earlier, net was $2 million.')).toEqual([['A year earlier', '2014', '2014']]);
  });

  it('reads "year-earlier" without a quarter as the year before the anchor, and leaves "a year ago" alone then', () => {
    expect(seen([namedQuarter, yearEarlierPeriod], 'Sales beat year-earlier levels.')).toEqual([['year-earlier', '2014', '2014']]);
    expect(seen([namedQuarter, yearEarlierPeriod], 'He left a year ago.')).toEqual([]);
  });
});

describe('season', () => {
  it.each([
    ['Prices rose last fall.', ['last fall', '2015-09/2015-11', '2015-FA']],
    ['Talks resumed in the spring.', ['in the spring', '2015-03/2015-05', '2015-SP']],
    ['Talks resume in the spring.', ['in the spring', '2016-03/2016-05', '2016-SP']],
    ['It will open next summer.', ['next summer', '2016-06/2016-08', '2016-SU']],
    ['They fled in the winter of 1994.', ['in the winter of 1994', '1994-12/1995-02', '1994-WI']],
  ] as const)('%s', (text, want) => {
    expect(seen([season], text)).toEqual([want]);
  });

  it('leaves a fall of prices and a spring of water alone', () => {
    expect(seen([season], 'The fall of Aleppo followed a spring offensive.')).toEqual([]);
  });
});

describe('weekend', () => {
  it('reads the weekend before the anchor in past-tense prose and after it in future-tense prose', () => {
    expect(seen([weekend], 'Fighting eased over the weekend.')).toEqual([['the weekend', '2015-12-12/2015-12-13', '2015-W50-WE']]);
    expect(seen([weekend], 'They will meet this weekend.')).toEqual([['this weekend', '2015-12-19/2015-12-20', '2015-W51-WE']]);
  });
});

describe('decade', () => {
  it('reads "the 1990s", "the mid-1980s" and "the nineties" as decades', () => {
    expect(seen([decade], 'It began in the 1990s.').map(([t, v]) => [t, v])).toEqual([['the 1990s', '1990/1999']]);
    expect(seen([decade], 'Growth slowed in the mid-1980s and the nineties.').map(([, , t]) => t)).toEqual(['198', '199']);
    expect(seen([decade], 'He was in his fifties.')).toEqual([]);
  });
});

describe('the TIMEX3 of a period', () => {
  it('keeps a season’s basis kind and a quarter’s', () => {
    const [e] = run(season, 'Prices rose last fall.');
    expect(brief(e!)).toEqual(['last fall', '2015-09/2015-11', 'range', 'season']);
  });
});
