import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { ingestArticle } from './article.ts';
import type { Article } from '../model/index.ts';
import { MAX_FILE_BYTES, listCorpusFiles, readCorpusFile } from './files.ts';
import { FrontMatterError } from './frontMatter.ts';

/** A corpus file that was not loaded, or loaded with a caveat, and why. */
export interface CorpusWarning {
  file: string;
  reason: string;
  /**
   * The ingest itself failed on this file (an exception: a bug, or a dependency missing from the install),
   * not the file being unusable: the next start should try again, so an index with such a warning is not saved.
   */
  ingestFailed?: true;
}

export interface Corpus {
  dir: string;
  articles: Article[];
  warnings: CorpusWarning[];
}

/** The encodings a byte-order mark names; UTF-32 is checked first, as its little-endian mark begins as UTF-16's. */
const MARKS: ReadonlyArray<{ mark: number[]; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | null; name: string }> = [
  { mark: [0xff, 0xfe, 0x00, 0x00], encoding: null, name: 'UTF-32 LE' },
  { mark: [0x00, 0x00, 0xfe, 0xff], encoding: null, name: 'UTF-32 BE' },
  { mark: [0xef, 0xbb, 0xbf], encoding: 'utf-8', name: 'UTF-8' },
  { mark: [0xff, 0xfe], encoding: 'utf-16le', name: 'UTF-16 LE' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be', name: 'UTF-16 BE' },
];

/** Why bytes without a byte-order mark are not UTF-8, in words: the first bad byte, and what the file looks like. */
function notUtf8(bytes: Buffer): string {
  const sample = bytes.subarray(0, 4096);
  const zeros = (from: number): number => sample.filter((b, i) => i % 2 === from && b === 0).length;
  if (sample.includes(0)) {
    // Text in UTF-16 has a NUL in every other byte (for Latin letters); a few NULs are just binary.
    const half = sample.length >= 32 ? sample.length / 2 : Infinity;
    if (zeros(1) > half * 0.3 && zeros(0) === 0)
      return 'binary file (it contains NUL bytes; it looks like UTF-16 LE without a byte-order mark: save it as UTF-8)';
    if (zeros(0) > half * 0.3 && zeros(1) === 0)
      return 'binary file (it contains NUL bytes; it looks like UTF-16 BE without a byte-order mark: save it as UTF-8)';
    return 'binary file (it contains NUL bytes)';
  }
  // The longest prefix that decodes, perhaps cut inside a character; then back to where that character starts.
  let at = 0;
  for (let lo = 0, hi = bytes.length; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (decodes(bytes.subarray(0, mid), true)) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (at > 0 && !decodes(bytes.subarray(0, at), false)) at -= 1;
  const bad = bytes[at] ?? 0;
  const guess = bad >= 0x80 && bad <= 0x9f ? 'Windows-1252' : 'Latin-1 or Windows-1252';
  return `not UTF-8 text: byte 0x${bad.toString(16).toUpperCase().padStart(2, '0')} at byte ${at} is not UTF-8 (it may be ${guess}; no encoding is guessed: save it as UTF-8)`;
}

/** True when the bytes are UTF-8 (with `partial`, or UTF-8 cut inside a character). */
function decodes(bytes: Buffer, partial: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a corpus file, or says in words why it cannot be an article. UTF-8, with or without a byte-order
 * mark, and UTF-16 LE or BE with one; anything else is refused with the reason (the first byte that is not
 * UTF-8, NUL bytes), never guessed. The mark is kept in the text, so that offsets count every character of
 * the file: in a UTF-16 file an offset is half the byte offset.
 */
export function decodeArticleFile(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'empty file' };
  const marked = MARKS.find((m) => m.mark.every((b, i) => bytes[i] === b));
  if (marked?.encoding === null) return { reason: `${marked.name} text (its byte-order mark says so): save it as UTF-8` };
  const encoding = marked?.encoding ?? 'utf-8';
  if (encoding === 'utf-8' && bytes.includes(0)) return { reason: notUtf8(bytes) };
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      reason: marked && encoding !== 'utf-8' ? `not valid ${marked.name} text, though its byte-order mark says so` : notUtf8(bytes),
    };
  }
  if (text.includes('\0')) return { reason: `binary file (it contains NUL characters${marked ? `, read as ${marked.name}` : ''})` };
  if (text.trim() === '') return { reason: 'empty file (only white space)' };
  return { text };
}

/**
 * Reads every `.txt` and `.md` file of the folder into articles. A file that cannot be an article is left
 * out with a warning naming it and the reason; the others still load. `keep` is given each article as it
 * is read and returns what to keep of it (the index file's writer keeps its details on disk).
 */
export function loadCorpus(
  dir: string,
  onProgress?: (done: number, total: number) => void,
  keep: (article: Article) => Article = (article) => article,
): Corpus {
  const articles: Article[] = [];
  const warnings: CorpusWarning[] = [];
  const seenIds = new Map<string, string>();
  const seenContent = new Map<string, string>();
  const { files, skipped } = listCorpusFiles(dir);
  warnings.push(...skipped);
  for (const [n, file] of files.entries()) {
    if (onProgress && n % 100 === 0) onProgress(n, files.length);
    const name = basename(file);
    const read = readCorpusFile(file);
    // A file deleted since the folder was listed is no longer part of the corpus: nothing to say.
    if (read.kind === 'gone') continue;
    if (read.kind === 'unreadable') {
      warnings.push({ file: name, reason: `cannot be read (${read.code})` });
      continue;
    }
    if (read.kind === 'too large') {
      warnings.push({
        file: name,
        reason: `too large (${(read.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`,
      });
      continue;
    }
    const decoded = decodeArticleFile(read.bytes);
    if ('reason' in decoded) {
      warnings.push({ file: name, reason: decoded.reason });
      continue;
    }
    const id = basename(name, extname(name));
    const other = seenIds.get(id);
    if (other) {
      warnings.push({ file: name, reason: `same article id "${id}" as ${other}; this one is left out` });
      continue;
    }
    const digest = createHash('sha256')
      .update(decoded.text.replace(/^\uFEFF/, ''))
      .digest('hex');
    const twin = seenContent.get(digest);
    if (twin) {
      warnings.push({ file: name, reason: `same text as ${twin}; this one is left out` });
      continue;
    }
    let article: Article;
    try {
      article = ingestArticle(id, name, decoded.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Bad front matter is the file's fault and stays so; anything else is the ingest's own failure.
      warnings.push(error instanceof FrontMatterError ? { file: name, reason } : { file: name, reason, ingestFailed: true });
      continue;
    }
    if (article.paragraphs.length === 0) {
      warnings.push({ file: name, reason: 'no article text found (every block looked like page clutter)' });
      continue;
    }
    seenIds.set(id, name);
    seenContent.set(digest, name);
    articles.push(keep(article));
  }
  onProgress?.(files.length, files.length);
  return { dir, articles, warnings };
}
