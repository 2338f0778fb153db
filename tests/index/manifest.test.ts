/**
 * The manifest of a live index as a checkpoint and a journal (`src/index/manifest.ts`): each save appends what
 * changed; a line cut short or damaged, and every line after it, is not read; lines a checkpoint already holds
 * are skipped; a journal read is folded into a checkpoint.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FileEntry, JOURNAL, MANIFEST, MANIFEST_FORMAT, type Manifest, ManifestStore } from '../../src/index/manifest.ts';

const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-manifest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const folder = (): string => join(scratch, `m${(n += 1)}`);

/** One entry object per file, as the live index keeps an entry while its file is unchanged. */
const entries = new Map<string, FileEntry>();
const entry = (id: string): FileEntry => {
  const known = entries.get(id) ?? { kind: 'text', id, digest: `d-${id}`, outcome: 'article' };
  entries.set(id, known);
  return known;
};
/** A manifest of these files, with one segment named after the count. */
const manifest = (names: string[], next = names.length): Manifest => ({
  format: MANIFEST_FORMAT,
  code: 'code',
  next,
  bases: 1,
  segments: [{ file: `seg-${next}.qdseg`, deleted: [] }],
  skipped: [],
  files: new Map(names.map((name) => [name, entry(name)])),
});
const plain = (m: Manifest | null) => m && { ...m, files: Object.fromEntries(m.files) };

describe('ManifestStore', () => {
  it('saves a checkpoint first, then one journal line a save with only what changed, and reads them back', () => {
    const dir = folder();
    const store = new ManifestStore(dir);
    store.save(manifest(['a.txt', 'b.txt']));
    expect(store.journalBytes()).toBe(0);
    const saved = manifest(['a.txt', 'b.txt', 'c.txt']);
    store.save(saved);
    const line = readFileSync(join(dir, JOURNAL), 'utf8');
    expect(line).toMatch(/^[0-9a-f]{8} \{.*"files":\{"c\.txt":\{[^}]*\}\}\}\n$/);
    const gone = manifest(['a.txt', 'c.txt'], 4);
    store.save(gone);
    expect(readFileSync(join(dir, JOURNAL), 'utf8').split('\n')[1]).toContain('"files":{"b.txt":null}');
    expect(plain(new ManifestStore(dir).read())).toEqual(plain(gone));
  });

  it('stops at a line cut short or damaged, skips lines the checkpoint holds, and folds the journal into a checkpoint', () => {
    const dir = folder();
    const store = new ManifestStore(dir);
    store.save(manifest([]));
    store.save(manifest(['a.txt']));
    store.save(manifest(['a.txt', 'b.txt']));
    const journal = readFileSync(join(dir, JOURNAL), 'utf8');
    const [first] = journal.split('\n');
    // Cut short inside the second line: the state after the first save.
    truncateSync(join(dir, JOURNAL), journal.length - 5);
    expect(plain(new ManifestStore(dir).read())).toEqual(plain(manifest(['a.txt'])));
    // A damaged line (one letter changed), and a good-looking line after it: neither is read.
    writeFileSync(join(dir, JOURNAL), `${first?.replace('a.txt', 'x.txt')}\n${journal.split('\n')[1]}\n`);
    expect(plain(new ManifestStore(dir).read())).toEqual(plain(manifest([])));
    // Lines the checkpoint already holds (a kill before the journal was emptied) are skipped.
    writeFileSync(join(dir, JOURNAL), journal);
    const reader = new ManifestStore(dir);
    const read = reader.read() as Manifest;
    reader.compact(read);
    expect(reader.journalBytes()).toBe(0);
    appendFileSync(join(dir, JOURNAL), journal);
    expect(plain(new ManifestStore(dir).read())).toEqual(plain(manifest(['a.txt', 'b.txt'])));
    expect(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')).seq).toBe(2);
  });

  it('writes a checkpoint when the journal has grown past an eighth of it, and after a save that failed', () => {
    const dir = folder();
    const store = new ManifestStore(dir);
    const many = Array.from({ length: 200 }, (_, i) => `file-${i}.txt`);
    store.save(manifest(many));
    let checkpoints = 0;
    for (let i = 0; i < 2000; i += 1) {
      const before = store.journalBytes();
      store.save(manifest([...many, `new-${i}.txt`]));
      if (store.journalBytes() < before) checkpoints += 1;
    }
    expect(checkpoints).toBeGreaterThan(0);
    expect(store.journalBytes()).toBeLessThan(64 * 1024 + 1000);
    rmSync(dir, { recursive: true, force: true });
    // The folder gone: the save fails, and the next one (the folder back) writes a checkpoint.
    writeFileSync(join(scratch, `blocker${n}`), '');
    expect(() => new ManifestStore(join(scratch, `blocker${n}`, 'x')).save(manifest(['a.txt']))).toThrow();
    const again = new ManifestStore(dir);
    again.save(manifest(['a.txt']));
    expect(plain(new ManifestStore(dir).read())).toEqual(plain(manifest(['a.txt'])));
  });
});
