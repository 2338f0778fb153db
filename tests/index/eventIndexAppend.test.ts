import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { EventIndex } from '../../src/index/eventIndex.ts';
import { startOf } from '../../src/nlp/dates/words.ts';
import type { Lexicon } from '../../src/index/lexicon.ts';
import { LiveIndex } from '../../src/index/liveIndex.ts';
import { type LoadedCorpus, indexInMemory } from '../../src/index/loadedCorpus.ts';
import type { Article } from '../../src/model/index.ts';
import { renderJson } from '../../src/render/json.ts';
import { runLine } from '../../src/router/router.ts';
import { CORPUS_DIR, DEVPAGES_DIR, indexedCorpus } from '../support/helpers.ts';

/** A small deterministic generator of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'timeml-train', 'corpus');
const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-events-append-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The seed articles and every fourth news article of the development data (when present), in corpus order. */
function realCorpus(): string {
  const dir = join(scratch, 'corpus');
  cpSync(CORPUS_DIR, dir, { recursive: true });
  if (existsSync(DATA))
    readdirSync(DATA)
      .sort()
      .filter((f, i) => f.endsWith('.txt') && i % 4 === 0)
      .forEach((f) => cpSync(join(DATA, f), join(dir, f)));
  return dir;
}

type Part = { index: EventIndex; toGlobalArticle: Int32Array };

/** A part (as a segment of a live index holds it) of these articles (global numbers, ascending), built alone. */
function partOf(articles: readonly Article[], globals: readonly number[], total: number): Part {
  const toGlobalArticle = new Int32Array(globals.length).fill(-1);
  globals.forEach((g, l) => (toGlobalArticle[l] = g < total ? g : -1));
  return { index: EventIndex.build(globals.map((g) => articles[g] as Article)), toGlobalArticle };
}

/**
 * Everything answers read of an index: each mention's accessors, the partitions of mentions by date value and
 * by sentence (the first mention of each value number and of each sentence number, per mention),
 * `chronological`, `publicationRank`, and the search's hits (number and score) and terms for every topic.
 */
function observed(events: EventIndex, topics: readonly string[], lexicon: Lexicon): Record<string, string[]> {
  const firstOfValue = new Map<number, number>();
  const firstOfSentence = new Map<number, number>();
  const mentions = Array.from({ length: events.count }, (_, id) => {
    if (!firstOfValue.has(events.valueIdOf(id))) firstOfValue.set(events.valueIdOf(id), id);
    if (!firstOfSentence.has(events.sentenceOf(id))) firstOfSentence.set(events.sentenceOf(id), id);
    return [
      events.ref(id),
      events.articleOf(id),
      events.valueOf(id),
      firstOfValue.get(events.valueIdOf(id)),
      events.spanOf(id),
      events.groupingTerms(id),
      events.isWeak(id),
      events.isCaption(id),
      events.isByRemarks(id),
      firstOfSentence.get(events.sentenceOf(id)),
      events.termsOf(id, topics),
    ];
  });
  const searches = topics.map((t) => {
    const query = events.query(`${t} ${topics[(t.length * 7) % topics.length]}`, lexicon, { limit: 40 });
    return [
      events.withAnyOf([t]).map((h) => [h.doc, h.score]),
      // `order`, the search's own key for ties, is left out: one index and segments key them differently, to the same effect.
      { ...query, hits: query.hits.map((h) => [h.doc, h.score]) },
    ];
  });
  const each = (xs: readonly unknown[]): string[] => xs.map((x) => JSON.stringify(x));
  return {
    count: [String(events.count)],
    mentions: each(mentions),
    chronological: each([...events.chronological]),
    publicationRank: each([...events.publicationRank]),
    searches: each(searches),
  };
}

/** The first thing two indexes answer differently ('' for none): the section, the item, and both. */
function difference(got: Record<string, string[]>, want: Record<string, string[]>): string {
  for (const [section, items] of Object.entries(want)) {
    const other = got[section] ?? [];
    const at = items.findIndex((x, i) => other[i] !== x);
    if (at >= 0 || other.length !== items.length)
      return `${section}[${at < 0 ? items.length : at}]: got ${other[at < 0 ? items.length : at]}, want ${items[at < 0 ? items.length : at]}`;
  }
  return '';
}

describe('EventIndex.append on real articles', () => {
  const dir = realCorpus();
  const articles = loadCorpus(dir).articles;
  const n = articles.length;
  const { lexicon } = indexedCorpus(dir).index;
  const whole = EventIndex.build(articles);
  // Topics: a word of the own event of every ninth mention, and of people named.
  const topics = [
    ...new Set(
      Array.from({ length: whole.count }, (_, id) => whole.groupingTerms(id))
        .filter((_, id) => id % 9 === 0)
        .flatMap((g) => [g.own[0], g.people[0]])
        .filter((t): t is string => t !== undefined),
    ),
  ].slice(0, 60);
  const expected = observed(whole, topics, lexicon);
  const all = articles.map((_, g) => g);

  it('has enough to test on: articles, mentions, topics', () => {
    expect(n).toBeGreaterThanOrEqual(existsSync(DATA) ? 60 : 5);
    expect(whole.count).toBeGreaterThan(n);
    expect(topics.length).toBeGreaterThan(20);
  });

  it('gives what a full build gives after articles are added one at a time, each anywhere in corpus order', () => {
    const next = random(7);
    // Held out: a tenth of the articles, at most 16, among them the first and the last in corpus order.
    const held = [0, n - 1, ...all.filter(() => next() < 0.1)].filter((g, i, xs) => xs.indexOf(g) === i).slice(0, 16);
    const order = held.sort(() => next() - 0.5);
    let live = all.filter((g) => !held.includes(g));
    const segments: number[][] = [live];
    /** The parts of the live articles, numbered in corpus order. */
    const parts = (): Part[] => {
      const liveSet = new Set(live);
      const rank = new Map([...liveSet].sort((x, y) => x - y).map((g, i) => [g, i]));
      return segments.map((globals, k) => ({
        index: (built[k] ??= partOf(articles, globals, n).index),
        toGlobalArticle: Int32Array.from(globals, (g) => rank.get(g) ?? -1),
      }));
    };
    const built: EventIndex[] = [];
    let index = EventIndex.compose(
      live.map((g) => articles[g] as Article),
      parts(),
    );
    for (const g of order) {
      live = [...live, g].sort((x, y) => x - y);
      segments.push([g]);
      const now = live.map((x) => articles[x] as Article);
      const before = observed(index, topics, lexicon);
      const next = index.append(now, parts());
      expect(next?.appended).toBe(true);
      // The index appended from (still served until the new one replaces it) answers as it did.
      expect(difference(observed(index, topics, lexicon), before)).toBe('');
      index = next as EventIndex;
      expect(difference(observed(index, topics, lexicon), observed(EventIndex.build(now), topics, lexicon))).toBe('');
    }
    expect(difference(observed(index, topics, lexicon), expected)).toBe('');
  });

  it('gives what a full build gives for random splits: a base, then one or more parts added at once', () => {
    const next = random(42);
    for (let trial = 0; trial < 6; trial += 1) {
      const base = all.filter(() => next() < 0.6 + trial * 0.05);
      const groups: number[][] = [[], [], []];
      for (const g of all.filter((x) => !base.includes(x))) (groups[Math.floor(next() * (1 + (trial % 3)))] as number[]).push(g);
      const baseArticles = base.map((g) => articles[g] as Article);
      const basePart = { index: EventIndex.build(baseArticles), toGlobalArticle: Int32Array.from(base, (_, i) => i) };
      const first = EventIndex.compose(baseArticles, [basePart]);
      const parts = [
        { index: basePart.index, toGlobalArticle: Int32Array.from(base) },
        ...groups.filter((x) => x.length > 0).map((globals) => partOf(articles, globals, n)),
      ];
      const appended = first.append(articles, parts);
      expect(appended?.appended).toBe(true);
      expect(difference(observed(appended as EventIndex, topics, lexicon), expected)).toBe('');
    }
  });

  it('composes parts holding deleted articles, and rebases onto other parts, answering as a full build', () => {
    const next = random(11);
    const live = all.filter(() => next() < 0.8);
    const rank = new Map(live.map((g, i) => [g, i]));
    const liveArticles = live.map((g) => articles[g] as Article);
    const want = observed(EventIndex.build(liveArticles), topics, lexicon);
    /** A part of these articles (corpus numbers, ascending), those not live marked deleted. */
    const part = (globals: readonly number[]): Part => ({
      index: EventIndex.build(globals.map((g) => articles[g] as Article)),
      toGlobalArticle: Int32Array.from(globals, (g) => rank.get(g) ?? -1),
    });
    const split: number[][] = [[], [], []];
    for (const g of all) (split[Math.floor(next() * 3)] as number[]).push(g);
    const composed = EventIndex.compose(liveArticles, split.map(part));
    expect(difference(observed(composed, topics, lexicon), want)).toBe('');
    // Date order as specified: the day a value starts on, the coarser value first, then corpus order.
    const day = (id: number): string => startOf(composed.valueOf(id));
    const order = Array.from({ length: composed.count }, (_, id) => id).sort(
      (x, y) => (day(x) < day(y) ? -1 : day(x) > day(y) ? 1 : 0) || composed.valueOf(x).length - composed.valueOf(y).length || x - y,
    );
    expect([...composed.chronological]).toEqual(order);
    // After a merge: the same articles in two other parts, one still holding deleted articles.
    const merged = [all.filter((g) => g % 2 === 0), live.filter((g) => g % 2 === 1)];
    const mergedParts = merged.map(part);
    const rebased = composed.rebased(mergedParts);
    expect(difference(observed(rebased, topics, lexicon), want)).toBe('');
    // The index rebased from (it handed on what it kept) rebases again, without it.
    expect(difference(observed(composed.rebased([part(live)]), topics, lexicon), want)).toBe('');
    // The rebased index is appended to: a deleted article comes back as a new part, its old copy still deleted.
    const back = all.find((g) => !rank.has(g) && g % 2 === 0) as number;
    const now = [...live, back].sort((x, y) => x - y);
    const nowRank = new Map(now.map((g, i) => [g, i]));
    const appended = rebased.append(
      now.map((g) => articles[g] as Article),
      [
        ...mergedParts.map((p, k) => ({
          index: p.index,
          toGlobalArticle: Int32Array.from(merged[k] as number[], (g) => (rank.has(g) ? (nowRank.get(g) as number) : -1)),
        })),
        { index: EventIndex.build([articles[back] as Article]), toGlobalArticle: Int32Array.of(nowRank.get(back) as number) },
      ],
    );
    expect(appended?.appended).toBe(true);
    const wantNow = observed(EventIndex.build(now.map((g) => articles[g] as Article)), topics, lexicon);
    expect(difference(observed(appended as EventIndex, topics, lexicon), wantNow)).toBe('');
  });
});

describe('EventIndex.append declines what it cannot give as a full build', () => {
  const articles = loadCorpus(CORPUS_DIR).articles;
  const [a, b, c, d] = articles as [Article, Article, Article, Article];
  /** The index composed of one part of these articles (numbered 0, 1, …). */
  const composedOf = (xs: Article[]): { index: EventIndex; part: Part } => {
    const part = { index: EventIndex.build(xs), toGlobalArticle: Int32Array.from(xs, (_, i) => i) };
    return { index: EventIndex.compose(xs, [part]), part };
  };
  const one = (x: Article, g: number): Part => ({ index: EventIndex.build([x]), toGlobalArticle: Int32Array.of(g) });

  it('appends when the parts go on from the last ones, and the new index answers as a full build', () => {
    const { index, part } = composedOf([a, c]);
    const next = index.append([a, b, c], [{ ...part, toGlobalArticle: Int32Array.of(0, 2) }, one(b, 1)]);
    expect(next?.appended).toBe(true);
    expect(next?.count).toBe(EventIndex.build([a, b, c]).count);
    expect([...(next as EventIndex).chronological]).toEqual([...EventIndex.build([a, b, c]).chronological]);
  });

  it('declines an index built whole, and one appended to already (it handed on what it kept)', () => {
    expect(
      EventIndex.build([a]).append([a, b], [{ index: EventIndex.build([a]), toGlobalArticle: Int32Array.of(0) }, one(b, 1)]),
    ).toBeNull();
    const { index, part } = composedOf([a]);
    const partB = one(b, 1);
    const first = index.append([a, b], [part, partB]);
    expect(first?.appended).toBe(true);
    expect(index.append([a, b], [part, partB])).toBeNull();
    // The appended one goes on; it was not changed by the next append.
    const before = JSON.stringify([...(first as EventIndex).chronological].map((id) => (first as EventIndex).valueOf(id)));
    const second = first?.append([a, b, c], [part, partB, one(c, 2)]);
    expect(second?.appended).toBe(true);
    expect(JSON.stringify([...(first as EventIndex).chronological].map((id) => (first as EventIndex).valueOf(id)))).toBe(before);
  });

  it('declines an article deleted, a deleted one live again, a part replaced or gone, old articles reordered, a count amiss', () => {
    const { index, part } = composedOf([a, b, c]);
    // Deleted: b is marked in the part, d added.
    expect(index.append([a, c, d], [{ ...part, toGlobalArticle: Int32Array.of(0, -1, 1) }, one(d, 2)])).toBeNull();
    // A part of the same articles built again (a merge).
    expect(index.append([a, b, c, d], [{ ...part, index: EventIndex.build([a, b, c]) }, one(d, 3)])).toBeNull();
    // Fewer parts than before.
    expect(index.append([], [])).toBeNull();
    // Old articles in another order.
    expect(index.append([b, a, c, d], [{ ...part, toGlobalArticle: Int32Array.of(1, 0, 2) }, one(d, 3)])).toBeNull();
    // More articles than the parts hold.
    expect(index.append([a, b, c, d], [part])).toBeNull();
    // A new part that is itself composed (its search is in parts).
    expect(index.append([a, b, c, d], [part, { index: composedOf([d]).index, toGlobalArticle: Int32Array.of(3) }])).toBeNull();
    // Declining kept what the index keeps: it still appends.
    expect(index.append([a, b, c, d], [part, one(d, 3)])?.appended).toBe(true);

    const deleted = composedOf([a, b]);
    const withGap = EventIndex.compose([a], [{ ...deleted.part, toGlobalArticle: Int32Array.of(0, -1) }]);
    // b, marked deleted when composed, live again.
    expect(withGap.append([a, b], [deleted.part])).toBeNull();
    expect(withGap.append([a, c], [{ ...deleted.part, toGlobalArticle: Int32Array.of(0, -1) }, one(c, 1)])?.appended).toBe(true);
  });
});

describe('the live index', () => {
  /** /when and /timeline on the seeds' topics and the dev pages' (the regression script's and more). */
  const QUESTIONS = [
    ...['kerry', 'putin', 'lavrov', 'regime change', 'assad', 'geneva', 'ceasefire', 'syria', 'isis', 'negotiations'].flatMap((t) => [
      `/when ${t}`,
      `/timeline ${t}`,
    ]),
    ...[
      'florence evacuation',
      'landfall',
      'oakland strike',
      'teachers',
      'chauvin verdict',
      'johnson mayor',
      'ranieri',
      'leicester',
    ].flatMap((t) => [`/when ${t}`, `/timeline ${t}`]),
    '/timeline',
  ];
  const answers = (corpus: LoadedCorpus): string[] =>
    QUESTIONS.map((line) =>
      renderJson(
        runLine({ corpus, commands }, line, (e) => {
          throw e;
        }),
      ),
    );
  const rebuilt = (dir: string): string[] => answers(indexInMemory(loadCorpus(dir)));

  it('puts in the mentions of each article added, wherever its file sorts, answering as a full build; composes after a removal or a merge', async () => {
    const dir = join(scratch, 'live');
    cpSync(CORPUS_DIR, dir, { recursive: true });
    const live = (await LiveIndex.open(dir, { cacheDir: join(scratch, 'live-cache') })).index;
    // Dev pages: their files sort before the seeds' ("01_…"), among them, and after; published before and after them.
    const pages = readdirSync(join(DEVPAGES_DIR, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .filter((_, i) => i % 3 === 0);
    expect(pages.length).toBeGreaterThan(5);
    for (const [i, page] of pages.entries()) {
      const name = i % 2 === 0 ? page : `${String(i % 5).padStart(3, '0')}_z${page}`;
      cpSync(join(DEVPAGES_DIR, 'corpus', page), join(dir, name));
      live.update([join(dir, name)]);
      expect(live.corpus.events.appended).toBe(true);
      expect(answers(live.corpus)).toEqual(rebuilt(dir));
    }
    rmSync(join(dir, pages[0] as string));
    live.update([join(dir, pages[0] as string)]);
    expect(live.corpus.events.appended).toBe(false);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    const page = pages[1] as string;
    cpSync(join(DEVPAGES_DIR, 'corpus', page), join(dir, `0${page}`));
    live.update([join(dir, `0${page}`)]);
    expect(live.corpus.events.appended).toBe(true);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    live.mergeAll();
    expect(live.corpus.events.appended).toBe(false);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    live.close();
  });
});
