/**
 * The process tests/index/liveCrash.test.ts kills: it opens the saved live index of a corpus folder and, until
 * killed, adds the files B to the folder and to the index, merges, removes them, merges, and so on (merging on
 * this thread and on a worker thread in turn).
 * `node --import tsx tests/index/liveCrashChild.ts CORPUS CACHE SOURCE B...`
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCandidate } from '../../src/ingest/corpus.ts';
import { LiveIndex } from '../../src/index/liveIndex.ts';

const [dir, cacheDir, source, ...b] = process.argv.slice(2) as [string, string, string, ...string[]];
const live = LiveIndex.openSaved(dir, { cacheDir });
if (!live) throw new Error('no saved live index');
// Warmed up (the ingest's code compiled) before the parent starts its clock, so that kills fall among the updates.
for (const f of b) ingestCandidate(f, f, readFileSync(join(source, f), 'utf8'));
process.stdout.write('ready\n');
for (let round = 0; ; round += 1) {
  const adding = live.corpus.articles.every((a) => !b.includes(a.file));
  for (const f of b) {
    if (adding) copyFileSync(join(source, f), join(dir, f));
    else rmSync(join(dir, f), { force: true });
  }
  // One file at a time, each its own update (and segment); a merge of everything every other round, on this
  // thread or written by a worker thread (a kill then may fall while the worker writes the merged segment).
  for (const f of b) live.update([join(dir, f)]);
  if (round % 4 === 1) live.mergeAll();
  if (round % 4 === 3) await live.mergeInBackground('all');
}
