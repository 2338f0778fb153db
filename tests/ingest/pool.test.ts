import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { loadCorpusOnPool } from '../../src/ingest/pool.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A corpus folder of the seeds and the development pages, with the cases the order of admission decides: a file
 * whose text is a seed's (left out after it), one whose id is taken (the first in file order keeps it), an empty one and one with bad
 * front matter (warned about), spread over several windows and batches of the pool.
 */
function mixedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qd-pool-'));
  for (const d of [join(ROOT, 'corpus'), join(ROOT, 'tests', 'devpages', 'corpus')])
    for (const f of readdirSync(d)) if (/\.(txt|md)$/.test(f)) copyFileSync(join(d, f), join(dir, f));
  copyFileSync(join(ROOT, 'corpus', '001_b2cf09a019e98ac2.txt'), join(dir, 'zz_copy.txt'));
  writeFileSync(join(dir, '000_dbd715e2f98fffeb.md'), 'Another article with the same id. Kerry said "no".\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'badfront.txt'), '---\ntitle: [unclosed\n---\nText.\n');
  return dir;
}

describe('loadCorpusOnPool', () => {
  it('reads the same corpus on worker threads as on one thread: articles, order and warnings', async () => {
    const dir = mixedCorpus();
    try {
      const one = loadCorpus(dir);
      const pooled = await loadCorpusOnPool(dir, { threads: 2 });
      expect(pooled.warnings).toEqual(one.warnings);
      expect(pooled.articles.map((a) => a.id)).toEqual(one.articles.map((a) => a.id));
      expect(pooled.articles).toEqual(one.articles);
      // The .md sorts first and takes the id; the copy of 001 comes after it and is left out.
      expect(one.warnings.map((w) => w.file).sort()).toEqual(['000_dbd715e2f98fffeb.txt', 'badfront.txt', 'empty.txt', 'zz_copy.txt']);
      expect(one.articles.length).toBeGreaterThan(25);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives each admitted article to keep, in order, and reports progress to the end', async () => {
    const dir = mixedCorpus();
    try {
      const kept: string[] = [];
      const progress: number[] = [];
      const pooled = await loadCorpusOnPool(dir, {
        threads: 2,
        keep: (a) => {
          kept.push(a.id);
          return a;
        },
        onProgress: (done, total) => progress.push(done / total),
      });
      expect(kept).toEqual(pooled.articles.map((a) => a.id));
      expect(progress.at(-1)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
