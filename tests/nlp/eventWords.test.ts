import { describe, expect, it } from 'vitest';
import { eventTerms } from '../../src/nlp/eventWords.ts';

/** The [start, end) of each phrase in the sentence. */
const spans = (sentence: string, ...phrases: string[]): Array<[number, number]> =>
  phrases.map((p) => [sentence.indexOf(p), sentence.indexOf(p) + p.length]);

describe('eventTerms', () => {
  it('gives each date of a sentence the words nearer to it, a clause mark counting as distance', () => {
    const s = 'Kerry met Lavrov on Monday, and Putin will visit Paris in May.';
    const dates = spans(s, 'on Monday', 'in May');
    expect(eventTerms(s, dates, 0)).toEqual(['kerri', 'met', 'lavrov']);
    expect(eventTerms(s, dates, 1)).toEqual(['putin', 'will', 'visit', 'pari']);
  });

  it("leaves out the date's own words, which say when, not what", () => {
    const s = 'By now, five years after the conflict began, the war goes on.';
    expect(eventTerms(s, spans(s, 'five years after the conflict began'), 0)).toEqual(['war', 'goe']);
  });

  it('gives a date held inside a longer one the words of the longer one', () => {
    const s = 'This has been the Russian position since the start of the Syrian conflict in 2011.';
    const dates = spans(s, 'since the start of the Syrian conflict in 2011', 'in 2011');
    expect(eventTerms(s, dates, 1)).toEqual(expect.arrayContaining(['start', 'syrian', 'conflict']));
    expect(eventTerms(s, dates, 0)).not.toContain('conflict');
  });
});
