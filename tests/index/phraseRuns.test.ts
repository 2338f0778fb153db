import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasRun, paragraphRun, phraseRun, runOfTokens, runsBytes, runsOf, termHash } from '../../src/index/phraseRuns.ts';
import { tokenize } from '../../src/nlp/terms.ts';

/** A phrase's terms as a query reads them (stopwords kept). */
const phrase = (text: string): Uint32Array => phraseRun(tokenize(text, { keepStopwords: true }).map((t) => t.term as string));

describe('phrase runs', () => {
  it('hash a term the same way every time, and different terms apart', () => {
    expect(termHash('kerri')).toBe(termHash('kerri'));
    expect(termHash('kerri')).not.toBe(termHash('lavrov'));
    expect(termHash('')).toBe(0x811c9dc5);
  });

  it('find a phrase in a paragraph only in order and side by side, word forms and stopwords as a query reads them', () => {
    const words = paragraphRun('The United States is not seeking regime change in Syria, Kerry said.');
    expect(hasRun(words, phrase('regime change'))).toBe(true);
    expect(hasRun(words, phrase('regime changes'))).toBe(true);
    expect(hasRun(words, phrase('change regime'))).toBe(false);
    expect(hasRun(words, phrase('seeking change'))).toBe(false);
    expect(hasRun(words, phrase('change in syria'))).toBe(true);
    expect(hasRun(words, phrase('change of syria'))).toBe(false);
    expect(hasRun(words, phrase('U.S. is not'))).toBe(true);
    expect(hasRun(words, phrase('Syria Kerry said'))).toBe(true);
    expect(hasRun(words, new Uint32Array(0))).toBe(true);
    expect(hasRun(new Uint32Array(0), phrase('kerry'))).toBe(false);
  });

  it('finds a run that starts after a false start of its first word', () => {
    const words = paragraphRun('Kerry met Lavrov; Kerry said Lavrov agreed.');
    expect(hasRun(words, phrase('Kerry said'))).toBe(true);
    expect(hasRun(words, phrase('Lavrov agreed'))).toBe(true);
    expect(hasRun(words, phrase('Lavrov said'))).toBe(false);
  });

  it("stores an article's runs as bytes and reads them back, and refuses bytes that do not add up", () => {
    const texts = ['Kerry met Putin in Moscow.', '', 'Lavrov said so on Tuesday.'];
    const back = runsOf(runsBytes(texts.map(paragraphRun)));
    expect(back.map((r) => [...r])).toEqual(texts.map((t) => [...paragraphRun(t)]));
    // Unaligned bytes, as a file read may give them.
    const bytes = runsBytes(texts.map(paragraphRun));
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(runsOf(shifted.subarray(1)).map((r) => [...r])).toEqual(back.map((r) => [...r]));
    expect(() => runsOf(bytes.subarray(0, bytes.length - 4))).toThrow(/do not add up/);
    expect(() => runsOf(bytes.subarray(0, 6))).toThrow(/cut short/);
    expect(runsOf(runsBytes([]))).toEqual([]);
  });

  it('give the same run from the tokens read for BM25 (stopwords dropped) as from the text', () => {
    // Each stopword's term worked out by hand, not read through the tokenizer's tables.
    const plain = "The us on don't Kerry";
    expect([...runOfTokens(plain, tokenize(plain))]).toEqual([...phraseRun(['the', 'us', 'on', 'dont', 'kerri'])]);
    // Stopwords ("the", "us", "on"), synonyms ("U.S.", "Daesh"), two-word names, possessives, capitals.
    const fixtures = [
      'The United States and the U.S. told us on Tuesday that Daesh is not the Islamic State’s only foe.',
      "Russia's Lavrov said: 'We will not.' Of the UN, he said nothing; US officials were there.",
      'New York, new york, New  York and New\nYork.',
      '',
    ];
    const seeds = join(import.meta.dirname, '../../corpus');
    const texts = readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(seeds, f), 'utf8').split(/\n\s*\n/));
    expect(texts.length).toBeGreaterThan(50);
    for (const text of [...fixtures, ...texts]) expect([...runOfTokens(text, tokenize(text))]).toEqual([...paragraphRun(text)]);
    // A stopword is in the run, as the query reads it: the run differs from the stopword-free terms.
    const text = fixtures[0] as string;
    expect(runOfTokens(text, tokenize(text)).length).toBeGreaterThan(tokenize(text).filter((t) => t.term !== null).length);
  });
});
