/**
 * The corpus ingested on every core: the main thread lists, reads and decodes the files in order (cheap), a
 * pool of worker threads (piscina) ingests them in batches (cleaning, quotes, dates: nearly all the time), and
 * the main thread admits the results in file order, so the corpus is the one `loadCorpus` reads on one thread,
 * article for article and warning for warning. Files are taken a window at a time, the next window ingesting
 * while the last is admitted (and its details written to the index file), so memory holds two windows of
 * texts, not the corpus.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Article } from '../model/index.ts';
import { Admissions, type Candidate, type Corpus, type Ingested, type TextCandidate, loadCorpus, readCandidate } from './corpus.ts';
import { listCorpusFiles } from './files.ts';
import type { IngestTask } from './worker.ts';

export interface PoolOptions {
  /** Worker threads; 1 ingests on this thread. Default: one per core when the corpus is large enough to pay for starting them. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
  /** What to keep of each admitted article (see `loadCorpus`). */
  keep?: (article: Article) => Article;
}

/** Below this many files a pool costs more to start (each thread loads the ingest's code) than it saves. */
export const POOL_MIN_FILES = 200;
/** Files read, ingested and admitted together; two windows are in flight. */
const WINDOW = 512;
/** Files a worker ingests per task: enough to make the messages' cost small, few enough to share the work evenly. */
const BATCH = 16;

/** The threads to ingest `files` files on: one per core for a large corpus, else this thread alone. */
export const defaultThreads = (files: number): number => (files < POOL_MIN_FILES ? 1 : availableParallelism());

/**
 * A worker thread's module: `source` (a TypeScript file) when run from the sources (through tsx's loader, which a
 * worker thread must be given), `built` (its name in dist/, see scripts/build.mjs) when run from the build.
 */
export function workerModule(source: URL, built: string): { filename: string; execArgv: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { filename: new URL(`./${built}`, import.meta.url).href, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename: source.href, execArgv: ['--import', tsx] };
}

/** Reads the corpus of `dir` as `loadCorpus` does, ingesting on a pool of worker threads. */
export async function loadCorpusOnPool(dir: string, options: PoolOptions = {}): Promise<Corpus> {
  const { files, skipped } = listCorpusFiles(dir);
  const threads = options.threads ?? defaultThreads(files.length);
  if (threads <= 1) return loadCorpus(dir, options.onProgress, options.keep);
  const admissions = new Admissions(options.keep ?? ((a) => a));
  admissions.warnings.push(...skipped);
  const pool = new Piscina<IngestTask[], Ingested[]>({
    ...workerModule(new URL('./worker.ts', import.meta.url), 'ingestWorker.js'),
    minThreads: threads,
    maxThreads: threads,
  });
  /** A window's candidates in file order, with the ingest of each one that is not already a known duplicate. */
  const start = (from: number): { candidates: Candidate[]; ingested: Promise<Map<TextCandidate, Ingested>> } => {
    const candidates = files
      .slice(from, from + WINDOW)
      .map(readCandidate)
      .filter((c): c is Candidate => c !== null);
    const texts = candidates.filter((c): c is TextCandidate => c.kind === 'text' && admissions.refusal(c) === null);
    const batches: Array<Promise<Array<[TextCandidate, Ingested]>>> = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      const batch = texts.slice(i, i + BATCH);
      batches.push(
        pool.run(batch.map(({ name, id, text }) => ({ name, id, text }))).then((out) => batch.map((c, j) => [c, out[j] as Ingested])),
      );
    }
    const ingested = Promise.all(batches).then((parts) => new Map(parts.flat()));
    // Awaited in turn; if an earlier window fails first, this one's failure has no one left to hear it.
    ingested.catch(() => undefined);
    return { candidates, ingested };
  };
  try {
    let next = files.length > 0 ? start(0) : null;
    for (let from = 0; next !== null; from += WINDOW) {
      const current = next;
      // Within a window a file may be a duplicate of one before it: ingested for nothing, then refused in order.
      next = from + WINDOW < files.length ? start(from + WINDOW) : null;
      const ingested = await current.ingested;
      for (const c of current.candidates) admissions.admit(c, (t) => ingested.get(t) as Ingested);
      options.onProgress?.(Math.min(files.length, from + WINDOW), files.length);
    }
  } finally {
    await pool.destroy();
  }
  return { dir, articles: admissions.articles, warnings: admissions.warnings };
}
