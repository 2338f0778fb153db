import { describe, expect, it } from 'vitest';
import { writtenForm, terms } from '../../src/nlp/terms.ts';

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

  it('gives a word as written, less a possessive', () => {
    expect(writtenForm('Russia’s')).toBe('Russia');
    expect(writtenForm("Assad's")).toBe('Assad');
    expect(writtenForm('U.S.')).toBe('U.S.');
    expect(writtenForm('regime')).toBe('regime');
  });
});
