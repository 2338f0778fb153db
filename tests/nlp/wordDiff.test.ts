import { describe, expect, it } from 'vitest';
import { bestWindow, diffWords, wordChanges, wordsOf } from '../../src/nlp/wordDiff.ts';

const norms = (s: string): string[] => wordsOf(s).map((w) => w.norm);

describe('wordsOf', () => {
  it('folds case, apostrophes, dots and quotation marks, and splits at hyphens', () => {
    expect(norms('“So-called” U.S. can’t')).toEqual(['so', 'called', 'us', 'cant']);
    expect(norms('"so called" US can\'t')).toEqual(['so', 'called', 'us', 'cant']);
    expect(wordsOf('Kerry said')[1]).toEqual({ text: 'said', norm: 'said', start: 6, end: 10 });
  });
});

describe('diffWords', () => {
  it('compares words as a reader does: case, apostrophes and quotation marks aside', () => {
    const d = diffWords(wordsOf('The U.S. can’t go'), wordsOf('the US cannot go'));
    expect(
      d.map((c) => [c.added ? '+' : c.removed ? '-' : '=', (c.value as Array<{ norm: string }>).map((w) => w.norm).join(' ')]),
    ).toEqual([
      ['=', 'the us'],
      ['-', 'cant'],
      ['+', 'cannot'],
      ['=', 'go'],
    ]);
  });
});

describe('bestWindow', () => {
  it('finds a piece of a quote at no cost, the words around it free', () => {
    const quote = norms('The United States and its partners are not seeking so-called regime change');
    expect(bestWindow(quote, norms('not seeking so-called'))).toEqual({ start: 7, end: 11, edits: 0 });
  });

  it('counts each inserted, dropped or changed word once', () => {
    const quote = norms('we discussed today in great detail the need');
    expect(bestWindow(quote, norms('we discussed in great detail the need')).edits).toBe(1);
    expect(bestWindow(quote, norms('we talked today in great detail the need')).edits).toBe(1);
    expect(bestWindow(quote, norms('we discussed today in very great detail the need')).edits).toBe(1);
  });

  it('takes the whole stretch when its kept words pay for the words dropped inside it', () => {
    const quote = norms('The United States and its partners are not seeking so-called regime change as it is known in Syria');
    expect(bestWindow(quote, norms('The United States is not seeking regime change'))).toEqual({ start: 0, end: 13, edits: 6 });
  });

  it('costs every word when nothing matches', () => {
    expect(bestWindow(norms('a b c'), norms('x y')).edits).toBe(2);
    expect(bestWindow(norms('a b c'), []).edits).toBe(0);
    expect(bestWindow([], norms('x y')).edits).toBe(2);
  });
});

describe('wordChanges', () => {
  it('says which words were inserted, dropped and changed, in the writers’ own forms', () => {
    const quote = wordsOf('the need to accelerate the effort');
    expect(wordChanges(quote, wordsOf('the urgent need to speed up the effort'))).toEqual([
      { op: 'same', words: ['the'] },
      { op: 'inserted', words: ['urgent'] },
      { op: 'same', words: ['need', 'to'] },
      { op: 'changed', words: ['speed', 'up'], corpus: ['accelerate'] },
      { op: 'same', words: ['the', 'effort'] },
    ]);
    expect(wordChanges(wordsOf('a very big deal'), wordsOf('a big deal'))).toEqual([
      { op: 'same', words: ['a'] },
      { op: 'dropped', words: ['very'] },
      { op: 'same', words: ['big', 'deal'] },
    ]);
  });
});

describe('hyphenated words', () => {
  it('are compared apart and shown joined', () => {
    expect(norms('de-escalating')).toEqual(['de', 'escalating']);
    expect(wordChanges(wordsOf('without also de-escalating the fight'), wordsOf('without first de-escalating the fight'))).toEqual([
      { op: 'same', words: ['without'] },
      { op: 'changed', words: ['first'], corpus: ['also'] },
      { op: 'same', words: ['de-escalating', 'the', 'fight'] },
    ]);
    expect(wordsOf('a - b')[1]?.hyphen).toBeUndefined();
  });
});
