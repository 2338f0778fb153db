import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { LiveIndex } from '../../src/index/liveIndex.ts';
import { QuoteBook, type QuoteFacts, quoteFactsOf } from '../../src/index/quoteBook.ts';
import { CORPUS_DIR, DEVPAGES_DIR, indexedCorpus, tempCorpus } from '../support/helpers.ts';

const json = (book: QuoteBook): string => JSON.stringify(book.toJSON());
/** The book built whole from facts no book has read before: nothing kept from an earlier book. */
const fresh = (facts: readonly QuoteFacts[]): string => json(QuoteBook.fromFacts(structuredClone(facts)));

/** A small deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Article numbers in publication order, equal dates in corpus order (as the book orders them). */
const byPublication = (facts: readonly QuoteFacts[]): number[] =>
  facts
    .map((_, i) => i)
    .sort((x, y) => new Intl.Collator().compare((facts[x] as QuoteFacts).published, (facts[y] as QuoteFacts).published));

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'timeml-train', 'corpus');
const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-append-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The seed articles and every eighth news article of the development data (when present), in corpus order. */
function realCorpus(): string {
  const dir = join(scratch, 'corpus');
  cpSync(CORPUS_DIR, dir, { recursive: true });
  if (existsSync(DATA))
    readdirSync(DATA)
      .sort()
      .filter((f, i) => f.endsWith('.txt') && i % 8 === 0)
      .forEach((f) => cpSync(join(DATA, f), join(dir, f)));
  return dir;
}

describe('QuoteBook.append on real articles', () => {
  const dir = realCorpus();
  const facts = loadCorpus(dir).articles.map(quoteFactsOf);
  const { lexicon } = indexedCorpus(dir).index;
  // Topics: a word of every fifth group's wording (the search over the groups is kept in parts when appended to).
  const topics = [
    'said',
    'police',
    ...new Set(
      QuoteBook.fromFacts(facts)
        .groups.filter((_, i) => i % 5 === 0)
        .map((g) => g.text.split(/\s+/).find((w) => w.length > 5) ?? 'war'),
    ),
  ];
  /** The books' groups and their hits for every topic (group, score, where it matched). */
  const answers = (book: QuoteBook): string =>
    JSON.stringify([book.toJSON(), topics.map((t) => book.query(t, lexicon).hits.map((h) => [h.group.id, h.score, h.match]))]);
  const whole = (now: readonly QuoteFacts[]): string => answers(QuoteBook.fromFacts(structuredClone(now)));

  it('gives the book built whole when the articles added are the last published, and takes that path', () => {
    const next = random(15);
    const order = byPublication(facts);
    let appended = 0;
    for (let trial = 0; trial < 12; trial += 1) {
      // The last 1–4 articles in publication order are added; they stand anywhere in corpus order.
      const last = new Set(order.slice(order.length - 1 - Math.floor(next() * 4)));
      const before = QuoteBook.fromFacts(
        facts.filter((_, i) => !last.has(i)),
        { appendable: true },
      );
      const after = before.append(facts);
      if (after === null) continue;
      appended += 1;
      expect(after.appendedHow).toBe('after');
      expect(answers(after)).toBe(whole(facts));
    }
    // Some additions rename a speaker of the others (the registry then decides against appending), most do not.
    expect(appended).toBeGreaterThanOrEqual(8);
  });

  it('gives the book built whole at each step when articles are added one at a time in publication order', () => {
    const order = byPublication(facts);
    const start = Math.floor(facts.length / 2);
    let book = QuoteBook.fromFacts(
      order
        .slice(0, start)
        .sort((x, y) => x - y)
        .map((i) => facts[i] as QuoteFacts),
      { appendable: true },
    );
    let appended = 0;
    for (let k = start + 1; k <= facts.length; k += 1) {
      const now = order
        .slice(0, k)
        .sort((x, y) => x - y)
        .map((i) => facts[i] as QuoteFacts);
      const next = book.append(now);
      if (next !== null) {
        appended += 1;
        expect(next.appendedHow).toBe('after');
      }
      book = next ?? QuoteBook.fromFacts(now, { appendable: true });
      expect(answers(book)).toBe(whole(now));
    }
    expect(appended).toBeGreaterThanOrEqual((facts.length - start) / 2);
  });

  it('appends to any split only when that gives the book built whole', () => {
    const next = random(42);
    let declined = 0;
    let earlier = 0;
    for (let trial = 0; trial < 12; trial += 1) {
      const before = facts.filter(() => next() < 0.7);
      const after = QuoteBook.fromFacts(before, { appendable: true }).append(facts);
      if (after === null) declined += 1;
      else {
        expect(answers(after)).toBe(whole(facts));
        earlier += 1;
      }
    }
    // Most splits add articles published before others of the book: those are grouped again by key.
    expect(earlier).toBeGreaterThanOrEqual(6);
    expect(declined).toBeGreaterThan(0);
  });

  it('gives the book built whole at each step when articles of any date are added one at a time, in random order', () => {
    const next = random(7);
    const shuffled = facts.map((_, i) => i).sort(() => next() - 0.5);
    const start = Math.floor(facts.length / 3);
    const take = (k: number): QuoteFacts[] =>
      shuffled
        .slice(0, k)
        .sort((x, y) => x - y)
        .map((i) => facts[i] as QuoteFacts);
    let book = QuoteBook.fromFacts(take(start), { appendable: true });
    let appended = 0;
    let among = 0;
    for (let k = start + 1; k <= facts.length; k += 1) {
      const now = take(k);
      const after = book.append(now);
      if (after?.appendedHow === 'among') among += 1;
      if (after !== null) appended += 1;
      book = after ?? QuoteBook.fromFacts(now, { appendable: true });
      expect(answers(book)).toBe(whole(now));
    }
    // Only the registry declines (an added article that renames a speaker of the others); most articles added
    // stand among the others in publication order.
    expect(appended).toBeGreaterThanOrEqual(((facts.length - start) * 2) / 3);
    expect(among).toBeGreaterThanOrEqual((facts.length - start) / 3);
  });
});

describe('QuoteBook.append on tiny corpora', () => {
  const article = (published: string, ...paragraphs: string[]): string =>
    [`---\ntitle: T\noutlet: Post\npublished: ${published}\n---`, ...paragraphs, ''].join('\n\n');
  const LAVROV = '"We will keep talking to everyone about the grain deal," Lavrov said.';
  const factsOf = (files: Record<string, string>): QuoteFacts[] => loadCorpus(tempCorpus(files)).articles.map(quoteFactsOf);

  it('appends an article published later, in any place of corpus order, with its quote joining an earlier group', () => {
    const facts = factsOf({
      'b.txt': article('2020-01-01', LAVROV),
      'a.txt': article('2020-01-05', '"We will keep talking to everyone about the grain deal, and more," Lavrov said in Geneva.'),
    });
    const [a, b] = facts as [QuoteFacts, QuoteFacts];
    const book = QuoteBook.fromFacts([b], { appendable: true }).append(facts);
    expect(book?.appendedHow).toBe('after');
    expect(json(book as QuoteBook)).toBe(fresh([a, b]));
    expect(book?.groups.map((g) => g.refs)).toEqual([
      [
        { article: 1, quote: 0 },
        { article: 0, quote: 0 },
      ],
    ]);
  });

  it('searches as the book built whole after many appends, groups given a longer wording and the search parts merged', () => {
    // Made-up words, so that each quote is about words of its own.
    const SYL = ['ba', 'ce', 'di', 'fo', 'gu', 'ha', 'je', 'ki', 'lo', 'mu'];
    const nonce = (i: number, k: number): string => `${SYL[i % 10]}${SYL[Math.floor(i / 10) % 10]}${SYL[k]}ron`;
    const quote = (i: number, more = ''): string =>
      `"The ${nonce(i, 0)} and the ${nonce(i, 1)} must meet the ${nonce(i, 2)} before the ${nonce(i, 3)}${more}," Ivan Petrov said.`;
    const base = article(
      '2020-01-01',
      'Russian Foreign Minister Ivan Petrov met the envoy.',
      ...Array.from({ length: 40 }, (_, i) => quote(i)),
    );
    const days = Array.from({ length: 10 }, (_, d) => {
      // Every other day repeats a quote of the first article, or of the day before, in a longer wording.
      const text = d % 2 === 0 ? quote(50 + d) : quote(d === 3 || d === 9 ? 50 + d - 1 : 5 * d, ', and the talks must go on');
      return [`d${String(d).padStart(2, '0')}.txt`, article(`2020-01-${String(d + 2).padStart(2, '0')}`, text)] as const;
    });
    const facts = factsOf({ 'a.txt': base, ...Object.fromEntries(days) });
    const { lexicon } = indexedCorpus(tempCorpus({ 'x.txt': `${Array.from({ length: 60 }, (_, i) => quote(i)).join('\n\n')}\n` })).index;
    const topics = Array.from({ length: 60 }, (_, i) => nonce(i, i % 4)).concat(['talks', 'petrov']);
    const hits = (book: QuoteBook): string =>
      JSON.stringify([book.toJSON(), topics.map((t) => book.query(t, lexicon).hits.map((h) => [h.group.id, h.score, h.match]))]);
    let book = QuoteBook.fromFacts(facts.slice(0, 1), { appendable: true });
    for (let k = 2; k <= facts.length; k += 1) {
      const next = book.append(facts.slice(0, k));
      expect(next?.appendedHow).toBe('after');
      book = next as QuoteBook;
      expect(hits(book)).toBe(hits(QuoteBook.fromFacts(structuredClone(facts.slice(0, k)))));
    }
    expect(book.groups.filter((g) => g.text.endsWith('go on')).map((g) => g.refs.length)).toEqual([2, 2, 2, 2, 2]);
  });

  it('appends an article published before the last of the others, or the same day but earlier in corpus order', () => {
    const facts = factsOf({
      'a.txt': article('2020-01-05', '"The talks were useful for everyone here," Lavrov said.'),
      'b.txt': article('2020-01-05', LAVROV),
      'c.txt': article('2020-01-04', '"The grain must reach the ports before the winter," Lavrov said.'),
    });
    const [a, b, c] = facts as [QuoteFacts, QuoteFacts, QuoteFacts];
    for (const [before, how] of [
      [[a, b], 'among'],
      [[b, c], 'among'],
      // The same day and later in corpus order: the grouping meets it last, as a full build does.
      [[a, c], 'after'],
    ] as const) {
      const book = QuoteBook.fromFacts(before, { appendable: true }).append(facts);
      expect(book?.appendedHow).toBe(how);
      expect(json(book as QuoteBook)).toBe(fresh(facts));
    }
  });

  it('groups again the quotes of the keys an earlier article touches: its quote takes in two groups, other groups are numbered anew', () => {
    // Two quotes of Lavrov's that share too few words to be one group, until an earlier, fuller wording has both.
    const b = '"The zorvan and the quelbit must cross the marnock," Lavrov said.';
    const c = '"The zorvan and the quelbit must follow the dessiter," Lavrov said.';
    const a = '"The zorvan and the quelbit must cross the marnock and follow the dessiter," Lavrov said.';
    const putin = '"The pelvar will stand," Putin said.';
    const files = {
      'b.txt': article('2020-01-05', b),
      'p.txt': article('2020-01-04', putin),
      'c.txt': article('2020-01-06', c),
    };
    const facts = factsOf({
      ...files,
      'a.txt': article('2020-01-01', a),
      'q.txt': article('2020-01-02', '"The kestrom is far away," Putin said.'),
    });
    const before = QuoteBook.fromFacts(
      facts.filter((_, i) => i !== 0 && i !== 3),
      { appendable: true },
    );
    expect(before.groups.map((g) => [g.speakers, g.refs.length])).toEqual([
      [['putin'], 1],
      [['lavrov'], 1],
      [['lavrov'], 1],
    ]);
    const after = before.append(facts) as QuoteBook;
    expect(after.appendedHow).toBe('among');
    expect(json(after)).toBe(fresh(facts));
    // a.txt (1 Jan) starts the group b.txt and c.txt join; q.txt (2 Jan) starts one of Putin's before p.txt's.
    expect(after.groups.map((g) => [g.id, g.speakers, g.refs.map((r) => r.article)])).toEqual([
      [0, ['lavrov'], [0, 1, 2]],
      [1, ['putin'], [4]],
      [2, ['putin'], [3]],
    ]);
  });

  it('searches a group grouped again by its new wording, and a group grouped again unchanged by its old document', () => {
    const short = '"The zorvan and the quelbit must cross the marnock," Lavrov said.';
    const longer = '"The zorvan and the quelbit must cross the marnock before the plindrel," Lavrov said.';
    const other = '"The fennick will hold the harbour for the winter," Lavrov said.';
    const files = {
      'a.txt': article('2020-01-01', short),
      'b.txt': article('2020-01-02', other),
      'c.txt': article('2020-01-10', other),
    };
    const facts = factsOf({ ...files, 'd.txt': article('2020-01-05', longer) });
    const { lexicon } = indexedCorpus(tempCorpus({ 'x.txt': `${[short, longer, other].join('\n\n')}\n` })).index;
    const topics = ['plindrel', 'marnock', 'fennick', 'harbour'];
    const hits = (book: QuoteBook): unknown =>
      topics.map((t) => book.query(t, lexicon).hits.map((h) => [h.group.id, h.group.text, h.score, h.match]));
    const after = QuoteBook.fromFacts(facts.slice(0, 3), { appendable: true }).append(facts) as QuoteBook;
    expect(after.appendedHow).toBe('among');
    expect(after.groups.map((g) => g.refs.map((r) => r.article))).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(hits(after)).toEqual(hits(QuoteBook.fromFacts(structuredClone(facts))));
    expect(after.query('plindrel', lexicon).hits.map((h) => h.group.id)).toEqual([0]);
  });

  it('declines an article that renames a speaker of the others ("Lavrov" becomes "Sergey Lavrov")', () => {
    const facts = factsOf({
      'a.txt': article('2020-01-01', LAVROV),
      'b.txt': article('2020-01-02', 'Russian Foreign Minister Sergey Lavrov met the envoy.', '"The talks were useful," Lavrov said.'),
    });
    const [a] = facts as [QuoteFacts];
    expect(QuoteBook.fromFacts([a]).speakers.map((s) => s.id)).toEqual(['lavrov']);
    expect(QuoteBook.fromFacts(facts).speakers.map((s) => s.id)).toEqual(['sergey-lavrov']);
    expect(QuoteBook.fromFacts([a], { appendable: true }).append(facts)).toBeNull();
  });

  it('appends an article that names a speaker of the others otherwise without renaming them ("Sergei" / "Sergey Lavrov")', () => {
    const facts = factsOf({
      'a.txt': article('2020-01-01', '"We will keep talking to everyone," Russian Foreign Minister Sergei Lavrov said.'),
      'b.txt': article('2020-01-02', '"The grain must reach the ports before the winter," Foreign Minister Sergey Lavrov said.'),
    });
    const [a] = facts as [QuoteFacts];
    const book = QuoteBook.fromFacts([a], { appendable: true }).append(facts);
    expect(book?.appendedHow).toBe('after');
    expect(json(book as QuoteBook)).toBe(fresh(facts));
    expect(book?.speakers.map((s) => [s.id, s.aliases.includes('Sergey Lavrov'), s.quoteCount])).toEqual([['sergei-lavrov', true, 2]]);
  });

  it('declines an article removed, a book not made appendable, and a book appended to already; the earlier book stays as it was', () => {
    const facts = factsOf({
      'a.txt': article('2020-01-01', LAVROV),
      'b.txt': article('2020-01-02', '"We will keep talking to everyone about the grain deal, and more," Lavrov said.'),
      'c.txt': article('2020-01-03', LAVROV),
    });
    const [a, b, c] = facts as [QuoteFacts, QuoteFacts, QuoteFacts];
    expect(QuoteBook.fromFacts([a, b], { appendable: true }).append([a, c])).toBeNull();
    expect(QuoteBook.fromFacts([a]).append(facts)).toBeNull();
    expect(QuoteBook.load(QuoteBook.fromFacts([a], { appendable: true }).toJSON()).append(facts)).toBeNull();
    const first = QuoteBook.fromFacts([a], { appendable: true });
    const was = json(first);
    const second = first.append([a, b]);
    expect(second?.appendedHow).toBe('after');
    expect(first.append(facts)).toBeNull();
    expect(json(first)).toBe(was);
    // The third book changes a group the second copied from the first: the second stays as it was too.
    const wasSecond = json(second as QuoteBook);
    expect(json(second?.append(facts) as QuoteBook)).toBe(fresh(facts));
    expect(json(second as QuoteBook)).toBe(wasSecond);
  });
});

/** The seed without a publication date. */
const UNDATED_SEED = '003_85ee1c887779c124.txt';

describe('the live index', () => {
  it('appends to the quote book an article published after the others or earlier, and builds it whole when one is removed', async () => {
    const dir = join(scratch, 'live');
    cpSync(CORPUS_DIR, dir, { recursive: true });
    // An undated article sorts after every dated one: without it, the page of 2023 below is published after the others.
    rmSync(join(dir, UNDATED_SEED));
    const live = (await LiveIndex.open(dir, { cacheDir: join(scratch, 'live-cache') })).index;
    const whole = (): string => json(QuoteBook.build(loadCorpus(dir).articles));
    // A page of 2023, after every seed; it sorts first in file order, so the seeds' quotes are numbered anew.
    const page = '01_upi_florence_evacuations.txt';
    copyFileSync(join(DEVPAGES_DIR, 'corpus', page), join(dir, page));
    live.update([join(dir, page)]);
    expect(live.corpus.quotes.appendedHow).toBe('after');
    expect(json(live.corpus.quotes)).toBe(whole());
    // A copy of a seed with a sentence more, published on the seed's date: before the page, grouped again by key.
    const seed = readdirSync(CORPUS_DIR).sort()[0] as string;
    writeFileSync(
      join(dir, 'zz_echo.txt'),
      `${readFileSync(join(CORPUS_DIR, seed), 'utf8')}\n\n"We will read it all again," the editor said.\n`,
    );
    live.update([join(dir, 'zz_echo.txt')]);
    expect(live.corpus.quotes.appendedHow).toBe('among');
    expect(json(live.corpus.quotes)).toBe(whole());
    rmSync(join(dir, 'zz_echo.txt'));
    live.update([join(dir, 'zz_echo.txt')]);
    expect(live.corpus.quotes.appended).toBe(false);
    expect(json(live.corpus.quotes)).toBe(whole());
    live.close();
  });
});
