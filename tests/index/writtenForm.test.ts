import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writtenForm } from '../../src/index/lexicon.ts';
import { tokenize } from '../../src/nlp/terms.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

/** The lexicon's written form of a word: the word less a possessive "'s" or "’s", as the expression reads it. */
const expected = (word: string): string => word.replace(/['’]s$/, '');

describe("the lexicon's written form of a word", () => {
  it('drops a possessive and nothing else', () => {
    const text = "Russia’s Kerry's boss's bus its 's S'S U.S. says ’s";
    const forms = tokenize(text, { keepStopwords: true }).map((t) => writtenForm(text, t));
    expect(forms).toEqual(['Russia', 'Kerry', 'boss', 'bus', 'its', 's', "S'S", 'U.S.', 'says', 's']);
    expect(writtenForm("x 's", { start: 2, end: 4, term: null })).toBe('');
  });

  it('is what the expression gives for every word of the seed articles', () => {
    const texts = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'));
    let possessives = 0;
    for (const text of texts)
      for (const t of tokenize(text, { keepStopwords: true })) {
        const word = text.slice(t.start, t.end);
        expect(writtenForm(text, t)).toBe(expected(word));
        if (expected(word) !== word) possessives += 1;
      }
    expect(possessives).toBeGreaterThan(10);
  });
});
