/**
 * The manifest of a live index (see `liveIndex.ts`): which segment files hold the corpus, their deletion marks,
 * and what is known of each corpus file. Saved as a checkpoint (`manifest.json`, replaced atomically) and a
 * journal of the changes since (`manifest.log`, one line appended and synced per save): at 100,000 files the
 * checkpoint is 14 MB, and writing it whole at every update cost a few hundred milliseconds, while an update
 * changes a few entries.
 *
 * Crash safety: a save is durable once its line is synced. A line is its checksum and its JSON; a kill while
 * one is appended leaves a line that is cut short or does not match its checksum, and reading stops before it
 * (the state before that save). Each line carries a number one above the last; the checkpoint says the last it
 * holds, so lines it already holds are skipped (a kill between writing a checkpoint and emptying the journal).
 * Reading a journal writes a checkpoint and empties the journal, so nothing is ever appended after a bad line;
 * so does a save after one that failed.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import type { CorpusWarning } from '../ingest/corpus.ts';

/** Bump when the manifest's shape changes. */
export const MANIFEST_FORMAT = 3;
export const MANIFEST = 'manifest.json';
export const JOURNAL = 'manifest.log';

/** What is known of one corpus file: its text's digest and id, and what ingesting it gave, once ingested. */
export type FileEntry =
  { kind: 'text'; id: string; digest: string; outcome: 'article' | CorpusWarning | null } | { kind: 'refused'; warning: CorpusWarning };

/** Everything but the files: small, saved whole in every line. */
export interface ManifestHead {
  format: number;
  code: string;
  /** The next segment's number. */
  next: number;
  /** How many of the first segments make up the base (see `LiveIndex`). */
  bases: number;
  /** Segment files, the base first; `deleted`: files of their articles marked deleted. */
  segments: Array<{ file: string; deleted: string[] }>;
  /** Entries of the folder that are not files (see `listCorpusFiles`). */
  skipped: CorpusWarning[];
}

export interface Manifest extends ManifestHead {
  files: Map<string, FileEntry>;
}

/** A checkpoint as saved: the head, the files, and the number of the last journal line it holds. */
interface Checkpoint extends ManifestHead {
  seq: number;
  files: Record<string, FileEntry>;
}

/** A journal line: the head, and the files' entries changed since the line before (null: no longer known). */
interface Line extends ManifestHead {
  seq: number;
  files: Record<string, FileEntry | null>;
}

/** The journal may grow to an eighth of the checkpoint (and at least this) before a checkpoint is written. */
const MIN_JOURNAL_BYTES = 64 * 1024;

/** Each file entry as JSON, made once per entry (an entry is replaced, never changed). */
const entryJson = new WeakMap<FileEntry, string>();

/** `JSON.stringify(Object.fromEntries(files))`, each entry's JSON kept from the last time. */
function filesJson(files: Iterable<[string, FileEntry | null]>): string {
  const parts: string[] = [];
  for (const [name, e] of files) {
    let json = e === null ? 'null' : entryJson.get(e);
    if (json === undefined) {
      json = JSON.stringify(e);
      entryJson.set(e as FileEntry, json);
    }
    parts.push(`${JSON.stringify(name)}:${json}`);
  }
  return `{${parts.join(',')}}`;
}

/** A journal line: the checksum of its JSON (8 hex digits), a space, the JSON, a new line. */
const lineOf = (json: string): string => `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;

/** The journal's lines up to the first that is cut short or damaged. */
function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) return lines;
    const line = text.slice(at, end);
    const json = line.slice(9);
    if (line[8] !== ' ' || crc32(json).toString(16).padStart(8, '0') !== line.slice(0, 8)) return lines;
    lines.push(JSON.parse(json) as Line);
    at = end + 1;
  }
}

/** Writes a file so that a crash leaves the old one or the new one: a temporary file, synced, renamed, the folder synced. */
export function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, Buffer.from(text));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  syncFolder(resolve(file, '..'));
}

function writeAll(fd: number, bytes: Buffer): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done);
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The manifest of one live index's folder: read once, then saved at every change. See the module comment. */
export class ManifestStore {
  /** The files' entries as last saved (the same objects), to find what a save changes. */
  #saved = new Map<string, FileEntry>();
  #seq = 0;
  #checkpointBytes = 0;
  #journalBytes = 0;
  /**
   * The next save writes a checkpoint: none was read or written yet, or a save failed (the journal may end in a
   * bad line), or a journal was read.
   */
  #broken = true;

  constructor(readonly folder: string) {}

  /**
   * The manifest saved in the folder (null when there is none; throws when it cannot be read). A journal read is
   * folded into a new checkpoint: call `compact` once the manifest is known to be usable.
   */
  read(): Manifest | null {
    let text: string;
    try {
      text = readFileSync(join(this.folder, MANIFEST), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const checkpoint = JSON.parse(text) as Checkpoint;
    const files = new Map(Object.entries(checkpoint.files));
    let head: ManifestHead = checkpoint;
    let seq = checkpoint.seq ?? 0;
    let journal = '';
    try {
      journal = readFileSync(join(this.folder, JOURNAL), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of readLines(journal)) {
      if (line.seq <= seq) continue;
      if (line.seq !== seq + 1) break;
      seq = line.seq;
      head = line;
      for (const [name, e] of Object.entries(line.files)) {
        if (e === null) files.delete(name);
        else files.set(name, e);
      }
    }
    this.#saved = new Map(files);
    this.#seq = seq;
    this.#checkpointBytes = text.length;
    this.#journalBytes = journal.length;
    this.#broken = journal.length > 0;
    const { format, code, next, bases, segments, skipped } = head;
    return { format, code, next, bases, segments, skipped, files };
  }

  /** After `read`: folds a journal into a new checkpoint (so no line is appended after a bad one). */
  compact(manifest: Manifest): void {
    if (this.#journalBytes > 0) this.#checkpoint(manifest);
  }

  /**
   * Saves the manifest: one journal line with what changed since the last save, or a checkpoint when the
   * journal has grown (or a save failed). Throws when it could not be saved (the state saved before stands).
   */
  save(manifest: Manifest): void {
    mkdirSync(this.folder, { recursive: true });
    if (this.#broken || this.#journalBytes > Math.max(MIN_JOURNAL_BYTES, this.#checkpointBytes / 8)) {
      this.#checkpoint(manifest);
      return;
    }
    const changed: Array<[string, FileEntry | null]> = [];
    for (const [name, e] of manifest.files) if (this.#saved.get(name) !== e) changed.push([name, e]);
    for (const name of this.#saved.keys()) if (!manifest.files.has(name)) changed.push([name, null]);
    const { format, code, next, bases, segments, skipped } = manifest;
    const head = JSON.stringify({ seq: this.#seq + 1, format, code, next, bases, segments, skipped });
    const line = lineOf(`${head.slice(0, -1)},"files":${filesJson(changed)}}`);
    try {
      const fd = openSync(join(this.folder, JOURNAL), 'a');
      try {
        writeAll(fd, Buffer.from(line));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // A new journal file must be in its folder to be found after a crash.
      if (this.#journalBytes === 0) syncFolder(this.folder);
    } catch (error) {
      this.#broken = true;
      throw error;
    }
    this.#seq += 1;
    this.#journalBytes += line.length;
    this.#saved = new Map(manifest.files);
  }

  /** Writes the whole manifest as the checkpoint (atomically), then empties the journal. */
  #checkpoint(manifest: Manifest): void {
    const { format, code, next, bases, segments, skipped } = manifest;
    const head = JSON.stringify({ format, code, next, bases, segments, skipped, seq: this.#seq });
    const text = `${head.slice(0, -1)},"files":${filesJson(manifest.files)}}`;
    try {
      writeAtomically(join(this.folder, MANIFEST), text);
      rmSync(join(this.folder, JOURNAL), { force: true });
    } catch (error) {
      this.#broken = true;
      throw error;
    }
    this.#checkpointBytes = text.length;
    this.#journalBytes = 0;
    this.#broken = false;
    this.#saved = new Map(manifest.files);
  }

  /** The journal's size now, in bytes (0 when empty or gone). For tests. */
  journalBytes(): number {
    try {
      return statSync(join(this.folder, JOURNAL)).size;
    } catch {
      return 0;
    }
  }
}
