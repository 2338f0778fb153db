import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheFileFor, loadIndexedCorpus } from '../src/index/cache.ts';
import { runLine } from '../src/router/router.ts';
import { contextOf, tempCorpus } from './helpers.ts';

const A = '---\noutlet: Wire\n---\nKerry met Putin in Moscow to discuss Syria.\n\nLavrov said the talks on Syria went well.\n';
const B = 'Press TV reported that the ceasefire talks in Geneva stalled.\n';
const noBug = (e: unknown): never => {
  throw e;
};

describe('the saved index', () => {
  it('is written on the first start and read on the next, with the same answers', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    const first = await loadIndexedCorpus(dir, { cacheDir });
    expect(first.source).toEqual({ kind: 'built', reason: 'no saved index yet' });
    expect(existsSync(cacheFileFor(cacheDir, dir))).toBe(true);
    const second = await loadIndexedCorpus(dir, { cacheDir });
    expect(second.source.kind).toBe('cache');
    for (const q of ['/search syria', '/search "talks on syria"', '/search lavrov', '/search kery', '/sources']) {
      expect(runLine(contextOf(second), q, noBug)).toEqual(runLine(contextOf(first), q, noBug));
    }
  });

  it('is rebuilt when a file is changed, added or removed', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    writeFileSync(join(dir, 'b.txt'), B);
    const added = await loadIndexedCorpus(dir, { cacheDir });
    expect(added.source).toEqual({ kind: 'built', reason: 'the corpus or the code changed since the index was saved' });
    expect(added.articles.map((a) => a.id)).toEqual(['a', 'b']);

    rmSync(join(dir, 'b.txt'));
    const removed = await loadIndexedCorpus(dir, { cacheDir });
    expect(removed.source.kind).toBe('built');
    expect(removed.articles.map((a) => a.id)).toEqual(['a']);

    writeFileSync(join(dir, 'a.txt'), A.replace('Moscow', 'Sochi'));
    utimesSync(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const changed = await loadIndexedCorpus(dir, { cacheDir });
    expect(changed.source.kind).toBe('built');
    expect(runLine(contextOf(changed), '/search sochi', noBug).results).toHaveLength(1);
  });

  it('ignores a corrupt cache file, says so, and rebuilds it', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    const file = cacheFileFor(cacheDir, dir);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    const problems: string[] = [];
    const again = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
    expect(again.source).toEqual({ kind: 'built', reason: 'the saved index could not be read' });
    expect(problems[0]).toMatch(/^ignoring the saved index/);
    expect((await loadIndexedCorpus(dir, { cacheDir })).source.kind).toBe('cache');
  });
});

describe('a rebuild that fails', () => {
  it('leaves the last good index serving, and says so', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    writeFileSync(join(dir, 'b.txt'), B);
    // A bug in ingest, simulated: the corpus loader throws.
    const load = await import('../src/corpus/load.ts');
    const spy = vi.spyOn(load, 'loadCorpus').mockImplementation(() => {
      throw new Error('simulated ingest bug');
    });
    const problems: string[] = [];
    try {
      const served = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
      expect(served.source.kind).toBe('cache');
      expect(served.articles.map((a) => a.id)).toEqual(['a']);
      expect(problems[0]).toMatch(/rebuilding the index failed \(simulated ingest bug\); serving the last good index/);
    } finally {
      spy.mockRestore();
    }
  });

  it('never leaves a half-written cache file behind (written to a temporary file, then renamed)', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
