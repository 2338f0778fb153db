import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** A corpus entry that is not a readable article file (a folder, a broken link), and why. */
export interface SkippedEntry {
  file: string;
  reason: string;
}

/**
 * The article files of a corpus folder, sorted by name, and the entries with an article's extension that
 * are not files. Throws `CorpusError` when the folder itself cannot be read.
 */
export function listCorpusFiles(dir: string): { files: string[]; skipped: SkippedEntry[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
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
      skipped.push({ file: name, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}; a broken link?)` });
    }
  }
  return { files, skipped };
}
