/**
 * Corpus files that change under the program: deleted while the corpus is listed and read, made unreadable
 * and readable again, or rewritten without a change of size or modification time. The file system is
 * wrapped (not raced): a test says which file fails or vanishes at which access.
 */
import type * as NodeFs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadIndexedCorpus } from '../../src/index/cache.ts';
import { tempCorpus } from '../support/helpers.ts';

const fault = vi.hoisted(() => ({
  /** The file to act on, and the access (counted from 1: any call that names it, or the listing of its folder) to delete it before. */
  vanish: { path: '', at: 0, seen: 0 },
  /** Files that cannot be opened or read (as after chmod 000; the tests run as root, where chmod does not stop reads). */
  unreadable: new Set<string>(),
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const { dirname } = await import('node:path');
  const touch = (path: unknown): void => {
    const v = fault.vanish;
    if (v.path !== '' && path === v.path && ++v.seen === v.at) fs.rmSync(v.path);
  };
  const denied = (path: unknown): void => {
    if (fault.unreadable.has(String(path)))
      throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
  };
  const named =
    <A extends unknown[], R>(fn: (...args: A) => R, read = false) =>
    (...args: A): R => {
      touch(args[0]);
      if (read) denied(args[0]);
      return fn(...args);
    };
  const wrapped = {
    ...fs,
    statSync: named(fs.statSync),
    lstatSync: named(fs.lstatSync),
    existsSync: named(fs.existsSync),
    openSync: named(fs.openSync, true),
    readFileSync: named(fs.readFileSync, true),
    readdirSync: ((...args: Parameters<typeof fs.readdirSync>) => {
      const names = fs.readdirSync(...args);
      // Listing the folder counts as an access of the file: deleted right after, it is listed but gone.
      if (fault.vanish.path !== '' && args[0] === dirname(fault.vanish.path)) touch(fault.vanish.path);
      return names;
    }) as typeof fs.readdirSync,
  };
  return { ...wrapped, default: wrapped };
});

const A = 'Kerry met Putin in Moscow to discuss Syria.\n\nLavrov said the talks on Syria went well.\n';
const B = 'Press TV reported that the ceasefire talks in Geneva stalled.\n';
const cache = (): string => mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));

describe('a corpus file that vanishes while the corpus is listed and read', () => {
  /** How many times a start names b.txt (or lists its folder) when nothing goes wrong. */
  function accessesOfAStart(): Promise<number> {
    const dir = tempCorpus({ 'a.txt': A, 'b.txt': B });
    fault.vanish = { path: join(dir, 'b.txt'), at: -1, seen: 0 };
    return loadIndexedCorpus(dir, { cacheDir: cache() }).then(() => fault.vanish.seen);
  }

  it('is skipped, whichever access it vanishes before: listing, fingerprint or reading; the rest loads', async () => {
    const accesses = await accessesOfAStart();
    // Listed twice (the fingerprint's and the build's listing), examined and read: a start names it several times.
    expect(accesses).toBeGreaterThanOrEqual(4);
    for (let at = 1; at <= accesses; at++) {
      const dir = tempCorpus({ 'a.txt': A, 'b.txt': B });
      fault.vanish = { path: join(dir, 'b.txt'), at, seen: 0 };
      const corpus = await loadIndexedCorpus(dir, { cacheDir: cache() }).catch((error: unknown) => String(error));
      expect(existsSync(join(dir, 'b.txt')), `vanished before access ${at}`).toBe(false);
      expect(typeof corpus === 'string' ? corpus : corpus.articles.map((a) => a.id), `vanished before access ${at}`).toEqual(['a']);
      expect(typeof corpus === 'string' ? corpus : corpus.warnings, `vanished before access ${at}`).toEqual([]);
    }
    fault.vanish = { path: '', at: 0, seen: 0 };
  });
});

describe('the saved index does not trust size and modification time alone', () => {
  it('picks up a file made unreadable and then readable again (same size, same time)', async () => {
    const dir = tempCorpus({ 'a.txt': A, 'b.txt': B });
    const b = join(dir, 'b.txt');
    const cacheDir = cache();
    fault.unreadable.add(b);
    const first = await loadIndexedCorpus(dir, { cacheDir });
    expect(first.articles.map((a) => a.id)).toEqual(['a']);
    expect(first.warnings).toEqual([{ file: 'b.txt', reason: 'cannot be read (EACCES)' }]);
    fault.unreadable.delete(b);
    const again = await loadIndexedCorpus(dir, { cacheDir });
    expect(again.source.kind).toBe('built');
    expect(again.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(again.warnings).toEqual([]);
  });

  it('rebuilds when a file is rewritten with the same size and modification time', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const a = join(dir, 'a.txt');
    const cacheDir = cache();
    await loadIndexedCorpus(dir, { cacheDir });
    const when = new Date('2020-01-01T00:00:00Z');
    utimesSync(a, when, when);
    await loadIndexedCorpus(dir, { cacheDir });
    const text = readFileSync(a, 'utf8').replace('Moscow', 'Sochis');
    expect(text.length).toBe(A.length);
    writeFileSync(a, text);
    utimesSync(a, when, when);
    const changed = await loadIndexedCorpus(dir, { cacheDir });
    expect(changed.source.kind).toBe('built');
    expect(changed.articles[0]?.paragraphs[0]?.text).toContain('Sochis');
    expect(basename(changed.articles[0]?.file ?? '')).toBe('a.txt');
  });
});
