import { describe, expect, it } from 'vitest';
import { autocomplete } from '../../src/answer/autocomplete.ts';
import { chosenOutlets, MIN_WORDS_PER_OUTLET, TOPIC_FLOOR } from '../../src/answer/compare.ts';
import type { Answer, OutletCoverage, Result } from '../../src/answer/types.ts';
import { ask, fold, indexedCorpus, seedCorpus, tempCorpus } from '../support/helpers.ts';

const SEED_OUTLETS = ['Al-Alam News Network', 'Global Research', 'Press TV', 'LidTime', 'Daily Sabah'];

const coverageOf = (a: Answer, outlet: string): OutletCoverage => {
  const r = a.results.find((x) => x.coverage?.outlet === outlet);
  if (!r?.coverage) throw new Error(`no result for ${outlet}`);
  return r.coverage;
};

/** Every citation index a result's claims name, with the claim's words that its cited text must hold. */
function claims(r: Result): Array<{ citation: number; words: string }> {
  const c = r.coverage as OutletCoverage;
  return [
    ...(c.best ? [{ citation: c.best.citation, words: '' }] : []),
    ...c.speakers.map((s) => ({ citation: s.citation, words: '' })),
    ...c.onlyHere.map((q) => ({ citation: q.citation, words: q.quote })),
    ...c.words.map((w) => ({ citation: w.citation, words: w.word })),
  ];
}

/** Two outlets on Syria: one writes "Daesh", the other "ISIS"; both write "talks" alike. */
const paragraph = (name: string, i: number): string =>
  `Fighters of ${name} held the town near Aleppo in Syria, and the talks in Geneva went on for day ${i}.`;
const tiny = indexedCorpus(
  tempCorpus({
    'a.txt': [
      '---\noutlet: Wire One\nurl: https://one.example/a\n---',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => paragraph('Daesh', i)),
    ].join('\n\n'),
    'b.txt': [
      '---\noutlet: Wire Two\nurl: https://two.example/b\n---',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => paragraph('ISIS', i)),
    ].join('\n\n'),
    'c.txt': ['---\noutlet: Weather Desk\nurl: https://three.example/c\n---', 'Rain fell in Lisbon all week.'].join('\n\n'),
  }),
);

describe('/compare on a corpus written for it', () => {
  const a = ask('/compare syria', tiny);

  it('gives one result per outlet on the topic, and names the others in a note', () => {
    expect(a.results.map((r) => r.coverage?.outlet)).toEqual(['Wire One', 'Wire Two']);
    expect(coverageOf(a, 'Wire One').paragraphs).toBe(10);
    expect(a.notes).toContain('no paragraph on the topic: Weather Desk');
  });

  it('shows an outlet named in outlets: even with nothing on the topic', () => {
    const named = ask('/compare syria outlets:one,two,weather', tiny);
    expect(named.results.map((r) => r.coverage?.outlet)).toEqual(['Wire One', 'Wire Two', 'Weather Desk']);
    expect(coverageOf(named, 'Weather Desk')).toMatchObject({ paragraphs: 0, best: null, words: [], speakers: [] });
    expect(named.results[2]?.text).toBe('Weather Desk: no paragraph on the topic');
  });

  it('finds each outlet’s own spelling of a name as its distinctive word, cited where it uses it', () => {
    const one = coverageOf(a, 'Wire One');
    const two = coverageOf(a, 'Wire Two');
    expect(one.words.map((w) => w.word)).toEqual(['Daesh']);
    expect(two.words.map((w) => w.word)).toEqual(['ISIS']);
    expect(one.words[0]).toMatchObject({ count: 10, others: 0 });
    expect(one.words[0]?.z).toBeGreaterThan(1.96);
    const r = a.results[0] as Result;
    const cited = r.citations[one.words[0]?.citation as number];
    expect(cited?.text).toContain('Daesh');
    expect(cited?.link).toMatch(/^https:\/\/one\.example\/a#:~:text=/);
  });

  it('does not call a word both outlets use alike distinctive', () => {
    const all = a.results.flatMap((r) => r.coverage?.words.map((w) => w.word.toLowerCase()) ?? []);
    expect(all).not.toContain('talks');
    expect(all).not.toContain('geneva');
  });
});

describe('/compare on the seeds', () => {
  const corpus = seedCorpus();

  it('compares every outlet on "regime change", saying which has nothing on it', () => {
    const a = ask('/compare regime change');
    expect(a.error).toBeUndefined();
    expect(a.results.map((r) => r.coverage?.outlet)).toEqual(SEED_OUTLETS.filter((o) => o !== 'Press TV'));
    expect(a.notes).toContain('no paragraph on the topic: Press TV');
    expect(coverageOf(a, 'Daily Sabah').paragraphs).toBeGreaterThan(0);
    expect(a.notes?.some((n) => n.startsWith('paragraphs on the topic: those /search finds for it scoring at least a third'))).toBe(true);
    // Its paragraphs hold too few words to tell wording apart: the words are counted over every paragraph.
    expect(a.notes?.some((n) => n.includes('counted over every paragraph of each outlet'))).toBe(true);
    // Daily Sabah alone carries Kerry's "not seeking regime change" in its own words.
    const sabah = coverageOf(a, 'Daily Sabah');
    expect(sabah.onlyHere.some((q) => q.speaker === 'John Kerry' && q.quote.includes('not seeking regime change'))).toBe(true);
  });

  it('finds Press TV’s "government" for Assad’s, where others write "regime", by the statistic', () => {
    const a = ask('/compare Assad');
    expect(a.results.map((r) => r.coverage?.outlet)).toEqual(SEED_OUTLETS);
    const press = coverageOf(a, 'Press TV');
    expect(press.words[0]).toMatchObject({ word: 'government' });
    expect(press.words[0]?.z).toBeGreaterThanOrEqual(1.96);
    expect(press.speakers[0]).toMatchObject({ speaker: 'Keith Preston' });
    // A joint statement ("Kerry and Lavrov said") counts for each of its speakers, whichever is named first.
    expect(coverageOf(a, 'Daily Sabah').speakers.map((s) => [s.speaker, s.quotes])).toEqual([
      ['John Kerry', 8],
      ['Sergey Lavrov', 4],
      ['John Kirby', 1],
    ]);
    expect(a.notes?.some((n) => n.includes('counted over the paragraphs on the topic'))).toBe(true);
    // Words are sorted by z, at least 1.96 each.
    for (const r of a.results) {
      const zs = r.coverage?.words.map((w) => w.z) ?? [];
      expect(zs).toEqual([...zs].sort((x, y) => y - x));
      for (const z of zs) expect(z).toBeGreaterThanOrEqual(1.96);
    }
  });

  it('cites every claim: each index names a citation whose text has the claim’s words, in the claim’s outlet', () => {
    for (const line of ['/compare regime change', '/compare Assad', '/compare kerry', '/compare isis outlets:alam,sabah,press']) {
      const a = ask(line);
      for (const r of a.results) {
        for (const { citation, words } of claims(r)) {
          const c = r.citations[citation];
          expect(c, line).toBeDefined();
          expect(c?.outlet).toBe(r.coverage?.outlet);
          expect(fold(c?.text ?? '')).toContain(fold(words));
        }
      }
    }
  });

  it('keeps a paragraph on the topic only at a third of the best score or more', () => {
    const a = ask('/compare regime change');
    const scores = corpus.index.query('regime change').hits.map((h) => h.score);
    const kept = scores.filter((s) => s >= (scores[0] as number) * TOPIC_FLOOR).length;
    expect(a.results.reduce((n, r) => n + (r.coverage?.paragraphs ?? 0), 0)).toBe(kept);
    expect(kept).toBeLessThan(scores.length);
    expect(MIN_WORDS_PER_OUTLET).toBeGreaterThan(0);
  });

  it('takes outlets: as a comma-separated list of any part of a name, case aside', () => {
    const a = ask('/compare Assad outlets:press tv, DAILY sabah');
    expect(a.results.map((r) => r.coverage?.outlet)).toEqual(['Press TV', 'Daily Sabah']);
    expect(chosenOutlets(corpus, 'alam, lidtime')).toEqual(['Al-Alam News Network', 'LidTime']);
    // Only the outlets compared count: Kerry's "not seeking so-called regime change", which Al-Alam and LidTime
    // carry too, is Daily Sabah's alone against Global Research.
    const partners = (q: { quote: string }): boolean => q.quote.startsWith('The United States and its partners are not seeking');
    expect(coverageOf(ask('/compare regime change'), 'Daily Sabah').onlyHere.some(partners)).toBe(false);
    expect(coverageOf(ask('/compare regime change outlets:sabah,research'), 'Daily Sabah').onlyHere.some(partners)).toBe(true);
  });

  it('says plainly when fewer than two outlets are on the topic, or are named', () => {
    const one = ask('/compare bandar');
    expect(one.results).toEqual([]);
    expect(one.notes?.[0]).toBe(
      'only Global Research has paragraphs on "bandar" (1): /compare needs two outlets on the topic; /search bandar lists them',
    );
    expect(ask('/compare zzqqxx').notes?.[0]).toBe('nothing in the corpus matches "zzqqxx"');
    expect(ask('/compare assad outlets:press').error).toMatchObject({
      kind: 'usage',
      message: expect.stringContaining('names only Press TV'),
    });
    expect(ask('/compare assad outlets:press, reuters').error?.message).toContain('no outlet matches "reuters"');
    expect(ask('/compare assad outlets:, ,').error?.message).toBe(
      'outlets: names no outlet; the outlets are: Al-Alam News Network, Global Research, Press TV, LidTime, Daily Sabah',
    );
  });

  it('completes the last outlet of a list, leaving out those listed', () => {
    const limits = { choices: 25, name: 100, value: 100 };
    expect(autocomplete(corpus, 'outlets', 'Press TV, da', limits)).toEqual([
      { name: 'Press TV, Daily Sabah', value: 'Press TV, Daily Sabah' },
    ]);
    expect(autocomplete(corpus, 'outlets', 'Press TV, ', limits).map((c) => c.value)).not.toContain('Press TV, Press TV');
    expect(autocomplete(corpus, 'outlets', '', limits)).toHaveLength(5);
  });
});
