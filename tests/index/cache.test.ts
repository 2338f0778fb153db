import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../src/cli/progress.ts';
import { forgetReadDetails, mentionAt, mentionsIn, ownTypedArrays, quoteAt } from '../../src/index/articleStore.ts';
import { cacheFileFor, loadIndexedCorpus } from '../../src/index/cache.ts';
import { runLine } from '../../src/router/router.ts';
import { CORPUS_DIR, contextOf, seedCorpus, tempCorpus } from '../support/helpers.ts';

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
    const load = await import('../../src/ingest/corpus.ts');
    const spy = vi.spyOn(load, 'loadCorpus').mockImplementation(() => {
      throw new Error('simulated ingest bug');
    });
    const problems: string[] = [];
    try {
      const served = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
      expect(served.source.kind).toBe('cache');
      expect(served.articles.map((a) => a.id)).toEqual(['a']);
      expect(problems[0]).toMatch(/rebuilding the index failed \(simulated ingest bug\); serving the last good index/);
      // The half-written new file is gone.
      const { readdirSync } = await import('node:fs');
      expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
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

describe('the index file', () => {
  it('gives the same answers as the articles held in memory, and the same details', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    const stored = await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    expect(stored.source.kind).toBe('cache');
    const lines = [
      '/search kerry',
      '/search "regime change"',
      '/who-said regime change',
      '/when kerry moscow',
      '/timeline',
      '/timeline geneva',
      '/quotes lavrov',
      '/speakers',
      '/sources',
    ];
    for (const q of lines) expect(runLine(contextOf(stored), q, noBug), q).toEqual(runLine(contextOf(seedCorpus()), q, noBug));
    // Every detail reads back as it was ingested.
    expect(stored.articles).toHaveLength(seedCorpus().articles.length);
    seedCorpus().articles.forEach((a, i) => {
      const b = stored.articles[i] as (typeof stored.articles)[number];
      expect(b.quotes).toEqual(a.quotes);
      expect(b.events).toEqual(a.events);
      expect(b.setAside).toEqual(a.setAside);
      expect(b.paragraphs.map((p) => p.sentences)).toEqual(a.paragraphs.map((p) => p.sentences));
    });
  });

  it("reads one quote, one dated mention or one paragraph's mentions alone, as the lists have them", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    const stored = await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    expect(stored.source.kind).toBe('cache');
    const held = seedCorpus().articles;
    expect(held.some((a) => a.quotes.length > 1 && a.events.length > 1)).toBe(true);
    stored.articles.forEach((b, i) => {
      const a = held[i] as (typeof held)[number];
      forgetReadDetails();
      // Read alone first (nothing of the article read before), then the whole lists: the same objects.
      const quotes = a.quotes.map((_, k) => quoteAt(b, k));
      const mentions = a.events.map((_, k) => mentionAt(b, k));
      expect(quotes).toEqual(a.quotes);
      expect(mentions).toEqual(a.events);
      expect(quoteAt(b, a.quotes.length)).toBeUndefined();
      b.quotes.forEach((q, k) => expect(q).toBe(quotes[k]));
      b.events.forEach((e, k) => expect(e).toBe(mentions[k]));
      forgetReadDetails();
      a.paragraphs.forEach((p) => expect(mentionsIn(b, p.index)).toEqual(mentionsIn(a, p.index)));
      expect(a.paragraphs.map((p) => mentionsIn(a, p.index).length).reduce((x, y) => x + y, 0)).toBe(
        a.events.filter((e) => e.paragraph !== null).length,
      );
    });
  });

  it('keeps reading its own details after a newer index is renamed over it', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    const old = await loadIndexedCorpus(dir, { cacheDir });
    writeFileSync(join(dir, 'b.txt'), B);
    const rebuilt = await loadIndexedCorpus(dir, { cacheDir });
    expect(rebuilt.source.kind).toBe('built');
    expect(old.articles[0]?.quotes.map((q) => q.text)).toEqual(['the talks on Syria went well']);
    expect(rebuilt.articles[1]?.quotes.map((q) => q.text)).toEqual(['the ceasefire talks in Geneva stalled']);
  });

  it("keeps none of the header's bytes once read: its typed arrays are copies, not views of them", () => {
    const header = {
      postings: [{ docs: Uint32Array.of(1, 2, 3), flags: Uint8Array.of(1, 0, 4) }],
      offsets: Float64Array.of(8, 16),
      words: ['a'],
    };
    // Read as openIndexFile reads it: into bytes of their own.
    const bytes = Buffer.from(Uint8Array.from(serialize(header)));
    const read = deserialize(bytes) as typeof header;
    const arrays = (h: typeof header) => [h.postings[0]?.docs, h.postings[0]?.flags, h.offsets];
    // What v8 gives: views of the bytes read where they are aligned (a byte array always is).
    expect(arrays(read).filter((a) => a?.buffer === bytes.buffer).length).toBeGreaterThan(0);
    const own = ownTypedArrays(read, bytes.buffer) as typeof header;
    expect(arrays(own).filter((a) => a?.buffer === bytes.buffer)).toEqual([]);
    expect(own).toEqual(header);
  });

  it('rejects a file cut short, and rebuilds', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    const file = cacheFileFor(cacheDir, dir);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    const problems: string[] = [];
    const again = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
    expect(again.source).toEqual({ kind: 'built', reason: 'the saved index could not be read' });
    expect(problems).toEqual([`ignoring the saved index ${file}: not a Quotedesk index file (no trailer)`]);
  });
});

describe('a damaged index file', () => {
  /** An index file of the one-article corpus A, and a function to flip a byte of it. */
  async function indexed(): Promise<{ dir: string; cacheDir: string; file: string; flip: (at: number) => void }> {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    await loadIndexedCorpus(dir, { cacheDir });
    const file = cacheFileFor(cacheDir, dir);
    const flip = (at: number): void => {
      const bytes = readFileSync(file);
      const i = at < 0 ? bytes.length + at : at;
      bytes[i] = (bytes[i] as number) ^ 0xff;
      writeFileSync(file, bytes);
    };
    return { dir, cacheDir, file, flip };
  }

  it('is refused when its header was altered, and rebuilt', async () => {
    const { dir, cacheDir, file, flip } = await indexed();
    flip(-100);
    const problems: string[] = [];
    const again = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
    expect(again.source).toEqual({ kind: 'built', reason: 'the saved index could not be read' });
    expect(problems).toEqual([`ignoring the saved index ${file}: the index file is damaged (the header does not match its checksum)`]);
  });

  it("never reads an altered article's details as text: the command fails, says why, and the file goes", async () => {
    const { dir, cacheDir, file, flip } = await indexed();
    flip(20);
    const problems: string[] = [];
    const served = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
    expect(served.source.kind).toBe('cache');
    expect(served.articles[0]?.quotes.map((q) => q.text)).toEqual(['the talks on Syria went well']);
    expect(() => served.articles[0]?.paragraphs[0]?.sentences).toThrow(
      "the index file is damaged: article 0's details cannot be read (they do not match their checksum)",
    );
    expect(problems).toEqual([
      "the index file is damaged: article 0's details cannot be read (they do not match their checksum); it is removed, and the next start rebuilds it",
    ]);
    expect(existsSync(file)).toBe(false);
    expect((await loadIndexedCorpus(dir, { cacheDir })).source.kind).toBe('built');
  });

  it('is refused when a saved index (a section of its own) was altered, and rebuilt', async () => {
    const { dir, cacheDir, file, flip } = await indexed();
    const bytes = readFileSync(file);
    const headerAt = bytes.readDoubleLE(bytes.length - 32);
    const header = deserialize(bytes.subarray(headerAt, bytes.length - 32)) as { sections: Record<string, [number, number, number]> };
    expect(Object.keys(header.sections)).toEqual(['index', 'quotes', 'events']);
    const [at, length] = header.sections.quotes as [number, number, number];
    expect(at + length).toBeLessThanOrEqual(headerAt);
    flip(at + Math.floor(length / 2));
    const problems: string[] = [];
    const again = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: (m) => problems.push(m) });
    expect(again.source).toEqual({ kind: 'built', reason: 'the saved index could not be read' });
    expect(problems).toEqual([`ignoring the saved index ${file}: the index file is damaged (section quotes does not match its checksum)`]);
    expect(again.articles[0]?.quotes.map((q) => q.text)).toEqual(['the talks on Syria went well']);
  });

  it('keeps paragraph texts out of the header, read from the file and checked like every detail', async () => {
    const { dir, cacheDir, file, flip } = await indexed();
    const bytes = readFileSync(file);
    // The trailer's first field is where the header starts.
    const headerAt = bytes.readDoubleLE(bytes.length - 32);
    const text = Buffer.from('Kerry met Putin in Moscow');
    expect(bytes.subarray(headerAt).includes(text)).toBe(false);
    // The article's paragraphs' texts (its last part but one; the saved indexes follow, then the header).
    flip(bytes.subarray(0, headerAt).lastIndexOf(text) + 3);
    const served = await loadIndexedCorpus(dir, { cacheDir, onCacheProblem: () => {} });
    expect(served.source.kind).toBe('cache');
    expect(served.articles[0]?.paragraphs[0]?.sentences.map((s) => s.text)).toEqual(['Kerry met Putin in Moscow to discuss Syria.']);
    expect(() => served.articles[0]?.paragraphs[0]?.text).toThrow(
      "the index file is damaged: article 0's details cannot be read (they do not match their checksum)",
    );
  });

  it('leaves no temporary file of a build whose process is gone', async () => {
    const { dir, cacheDir, file } = await indexed();
    const stale = `${file}.2147483646.tmp`;
    writeFileSync(stale, 'half an index');
    writeFileSync(join(dir, 'b.txt'), B);
    await loadIndexedCorpus(dir, { cacheDir });
    expect(existsSync(stale)).toBe(false);
  });
});

describe('progress while building', () => {
  it('reports reading the corpus, then building the indexes, each to its end', async () => {
    const dir = tempCorpus({ 'a.txt': A, 'b.txt': B });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    const seen: string[] = [];
    await loadIndexedCorpus(dir, { cacheDir, onProgress: (stage, done, total) => seen.push(`${stage} ${done}/${total}`) });
    expect(seen.at(-1)).toBe('building the indexes 3/3');
    expect(seen).toContain('reading the corpus 2/2');
    expect(seen.indexOf('reading the corpus 2/2')).toBeLessThan(seen.indexOf('building the indexes 0/3'));
    seen.length = 0;
    await loadIndexedCorpus(dir, { cacheDir, onProgress: (stage, done, total) => seen.push(`${stage} ${done}/${total}`) });
    expect(seen).toEqual([]);
  });

  it('draws a bar only on a terminal', () => {
    const written: string[] = [];
    const tty = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const draw = progressBar(tty);
    draw?.('reading the corpus', 1, 2);
    draw?.('reading the corpus', 2, 2);
    expect(written.join('')).toBe(
      `\rreading the corpus     [${'#'.repeat(15)}${'.'.repeat(15)}] 1/2\rreading the corpus     [${'#'.repeat(30)}] 2/2\n`,
    );
    expect(progressBar({ isTTY: false } as unknown as NodeJS.WriteStream)).toBeUndefined();
  });
});

describe('an index saved by an earlier version', () => {
  it('is not read, and is removed when the new index file is built', async () => {
    const dir = tempCorpus({ 'a.txt': A });
    const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cache-'));
    const old = cacheFileFor(cacheDir, dir).replace(/\.qdix$/, '.v8');
    writeFileSync(old, 'an index in the old format');
    const built = await loadIndexedCorpus(dir, { cacheDir });
    expect(built.source).toEqual({ kind: 'built', reason: 'no saved index yet' });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(cacheFileFor(cacheDir, dir))).toBe(true);
  });
});
