import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { LiveCorpus, type UpdateReport } from '../../src/index/live.ts';
import { LiveIndex, liveIndexDir, splitRuns } from '../../src/index/liveIndex.ts';
import { type LoadedCorpus, indexInMemory } from '../../src/index/loadedCorpus.ts';
import { renderJson } from '../../src/render/json.ts';
import { runLine } from '../../src/router/router.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'corpus');
const DEV = join(ROOT, 'tests', 'devpages', 'corpus');
/** B: three dev pages, one of them sorting before the seeds' files ("01_…" after "000_…", "0" files first). */
const B = ['01_upi_florence_evacuations.txt', '12_cbsnews_chauvin_convicted_all_charges.txt', '22_marvelbet_ranieri_proud_and_happy.txt'];
/** Every other regression question (the seeds' script), plus questions on B's topics. */
const QUESTIONS = [
  ...readFileSync(join(ROOT, 'tests', 'e2e', 'regression', 'seeds.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .filter((_, i) => i % 2 === 0),
  '/search florence evacuation',
  '/who-said chauvin',
  '/when verdict',
  '/timeline ranieri',
  '/quotes Ranieri',
  '/speakers',
  '/sources',
];

const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-live-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A fresh corpus folder with the seeds (A) and, with `withB`, the dev pages B. */
function folder(withB: boolean): string {
  const dir = join(scratch, `corpus${(n += 1)}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(SEEDS, dir, { recursive: true });
  if (withB) for (const f of B) copyFileSync(join(DEV, f), join(dir, f));
  return dir;
}
const cacheDir = (): string => join(scratch, `cache${(n += 1)}`);

/** The JSON answers to the questions. */
const answers = (corpus: LoadedCorpus): string[] =>
  QUESTIONS.map((line) =>
    renderJson(
      runLine({ corpus, commands }, line, (e) => {
        throw e;
      }),
    ),
  );
/** The answers of the folder built whole, in memory, the reference. */
const rebuilt = (dir: string): string[] => answers(indexInMemory(loadCorpus(dir)));

describe('LiveIndex', () => {
  it('A+B in one go, A then add B, and the full rebuild give the same answers; removing B gives A again', async () => {
    const ab = folder(true);
    const whole = await LiveIndex.open(ab, { cacheDir: cacheDir() });
    const expected = rebuilt(ab);
    expect(answers(whole.index.corpus)).toEqual(expected);
    whole.index.close();

    const a = folder(false);
    const onlyA = rebuilt(a);
    const live = (await LiveIndex.open(a, { cacheDir: cacheDir() })).index;
    expect(answers(live.corpus)).toEqual(onlyA);
    for (const f of B) copyFileSync(join(DEV, f), join(a, f));
    const added = live.update(B.map((f) => join(a, f)));
    expect(added.map((c) => [c.kind, c.file])).toEqual(B.map((f) => ['added', f]));
    expect(live.shape.segments).toBe(2);
    expect(answers(live.corpus)).toEqual(expected);

    for (const f of B) rmSync(join(a, f));
    const removed = live.update(B.map((f) => join(a, f)));
    expect(removed.map((c) => c.kind)).toEqual(['removed', 'removed', 'removed']);
    expect(live.shape.deleted).toBe(0);
    expect(answers(live.corpus)).toEqual(onlyA);
    live.close();
  });

  it('a changed article and a duplicate are handled as a full load handles them, before and after a merge and a reload', async () => {
    const dir = folder(true);
    const cache = cacheDir();
    const live = (await LiveIndex.open(dir, { cacheDir: cache })).index;
    const seed = readdirSync(SEEDS)[1] as string;
    appendFileSync(join(dir, seed), '\n\n"We will rebuild the index one segment at a time," Kerry said on Monday, March 3, 2014.\n');
    // The same text as a seed under a name that sorts first: it is kept, and the seed is left out.
    copyFileSync(join(SEEDS, readdirSync(SEEDS)[2] as string), join(dir, '0000_copy.txt'));
    const changes = live.update();
    expect(changes.map((c) => [c.kind, c.file])).toEqual(
      expect.arrayContaining([
        ['changed', seed],
        ['added', '0000_copy.txt'],
        ['removed', readdirSync(SEEDS)[2]],
      ]),
    );
    const expected = rebuilt(dir);
    expect(answers(live.corpus)).toEqual(expected);
    expect(live.corpus.warnings).toEqual(loadCorpus(dir).warnings);
    expect(live.shape.deleted).toBe(2);
    live.mergeAll();
    expect(live.shape).toEqual({ segments: 1, deleted: 0 });
    expect(answers(live.corpus)).toEqual(expected);
    live.close();
    const again = LiveIndex.openSaved(dir, { cacheDir: cache });
    expect(again?.corpus.source.kind).toBe('cache');
    expect(answers((again as LiveIndex).corpus)).toEqual(expected);
    // The copy goes: the seed it copied is admitted again, ingested afresh.
    rmSync(join(dir, '0000_copy.txt'));
    (again as LiveIndex).update();
    expect(answers((again as LiveIndex).corpus)).toEqual(rebuilt(dir));
    again?.close();
  });
});

describe('LiveIndex, an update given files', () => {
  it('looks at those files alone, as a listing of the folder sees them; an update without files finds the rest', async () => {
    const dir = folder(false);
    const live = (await LiveIndex.open(dir, { cacheDir: cacheDir() })).index;
    for (const f of B) copyFileSync(join(DEV, f), join(dir, f));
    mkdirSync(join(dir, 'zz_folder.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'zz_broken.txt'));
    const asked = [B[1] as string, 'zz_folder.txt', 'zz_broken.txt', 'zz_never_there.txt', 'notes.json'];
    const changes = live.update(asked.map((f) => join(dir, f)));
    expect(changes.map((c) => [c.kind, c.file])).toEqual([
      ['added', B[1]],
      ['failed', 'zz_broken.txt'],
      ['failed', 'zz_folder.txt'],
    ]);
    // The files not asked about are not looked at; what is reported of the others is what a full load reports.
    expect(live.corpus.articles.map((a) => a.file)).not.toContain(B[0]);
    expect(live.corpus.warnings).toEqual(loadCorpus(dir).warnings);
    expect(live.update().map((c) => [c.kind, c.file])).toEqual([
      ['added', B[0]],
      ['added', B[2]],
    ]);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    live.close();
  });
});

describe('an update that only adds files', () => {
  it('gives what an update of the whole folder gives: changes, warnings, answers, and after a reload', async () => {
    // Two copies of the seeds: files are added to both, the one told which files, the other listing its folder.
    const told = folder(false);
    const listing = folder(false);
    const toldCache = cacheDir();
    const byName = (await LiveIndex.open(told, { cacheDir: toldCache })).index;
    const byListing = (await LiveIndex.open(listing, { cacheDir: cacheDir() })).index;
    const seed = readdirSync(SEEDS).sort()[1] as string;
    const steps: Array<Record<string, string | Buffer>> = [
      // A page sorting among the seeds, and one after them, at once.
      { [B[0] as string]: readFileSync(join(DEV, B[0] as string)), [B[2] as string]: readFileSync(join(DEV, B[2] as string)) },
      // Not text: refused, with why.
      { 'zz_binary.txt': Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]) },
      // A seed's text under another name (a duplicate: admission over every file decides it).
      { '00_copy.txt': readFileSync(join(SEEDS, seed)) },
      // Another page, after a duplicate was met.
      { [B[1] as string]: readFileSync(join(DEV, B[1] as string)) },
    ];
    for (const step of steps) {
      for (const [name, bytes] of Object.entries(step)) {
        writeFileSync(join(told, name), bytes);
        writeFileSync(join(listing, name), bytes);
      }
      const changes = byName.update(Object.keys(step).map((name) => join(told, name)));
      expect(changes).toEqual(byListing.update());
      expect(byName.corpus.warnings).toEqual(byListing.corpus.warnings);
      expect(byName.corpus.articles.map((a) => a.file)).toEqual(byListing.corpus.articles.map((a) => a.file));
      expect(answers(byName.corpus)).toEqual(answers(byListing.corpus));
    }
    expect(byName.corpus.warnings.map((w) => w.file)).toEqual(['00_copy.txt', 'zz_binary.txt'].sort());
    expect(answers(byName.corpus)).toEqual(rebuilt(told));
    // Asking about a file that is not there changes nothing.
    expect(byName.update([join(told, 'zz_never_made.txt')])).toEqual([]);
    byName.close();
    const reopened = LiveIndex.openSaved(told, { cacheDir: toldCache });
    byListing.close();
    expect(reopened).not.toBeNull();
    expect(answers((reopened as LiveIndex).corpus)).toEqual(rebuilt(told));
    reopened?.close();
  }, 120_000);
});

describe('LiveCorpus', () => {
  it('serves each update as it is applied, hears it, and merges small segments after it without changing the answers', async () => {
    const dir = folder(false);
    const live = await LiveCorpus.open(dir, { cacheDir: cacheDir(), merge: { maxSmallSegments: 1, baseRatio: 100 } });
    const holder = { corpus: live.current };
    live.serve(holder);
    const heard: UpdateReport[] = [];
    live.onChange((_, report) => heard.push(report));
    for (const f of B.slice(0, 2)) {
      copyFileSync(join(DEV, f), join(dir, f));
      await live.refresh([join(dir, f)]);
      expect(holder.corpus).toBe(live.current);
    }
    expect(heard.map((r) => r.changes.map((c) => [c.kind, c.file]))).toEqual([[['added', B[0]]], [['added', B[1]]]]);
    // Two small segments are one too many: merged after the update, in turn (by the merge the update queued
    // behind it, or by this one).
    expect(live.status().segments).toBe(3);
    await live.mergeIfDue();
    expect(live.status()).toMatchObject({ segments: 2, deleted: 0, articles: 7, failed: [] });
    expect(holder.corpus).toBe(live.current);
    expect(answers(holder.corpus)).toEqual(rebuilt(dir));
    // Nothing changed: nothing heard.
    expect((await live.refresh()).changes).toEqual([]);
    expect(heard).toHaveLength(2);
    await live.close();
  });

  it('answers questions while a merge is written in the background, the same before, during and after it', async () => {
    const dir = folder(false);
    // Turns of no length: answers come in at every pause of reading the merged segment and composing the corpus.
    const live = await LiveCorpus.open(dir, { cacheDir: cacheDir(), merge: { maxSmallSegments: 100, baseRatio: 100 }, turnMs: 0 });
    const holder = { corpus: live.current };
    live.serve(holder);
    for (const f of B) {
      copyFileSync(join(DEV, f), join(dir, f));
      await live.refresh([join(dir, f)]);
    }
    expect(live.status().segments).toBe(4);
    const expected = answers(holder.corpus);
    let merging = true;
    const merged = live.mergeAll().then(() => (merging = false));
    // Questions asked one per turn of the event loop while the merge runs: each is answered before it ends.
    const during: string[][] = [];
    while (merging) {
      await new Promise(setImmediate);
      if (merging) during.push(answers(holder.corpus));
    }
    await merged;
    expect(during.length).toBeGreaterThan(0);
    for (const got of during) expect(got).toEqual(expected);
    expect(live.status()).toMatchObject({ segments: 1, deleted: 0, articles: 8 });
    expect(holder.corpus).toBe(live.current);
    expect(answers(holder.corpus)).toEqual(expected);
    expect(answers(holder.corpus)).toEqual(rebuilt(dir));
    await live.close();
  });
});

describe('LiveIndex, the quote book at each update', () => {
  it('equals a full rebuild after each article added alone, one repeating a seed’s quotes, and after it goes', async () => {
    const dir = folder(false);
    const live = (await LiveIndex.open(dir, { cacheDir: cacheDir() })).index;
    // Out of file order, each its own update: the book is put together again from facts read before.
    for (const f of [B[2], B[0], B[1]] as string[]) {
      copyFileSync(join(DEV, f), join(dir, f));
      live.update([join(dir, f)]);
      expect(answers(live.corpus)).toEqual(rebuilt(dir));
    }
    // Another outlet's copy of a seed, a day later and with a sentence more: its quotes join the seed's groups.
    const seed = readdirSync(SEEDS)[0] as string;
    const text = readFileSync(join(SEEDS, seed), 'utf8');
    writeFileSync(join(dir, 'zz_echo.txt'), `${text}\n\n"We will read every article again," the editor said on Friday.\n`);
    expect(live.update([join(dir, 'zz_echo.txt')]).map((c) => [c.kind, c.file])).toEqual([['added', 'zz_echo.txt']]);
    const echoed = rebuilt(dir);
    expect(answers(live.corpus)).toEqual(echoed);
    const at = (file: string) => live.corpus.articles.findIndex((a) => a.file === file);
    const shared = live.corpus.quotes.groups.filter(
      (g) => g.refs.some((r) => r.article === at(seed)) && g.refs.some((r) => r.article === at('zz_echo.txt')),
    );
    expect(shared.length).toBeGreaterThan(0);
    rmSync(join(dir, 'zz_echo.txt'));
    live.update([join(dir, 'zz_echo.txt')]);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    expect(answers(live.corpus)).not.toEqual(echoed);
    live.close();
  });
});

describe('LiveIndex, the end of a merge', () => {
  /** Dev pages, all dated: the last three published are added one at a time, the book appended to. */
  const DATED = [
    '14_enmnews_chauvin_could_face_20_years.txt',
    '20_upi_johnson_wins_chicago_mayor.txt',
    '16_redline_johnson_overcomes_odds.txt',
    '19_abc7chicago_johnson_elected_vallas_concedes.txt',
    '06_ktar_oakland_teachers_strike_begins.txt',
  ];
  const LATER = [
    '08_ktvz_oakland_agreement_ends_strike.txt',
    '09_cnn_oakland_strike_agreement.txt',
    '10_mercurynews_oakland_strike_over.txt',
  ];

  it('keeps the quote book and the dated mentions, the same answers, and the book can still be appended to', async () => {
    const dir = join(scratch, `dated${(n += 1)}`);
    cpSync(DEV, dir, { recursive: true, filter: (src) => !src.endsWith('.txt') || DATED.some((f) => src.endsWith(f)) });
    const cache = cacheDir();
    const live = (await LiveIndex.open(dir, { cacheDir: cache, merge: { maxSmallSegments: 100, baseRatio: 100 } })).index;
    for (const f of LATER.slice(0, 2)) {
      copyFileSync(join(DEV, f), join(dir, f));
      live.update([join(dir, f)]);
      expect(live.corpus.quotes.appended).toBe(true);
    }
    const before = live.corpus;
    const expected = answers(before);
    expect(await live.mergeInBackground('all')).toBe(true);
    expect(live.shape).toEqual({ segments: 1, deleted: 0 });
    // Kept, not grouped again: the same book, the same facts of the dated mentions under a new search.
    expect(live.corpus.quotes).toBe(before.quotes);
    expect(live.corpus.index.lexicon).toBe(before.index.lexicon);
    expect(live.corpus.events).not.toBe(before.events);
    expect(live.corpus.events.chronological).toBe(before.events.chronological);
    expect(answers(live.corpus)).toEqual(expected);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    // What the merged segment took instead of reading it is what its file holds: read back by another index.
    const reread = LiveIndex.openSaved(dir, { cacheDir: cache }) as LiveIndex;
    expect([...reread.corpus.index.lexicon.words()]).toEqual([...live.corpus.index.lexicon.words()]);
    expect(answers(reread.corpus)).toEqual(expected);
    reread.close();
    // The book kept over the merge goes on being appended to.
    const last = LATER[2] as string;
    copyFileSync(join(DEV, last), join(dir, last));
    live.update([join(dir, last)]);
    expect(live.corpus.quotes.appended).toBe(true);
    expect(live.corpus.events.appended).toBe(true);
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    live.close();
  });
});

describe('LiveCorpus, an update in turns', () => {
  it('answers from the last state while the new one is put together, even from a segment the update retires', async () => {
    const dir = folder(false);
    const options = { cacheDir: cacheDir(), merge: { maxSmallSegments: 100, baseRatio: 100 } };
    const file = B[1] as string;
    const first = await LiveCorpus.open(dir, options);
    copyFileSync(join(DEV, file), join(dir, file));
    await first.refresh([join(dir, file)]);
    await first.close();
    // Opened again, its segments read from their files. Turns of no length: every pause point lets answers in.
    const live = await LiveCorpus.open(dir, { ...options, turnMs: 0 });
    const holder = { corpus: live.current };
    live.serve(holder);
    const id = live.current.articles.find((a) => a.file === file)?.id as string;
    const questions = [`/context ${id} 1`, '/who-said chauvin', '/search verdict'];
    const ask = (): string[] =>
      questions.map((line) => renderJson(runLine({ corpus: holder.corpus, commands }, line, (e) => Promise.reject(e) as never)));
    const withIt = ask();
    // Removing the one article of its segment retires the segment: its file is read by the answers until the end.
    rmSync(join(dir, file));
    let updating = true;
    const updated = live.refresh([join(dir, file)]).then((r) => ((updating = false), r));
    // The segment files there are: the retired one stays while the answers may read it.
    const segmentFiles = (): string[] => readdirSync(liveIndexDir(options.cacheDir, dir)).filter((f) => f.endsWith('.qdseg'));
    const filesBefore = segmentFiles();
    const during: string[][] = [];
    const filesDuring: string[][] = [];
    while (updating) {
      await new Promise(setImmediate);
      if (!updating) break;
      during.push(ask());
      filesDuring.push(segmentFiles());
    }
    expect((await updated).changes.map((c) => c.kind)).toEqual(['removed']);
    expect(during.length).toBeGreaterThan(2);
    for (const got of during) expect(got).toEqual(withIt);
    expect(filesBefore).toHaveLength(2);
    for (const files of filesDuring) expect(files).toEqual(filesBefore);
    expect(segmentFiles()).toHaveLength(1);
    expect(ask()).not.toEqual(withIt);
    expect(answers(holder.corpus)).toEqual(rebuilt(dir));
    await live.close();
  });
});

describe('splitRuns', () => {
  const one = (): number => 1;
  it('cuts names into runs of consecutive names of about equal weight, none empty', () => {
    expect(splitRuns(['a', 'b', 'c', 'd'], 2, one)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const weight = (name: string): number => ({ a: 5, b: 1, c: 1, d: 1 })[name] ?? 0;
    expect(splitRuns(['a', 'b', 'c', 'd'], 2, weight)).toEqual([['a'], ['b', 'c', 'd']]);
    expect(splitRuns(['a', 'b'], 4, one)).toEqual([['a'], ['b']]);
    expect(splitRuns(['a', 'b', 'c'], 1, one)).toEqual([['a', 'b', 'c']]);
    expect(splitRuns([], 2, one)).toEqual([]);
  });
});

describe('LiveIndex, the first build on several threads', () => {
  it('answers and warns as one thread and a full load do, admission in file order across the runs', async () => {
    const dir = folder(true);
    // Cases the order of admission decides: a copy of a seed under a name that sorts last (left out), an empty
    // file, and an id whose first file (.md sorts before .txt) fails to ingest: the seed of that id is then
    // admitted, though no worker was given it (another file claimed its id first); it is ingested after them.
    copyFileSync(join(SEEDS, '000_dbd715e2f98fffeb.txt'), join(dir, 'zz_copy.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, '003_85ee1c887779c124.md'), '---\ntitle: [unclosed\n---\nText.\n');
    const expected = rebuilt(dir);
    const full = loadCorpus(dir);
    expect(full.articles.map((a) => a.file)).toContain('003_85ee1c887779c124.txt');
    for (const threads of [2, 1]) {
      const cache = cacheDir();
      const { index } = await LiveIndex.open(dir, { cacheDir: cache, threads });
      // A segment per thread, and one of the seed ingested after them.
      expect(index.shape).toEqual({ segments: threads + 1, deleted: 0 });
      expect(answers(index.corpus)).toEqual(expected);
      expect(index.corpus.warnings).toEqual(full.warnings);
      expect(index.corpus.articles.map((a) => a.file)).toEqual(full.articles.map((a) => a.file));
      // Nothing left to do for an update of the whole folder, and the same after a reload.
      expect(index.update()).toEqual([]);
      index.close();
      const again = LiveIndex.openSaved(dir, { cacheDir: cache }) as LiveIndex;
      expect(answers(again.corpus)).toEqual(expected);
      expect(again.corpus.warnings).toEqual(full.warnings);
      again.close();
    }
  });

  it('keeps the segments of the build as its base, through merges and a reload', async () => {
    const dir = folder(false);
    const cache = cacheDir();
    const progress: string[] = [];
    // Small segments merge beyond one; the share of the base never makes a merge due.
    const merge = { maxSmallSegments: 1, baseRatio: 1e9 };
    const open = async (): Promise<LiveIndex> =>
      (
        await LiveIndex.open(dir, {
          cacheDir: cache,
          threads: 2,
          merge,
          onProgress: (stage, done, total) => progress.push(`${stage} ${done}/${total}`),
        })
      ).index;
    const live = await open();
    expect(progress[0]).toBe('reading the corpus 0/5');
    expect(progress).toContain('reading the corpus 5/5');
    expect(progress.at(-1)).toBe('building the indexes 2/2');
    expect(live.shape).toEqual({ segments: 2, deleted: 0 });
    expect(await live.mergeInBackground('due')).toBe(false);
    /** Adds a file of its own and returns whether a merge was due after it. */
    const add = async (name: string): Promise<boolean> => {
      writeFileSync(join(dir, name), `"The talks go on," Kerry said of ${name} on Tuesday.\n`);
      expect(live.update([join(dir, name)]).map((c) => c.kind)).toEqual(['added']);
      return live.mergeInBackground('due');
    };
    // Two segments of the base and one small one: not due; a second small one: the small ones merge.
    expect(await add('zz1.txt')).toBe(false);
    expect(await add('zz2.txt')).toBe(true);
    expect(live.shape).toEqual({ segments: 3, deleted: 0 });
    expect(answers(live.corpus)).toEqual(rebuilt(dir));
    live.close();
    const again = LiveIndex.openSaved(dir, { cacheDir: cache, merge }) as LiveIndex;
    expect(again.corpus.source.kind).toBe('cache');
    expect(answers(again.corpus)).toEqual(rebuilt(dir));
    expect(await again.mergeInBackground('due')).toBe(false);
    // Everything merged: one segment is the base, and two small ones merge again.
    expect(await again.mergeInBackground('all')).toBe(true);
    expect(again.shape).toEqual({ segments: 1, deleted: 0 });
    for (const name of ['zz3.txt', 'zz4.txt']) {
      writeFileSync(join(dir, name), `"The talks go on," Lavrov said of ${name} on Friday.\n`);
      again.update([join(dir, name)]);
    }
    expect(again.shape).toEqual({ segments: 3, deleted: 0 });
    expect(await again.mergeInBackground('due')).toBe(true);
    expect(again.shape).toEqual({ segments: 2, deleted: 0 });
    expect(answers(again.corpus)).toEqual(rebuilt(dir));
    again.close();
  });
});
