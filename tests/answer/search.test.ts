import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.ts';
import { PHRASE_SCAN } from '../../src/index/paragraphIndex.ts';
import { ask, indexedCorpus, tempCorpus } from '../support/helpers.ts';

const articles = (a: Answer): string[] => [...new Set(a.results.flatMap((r) => r.citations.map((c) => c.article)))];
const highlighted = (a: Answer): string[] =>
  a.results.flatMap((r) => (r.highlights ?? []).map(([s, e]) => r.text.slice(s, e).toLowerCase()));

/** A small corpus written for these tests: each paragraph says one thing. */
const tiny = indexedCorpus(
  tempCorpus({
    'a.txt': [
      '---\noutlet: Wire\npublished: 2015-12-15\nurl: https://example.org/a\n---',
      'The negotiations in Geneva lasted ten hours.',
      'Daesh fighters retreated from the town.',
      'Officials from the U.S. arrived on Monday.',
      'Talk of regime change was everywhere, and change came to the regime slowly.',
    ].join('\n\n'),
    'b.txt': [
      '---\noutlet: Daily Example\npublished: 2016-08-29\noutlet_url: https://daily.example/\n---',
      'Diplomats will negotiate again next week.',
      'The Islamic State group lost ground in the north.',
      'The United States said it was not seeking regime change.',
      'ISIL was driven from the town, the army said.',
      'Let us talk, the mayor said.',
    ].join('\n\n'),
  }),
);

describe('/search', () => {
  it('says when the date filter leaves no article at all, naming the period, instead of "nothing matches"', () => {
    expect(ask('/search kerry from:2030').notes).toEqual([
      'no article was published in that period (on or after 2030-01-01)',
      'left out by the date filter because they have no publication date: LidTime (003_85ee1c887779c124)',
    ]);
    expect(ask('/search kerry to:1999-06').notes?.[0]).toBe('no article was published in that period (on or before 1999-06-30)');
    expect(ask('/search kerry from:2015-01 to:2015-02-14').notes?.[0]).toBe(
      'no article was published in that period (from 2015-01-01 to 2015-02-14)',
    );
    expect(ask('/search kerry outlet:Daily Sabah from:2016').notes?.[0]).toBe(
      'no article of that outlet was published in that period (on or after 2016-01-01)',
    );
    // Articles in the period, none matching: the query is what found nothing.
    expect(ask('/search zebra from:2015').notes?.[0]).toBe('nothing in the corpus matches "zebra"');
  });

  it('matches across word forms', () => {
    const a = ask('/search negotiate', tiny);
    expect(a.results.map((r) => r.text)).toEqual(
      expect.arrayContaining(['The negotiations in Geneva lasted ten hours.', 'Diplomats will negotiate again next week.']),
    );
  });

  it('treats Daesh, ISIS, ISIL and Islamic State as one name', () => {
    for (const q of ['daesh', 'ISIS', 'isil', 'Islamic State']) {
      expect(ask(`/search ${q}`, tiny).results, q).toHaveLength(3);
    }
  });

  it('treats US, U.S. and United States as one name, but not the pronoun "us"', () => {
    for (const q of ['US', 'u.s.', 'United States', 'us']) {
      expect(
        ask(`/search ${q}`, tiny)
          .results.map((r) => r.text)
          .sort(),
        q,
      ).toEqual(['Officials from the U.S. arrived on Monday.', 'The United States said it was not seeking regime change.']);
    }
    expect(highlighted(ask('/search united states', tiny)).sort()).toEqual(['u.s.', 'united states']);
  });

  it('reads a small typo as the nearest common word of the corpus, and says so', () => {
    const a = ask('/search kery');
    expect(a.results.length).toBeGreaterThan(5);
    expect(a.results.every((r) => /kerry/i.test(r.text))).toBe(true);
    expect(a.notes).toContain('read "kery" as "Kerry"');
  });

  it('reads a typo in a long word, and in a phrase', () => {
    expect(ask('/search negotiatons').notes).toContain('read "negotiatons" as "negotiations"');
    const phrase = ask('/search "kery said"');
    expect(phrase.results.length).toBeGreaterThan(0);
    expect(phrase.results.every((r) => /Kerry said/.test(r.text))).toBe(true);
  });

  it('treats Sergey and Sergei Lavrov as one name', () => {
    const forms = (q: string) => new Set(highlighted(ask(q)));
    expect(forms('/search sergey')).toEqual(new Set(['sergey', 'sergei']));
    expect(forms('/search sergei')).toEqual(new Set(['sergey', 'sergei']));
  });

  it('finds a phrase of common words only', () => {
    expect(ask('/search "of the"', tiny).results).toEqual([]);
    expect(ask('/search "in the"', tiny).results.map((r) => r.text)).toEqual(['The Islamic State group lost ground in the north.']);
  });

  it('matches a quoted phrase only as a phrase', () => {
    const words = ask('/search regime change', tiny);
    expect(words.results).toHaveLength(2);
    const phrase = ask('/search "regime change"', tiny);
    expect(phrase.results).toHaveLength(2);
    const reversed = ask('/search "change regime"', tiny);
    expect(reversed.results).toEqual([]);
    expect(highlighted(ask('/search "not seeking regime change"', tiny))).toEqual(['not seeking regime change']);
  });

  it('finds Kerry\'s "regime change" remark in the three outlets that carry it', () => {
    const a = ask('/search "not seeking so-called regime change"');
    expect(articles(a).sort()).toEqual(['000_dbd715e2f98fffeb', '003_85ee1c887779c124', '004_58819347198058c8']);
  });

  it('filters by outlet and by publication date', () => {
    expect(articles(ask('/search town outlet:daily example', tiny))).toEqual(['b']);
    expect(articles(ask('/search town from:2016', tiny))).toEqual(['b']);
    expect(articles(ask('/search town to:2015-12', tiny))).toEqual(['a']);
    expect(ask('/search town outlet:Nowhere', tiny).error?.message).toMatch(
      /no outlet matches "Nowhere"; the outlets are: Wire, Daily Example/,
    );
  });

  it('says which undated articles a date filter left out', () => {
    const a = ask('/search "regime change" from:2015-12-01');
    expect(articles(a)).not.toContain('003_85ee1c887779c124');
    expect(a.notes?.join(' ')).toMatch(/no publication date: LidTime \(003_85ee1c887779c124\)/);
  });

  it('cites outlet, date, paragraph and link, and links the outlet home when the article URL is unknown', () => {
    const a = ask('/search "town"', tiny);
    const cites = a.results.flatMap((r) => r.citations);
    expect(cites.find((c) => c.article === 'a')).toMatchObject({
      outlet: 'Wire',
      url: 'https://example.org/a',
      urlKnown: true,
      published: '2015-12-15',
      paragraph: 2,
    });
    expect(cites.find((c) => c.article === 'b')).toMatchObject({ url: 'https://daily.example/', urlKnown: false });
  });

  it('says plainly when nothing matches', () => {
    const a = ask('/search zebra', tiny);
    expect(a.results).toEqual([]);
    expect(a.notes?.[0]).toBe('nothing in the corpus matches "zebra"');
  });

  it('highlights exactly the words that matched', () => {
    const a = ask('/search geneva negotiations', tiny);
    expect(highlighted(a)).toEqual(['negotiations', 'geneva', 'negotiate']);
  });
});

describe('the phrase runs', () => {
  it('find every run of 1 to 4 words of the seed paragraphs, as stored in the index file and as computed', async () => {
    const { phraseSpans } = await import('../../src/index/paragraphIndex.ts');
    const { paragraphRunOf } = await import('../../src/index/articleStore.ts');
    const { hasRun, paragraphRun, phraseRun } = await import('../../src/index/phraseRuns.ts');
    const { tokenize } = await import('../../src/nlp/terms.ts');
    const { loadIndexedCorpus } = await import('../../src/index/cache.ts');
    const { CORPUS_DIR } = await import('../support/helpers.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    // Saved and opened again: the runs are read from the index file.
    const cacheDir = mkdtempSync(join(tmpdir(), 'qd-runs-'));
    await loadIndexedCorpus(CORPUS_DIR, { cacheDir, threads: 1 });
    const opened = await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    expect(opened.source.kind).toBe('cache');
    let checked = 0;
    for (const a of opened.articles) {
      a.paragraphs.forEach((p, position) => {
        const stored = paragraphRunOf(a, position);
        expect([...stored]).toEqual([...paragraphRun(p.text)]);
        const tokens = tokenize(p.text, { keepStopwords: true });
        for (let i = 0; i < tokens.length; i += 7) {
          for (let n = 1; n <= 4 && i + n <= tokens.length; n += 1) {
            const seq = tokens.slice(i, i + n).map((t) => t.term as string);
            expect(phraseSpans(tokens, seq).length).toBeGreaterThan(0);
            expect(hasRun(stored, phraseRun(seq)), `${seq.join(' ')} in ${p.text}`).toBe(true);
            checked += 1;
          }
        }
        // The same words the other way round are found only where the text has them so.
        const pair = tokens.slice(0, 2).map((t) => t.term as string);
        if (pair.length === 2)
          expect(hasRun(stored, phraseRun([...pair].reverse()))).toBe(phraseSpans(tokens, [...pair].reverse()).length > 0);
      });
    }
    expect(checked).toBeGreaterThan(400);
  }, 30_000);

  it('are read for a test without being kept, the same words as kept, article after article', async () => {
    const { paragraphRunOf, testParagraphRuns, forgetReadDetails } = await import('../../src/index/articleStore.ts');
    const { paragraphRun } = await import('../../src/index/phraseRuns.ts');
    const { loadIndexedCorpus } = await import('../../src/index/cache.ts');
    const { CORPUS_DIR } = await import('../support/helpers.ts');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const cacheDir = mkdtempSync(join(tmpdir(), 'qd-runs-'));
    await loadIndexedCorpus(CORPUS_DIR, { cacheDir, threads: 1 });
    const opened = await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    expect(opened.source.kind).toBe('cache');
    forgetReadDetails();
    // Every other paragraph, then the first one, of each article in turn: one buffer is read into for them all,
    // so each run is copied while it is valid.
    const seen: Array<[string, number, number[]]> = [];
    for (const a of opened.articles) {
      const which = [...a.paragraphs.keys()].filter((i) => i % 2 === 1).concat(0);
      testParagraphRuns(a, which, (i, words) => seen.push([a.id, i, [...words]]));
    }
    // An article whose runs outgrow the buffer first made (64 KiB): 30 paragraphs of 665 words (78 KiB of runs).
    const sentence = (n: number, k: number): string =>
      `Delegates from ${n + k} countries met again in Geneva and discussed the plan for a ceasefire in Syria, officials said.`;
    const paragraph = (n: number): string => Array.from({ length: 35 }, (_, k) => sentence(n, k)).join(' ');
    const long = tempCorpus({
      'long.md': `---\ntitle: Long\noutlet: Wire\n---\n${Array.from({ length: 30 }, (_, n) => paragraph(n)).join('\n\n')}\n`,
    });
    const longCache = mkdtempSync(join(tmpdir(), 'qd-runs-'));
    await loadIndexedCorpus(long, { cacheDir: longCache, threads: 1 });
    const big = (await loadIndexedCorpus(long, { cacheDir: longCache })).articles[0]!;
    expect(big.paragraphs).toHaveLength(30);
    testParagraphRuns(big, [29, 0], (i, w) => seen.push([big.id, i, [...w]]));
    expect(seen.at(-1)![2].length).toBeGreaterThan(600);
    expect(seen.at(-2)![1]).toBe(29);
    expect(seen.length).toBeGreaterThan(20);
    const all = [...opened.articles, big];
    for (const [id, i, words] of seen) {
      const a = all.find((x) => x.id === id)!;
      expect(words, `${id} paragraph ${i}`).toEqual([...paragraphRun(a.paragraphs[i]!.text)]);
      // Kept runs (read by `paragraphRunOf`) are the same words, and are what the test is then given.
      expect([...paragraphRunOf(a, i)]).toEqual(words);
      let again: number[] = [];
      testParagraphRuns(a, [i], (_, w) => (again = [...w]));
      expect(again).toEqual(words);
    }
    for (const d of [cacheDir, longCache, long]) rmSync(d, { recursive: true, force: true });
  }, 30_000);
});

describe('/search counts', () => {
  it('says a phrase of common words is counted exactly when no paragraph past the ones read could have it', () => {
    // Wire's article: exactly PHRASE_SCAN paragraphs, three with "of the"; Post's article comes after it.
    const wire = Array.from({ length: PHRASE_SCAN }, (_, i) =>
      i < 3
        ? `Delegates met for session ${i} and discussed the future of the plan.`
        : `Delegates met for session ${i} and discussed a plan.`,
    ).join('\n\n');
    const post = ['Most of the talks went well, the delegates said.', 'All of the rest were postponed until the spring.'].join('\n\n');
    const corpus = indexedCorpus(
      tempCorpus({ 'a.txt': `---\noutlet: Wire\n---\n${wire}\n`, 'b.txt': `---\noutlet: Post\n---\n${post}\n` }),
    );
    expect(corpus.index.query('"of the"', (a) => a.meta.outlet === 'Wire', 10)).toMatchObject({ total: 3, totalIsExact: true });
    // Without the filter, Post's paragraphs lie past the ones read: the count may be short, and says so.
    expect(corpus.index.query('"of the"', undefined, 10)).toMatchObject({ total: 3, totalIsExact: false });
  }, 60_000);
});
