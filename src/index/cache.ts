import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { codeVersion } from '../codeVersion.mjs';
import { CorpusError, listCorpusFiles, readCorpusFile } from '../ingest/files.ts';
import type { Corpus, CorpusWarning } from '../ingest/corpus.ts';
import type { Article } from '../model/index.ts';
import { deserialize, serialize } from 'node:v8';
import { ArticleWriter, openIndexFile, ownTypedArrays } from './articleStore.ts';
import { buildIndexes, type LoadedCorpus } from './loadedCorpus.ts';
import { ParagraphIndex } from './paragraphIndex.ts';
import { EventIndex } from './eventIndex.ts';
import { QuoteBook } from './quoteBook.ts';

/** Bump when the shape of the cache file changes. */
const CACHE_FORMAT = 14;

/**
 * The header of the index file (see `articleStore.ts` for the file); the V8 format has no size limit of a JSON
 * string. The saved indexes are sections of the file of their own (`SECTIONS`), each read, made into its index
 * and let go before the next is read.
 */
interface CacheHeader {
  format: number;
  fingerprint: string;
  warnings: CorpusWarning[];
}

/** The sections of the index file: the paragraph index, the quote book, the dated mentions' index (v8 each). */
const SECTIONS = ['index', 'quotes', 'events'] as const;

let codeHash: string | undefined;
/**
 * The code's fingerprint (src/codeVersion.mjs) with the file format: the built bundle carries it, stamped
 * by scripts/build.mjs; run from source (tsx, vitest), it is computed the same way.
 */
export function codeFingerprint(): string {
  codeHash ??= createHash('sha256')
    .update(String(CACHE_FORMAT))
    .update((globalThis as { QUOTEDESK_CODE_VERSION?: string }).QUOTEDESK_CODE_VERSION ?? codeVersion())
    .digest('hex');
  return codeHash;
}

/**
 * The corpus files as the build would read them, and the code: any change rebuilds. Each file counts by its
 * name and a SHA-256 of its bytes (or its size when it is too large to read, or why it cannot be read; a
 * file deleted meanwhile not at all). Size and modification time are not trusted: a file made unreadable
 * and readable again keeps both, and so do an edit within the clock's resolution and a copy that keeps times.
 */
export function fingerprint(files: string[]): string {
  const h = createHash('sha256').update(codeFingerprint());
  for (const f of files) {
    const read = readCorpusFile(f);
    if (read.kind === 'gone') continue;
    const what =
      read.kind === 'read'
        ? createHash('sha256').update(read.bytes).digest('hex')
        : read.kind === 'too large'
          ? `too large: ${read.size}`
          : `unreadable: ${read.code}`;
    h.update(`${f}\0${what}\n`);
  }
  return h.digest('hex');
}

export function cacheFileFor(cacheDir: string, corpusDir: string): string {
  const key = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `index-${key}.qdix`);
}

export interface LoadOptions {
  cacheDir: string;
  /** Called with a reason when the cache could not be used or written; the answer is still given. */
  onCacheProblem?: (message: string) => void;
  /** Called as corpus files are read, then as the indexes are built, when the index is built (for a progress bar). */
  onProgress?: (stage: 'reading the corpus' | 'building the indexes', done: number, total: number) => void;
  /** Threads to ingest on when the index is built (src/ingest/pool.ts); default one per core for a large corpus. */
  threads?: number;
}

/**
 * The corpus and its index: read from the index file when it matches the corpus files and the code,
 * otherwise built from the files (and the file written for next time, through a temporary file and a
 * rename, so that a crash mid-write never leaves a half file behind). Either way, articles' details are
 * read from the file when shown (see `articleStore.ts`); only when the file cannot be written do they stay
 * in memory.
 */
export async function loadIndexedCorpus(dir: string, options: LoadOptions): Promise<LoadedCorpus> {
  const { files } = listCorpusFiles(dir);
  const print = fingerprint(files);
  const cacheFile = cacheFileFor(options.cacheDir, dir);
  const problem = (message: string): void => options.onCacheProblem?.(message);
  let reason = 'no saved index yet';
  type Opened = ReturnType<typeof openIndexFile<CacheHeader>>;
  const fromCache = ({ header, articles, section }: Opened): LoadedCorpus => {
    // One section at a time: its bytes go once its index is made (the typed arrays copied out of them).
    const saved = (name: (typeof SECTIONS)[number]): unknown => {
      const bytes = section(name);
      return ownTypedArrays(deserialize(bytes), bytes.buffer);
    };
    return {
      dir,
      articles,
      warnings: header.warnings,
      index: ParagraphIndex.load(articles, saved('index')),
      quotes: QuoteBook.load(saved('quotes')),
      events: EventIndex.load(saved('events')),
      source: { kind: 'cache', file: cacheFile },
    };
  };
  /** The last good index, kept to serve if the rebuild fails. */
  let lastGood: Opened | null = null;
  try {
    // The handler keeps the file's inode, not what was opened: the header (the saved indexes, the articles' heads)
    // is garbage once the indexes are made from it, and this handler lives as long as the articles.
    let inode = -1;
    const opened = openIndexFile<CacheHeader>(cacheFile, (why) => {
      // Found while answering: the file goes, so that the next start rebuilds it (unless a newer one replaced it).
      problem(`${why}; it is removed, and the next start rebuilds it`);
      removeIfSame(cacheFile, inode);
    });
    inode = opened.inode;
    if (opened.header.format === CACHE_FORMAT && opened.header.fingerprint === print) {
      try {
        return fromCache(opened);
      } catch (error) {
        // A damaged section: the file is rebuilt.
        opened.close();
        throw error;
      }
    }
    if (opened.header.format === CACHE_FORMAT) lastGood = opened;
    else opened.close();
    reason = 'the corpus or the code changed since the index was saved';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') {
      reason = 'the saved index could not be read';
      problem(`ignoring the saved index ${cacheFile}: ${(error as Error).message}`);
    }
  }
  // Articles' details go to the new file as the corpus is read, so the build never holds them all.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  sweepStaleTemporaries(cacheFile);
  // The saved index of earlier versions (one V8 file, details and all) is never read again.
  removeQuietly(cacheFile.replace(/\.qdix$/, '.v8'));
  let writer: ArticleWriter | null = null;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writer = new ArticleWriter(tmp);
  } catch (error) {
    problem(`could not save the index to ${cacheFile}: ${(error as Error).message}`);
  }
  const keep = (article: Article): Article => {
    if (writer === null) return article;
    try {
      return writer.add(article);
    } catch (error) {
      // A full disk: the rest of the articles stay in memory, and the index is not saved.
      problem(`could not save the index to ${cacheFile}: ${(error as Error).message}`);
      // The articles already written read their details through the open file, which outlives its name.
      removeQuietly(tmp);
      writer = null;
      return article;
    }
  };
  let corpus: Corpus;
  let index: ParagraphIndex;
  let quotes: QuoteBook;
  let events: EventIndex;
  try {
    // Ingest (cleaning, quotes, dates) is loaded only when the index must be built.
    const { loadCorpusOnPool } = await import('../ingest/pool.ts');
    const progress = options.onProgress;
    corpus = await loadCorpusOnPool(dir, {
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(progress ? { onProgress: (done: number, total: number) => progress('reading the corpus', done, total) } : {}),
      keep,
    });
    ({ index, quotes, events } = buildIndexes(
      corpus.articles,
      progress && ((done, total) => progress('building the indexes', done, total)),
    ));
  } catch (error) {
    (writer as ArticleWriter | null)?.abandon();
    // A rebuild that fails leaves the last good index serving, and says so.
    if (lastGood === null || error instanceof CorpusError) throw error;
    problem(
      `rebuilding the index failed (${(error as Error).message}); serving the last good index, which does not have the latest changes`,
    );
    return fromCache(lastGood);
  }
  (lastGood as Opened | null)?.close();
  const finished = writer as ArticleWriter | null;
  if (finished !== null) {
    try {
      const built = { index, quotes, events };
      finished.finish(
        { format: CACHE_FORMAT, fingerprint: print, warnings: corpus.warnings } satisfies CacheHeader,
        Object.fromEntries(SECTIONS.map((name) => [name, () => serialize(built[name].toJSON())])),
      );
      if (corpus.warnings.some((w) => w.ingestFailed)) {
        // Saved, the failure would outlive its cause (a fixed install) until the corpus or the code changed.
        // The articles read their details through the open file, which outlives its name.
        removeQuietly(tmp);
        problem('the index is not saved: the ingest failed on a file (see the warnings); the next start reads it again');
      } else renameSync(tmp, cacheFile);
    } catch (error) {
      problem(`could not save the index to ${cacheFile}: ${(error as Error).message}`);
      // The articles still read their details through the open file.
      removeQuietly(tmp);
    }
  }
  return { dir, articles: corpus.articles, warnings: corpus.warnings, index, quotes, events, source: { kind: 'built', reason } };
}

/** Removes the file if it is still the one with this inode (a newer index may have been renamed over it). */
function removeIfSame(file: string, inode: number): void {
  try {
    if (statSync(file).ino === inode) rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

/** Removes temporary files of this index left by builds whose process is gone (a crash, a full disk). */
function sweepStaleTemporaries(cacheFile: string): void {
  const dir = dirname(cacheFile);
  const name = cacheFile.slice(dir.length + 1);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = entry.startsWith(`${name}.`) && entry.endsWith('.tmp') ? Number(entry.slice(name.length + 1, -4)) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    removeQuietly(join(dir, entry));
  }
}

/** Tidying only: a file that cannot be removed (a read-only cache folder) is left where it is. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // left in place
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
