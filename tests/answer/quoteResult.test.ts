import { describe, expect, it } from 'vitest';
import { quotePieces, wordsPerParagraph } from '../../src/answer/quoteResult.ts';
import type { Article, Quote } from '../../src/model/index.ts';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('wordsPerParagraph', () => {
  it('gives a quote of one paragraph whole', () => {
    expect(wordsPerParagraph('We will stay.', ['He said: "We will stay."'])).toEqual(['We will stay.']);
  });

  it('gives each paragraph of a quote over several only the words it has', () => {
    const paragraphs = ['She told reporters: "We will stay the course.', '"And we will win the vote in May."'];
    expect(wordsPerParagraph('We will stay the course. And we will win the vote in May.', paragraphs)).toEqual([
      'We will stay the course.',
      'And we will win the vote in May.',
    ]);
  });

  it('reads the parts of a split quote across the ellipsis that joins them', () => {
    const paragraphs = ['"We are close," she said. "Very close.', 'The rest is detail."'];
    expect(wordsPerParagraph('We are close, … Very close. The rest is detail.', paragraphs)).toEqual([
      'We are close, … Very close.',
      'The rest is detail.',
    ]);
  });
});

describe('quotePieces', () => {
  const texts = ['She said: “We will stay the course.', '“And we will win,” she added, “in May.”'];
  const article = {
    paragraphs: texts.map((text, index) => ({ index, start: 0, end: text.length, text, sentences: [] })),
  } as unknown as Article;
  const quote = (q: Partial<Quote>): Quote => ({ paragraph: 0, span: [11, 35], text: '', ...q }) as Quote;

  it('gives each paragraph of a quote over several the words of its own piece', () => {
    const parts = [
      { paragraph: 0, start: 11, end: 35, text: 'We will stay the course.' },
      { paragraph: 1, start: 1, end: 39, text: 'And we will win … in May.' },
    ];
    const pieces = quotePieces(article, quote({ lastParagraph: 1, parts, text: 'We will stay the course. And we will win … in May.' }));
    expect(pieces.map((p) => [p.paragraph.index, p.words])).toEqual([
      [0, 'We will stay the course.'],
      [1, 'And we will win … in May.'],
    ]);
  });

  it('splits the words of a quote saved without pieces where each paragraph’s words stop', () => {
    const pieces = quotePieces(article, quote({ lastParagraph: 1, text: 'We will stay the course. And we will win' }));
    expect(pieces.map((p) => [p.paragraph.index, p.words])).toEqual([
      [0, 'We will stay the course.'],
      [1, 'And we will win'],
    ]);
  });
});

describe('a quote carried by several outlets', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'a.txt':
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---\n"The United States and our partners are not seeking regime change in the region," Smith said.\n',
        'b.txt':
          '---\ntitle: B\noutlet: Second Post\npublished: 2020-01-02\n---\n"The United States and its partners are not seeking regime change in the region," Smith said.\n',
      }),
    );

  it('shows under each outlet the wording of its own paragraph, and says the wordings differ', () => {
    const a = ask('/who-said regime change', corpus());
    const r = a.results[0];
    expect(r?.citations.map((c) => [c.outlet, c.text])).toEqual([
      ['First Post', 'The United States and our partners are not seeking regime change in the region'],
      ['Second Post', 'The United States and its partners are not seeking regime change in the region'],
    ]);
    expect(r?.text).toBe(r?.citations[0]?.text);
    expect(r?.wordingsDiffer).toBe(true);
  });

  it('says nothing of wordings when every outlet has the same words', () => {
    const same = indexedCorpus(
      tempCorpus({
        'a.txt':
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---\n"We are not seeking regime change in the region," Smith said.\n',
        'b.txt':
          '---\ntitle: B\noutlet: Second Post\npublished: 2020-01-02\n---\n"We are not seeking regime change in the region," Smith said.\n',
      }),
    );
    const r = ask('/who-said regime change', same).results[0];
    expect(r?.citations.length).toBe(2);
    expect(r?.wordingsDiffer).toBeUndefined();
  });
});

describe('on the seeds', () => {
  it('cites LidTime with "our partners" and Daily Sabah with "its partners" for Kerry’s regime-change quote', () => {
    const r = ask('/who-said "not seeking so-called regime change"').results[0];
    const byOutlet = Object.fromEntries(r?.citations.map((c) => [c.outlet, c.text]) ?? []);
    expect(byOutlet.LidTime).toMatch(/our partners/);
    expect(byOutlet['Daily Sabah']).toMatch(/its partners/);
    expect(r?.wordingsDiffer).toBe(true);
  });
});

describe('an ambiguous speaker', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'a.txt':
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---\nSecretary of State John Kerry met Russian officials.\n\nEric Draitser, the founder of a website, made the remarks on Tuesday as Kerry arrived in Moscow, saying "I look forward to making real progress in the talks."\n\n"We will see," Draitser said.\n',
      }),
    );

  it('is never shown as one person’s: both named, in the speaker line, the basis and a typed field, with no role', () => {
    const r = ask('/who-said real progress', corpus()).results[0];
    expect(r?.speaker).toBe('ambiguous: John Kerry or Eric Draitser');
    expect(r?.speakerCandidates).toEqual(['John Kerry', 'Eric Draitser']);
    expect(r?.details?.basis).toMatch(/could mean John Kerry or Eric Draitser/);
    expect(r?.details?.role).toBeUndefined();
    expect(r?.details?.confidence).toBeLessThan(0.6);
  });

  it('is listed under each person it could be of', () => {
    for (const who of ['Kerry', 'Draitser'])
      expect(ask(`/quotes ${who}`, corpus()).results.map((x) => x.speaker)).toContain('ambiguous: John Kerry or Eric Draitser');
  });
});
