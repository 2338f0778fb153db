import { describe, expect, it } from 'vitest';
import { periodInQuery } from '../../src/answer/queryPeriod.ts';

describe('periodInQuery', () => {
  it('takes a year out of the words as the period', () => {
    expect(periodInQuery('syria 2015')).toEqual({ words: 'syria', period: { from: '2015-01-01', to: '2015-12-31' }, named: '2015' });
  });

  it('takes a month with its year, written out or short', () => {
    expect(periodInQuery('Kerry Moscow July 2016')).toMatchObject({
      words: 'Kerry Moscow',
      period: { from: '2016-07-01', to: '2016-07-31' },
    });
    expect(periodInQuery('talks in Dec. 2015').period).toEqual({ from: '2015-12-01', to: '2015-12-31' });
  });

  it('leaves a month without a year, and any other number, as words', () => {
    expect(periodInQuery('may talks')).toEqual({ words: 'may talks', period: null, named: null });
    expect(periodInQuery('34 civilians killed')).toMatchObject({ words: '34 civilians killed', period: null });
  });
});
