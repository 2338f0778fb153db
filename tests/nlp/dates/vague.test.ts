import { describe, expect, it } from 'vitest';
import { currently, recentlyBefore, recurring, soonAfter, yearWrittenAlone } from '../../../src/nlp/dates/vague.ts';
import { timexOf } from '../../../src/nlp/dates/timex.ts';
import { type DateRule, onlyWith } from '../../../src/nlp/dates/state.ts';
import { run } from './fixtures.ts';

/** What a rule finds on its own in a sentence (anchor Wed 16 Dec 2015): words, ISO value, TIMEX3 type and value. */
const seen = (rule: DateRule, text: string): Array<[string, string | null, string, string]> =>
  run(rule, text).map((e) => [e.text, e.value, timexOf(e).type, timexOf(e).value]);

describe('recentlyBefore', () => {
  it('reads "recently" and "more recently" as some time before the anchor, and leaves the adjective alone', () => {
    expect(seen(recentlyBefore, 'More recently, he left.')).toEqual([['More recently', '../2015-12-16', 'DATE', 'PAST_REF']]);
    expect(seen(recentlyBefore, 'Two recent rounds of talks failed.')).toEqual([]);
  });
});

describe('currently', () => {
  it('reads "currently" and "the current" as the present', () => {
    expect(seen(currently, 'He is currently in Moscow.')).toEqual([['currently', '2015-12-16', 'DATE', 'PRESENT_REF']]);
    expect(seen(currently, 'The current talks are stuck.')[0]?.[3]).toBe('PRESENT_REF');
  });
});

describe('soonAfter', () => {
  it('reads "soon" and "the near future" as after the anchor', () => {
    expect(seen(soonAfter, 'Talks resume soon, in the near future.').map((x) => [x[0], x[3]])).toEqual([
      ['soon', 'FUTURE_REF'],
      ['the near future', 'FUTURE_REF'],
    ]);
  });

  it('leaves the future of someone or something alone', () => {
    expect(seen(soonAfter, "Assad's future is for Syrians; they discussed the future of Syria.")).toEqual([]);
  });
});

describe('recurring', () => {
  it('reads "daily", "every week" and "quarterly" as sets, not dates', () => {
    expect(seen(recurring, 'It is updated daily, every week and quarterly.').map((x) => [x[0], x[1], x[2], x[3]])).toEqual([
      ['daily', null, 'SET', 'P1D'],
      ['every week', null, 'SET', 'P1W'],
      ['quarterly', null, 'SET', 'P3M'],
    ]);
  });
});

describe('yearWrittenAlone', () => {
  it('reads a year written alone', () => {
    expect(seen(yearWrittenAlone, 'The company said 1990 results would improve.')).toEqual([['1990', '1990', 'DATE', '1990']]);
  });

  it('leaves money, counts, ranges and decades alone', () => {
    expect(seen(yearWrittenAlone, 'It cost $1990 for 2000 troops in 1990-91 and the 1990s, 1,990 in all.')).toEqual([]);
  });
});

describe('onlyWith', () => {
  it('asks the rule only of a text that holds the words, and leaves the rule to find what it finds', () => {
    const asked: string[] = [];
    const rule = onlyWith(/soon/i, (state) => {
      asked.push(state.text);
    });
    run(rule, 'Talks resume next week.');
    run(rule, 'Talks resume SOON.');
    expect(asked).toEqual(['Talks resume SOON.']);
    expect(seen(soonAfter, 'The envoy will return SOON.').map((x) => x[0])).toEqual(['SOON']);
    expect(seen(currently, 'It is at Present closed, as it is presently.').map((x) => x[0])).toEqual(['at Present', 'presently']);
  });
});
