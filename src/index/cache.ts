import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The V8 format: no size limit of a JSON string (a million paragraphs outgrow it), and fast to read back.
import { deserialize, serialize } from 'node:v8';
import { CorpusError, listCorpusFiles } from '../corpus/files.ts';
import type { Corpus, CorpusWarning } from '../corpus/load.ts';
import type { Article } from '../ingest/types.ts';
import { ParagraphIndex } from './paragraphIndex.ts';
import { EventIndex } from './eventIndex.ts';
import { QuoteBook } from './quoteBook.ts';

/** Bump when the shape of the cache file changes. */
const CACHE_FORMAT = 3;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The code whose output the cache holds, as scripts/build.mjs hashes it: a change to any of it rebuilds. */
const CODE_DIRS = ['src', 'commands'];

export interface LoadedCorpus {
  dir: string;
  articles: Article[];
  warnings: CorpusWarning[];
  index: ParagraphIndex;
  quotes: QuoteBook;
  events: EventIndex;
  /** How the index came to be: read from the cache, or built (and why). */
  source: { kind: 'cache'; file: string } | { kind: 'built'; reason: string };
}

interface CacheFile {
  format: number;
  fingerprint: string;
  articles: Article[];
  warnings: CorpusWarning[];
  index: unknown;
  quotes: unknown;
  events: unknown;
}

let codeHash: string | undefined;
/**
 * The built bundle carries a hash of its sources (scripts/build.mjs); run from source (tsx, vitest), the
 * hash is taken of the files that shape the index.
 */
function codeFingerprint(): string {
  const built = (globalThis as { QUOTEDESK_CODE_VERSION?: string }).QUOTEDESK_CODE_VERSION;
  if (built) return built;
  if (codeHash) return codeHash;
  const h = createHash('sha256').update(String(CACHE_FORMAT));
  const walk = (dir: string): void => {
    for (const f of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, f.name);
      if (f.isDirectory()) walk(path);
      else h.update(f.name).update(readFileSync(path));
    }
  };
  for (const d of CODE_DIRS) walk(join(ROOT, d));
  h.update(readFileSync(join(ROOT, 'package.json')));
  codeHash = h.digest('hex');
  return codeHash;
}

/** Names, sizes and modification times of the corpus files, and the code: any change rebuilds. */
export function fingerprint(files: string[]): string {
  const h = createHash('sha256').update(codeFingerprint());
  for (const f of files) {
    const st = statSync(f);
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}

export function cacheFileFor(cacheDir: string, corpusDir: string): string {
  const key = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `index-${key}.v8`);
}

/** Writes through a temporary file and a rename, so a crash mid-write never leaves a half file behind. */
function writeAtomically(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export interface LoadOptions {
  cacheDir: string;
  /** Called with a reason when the cache could not be used or written; the answer is still given. */
  onCacheProblem?: (message: string) => void;
  /** Called as corpus files are read when the index is built (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The corpus and its index: read from the cache file when it matches the corpus files and the code,
 * otherwise built from the files (and the cache written for next time).
 */
export async function loadIndexedCorpus(dir: string, options: LoadOptions): Promise<LoadedCorpus> {
  const { files } = listCorpusFiles(dir);
  const print = fingerprint(files);
  const cacheFile = cacheFileFor(options.cacheDir, dir);
  let reason = 'no saved index yet';
  const fromCache = (saved: CacheFile): LoadedCorpus => ({
    dir,
    articles: saved.articles,
    warnings: saved.warnings,
    index: ParagraphIndex.load(saved.articles, saved.index),
    quotes: QuoteBook.load(saved.quotes),
    events: EventIndex.load(saved.events),
    source: { kind: 'cache', file: cacheFile },
  });
  /** The last good index, kept to serve if the rebuild fails. */
  let lastGood: CacheFile | null = null;
  try {
    const saved = deserialize(readFileSync(cacheFile)) as CacheFile;
    if (saved.format === CACHE_FORMAT && saved.fingerprint === print) return fromCache(saved);
    if (saved.format === CACHE_FORMAT) lastGood = saved;
    reason = 'the corpus or the code changed since the index was saved';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      reason = 'the saved index could not be read';
      options.onCacheProblem?.(`ignoring the saved index ${cacheFile}: ${(error as Error).message}`);
    }
  }
  let corpus: Corpus;
  let index: ParagraphIndex;
  let quotes: QuoteBook;
  let events: EventIndex;
  try {
    // Ingest (cleaning, quotes, dates) is loaded only when the index must be built.
    const { loadCorpus } = await import('../corpus/load.ts');
    corpus = loadCorpus(dir, options.onProgress);
    index = ParagraphIndex.build(corpus.articles);
    quotes = QuoteBook.build(corpus.articles);
    events = EventIndex.build(corpus.articles);
  } catch (error) {
    // A rebuild that fails leaves the last good index serving, and says so.
    if (lastGood === null || error instanceof CorpusError) throw error;
    options.onCacheProblem?.(
      `rebuilding the index failed (${(error as Error).message}); serving the last good index, which does not have the latest changes`,
    );
    return fromCache(lastGood);
  }
  try {
    const payload: CacheFile = {
      format: CACHE_FORMAT,
      fingerprint: print,
      articles: corpus.articles,
      warnings: corpus.warnings,
      index: index.toJSON(),
      quotes: quotes.toJSON(),
      events: events.toJSON(),
    };
    writeAtomically(cacheFile, serialize(payload));
  } catch (error) {
    options.onCacheProblem?.(`could not save the index to ${cacheFile}: ${(error as Error).message}`);
  }
  return { dir, articles: corpus.articles, warnings: corpus.warnings, index, quotes, events, source: { kind: 'built', reason } };
}
