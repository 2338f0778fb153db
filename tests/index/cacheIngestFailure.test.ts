import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheFileFor, loadIndexedCorpus } from '../../src/index/cache.ts';
import type * as ArticleModule from '../../src/ingest/article.ts';
import { runLine } from '../../src/router/router.ts';
import { contextOf, tempCorpus } from '../support/helpers.ts';

// The ingest of one file throws, as when a dependency is missing from the install.
vi.mock('../../src/ingest/article.ts', async (original) => {
  const real = await original<typeof ArticleModule>();
  return {
    ...real,
    ingestArticle: (id: string, file: string, text: string) => {
      if (file === 'boom.txt') throw new Error("Cannot find module 'some-dependency'");
      return real.ingestArticle(id, file, text);
    },
  };
});

describe('the saved index after the ingest failed on a file', () => {
  it('is not saved, so the next start reads that file again; the other articles are served', async () => {
    const dir = tempCorpus({
      'a.txt': 'Kerry met Putin in Moscow to discuss Syria.\n\nLavrov said the talks went well.\n',
      'boom.txt': 'Press TV reported that the talks in Geneva stalled.\n',
    });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    const problems: string[] = [];
    const loaded = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (p: string) => problems.push(p) });
    expect(loaded.warnings).toEqual([expect.objectContaining({ file: 'boom.txt', ingestFailed: true })]);
    expect(existsSync(cacheFileFor(cacheDir, dir))).toBe(false);
    expect(problems.join('\n')).toMatch(/index is not saved/);
    const answer = runLine(contextOf(loaded), '/search moscow', (e) => {
      throw e;
    });
    expect(JSON.stringify(answer)).toContain('Kerry met Putin in Moscow');
  });
});
