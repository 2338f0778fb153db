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

/** A corpus file read and decoded, ready to ingest; or the reason it cannot be an article. */
export type Candidate =
  { kind: 'text'; name: string; id: string; text: string; digest: string } | { kind: 'refused'; name: string; warning: CorpusWarning };

export type TextCandidate = Extract<Candidate, { kind: 'text' }>;

/** Reads and decodes one corpus file; null when it was deleted since the folder was listed (nothing to say). */
export function readCandidate(file: string): Candidate | null {
  const name = basename(file);
  const read = readCorpusFile(file);
  if (read.kind === 'gone') return null;
  const refuse = (reason: string): Candidate => ({ kind: 'refused', name, warning: { file: name, reason } });
  if (read.kind === 'unreadable') return refuse(`cannot be read (${read.code})`);
  if (read.kind === 'too large')
    return refuse(`too large (${(read.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
  const decoded = decodeArticleFile(read.bytes);
  if ('reason' in decoded) return refuse(decoded.reason);
  const digest = createHash('sha256')
    .update(decoded.text.replace(/^\uFEFF/, ''))
    .digest('hex');
  return { kind: 'text', name, id: basename(name, extname(name)), text: decoded.text, digest };
}

/** What ingesting a file gave: its article, or the warning that leaves it out. Plain data, so a worker can send it. */
export type Ingested = { article: Article } | { warning: CorpusWarning };

/** Ingests a decoded file (cleaning, paragraphs, quotes, dates), catching what the ingest throws as a warning. */
export function ingestCandidate(name: string, id: string, text: string): Ingested {
  try {
    const article = ingestArticle(id, name, text);
    if (article.paragraphs.length === 0)
      return { warning: { file: name, reason: 'no article text found (every block looked like page clutter)' } };
    return { article };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Bad front matter is the file's fault and stays so; anything else is the ingest's own failure.
    return { warning: error instanceof FrontMatterError ? { file: name, reason } : { file: name, reason, ingestFailed: true } };
  }
}

/**
 * The corpus as files are admitted in order: the first file of an article id and of a text is the one kept,
 * later ones are left out with a warning naming it (a file that failed to ingest claims neither).
 */
export class Admissions {
  readonly articles: Article[] = [];
  readonly warnings: CorpusWarning[] = [];
  private readonly seenIds = new Map<string, string>();
  private readonly seenContent = new Map<string, string>();

  constructor(private readonly keep: (article: Article) => Article) {}

  /** The warning that leaves a candidate out before it is ingested (a duplicate), or null when it is to be ingested. */
  refusal(c: Candidate): CorpusWarning | null {
    if (c.kind === 'refused') return c.warning;
    const other = this.seenIds.get(c.id);
    if (other) return { file: c.name, reason: `same article id "${c.id}" as ${other}; this one is left out` };
    const twin = this.seenContent.get(c.digest);
    if (twin) return { file: c.name, reason: `same text as ${twin}; this one is left out` };
    return null;
  }

  /** Admits a candidate with what its ingest gave (`ingest` is called only when it is not refused). */
  admit(c: Candidate, ingest: (c: TextCandidate) => Ingested): void {
    const refused = this.refusal(c);
    if (refused !== null || c.kind !== 'text') {
      if (refused) this.warnings.push(refused);
      return;
    }
    const ingested = ingest(c);
    if ('warning' in ingested) {
      this.warnings.push(ingested.warning);
      return;
    }
    this.seenIds.set(c.id, c.name);
    this.seenContent.set(c.digest, c.name);
    this.articles.push(this.keep(ingested.article));
  }
}

/**
 * Reads every `.txt` and `.md` file of the folder into articles. A file that cannot be an article is left
 * out with a warning naming it and the reason; the others still load. `keep` is given each article as it
 * is read and returns what to keep of it (the index file's writer keeps its details on disk). One thread; see
 * `loadCorpusOnPool` (pool.ts) for the same on every core.
 */
export function loadCorpus(
  dir: string,
  onProgress?: (done: number, total: number) => void,
  keep: (article: Article) => Article = (article) => article,
): Corpus {
  const { files, skipped } = listCorpusFiles(dir);
  const admissions = new Admissions(keep);
  admissions.warnings.push(...skipped);
  for (const [n, file] of files.entries()) {
    if (onProgress && n % 100 === 0) onProgress(n, files.length);
    const c = readCandidate(file);
    if (c) admissions.admit(c, (t) => ingestCandidate(t.name, t.id, t.text));
  }
  onProgress?.(files.length, files.length);
  return { dir, articles: admissions.articles, warnings: admissions.warnings };
}
