import { describe, expect, it } from 'vitest';
import { CLOSE, pastedWords, quotedPieces, verify } from '../../src/answer/verify.ts';
import type { LoadedCorpus } from '../../src/index/loadedCorpus.ts';
import { indexedCorpus, seedCorpus, tempCorpus } from '../support/helpers.ts';

const ARTICLE = `---
title: "Talks end without a deal"
outlet: "Example Wire"
url: "https://example.org/talks"
published: 2016-01-05
---
Talks end without a deal

"We will keep talking until there is a ceasefire in every province," Jane Okafor said on Monday.

Tom Reyes, the trade minister, said the negotiations had failed because nobody wanted to compromise.

"Nobody here believes the border will reopen this year," said Tom Reyes.

"It is a sad day for the whole region," someone in the crowd shouted.
`;

let fixture: LoadedCorpus | undefined;
const corpus = (): LoadedCorpus => (fixture ??= indexedCorpus(tempCorpus({ 'talks.txt': ARTICLE })));
const check = (quote: string, speaker?: string) => verify(corpus(), { quote, speaker });

describe('verify on an inline fixture', () => {
  it('finds a quotation verbatim, whole or a piece of it, ignoring case, punctuation and quotation marks', () => {
    const whole = check('“we will keep talking until there is a ceasefire in every province.”', 'Okafor');
    expect(whole.verdict).toBe('verbatim');
    expect(whole.results[0]).toMatchObject({ speaker: 'Jane Okafor', verdict: 'verbatim' });
    expect(whole.results[0]?.differences).toBeUndefined();
    expect(whole.results[0]?.citations[0]).toMatchObject({ article: 'talks', outlet: 'Example Wire', paragraph: 1 });
    expect(check('keep talking until there is a ceasefire').verdict).toBe('verbatim');
  });

  it('calls a few changed words close, and says which, word by word', () => {
    const a = check('We will keep negotiating until there is a ceasefire in each province', 'Jane Okafor');
    expect(a.verdict).toBe('close');
    expect(a.results[0]?.differences).toEqual([
      { op: 'same', words: ['We', 'will', 'keep'] },
      { op: 'changed', words: ['negotiating'], corpus: ['talking'] },
      { op: 'same', words: ['until', 'there', 'is', 'a', 'ceasefire', 'in'] },
      { op: 'changed', words: ['each'], corpus: ['every'] },
      { op: 'same', words: ['province'] },
    ]);
  });

  it('never calls a negation added or dropped close', () => {
    expect(check('Nobody here believes the border will not reopen this year').verdict).not.toBe('close');
    expect(check('Nobody here believes the border will not reopen this year').verdict).not.toBe('verbatim');
  });

  it('says the words are someone else’s when the claim names another person, by any name the corpus uses', () => {
    const a = check('Nobody here believes the border will reopen this year', 'Okafor');
    expect(a.verdict).toBe('misattributed');
    expect(a.results[0]?.speaker).toBe('Tom Reyes');
    expect(check('Nobody here believes the border will reopen this year', 'the trade minister').verdict).toBe('verbatim');
    // A person the corpus never names is someone else too.
    expect(check('Nobody here believes the border will reopen this year', 'Angela Merkel').verdict).toBe('misattributed');
  });

  it('does not claim misattribution where the corpus does not know who spoke', () => {
    const a = check('It is a sad day for the whole region', 'Okafor');
    expect(a.verdict).toBe('verbatim');
    expect(a.notes?.join('\n')).toContain('does not say who said these words');
  });

  it('calls reported speech a paraphrase, never verbatim, even in its own words', () => {
    const a = check('the negotiations had failed because nobody wanted to compromise', 'Reyes');
    expect(a.verdict).toBe('paraphrase');
    expect(a.results[0]?.speaker).toBe('Tom Reyes');
    expect(check('Nobody wanted to compromise, so the negotiations failed', 'Reyes').verdict).toBe('paraphrase');
  });

  it('calls a quotation said again in other words a paraphrase of it', () => {
    const a = check('This year the border is going to reopen, nobody here believes it', 'Reyes');
    expect(a.verdict).toBe('paraphrase');
    expect(a.notes?.[0]).toBe('paraphrase: a quote of Tom Reyes says this in other words');
    expect(a.results[0]?.differences).toBeUndefined();
  });

  it('shows the nearest quotes for words the corpus does not have, each marked as no match', () => {
    const a = check('We will never negotiate with anyone about the border', 'Okafor');
    expect(a.verdict).toBe('not-found');
    expect(a.notes?.[0]).toContain('none of them is a match');
    expect(a.results.length).toBeGreaterThan(0);
    for (const r of a.results) expect(r.verdict).toBe('not-found');
  });

  it('takes no fewer than two words, and a short piece of a quotation is no quote', () => {
    expect(() => check('ceasefire')).toThrow(/at least two words/);
    const a = check('a ceasefire');
    expect(a.verdict).toBe('not-found');
    expect(a.notes?.join('\n')).toContain('give at least 4 words');
  });
});

describe('verify on the seeds', () => {
  it('compares each outlet’s wording: LidTime’s “our partners” is verbatim too', () => {
    const a = verify(seedCorpus(), {
      quote: 'The United States and our partners are not seeking so-called regime change',
      speaker: 'Kerry',
    });
    expect(a.verdict).toBe('verbatim');
    expect(a.results[0]?.quote).toBe('The United States and our partners are not seeking so-called regime change');
  });

  it('does not claim misattribution where the corpus only guesses the speaker, and says so', () => {
    // "no consensus" is Draitser's by "no cue: the speaker of the quote before" (confidence 0.5).
    const a = verify(seedCorpus(), { quote: 'no consensus', speaker: 'Kerry' });
    expect(a.verdict).toBe('verbatim');
    expect(a.results[0]?.speaker).toBe('Eric Draitser');
    expect(a.notes).toContain(
      'who said it is uncertain in the corpus (Eric Draitser, confidence 0.5): it neither confirms nor rules out Kerry',
    );
  });

  it('names a claimed speaker the corpus does not know, and still finds who said the words', () => {
    const a = verify(seedCorpus(), { quote: 'You can’t defeat DAESH without also de-escalating the fight', speaker: 'Barack Obama' });
    expect(a.verdict).toBe('misattributed');
    expect(a.results[0]?.speaker).toBe('John Kerry');
    expect(a.notes).toContain('no one called "Barack Obama" is named in the corpus');
  });

  it('reads the words inside the marks of a mixed quote as a quotation', () => {
    const a = verify(seedCorpus(), { quote: 'what can or can’t be done immediately about Assad', speaker: 'John Kerry' });
    expect(a.verdict).toBe('verbatim');
    expect(a.results[0]?.details?.compared).toContain('its quoted words');
  });
});

describe('the helpers', () => {
  it('take the quotation marks off the pasted words, and find the quoted pieces of a mixed quote', () => {
    expect(pastedWords(' «It is over» ')).toBe('It is over');
    expect(pastedWords('"It is over."')).toBe('It is over.');
    expect(quotedPieces('he said it was “a sad day” and "over"')).toEqual(['a sad day', 'over']);
  });

  it('document the close thresholds', () => {
    expect(CLOSE.minKept).toBe(3);
  });
});
