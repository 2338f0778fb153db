import { describe, expect, it } from 'vitest';
import { clauseAround, isPlannedFor, statedTense, tenseAround, tenseOfPlan } from '../../../src/nlp/dates/tense.ts';

const around = (sentence: string, words: string): [number, number] => {
  const at = sentence.indexOf(words);
  expect(at).toBeGreaterThanOrEqual(0);
  return [at, at + words.length];
};

describe('clauseAround', () => {
  it('reads from the comma before to the comma after', () => {
    const s = 'Kerry, who arrived on Monday, will leave soon.';
    expect(clauseAround(s, ...around(s, 'on Monday'))).toBe(', who arrived on Monday');
  });
});

describe('tenseAround', () => {
  it('reads the future from "is to", "will", "next"', () => {
    const s = 'The envoy is to arrive on Sunday.';
    expect(tenseAround(s, ...around(s, 'on Sunday'))).toBe('future');
  });
  it('reads past where nothing says future, past verbs or none', () => {
    const s = 'Kerry, who arrived on Monday, will leave soon.';
    expect(tenseAround(s, ...around(s, 'on Monday'))).toBe('past');
    const t = 'Talks on Friday.';
    expect(tenseAround(t, ...around(t, 'on Friday'))).toBe('past');
  });
});

describe('statedTense', () => {
  it('says past only when a word of the clause is past, and null when no word says', () => {
    const past = 'Profit rose in the year ended March 31.';
    expect(statedTense(past, ...around(past, 'March 31'))).toBe('past');
    const none = 'We support convening another meeting this Saturday, Dec. 18.';
    expect(statedTense(none, ...around(none, 'Dec. 18'))).toBeNull();
    const future = 'It will be paid on March 31.';
    expect(statedTense(future, ...around(future, 'March 31'))).toBe('future');
  });
});

describe('isPlannedFor', () => {
  it('reads a plan, an expectation or a deadline said before the expression in its clause', () => {
    for (const [s, words] of [
      ['The vote was scheduled to take place Monday.', 'Monday'],
      ['Fans planned a parade on Saturday.', 'on Saturday'],
      ['The bonus would be paid in June.', 'in June'],
      ['She could return as early as Tuesday.', 'Tuesday'],
      ['The board adjourned until Thursday its debate.', 'Thursday'],
    ] as const)
      expect(isPlannedFor(s, around(s, words)[0]), s).toBe(true);
  });
  it('leaves a plan said after the day, one overtaken, and a day named by what happened on it', () => {
    for (const [s, words] of [
      ['The club said Friday it would sell the ground.', 'Friday'],
      ['The strike began as previously planned on Sunday.', 'on Sunday'],
      ['Rebels said they would appeal Tuesday’s verdict.', 'Tuesday'],
      ['Sales were lower than expected in May.', 'May'],
    ] as const)
      expect(isPlannedFor(s, around(s, words)[0]), s).toBe(false);
  });
});

describe('tenseOfPlan', () => {
  it('is future when a plan reaches the expression, else the clause’s tense', () => {
    const planned = 'The deal was expected to close on Monday.';
    expect(tenseOfPlan(planned, ...around(planned, 'on Monday'))).toBe('future');
    const past = 'The deal closed on Monday.';
    expect(tenseOfPlan(past, ...around(past, 'on Monday'))).toBe('past');
  });
});
