import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import {
  QuoteBook,
  type QuoteFacts,
  type QuoteRef,
  SAME_QUOTE,
  lookupForm,
  narrationTerms,
  negations,
  quoteFactsOf,
} from '../../src/index/quoteBook.ts';
import { CORPUS_DIR, indexedCorpus, tempCorpus } from '../support/helpers.ts';

describe('lookupForm', () => {
  it('folds case, apostrophes and a leading article', () => {
    expect(lookupForm("The Putin's  Spokesman")).toBe(lookupForm('Putin’s spokesman'));
    expect(lookupForm('the geopolitical analyst')).toBe('geopolitical analyst');
    expect(lookupForm('Mr. Strokan.')).toBe('mr. strokan');
  });
});

describe('narrationTerms', () => {
  it('is the sentence’s terms less the quote’s, each as often as the quote has it', () => {
    expect(narrationTerms(['we', 'stay', 'stay', 'kerry', 'said', 'ukraine'], ['we', 'stay'])).toEqual([
      'stay',
      'kerry',
      'said',
      'ukraine',
    ]);
  });
});

describe('the quote book of a tiny corpus', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'a.txt': [
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---',
          'Russian President Vladimir Putin met the envoy.',
          '"The sanctions must end soon," Putin’s spokesman said after talks that touched on Ukraine.',
          '"We will keep talking to everyone," Russian Foreign Minister Ivan Petrov said.',
          'State Department spokesman John Ames said "the talks were useful" and nothing more.',
          '',
        ].join('\n\n'),
      }),
    );

  it('finds a speaker by alias, by role words with or without "the", either apostrophe, and by a role of the same kind and place', () => {
    const { quotes } = corpus();
    const names = (q: string) => quotes.findSpeakers(q).map((s) => s.name);
    expect(names('Putin’s spokesman')).toEqual(['Putin’s spokesman']);
    expect(names("putin's spokesman")).toEqual(['Putin’s spokesman']);
    expect(names('the Russian foreign minister')).toEqual(['Ivan Petrov']);
    expect(names('Kremlin spokesman')).toEqual(['Putin’s spokesman']);
    expect(names('Moscow spokesman')).toEqual(['Putin’s spokesman']);
    expect(names('spokesman').sort()).toEqual(['John Ames', 'Putin’s spokesman']);
    expect(names('ivan')).toEqual(['Ivan Petrov']);
    expect(names('the London spokesman')).toEqual([]);
  });

  it('tells a quote whose own words match from one whose narration only matches', () => {
    const { quotes, index } = corpus();
    const match = (topic: string) => quotes.query(topic, index.lexicon).hits.map((h) => [h.group.text, h.match]);
    expect(match('Ukraine')).toEqual([['The sanctions must end soon', 'narration']]);
    expect(match('sanctions must end')).toEqual([['The sanctions must end soon', 'phrase']]);
    expect(match('sanctions end talks')).toContainEqual(['The sanctions must end soon', 'words']);
  });
});

describe('the registry across articles', () => {
  const corpus = () =>
    indexedCorpus(
      tempCorpus({
        'a.txt': [
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---',
          'The negotiator Michel Barnier met Prime Minister Theresa May in London on Monday to discuss the terms of the deal.',
          '"We are ready for the next round of the talks," Mr Barnier said after the meeting in London.',
          '"The deal is done and we will sign it this week," May said on Monday evening in London.',
          '',
        ].join('\n\n'),
        'b.txt': [
          '---\ntitle: B\noutlet: Second Post\npublished: 2020-01-02\n---',
          'While Mr Barnier waited in Brussels, the talks on the terms of the deal went on for another week.',
          '"Nothing is agreed until everything is agreed," Mr Barnier said in Brussels on Tuesday.',
          '"It will take a long time to finish the work," the 69-year-old said in Brussels on Tuesday.',
          'Prince Bandar bin Sultan bin Abdulaziz Al Saud flew to Paris on Wednesday for talks with the president.',
          '',
        ].join('\n\n'),
      }),
    );

  it('keeps one entry per person, under the fullest name, typed as a person, with no clause word as a role', () => {
    const { quotes } = corpus();
    const barnier = quotes.speakers.filter((s) => /barnier/i.test(s.name));
    expect(barnier.map((s) => [s.name, s.kind])).toEqual([['Michel Barnier', 'person']]);
    expect(barnier[0]?.description).toBeNull();
    const may = quotes.speakers.filter((s) => /\bmay\b/i.test(s.name));
    expect(may.map((s) => [s.name, s.kind])).toEqual([['Theresa May', 'person']]);
  });

  it('lists no age as a speaker, and a long name whole', () => {
    const { quotes } = corpus();
    expect(quotes.speakers.some((s) => /year-old/.test(s.name))).toBe(false);
    expect(quotes.speakers.map((s) => s.name)).toContain('Bandar bin Sultan bin Abdulaziz Al Saud');
  });
});

describe('QuoteBook.fromFacts', () => {
  // B carries A's quote in a longer wording, so a book with B gives that group B's words (its narration still
  // A's sentence); C is another outlet's copy of A's words.
  const articles = () =>
    loadCorpus(
      tempCorpus({
        'a.txt': [
          '---\ntitle: A\noutlet: First Post\npublished: 2020-01-01\n---',
          '"The sanctions must end before the winter comes," Russian President Vladimir Putin said after talks on Ukraine.',
          '"We will keep talking to everyone," Russian Foreign Minister Ivan Petrov said.',
          '',
        ].join('\n\n'),
        'b.txt': [
          '---\ntitle: B\noutlet: Second Post\npublished: 2020-01-03\n---',
          '"The sanctions must end before the winter comes, and the talks must go on," Putin said in Moscow on grain.',
          '',
        ].join('\n\n'),
        'c.txt': [
          '---\ntitle: C\noutlet: Third Post\npublished: 2020-01-02\n---',
          '"We will keep talking to everyone," Petrov said in Geneva.',
          '',
        ].join('\n\n'),
      }),
    ).articles;
  /** The book built from facts no book has read before: nothing kept from an earlier book. */
  const fresh = (facts: QuoteFacts[]) => JSON.stringify(QuoteBook.fromFacts(structuredClone(facts)).toJSON());
  const book = (facts: QuoteFacts[]) => JSON.stringify(QuoteBook.fromFacts(facts).toJSON());

  it('is the same book from facts read before, by a book of fewer articles or of another order, as from new ones', () => {
    const facts = articles().map(quoteFactsOf);
    const [a, b, c] = facts as [QuoteFacts, QuoteFacts, QuoteFacts];
    const abc = fresh(facts);
    expect(book([a])).toBe(fresh([a]));
    expect(book([a, c])).toBe(fresh([a, c]));
    expect(book(facts)).toBe(abc);
    // After the book with B's longer wording, a book without B again reads A's own words and narration.
    expect(book([a, c])).toBe(fresh([a, c]));
    expect(book([c, b, a])).toBe(fresh([c, b, a]));
    expect(book(facts)).toBe(abc);
    expect(book(facts)).toBe(JSON.stringify(QuoteBook.build(articles()).toJSON()));
  });

  it('gives the group the longer wording and keeps the narration of its first quote', () => {
    const facts = articles().map(quoteFactsOf);
    QuoteBook.fromFacts([facts[0] as QuoteFacts]);
    const quotes = QuoteBook.fromFacts(facts);
    const sanctions = quotes.groups.filter((g) => g.text.includes('sanctions'));
    expect(sanctions.map((g) => [g.text, g.refs])).toEqual([
      [
        'The sanctions must end before the winter comes, and the talks must go on',
        [
          { article: 0, quote: 0 },
          { article: 1, quote: 0 },
        ],
      ],
    ]);
    const lexicon = indexedCorpus(tempCorpus({ 'x.txt': 'Ukraine grain talks and sanctions in Moscow.\n' })).index.lexicon;
    const match = (topic: string) => quotes.query(topic, lexicon).hits.map((h) => [h.group.text.slice(0, 13), h.match]);
    expect(match('Ukraine')).toEqual([['The sanctions', 'narration']]);
    expect(match('grain')).toEqual([]);
  });
});

/**
 * The grouping as its definition states it, one scan of every group per quote: each quote, in publication order
 * (equal dates in corpus order), joins the first group of its key (speakers, kind, negations) whose wording has
 * at least `SAME_QUOTE` of the smaller one's content words (at least 3 each), else starts a group; a longer
 * wording becomes the group's. Speakers and kind are read from the book's group of the quote (the registry is
 * not what this checks).
 */
function groupsByDefinition(facts: readonly QuoteFacts[], book: QuoteBook): Array<{ text: string; refs: QuoteRef[] }> {
  const keyOf = new Map<string, string>();
  for (const g of book.groups) for (const r of g.refs) keyOf.set(`${r.article}/${r.quote}`, `${g.speakers.join()}|${g.kind}`);
  const collator = new Intl.Collator();
  const order = facts
    .map((_, i) => i)
    .sort((x, y) => collator.compare((facts[x] as QuoteFacts).published, (facts[y] as QuoteFacts).published));
  const groups: Array<{ key: string; words: Set<string>; text: string; refs: QuoteRef[] }> = [];
  for (const ai of order)
    (facts[ai] as QuoteFacts).quotes.forEach((q, qi) => {
      const key = `${keyOf.get(`${ai}/${qi}`)}|${negations(q.text)}`;
      const words = new Set(q.words);
      const same = groups.find((g) => {
        const m = Math.min(words.size, g.words.size);
        return g.key === key && m >= 3 && [...words].filter((w) => g.words.has(w)).length / m >= SAME_QUOTE;
      });
      if (!same) groups.push({ key, words, text: q.text, refs: [{ article: ai, quote: qi }] });
      else {
        same.refs.push({ article: ai, quote: qi });
        if (q.text.length > same.text.length) Object.assign(same, { text: q.text, words });
      }
    });
  return groups.map(({ text, refs }) => ({ text, refs }));
}

describe('the grouping of quotes', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-groups-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const groupsOf = (book: QuoteBook) => book.groups.map(({ text, refs }) => ({ text, refs }));

  it('is the greedy grouping as defined, on the seeds and news articles of the development data', () => {
    const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'timeml-train', 'corpus');
    const dir = join(scratch, 'real');
    cpSync(CORPUS_DIR, dir, { recursive: true });
    if (existsSync(DATA))
      readdirSync(DATA)
        .sort()
        .filter((f, i) => f.endsWith('.txt') && i % 3 === 0)
        .forEach((f) => cpSync(join(DATA, f), join(dir, f)));
    const facts = loadCorpus(dir).articles.map(quoteFactsOf);
    const book = QuoteBook.fromFacts(facts);
    expect(book.groups.length).toBeGreaterThan(existsSync(DATA) ? 100 : 20);
    expect(groupsOf(book)).toEqual(groupsByDefinition(facts, book));
  });

  it('counts each word of a quote once: a quote that repeats a word has the words of one that has it once', () => {
    const quote = (words: string[]) => ({
      text: words.join(' '),
      kind: 'direct' as const,
      speaker: { mention: 'Kerry', name: 'John Kerry', members: [], kind: 'person' as const, status: 'attributed' as const, role: null },
      confidence: 1,
      sentence: `${words.join(' ')}, Kerry said.`,
      words,
      sentenceWords: words,
    });
    const facts: QuoteFacts[] = [
      { published: '2016-01-01', names: [], quotes: [quote(['alpha', 'alpha', 'bravo', 'charlie'])] },
      { published: '2016-01-02', names: [], quotes: [quote(['alpha', 'bravo', 'charlie', 'delta', 'echo'])] },
      // Two words, one of them twice: under the three words a quote needs to be compared at all.
      { published: '2016-01-03', names: [], quotes: [quote(['foxtrot', 'foxtrot', 'golf']), quote(['foxtrot', 'golf', 'foxtrot'])] },
    ];
    const book = QuoteBook.fromFacts(facts);
    expect(groupsOf(book)).toEqual(groupsByDefinition(facts, book));
    expect(book.groups.map((g) => g.refs.length)).toEqual([2, 1, 1]);
  });

  it('is the greedy grouping as defined on made-up quotes that overlap a lot, built whole and appended to at any date', () => {
    const WORDS = ['zorvan', 'quelbit', 'marnock', 'dessiter', 'plindrel', 'fennick', 'kestrom', 'pelvar', 'trindle'];
    let seed = 11;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const quote = (): string => {
      const n = 3 + Math.floor(next() * 5);
      const words = WORDS.filter(() => next() < n / WORDS.length);
      return (words.length >= 3 ? words : WORDS.slice(0, 3)).join(' ');
    };
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i += 1) {
      const who = next() < 0.7 ? 'Lavrov' : 'Putin';
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 2) }, () => `"${quote()} now," ${who} said.`);
      files[`${String(i).padStart(2, '0')}.txt`] =
        `---\ntitle: T\noutlet: Post\npublished: 2020-0${1 + Math.floor(next() * 3)}-1${Math.floor(next() * 9)}\n---\n\n${paragraphs.join('\n\n')}\n`;
    }
    const facts = loadCorpus(tempCorpus(files)).articles.map(quoteFactsOf);
    const whole = QuoteBook.fromFacts(facts);
    const defined = groupsByDefinition(facts, whole);
    // Many quotes join a group, and some groups take a longer wording than their first quote's.
    expect(defined.length).toBeLessThan(facts.flatMap((f) => f.quotes).length / 2);
    const firstText = (g: { refs: QuoteRef[] }): string | undefined =>
      (facts[g.refs[0]?.article as number] as QuoteFacts).quotes[g.refs[0]?.quote as number]?.text;
    expect(defined.filter((g) => g.text !== firstText(g)).length).toBeGreaterThan(0);
    expect(groupsOf(whole)).toEqual(defined);
    // Every tenth article left out, then put back one at a time (most were published before others).
    let book = QuoteBook.fromFacts(
      facts.filter((_, i) => i % 10 !== 0),
      { appendable: true },
    );
    let among = 0;
    for (let k = 0; k < facts.length; k += 10) {
      const now = facts.filter((_, i) => i % 10 !== 0 || i <= k);
      book = book.append(now) as QuoteBook;
      expect(book.appendedHow).not.toBeNull();
      among += book.appendedHow === 'among' ? 1 : 0;
      expect(groupsOf(book)).toEqual(groupsOf(QuoteBook.fromFacts(structuredClone(now))));
    }
    expect(groupsOf(book)).toEqual(defined);
    expect(among).toBeGreaterThanOrEqual(3);
  });

  it('sends a repeated quote to a group before the one its text went to, once that group took a wording with its words', () => {
    const A = 'Zorvan quelbit marnock dessiter plindrel';
    const B = 'Fennick harbour kestrom pelvar trindle';
    const day = (d: number, text: string): string =>
      `---\ntitle: T\noutlet: Post\npublished: 2020-01-0${d}\n---\n\n"${text}," Lavrov said.\n`;
    const facts = loadCorpus(
      tempCorpus({ 'a.txt': day(1, A), 'b.txt': day(2, B), 'c.txt': day(3, B), 'd.txt': day(4, `${A} and ${B}`), 'e.txt': day(5, B) }),
    ).articles.map(quoteFactsOf);
    const expected = [
      { text: `${A} and ${B}`, refs: [0, 3, 4].map((article) => ({ article, quote: 0 })) },
      { text: B, refs: [1, 2].map((article) => ({ article, quote: 0 })) },
    ];
    const whole = QuoteBook.fromFacts(facts);
    expect(groupsOf(whole)).toEqual(expected);
    expect(groupsOf(whole)).toEqual(groupsByDefinition(facts, whole));
    // The same when the last article is appended, and when the first is put in before the others.
    expect(groupsOf(QuoteBook.fromFacts(facts.slice(0, 4), { appendable: true }).append(facts) as QuoteBook)).toEqual(expected);
    expect(groupsOf(QuoteBook.fromFacts(facts.slice(1), { appendable: true }).append(facts) as QuoteBook)).toEqual(expected);
  });

  it('does not send a repeated quote to the group its text went to once that group took a wording it fails', () => {
    const W = 'Zorvan quelbit marnock dessiter plindrel';
    const T = 'Zorvan quelbit marnock dessiter fennick';
    // X passes W (4 of 5 words) and is longer, so the group takes its wording; T has only 3 of 5 words of X.
    const X = 'Quelbit marnock dessiter plindrel kestrom pelvar';
    const day = (d: number, text: string): string =>
      `---\ntitle: T\noutlet: Post\npublished: 2020-01-0${d}\n---\n\n"${text}," Lavrov said.\n`;
    const facts = loadCorpus(tempCorpus({ 'a.txt': day(1, W), 'b.txt': day(2, T), 'c.txt': day(3, X), 'd.txt': day(4, T) })).articles.map(
      quoteFactsOf,
    );
    const whole = QuoteBook.fromFacts(facts);
    expect(groupsOf(whole)).toEqual([
      { text: X, refs: [0, 1, 2].map((article) => ({ article, quote: 0 })) },
      { text: T, refs: [{ article: 3, quote: 0 }] },
    ]);
    expect(groupsOf(whole)).toEqual(groupsByDefinition(facts, whole));
  });
});
