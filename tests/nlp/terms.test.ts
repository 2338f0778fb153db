import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { terms, tokenize, writtenForm } from '../../src/nlp/terms.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

describe('terms with each spelling kept', () => {
  it('folds the spellings of one name into one term by default', () => {
    expect(terms('Daesh, ISIS and the Islamic State')).toEqual(['isis', 'isis', 'isis']);
  });

  it('keeps each spelling its own term when asked, for telling outlets’ wording apart', () => {
    expect(terms('Daesh, ISIS and the Islamic State', { spellings: true })).toEqual(['daesh', 'isis', 'islamic state']);
    expect(terms('the US and the U.S. talks', { spellings: true })).toEqual(['us', 'u.s', 'talk']);
  });

  it('still drops stopwords and stems other words', () => {
    expect(terms('the regimes of us', { spellings: true })).toEqual(['regim']);
  });

  it('reads words that name built-in properties as words, not as table entries', () => {
    const words = terms('The constructor of the toString valueOf hasOwnProperty', { keepStopwords: true });
    expect(words.every((t) => typeof t === 'string')).toBe(true);
    expect(terms('a constructor and valueOf')).toEqual(['constructor', 'valueof']);
  });

  it('gives a word as written, less a possessive', () => {
    expect(writtenForm('Russia’s')).toBe('Russia');
    expect(writtenForm("Assad's")).toBe('Assad');
    expect(writtenForm('U.S.')).toBe('U.S.');
    expect(writtenForm('regime')).toBe('regime');
  });
});

describe('tokenize with each word read once', () => {
  it('gives a word the term its options make, whichever options read it first', () => {
    const text = 'The US and the United States, us too';
    const byDefault = tokenize(text).map((t) => t.term);
    const kept = tokenize(text, { keepStopwords: true }).map((t) => t.term);
    const asQuery = tokenize(text, { query: true }).map((t) => t.term);
    expect(byDefault).toEqual([null, 'unitedstates', null, null, 'unitedstates', null, null]);
    expect(kept).toEqual(['the', 'unitedstates', 'and', 'the', 'unitedstates', 'us', 'too']);
    expect(asQuery).toEqual([null, 'unitedstates', null, null, 'unitedstates', 'unitedstates', null]);
    expect(tokenize(text).map((t) => t.term)).toEqual(byDefault);
  });

  it('gives a fresh list each time a text is tokenised again', () => {
    const first = tokenize('Kerry met Lavrov');
    first.pop();
    expect(tokenize('Kerry met Lavrov').map((t) => t.term)).toEqual(['kerri', 'met', 'lavrov']);
  });

  it('reads a two-word name only where its first word opens one', () => {
    expect(tokenize('New York and new yorkers').map((t) => [t.start, t.end, t.term])).toEqual([
      [0, 8, 'newyork'],
      [9, 12, null],
      [13, 16, 'new'],
      [17, 24, 'yorker'],
    ]);
  });
});

describe('tokenize finds the words WORD matches', () => {
  // The expression the tokenizer reads text past ASCII with, and that it reads ASCII as: the reference.
  const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  const spans = (text: string): string[] => [...text.matchAll(WORD)].map((m) => `${m.index}-${m.index + m[0].length}`);
  const found = (text: string): string[] => tokenize(text, { keepStopwords: true }).map((t) => `${t.start}-${t.end}`);
  // The first words of two-word names ("United States", "New York") made other words, so that each word is a token.
  const noPairs = (text: string): string => text.replace(/\b(?:united|new|islamic)\b/gi, (w) => 'q'.repeat(w.length));

  it('reads abbreviations, possessives and digits in ASCII as the expression does', () => {
    for (const text of [
      'U.S.A. and u.s. or A.B.C.D',
      'e.g. i.e., X. Y',
      "Russia's it’s rock'n'roll 3'5 12’s",
      'F-16s 2015-12-15 a.m. 9.30',
    ])
      expect(found(text)).toEqual(spans(text));
    expect(tokenize('U.S.A.').map((t) => t.term)).toEqual(['unitedstates']);
    expect(tokenize('U.S.A').map((t) => t.term)).toEqual(['unitedstates', null]);
  });

  it('reads letters and digits past ASCII as the expression does: accents, other scripts, astral letters', () => {
    for (const text of ['café Zürich naïve', 'U.S.é É.T.', 'Ahmed’é 3’é x’😀', '٣٤ ²½ 𝐀𝐁 𝐀.𝐁.', 'e\u0301t\u00e9 straße', 'Şam’s Moskva’ya'])
      expect(found(text)).toEqual(spans(text));
  });

  it('reads every word of the seed articles as the expression does', () => {
    const texts = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => noPairs(readFileSync(join(CORPUS_DIR, f), 'utf8')));
    expect(texts.join('').length).toBeGreaterThan(10_000);
    for (const text of texts) expect(found(text)).toEqual(spans(text));
  });
});
