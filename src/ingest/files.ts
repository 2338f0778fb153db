import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

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

/**
 * The article files of a corpus folder, sorted by name, and the entries with an article's extension that
 * are not files. A file deleted while the folder is listed is left out. Throws `CorpusError` when the
 * folder itself cannot be read.
 */
export function listCorpusFiles(dir: string): { files: string[]; skipped: SkippedEntry[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = codeOf(error);
    throw new CorpusError(
      `cannot read the corpus folder ${dir}: ${code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : code}`,
    );
  }
  const files: string[] = [];
  const skipped: SkippedEntry[] = [];
  for (const name of names.sort()) {
    if (!ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase()) || name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) files.push(path);
      else skipped.push({ file: name, reason: 'not a file (a folder or a device)' });
    } catch (error) {
      if (!isGone(error, path)) skipped.push({ file: name, reason: `cannot be read (${codeOf(error)}; a broken link?)` });
    }
  }
  return { files, skipped };
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
