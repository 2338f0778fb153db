import { describe, expect, it } from 'vitest';
import { chronoDates } from '../../../src/nlp/dates/chrono.ts';
import { present, yearAfterPreposition } from '../../../src/nlp/dates/phrases.ts';
import { sinceRanges } from '../../../src/nlp/dates/since.ts';
import { type DateRule } from '../../../src/nlp/dates/state.ts';
import { brief, run } from './fixtures.ts';

/** "since" reads what the rules before it found. */
const thenSince =
  (...before: DateRule[]): DateRule =>
  (state) => {
    for (const rule of before) rule(state);
    sinceRanges(state);
  };

describe('sinceRanges', () => {
  it('makes "since late September" an open range in place of the date right after "since"', () => {
    const [e, ...rest] = run(thenSince(chronoDates), 'Russia has bombed since late September.');
    expect(rest).toEqual([]);
    expect(brief(e!)).toEqual(['since late September', '2015-09-20/..', 'range', 'since']);
    expect(e?.basis).toMatchObject({
      kind: 'since',
      from: '2015-09-20',
      after: { text: 'late September', basis: { kind: 'part-of-month' } },
    });
  });
  it('takes the place of a year an earlier rule read with its "since" ("since 2011"): one expression, one date', () => {
    expect(run(thenSince(yearAfterPreposition), 'Fighting has gone on since 2011.').map(brief)).toEqual([
      ['since 2011', '2011/..', 'range', 'since'],
    ]);
  });
  it('adds a range when words stand between, keeping the date', () => {
    expect(run(thenSince(chronoDates), 'Calm since the attack on Friday.').map(brief)).toEqual([
      ['on Friday', '2015-12-11', 'day', 'weekday-by-tense'],
      ['since the attack on Friday', '2015-12-11/..', 'range', 'since'],
    ]);
  });
  it('carries "today" as what it starts from', () => {
    expect(run(thenSince(present), 'He has been held since today.').map((e) => e.basis)).toMatchObject([
      { kind: 'since', after: { basis: { kind: 'present' } } },
    ]);
  });
  it('does not take "since" with no date after it', () => {
    expect(run(thenSince(chronoDates), 'Nothing has changed since he left.')).toEqual([]);
  });
});
