import { type Dirent, closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

/** Files larger than this are not read: no news article is, and a stray dump would stall the start. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** A corpus entry that is not a readable article file (a folder, a broken link), and why. */
export interface SkippedEntry {
  file: string;
  reason: string;
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

/**
 * True when a path that failed with this error is simply gone: deleted since the folder was listed (a
 * corpus is edited while the bot runs). A broken link is not gone: the link is still there to report.
 */
function isGone(error: unknown, path: string): boolean {
  if (codeOf(error) !== 'ENOENT') return false;
  try {
    lstatSync(path);
    return false;
  } catch {
    return true;
  }
}

/** The error for a corpus folder that cannot be read. */
function folderError(dir: string, error: unknown): CorpusError {
  const code = codeOf(error);
  return new CorpusError(
    `cannot read the corpus folder ${dir}: ${code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : code}`,
  );
}

/** True for a name the corpus reads: a `.txt` or `.md` extension after at least one other character. */
export function isArticleName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && ARTICLE_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** What the type of an entry says (a `Dirent` of the listing, or the `lstat` of one name). */
interface EntryType {
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * How a corpus entry counts: 'file' (a file, or a link to one), skipped with the reason, or null when it is
 * gone. The one place that decides it, for the folder's listing and for entries named one by one.
 */
function classify(path: string, name: string, entry: EntryType): 'file' | SkippedEntry | null {
  if (entry.isFile()) return 'file';
  try {
    if (entry.isSymbolicLink() && statSync(path).isFile()) return 'file';
    return { file: name, reason: 'not a file (a folder or a device)' };
  } catch (error) {
    return isGone(error, path) ? null : { file: name, reason: `cannot be read (${codeOf(error)}; a broken link?)` };
  }
}

/**
 * The article files of a corpus folder, sorted by name, and the entries with an article's extension that
 * are not files. A file deleted while the folder is listed is left out. Throws `CorpusError` when the
 * folder itself cannot be read.
 */
export function listCorpusFiles(dir: string): { files: string[]; skipped: SkippedEntry[] } {
  let entries: Dirent[];
  try {
    // With their types, so that a plain file costs no stat (a link is followed, as before).
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw folderError(dir, error);
  }
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  // A name has no separator: the path is the folder's joined once, and the name (at 100,000 files, `join` and
  // `extname` for each took as long as listing the folder).
  const inDir = join(dir, 'x').slice(0, -1);
  for (const entry of entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    if (!isArticleName(entry.name)) continue;
    const kind = classify(inDir + entry.name, entry.name, entry);
    if (kind === 'file') files.push(inDir + entry.name);
    else if (kind !== null) skipped.push(kind);
  }
  return { files, skipped };
}

/**
 * What `listCorpusFiles` would say of these entries of the folder (names), without listing it: each one's
 * `lstat` instead of the folder's listing, which at 100,000 files costs most of a second. `gone`: the names that
 * are not there (or not articles' names). Throws `CorpusError` when the folder itself cannot be read.
 */
export function listNamedFiles(dir: string, names: readonly string[]): { files: string[]; skipped: SkippedEntry[]; gone: string[] } {
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw folderError(dir, error);
  }
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  const gone: string[] = [];
  const inDir = join(dir, 'x').slice(0, -1);
  for (const name of [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
    let type: EntryType;
    try {
      if (!isArticleName(name) || name.includes('/')) {
        gone.push(name);
        continue;
      }
      type = lstatSync(inDir + name);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') gone.push(name);
      else skipped.push({ file: name, reason: `cannot be read (${codeOf(error)})` });
      continue;
    }
    const kind = classify(inDir + name, name, type);
    if (kind === 'file') files.push(inDir + name);
    else if (kind === null) gone.push(name);
    else skipped.push(kind);
  }
  return { files, skipped, gone };
}

/** What reading one corpus file gave: its bytes, or why there are none. */
export type CorpusFileRead =
  | { kind: 'read'; bytes: Buffer }
  | { kind: 'too large'; size: number }
  /** Deleted since the folder was listed: not part of the corpus any more. */
  | { kind: 'gone' }
  | { kind: 'unreadable'; code: string };

/**
 * Reads one corpus file: the one way the corpus and the saved index's fingerprint read a file. Opened once
 * and read through the open file, so that a file deleted or replaced meanwhile is read whole or not at all
 * (never stat of one file and bytes of another); without blocking, so that a pipe named `.txt` cannot stall.
 */
export function readCorpusFile(path: string): CorpusFileRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return isGone(error, path) ? { kind: 'gone' } : { kind: 'unreadable', code: codeOf(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'unreadable', code: 'not a file' };
    if (stats.size > MAX_FILE_BYTES) return { kind: 'too large', size: stats.size };
    return { kind: 'read', bytes: readFileSync(fd) };
  } catch (error) {
    return { kind: 'unreadable', code: codeOf(error) };
  } finally {
    closeSync(fd);
  }
}
