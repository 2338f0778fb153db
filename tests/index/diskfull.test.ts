import type * as FS from 'node:fs';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** How many more writes succeed before the disk is "full" (Infinity: never full). */
const disk = vi.hoisted(() => ({ writesLeft: Number.POSITIVE_INFINITY }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof FS>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.writesLeft <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    disk.writesLeft -= 1;
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { loadIndexedCorpus } = await import('../../src/index/cache.ts');
const { runLine } = await import('../../src/router/router.ts');
const { contextOf, tempCorpus } = await import('../support/helpers.ts');

const noBug = (e: unknown): never => {
  throw e;
};
const files = {
  'a.txt': '---\noutlet: Wire\n---\nKerry met Putin in Moscow to discuss Syria.\n\nLavrov said the talks on Syria went well.\n',
  'b.txt': 'Press TV reported that the ceasefire talks in Geneva stalled.\n',
  'c.txt': '---\noutlet: Post\npublished: 2015-12-16\n---\nOn Tuesday, Kerry said the talks in Moscow were useful.\n',
};

describe('a full disk while the index file is written', () => {
  afterEach(() => {
    disk.writesLeft = Number.POSITIVE_INFINITY;
  });

  it('answers as with room to spare, says the index was not saved, and leaves no file behind', async () => {
    const dir = tempCorpus(files);
    const roomy = await loadIndexedCorpus(dir, { cacheDir: mkdtempSync(join(tmpdir(), 'quotedesk-cache-')) });
    const lines = ['/search talks', '/who-said talks', '/when kerry moscow', '/timeline', '/quotes lavrov'];
    const expected = lines.map((l) => runLine(contextOf(roomy), l, noBug));
    // The magic, then three parts an article: full in the middle of the second article, and before the header.
    for (const writesLeft of [4, 5, 10]) {
      const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
      disk.writesLeft = writesLeft;
      const problems: string[] = [];
      const full = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
      disk.writesLeft = Number.POSITIVE_INFINITY;
      expect(full.source.kind, String(writesLeft)).toBe('built');
      expect(
        lines.map((l) => runLine(contextOf(full), l, noBug)),
        String(writesLeft),
      ).toEqual(expected);
      expect(problems, String(writesLeft)).toEqual([
        expect.stringMatching(/^could not save the index to .*: ENOSPC: no space left on device/),
      ]);
      expect(readdirSync(cacheDir), String(writesLeft)).toEqual([]);
    }
  });
});
