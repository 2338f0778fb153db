import { describe, expect, it } from 'vitest';
import { clauseAround, statedTense, tenseAround } from '../../../src/nlp/dates/tense.ts';

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
