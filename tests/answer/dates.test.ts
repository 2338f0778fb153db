import { describe, expect, it } from 'vitest';
import { compareDates, dateWindow, parseDateOption, withinDays } from '../../src/answer/dates.ts';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('date options and date comparisons before the year 1000', () => {
  it('reads 0999, 0999-02 and 0050-02-29 as the days they cover, four-digit years kept', () => {
    expect(parseDateOption('0999')).toEqual({ from: '0999-01-01', to: '0999-12-31' });
    expect(parseDateOption('0999-02')).toEqual({ from: '0999-02-01', to: '0999-02-28' });
    // Year 0 and year 4 are leap years (not 1900 and 1904 as Date.UTC would read them: 1900 is not one).
    expect(parseDateOption('0000-02-29')).toEqual({ from: '0000-02-29', to: '0000-02-29' });
    expect(parseDateOption('0050-02-29')).toBeNull();
  });

  it('compares dates as dates: 999 before 2015, a day before its date-time', () => {
    expect(compareDates('0999-12-31', '2015-01-01')).toBeLessThan(0);
    expect(compareDates('999-12-31', '2015-01-01')).toBeLessThan(0);
    expect(compareDates('2015-12-17', '2015-12-17T00:00:00+03:00')).toBeLessThan(0);
    expect(compareDates('2016', '2015-12-31')).toBeGreaterThan(0);
    expect(withinDays('999-06-01T10:00:00', { from: '0999-01-01', to: '0999-12-31' })).toBe(true);
    expect(withinDays('2015-06-01', { from: '0999-01-01', to: '0999-12-31' })).toBe(false);
    expect(dateWindow('0999', '2015')).toEqual({ from: '0999-01-01', to: '2015-12-31' });
    expect(() => dateWindow('2015', '0999')).toThrow('from: 2015 is after to: 0999');
  });

  it('filters articles published before 1000: from:0999 and to:0999 compare as dates', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'old.txt': '---\noutlet: Chronicle\npublished: 0999-06-01\n---\nThe council met in the old city to discuss the treaty.\n',
        'new.txt': '---\noutlet: Wire\npublished: 2015-12-16\n---\nThe council met again to discuss the treaty in Geneva.\n',
      }),
    );
    const outlets = (line: string) => ask(line, corpus).results.map((r) => r.citations[0]?.outlet);
    expect(outlets('/search council treaty from:0999').sort()).toEqual(['Chronicle', 'Wire']);
    expect(outlets('/search council treaty to:0999')).toEqual(['Chronicle']);
    expect(outlets('/search council treaty from:0999 to:0999-06')).toEqual(['Chronicle']);
    expect(outlets('/search council treaty from:1000')).toEqual(['Wire']);
    expect(ask('/search council treaty from:0999', corpus).results[0]?.citations).toHaveLength(1);
  });
});
