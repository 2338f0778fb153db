import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { ownTypedArrays, typedArraysAsBytes } from '../../src/index/articleStore.ts';
import { type QuoteFacts, quoteFactsOf } from '../../src/index/quoteBook.ts';
import { type SavedQuoteFacts, decodeQuoteFacts, encodeQuoteFacts } from '../../src/index/quoteFactsCodec.ts';
import { Segment } from '../../src/index/segment.ts';
import type { SpeakerRef } from '../../src/model/quote.ts';
import { CORPUS_DIR, tempCorpus } from '../support/helpers.ts';

/** The facts saved and read back as a segment does: through `v8.serialize`, typed arrays as bytes. */
const roundTrip = (facts: readonly QuoteFacts[]): QuoteFacts[] => {
  const bytes = serialize(typedArraysAsBytes(encodeQuoteFacts(facts)));
  return decodeQuoteFacts(ownTypedArrays(deserialize(bytes), bytes.buffer) as SavedQuoteFacts);
};

const PAGES = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'polnear', 'dev', 'corpus');

describe('the saved form of quote facts', () => {
  it('reads back every field of the seeds’ and the development news’ facts as they were, absent fields absent', () => {
    const facts = [
      ...loadCorpus(CORPUS_DIR).articles.map(quoteFactsOf),
      ...(existsSync(PAGES) ? loadCorpus(PAGES).articles.map(quoteFactsOf) : []),
    ];
    const quotes = facts.flatMap((f) => f.quotes);
    expect(quotes.length).toBeGreaterThan(existsSync(PAGES) ? 1000 : 50);
    // The facts cover what the form must tell apart: null names and roles, speakers with and without a basis.
    expect(quotes.some((q) => q.speaker.name === null)).toBe(true);
    expect(quotes.some((q) => q.speaker.basis === undefined) && quotes.some((q) => q.speaker.basis !== undefined)).toBe(true);
    expect(quotes.some((q) => q.speaker.candidates !== undefined)).toBe(true);
    expect(facts.some((f) => f.names.some((n) => n.role === null)) && facts.some((f) => f.names.some((n) => n.first === null))).toBe(true);
    expect(roundTrip(facts)).toStrictEqual(facts);
  });

  it('keeps each string and each list of words once, however many quotes carry them', () => {
    const wire = '"We will not accept any regime change imposed from outside," Lavrov said on Tuesday.';
    const facts = loadCorpus(
      tempCorpus({
        'a.txt': `---\ntitle: A\noutlet: One\npublished: 2015-12-16\n---\n\n${wire}\n`,
        'b.txt': `---\ntitle: B\noutlet: Two\npublished: 2015-12-17\n---\n\n${wire}\n\n"Nothing else," Lavrov said.\n`,
      }),
    ).articles.map(quoteFactsOf);
    const saved = encodeQuoteFacts(facts);
    expect(new Set(saved.strings).size).toBe(saved.strings.length);
    expect(saved.strings.filter((s) => s === 'Lavrov' || s === 'attributed')).toEqual(['Lavrov', 'attributed']);
    const [a, b] = roundTrip(facts) as [QuoteFacts, QuoteFacts];
    expect(b.quotes).toHaveLength(2);
    expect(b.quotes[0]?.words).toBe(a.quotes[0]?.words);
    expect(b.quotes[0]?.sentenceWords).toBe(a.quotes[0]?.sentenceWords);
    expect(b.quotes[1]?.words).not.toBe(a.quotes[0]?.words);
    expect(b.quotes[1]?.words).toEqual(
      quoteFactsOf(loadCorpus(tempCorpus({ 'c.txt': '"Nothing else," Lavrov said.\n' })).articles[0]!).quotes[0]?.words,
    );
  });

  it("tells apart what a shared table could merge: [] and [''], null and '', absent and empty candidates", () => {
    const speaker = (more: Partial<SpeakerRef>): SpeakerRef => ({
      mention: 'he',
      name: null,
      members: [],
      kind: 'person',
      status: 'unattributed',
      role: null,
      ...more,
    });
    const quote = (text: string, words: string[], s: SpeakerRef) => ({
      text,
      kind: 'direct' as const,
      speaker: s,
      confidence: 0.5,
      sentence: text,
      words,
      sentenceWords: words,
    });
    const facts: QuoteFacts[] = [
      {
        published: '',
        names: [{ start: 0, end: 4, name: 'Ames', role: '', key: 'ames', first: null }],
        quotes: [
          quote('a', [], speaker({ members: [''] })),
          quote('b', [''], speaker({ candidates: [], role: '' })),
          quote('c', ['a', 'b'], speaker({ name: '', members: ['a b'], basis: 'pronoun', candidates: ['a', 'b'] })),
          quote('d', ['a b'], speaker({ status: 'ambiguous', candidates: ['x'] })),
        ],
      },
    ];
    expect(roundTrip(facts)).toStrictEqual(facts);
  });

  it('reads back an empty list and articles without quotes or names', () => {
    const facts: QuoteFacts[] = [
      { published: '', names: [], quotes: [] },
      { published: '2016-01-01', names: [], quotes: [] },
    ];
    expect(roundTrip(facts)).toStrictEqual(facts);
    expect(roundTrip([])).toStrictEqual([]);
  });
});

describe('a segment written', () => {
  it('keeps the facts it works out as read back from the file: quotes of the same words share their list', () => {
    const wire = '"We will not accept any regime change imposed from outside," Lavrov said on Tuesday.';
    const dir = tempCorpus({
      'a.txt': `---\ntitle: A\noutlet: One\npublished: 2015-12-16\n---\n\n${wire}\n`,
      'b.txt': `---\ntitle: B\noutlet: Two\npublished: 2015-12-17\n---\n\n${wire}\n`,
    });
    const articles = loadCorpus(dir).articles;
    const segment = Segment.write(join(dir, 'seg.qdseg'), 'x', articles);
    try {
      const [a, b] = segment.quoteFacts as [QuoteFacts, QuoteFacts];
      expect(a.quotes[0]?.words.length).toBeGreaterThan(3);
      expect(b.quotes[0]?.words).toBe(a.quotes[0]?.words);
      expect(segment.quoteFacts).toStrictEqual(articles.map(quoteFactsOf));
    } finally {
      segment.close();
    }
  });
});
