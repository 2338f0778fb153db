import { appendFileSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { LiveCorpus, type UpdateReport } from '../../src/index/live.ts';
import type { LoadedCorpus } from '../../src/index/loadedCorpus.ts';
import { type CorpusWatcher, isArticlePath, watchCorpus } from '../../src/index/watch.ts';
import { updateLines } from '../../src/render/corpusUpdate.ts';
import { runLine } from '../../src/router/router.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

const ARTICLE = `---
title: "Zanzibar talks resume"
outlet: "Example Wire"
published: 2016-08-27
---
Negotiators met in Zanzibar on Friday to resume the talks on the harbour treaty.

"We are closer than ever," the envoy said after the meeting.

The next round is planned for September, officials said.
`;

/** A live corpus on a temporary folder holding one seed article, and a watcher whose updates the test awaits. */
async function watched() {
  const dir = mkdtempSync(join(tmpdir(), 'quotedesk-watch-'));
  copyFileSync(join(CORPUS_DIR, '004_58819347198058c8.txt'), join(dir, '004_58819347198058c8.txt'));
  const live = await LiveCorpus.open(dir, { cacheDir: mkdtempSync(join(tmpdir(), 'quotedesk-watch-cache-')), threads: 1 });
  const updates: Array<{ report: UpdateReport; corpus: LoadedCorpus }> = [];
  const errors: unknown[] = [];
  let wake: (() => void) | null = null;
  const watcher = watchCorpus(live, {
    debounceMs: 50,
    settleMs: 400,
    onUpdate: (report, corpus) => {
      updates.push({ report, corpus });
      wake?.();
    },
    onError: (error) => errors.push(error),
  });
  await watcher.ready;
  /** Waits until `n` updates have come (at most 15 s: the machine may be busy). */
  const until = async (n: number): Promise<void> => {
    const end = Date.now() + 15_000;
    while (updates.length < n && Date.now() < end) await new Promise<void>((r) => ((wake = r), setTimeout(r, 200)));
    expect(updates.length).toBe(n);
  };
  return { dir, live, watcher, updates, errors, until };
}

describe('isArticlePath', () => {
  it('takes .txt and .md files, not other kinds or dot files (a write in progress)', () => {
    expect(isArticlePath('/c/a.txt')).toBe(true);
    expect(isArticlePath('/c/a.MD')).toBe(true);
    expect(isArticlePath('/c/a.pdf')).toBe(false);
    expect(isArticlePath('/c/.a.txt.tmp')).toBe(false);
    expect(isArticlePath('/c/.a.txt')).toBe(false);
  });
});

describe('watchCorpus', () => {
  let watcher: CorpusWatcher | null = null;
  const dirs: string[] = [];
  afterEach(async () => {
    await watcher?.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('answers from a file written into the folder, once it settles, and forgets it when it is removed', async () => {
    const w = await watched();
    watcher = w.watcher;
    dirs.push(w.dir);
    const ctx = { corpus: w.live.current, commands };
    w.live.serve(ctx);
    const ask = (line: string) =>
      runLine(ctx, line, (e) => {
        throw e;
      });
    expect(ask('/search zanzibar').results).toEqual([]);

    // Written in two parts, the second after the debounce but within the settling time: the half-written file
    // (its front matter not yet closed) is never read.
    writeFileSync(join(w.dir, 'zanzibar.txt'), ARTICLE.slice(0, 120));
    await new Promise((r) => setTimeout(r, 150));
    appendFileSync(join(w.dir, 'zanzibar.txt'), ARTICLE.slice(120));
    await w.until(1);
    expect(w.updates[0]?.report.changes).toEqual([expect.objectContaining({ kind: 'added', article: 'zanzibar' })]);
    const added = w.live.current.articles.find((a) => a.id === 'zanzibar');
    expect(added?.paragraphs.length).toBe(3);
    expect(ask('/search zanzibar').results[0]?.citations[0]?.article).toBe('zanzibar');
    const [line] = updateLines(w.updates[0]!.report, w.updates[0]!.corpus);
    expect(line).toMatch(/^corpus: added zanzibar\.txt \(3 paragraphs\) in \d+ ms$/);

    rmSync(join(w.dir, 'zanzibar.txt'));
    await w.until(2);
    expect(w.updates[1]?.report.changes).toEqual([expect.objectContaining({ kind: 'removed', article: 'zanzibar' })]);
    expect(updateLines(w.updates[1]!.report, w.updates[1]!.corpus)[0]).toMatch(/^corpus: removed zanzibar\.txt in \d+ ms$/);
    expect(ask('/search zanzibar').results).toEqual([]);
    expect(w.errors).toEqual([]);
  }, 40_000);

  it('reports a bad file with its reason and still loads the good one written with it', async () => {
    const w = await watched();
    watcher = w.watcher;
    dirs.push(w.dir);
    writeFileSync(join(w.dir, 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00]));
    writeFileSync(join(w.dir, 'zanzibar.md'), ARTICLE);
    writeFileSync(join(w.dir, 'notes.pdf'), 'not an article');
    await w.until(1);
    const changes = w.updates[0]!.report.changes;
    expect(changes).toHaveLength(2);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'added', article: 'zanzibar' }));
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'failed', file: 'broken.txt', reason: 'binary file (it contains NUL bytes)' }),
    );
    expect(updateLines(w.updates[0]!.report, w.updates[0]!.corpus)).toContain(
      'warning: corpus file broken.txt not loaded: binary file (it contains NUL bytes)',
    );
    expect(w.live.status().failed).toEqual([{ file: 'broken.txt', reason: 'binary file (it contains NUL bytes)' }]);
    expect(w.live.current.articles.map((a) => a.id).sort()).toEqual(['004_58819347198058c8', 'zanzibar']);
  }, 40_000);

  it('stops hearing the folder once closed', async () => {
    const w = await watched();
    dirs.push(w.dir);
    await w.watcher.close();
    writeFileSync(join(w.dir, 'zanzibar.txt'), ARTICLE);
    await new Promise((r) => setTimeout(r, 600));
    expect(w.updates).toEqual([]);
    expect(w.live.current.articles).toHaveLength(1);
  }, 20_000);
});
