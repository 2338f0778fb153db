/**
 * A corpus that changes under a running bot: the loaded corpus of a folder, brought up to date when files of
 * it are added, changed or removed, while answers go on being served from the last complete state.
 *
 * Contract (shared by the watcher, `/corpus`, the terminal and the benchmark):
 * - `current` is always a complete `LoadedCorpus` (before or after a change, never a mix); answers read it
 *   afresh for each question (`ctx.corpus` is kept pointing at it).
 * - `refresh(files)` applies changes one at a time, in the order asked (calls are queued, never interleaved),
 *   and resolves with what changed. `files` are paths of the folder that may have been added, changed or
 *   removed (only those are looked at: the folder is not listed); with none given, the whole folder is
 *   compared with what is loaded.
 * - A file that cannot be used is reported in the update and in `status().failed`, and the rest goes on.
 *
 * Inside, a segmented index (`liveIndex.ts`): an update ingests only the files that changed, writes them as a
 * small segment and marks the articles they replace or remove as deleted, then puts the new corpus together in
 * turns of the event loop (`LiveIndex.updateInTurns`), answers going on from the last state meanwhile; segments
 * are merged when they pile up, after the update has been answered (queued like updates, so never during one),
 * the merged segment written by a worker thread while answers go on being served from the segments as they
 * were. The answers are the same as from an index built over the folder at once.
 */
import type { CorpusWarning } from '../ingest/corpus.ts';
import type { LoadOptions } from './cache.ts';
import { type Change, LiveIndex, type MergePolicy } from './liveIndex.ts';
import type { LoadedCorpus } from './loadedCorpus.ts';

/** What happened to one file in an update: added, changed, removed, or failed (with why). */
export type FileChange = Change;

export interface UpdateReport {
  changes: FileChange[];
  /** Wall-clock milliseconds from the call to the new state serving. */
  ms: number;
}

export interface CorpusStatus {
  dir: string;
  articles: number;
  paragraphs: number;
  /** ISO 8601 time of the last update that changed something, or of the first load. */
  lastUpdate: string;
  /** Files that failed to load, and why. */
  failed: CorpusWarning[];
  /** The index's segments, and the articles marked deleted in them (merged away in time). */
  segments: number;
  deleted: number;
}

/** Something that holds the corpus answers read (the router's `CommandContext`). */
export interface CorpusHolder {
  corpus: LoadedCorpus;
}

/** How a live corpus is opened: where its index is kept, and (for tests and the benchmark) when it merges. */
export interface LiveOptions extends LoadOptions {
  merge?: Partial<MergePolicy>;
  /** How long a turn of an update lasts before answers waiting get theirs, in ms (default 10). */
  turnMs?: number;
}

export class LiveCorpus {
  #current: LoadedCorpus;
  #lastUpdate: string;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(corpus: LoadedCorpus, report: UpdateReport) => void>();
  /** Holders served (see `serve`): a merge points them at the merged corpus without telling the listeners. */
  readonly #holders = new Set<CorpusHolder>();

  private constructor(
    readonly dir: string,
    private readonly index: LiveIndex,
  ) {
    this.#current = index.corpus;
    this.#lastUpdate = new Date().toISOString();
  }

  /** Loads the folder from its saved live index, brought up to date with the folder (built when there is none). */
  static async open(dir: string, options: LiveOptions): Promise<LiveCorpus> {
    const { index } = await LiveIndex.open(dir, {
      cacheDir: options.cacheDir,
      ...(options.merge ? { merge: options.merge } : {}),
      ...(options.turnMs === undefined ? {} : { turnMs: options.turnMs }),
      ...(options.onCacheProblem ? { onProblem: options.onCacheProblem } : {}),
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return new LiveCorpus(dir, index);
  }

  /** The complete corpus answers read now. */
  get current(): LoadedCorpus {
    return this.#current;
  }

  /** Keeps `holder.corpus` pointing at the current corpus from now on. */
  serve(holder: CorpusHolder): () => void {
    holder.corpus = this.#current;
    this.#holders.add(holder);
    const stop = this.onChange((corpus) => {
      holder.corpus = corpus;
    });
    return () => {
      this.#holders.delete(holder);
      stop();
    };
  }

  /** Hears every update that changed something; returns the function that stops listening. */
  onChange(listener: (corpus: LoadedCorpus, report: UpdateReport) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Brings the corpus up to date with these files (or the whole folder); queued behind earlier calls. */
  refresh(files?: readonly string[]): Promise<UpdateReport> {
    const run = this.#queue.then(() => this.#apply(files));
    this.#queue = run.catch(() => undefined);
    // Segments are merged after the update is served, in turn with later updates.
    void run.then(
      () => setImmediate(() => void this.mergeIfDue()),
      () => undefined,
    );
    return run;
  }

  /** Merges the index's segments if they piled up (queued like an update); the answers stay the same. Resolves with whether it merged. */
  mergeIfDue(): Promise<boolean> {
    const run = this.#queue.then(async () => this.#publishMerge(await this.index.mergeInBackground('due')));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Merges every segment into one (queued like an update). */
  mergeAll(): Promise<void> {
    const run = this.#queue.then(async () => {
      this.#publishMerge(await this.index.mergeInBackground('all'));
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Milliseconds the last update's (or merge's) composition took, by structure (see `LiveIndex.composeMs`). */
  get composeMs(): LiveIndex['composeMs'] {
    return this.index.composeMs;
  }

  status(): CorpusStatus {
    const c = this.#current;
    return {
      dir: this.dir,
      articles: c.articles.length,
      paragraphs: c.index.paragraphCount,
      lastUpdate: this.#lastUpdate,
      failed: c.warnings,
      ...this.index.shape,
    };
  }

  /** Closes the index's files (the corpus can no longer show articles' details). */
  close(): Promise<void> {
    const run = this.#queue.then(() => this.index.close());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #publishMerge(merged: boolean): boolean {
    if (merged) {
      this.#current = this.index.corpus;
      for (const holder of this.#holders) holder.corpus = this.#current;
    }
    return merged;
  }

  async #apply(files?: readonly string[]): Promise<UpdateReport> {
    const started = performance.now();
    const changes = await this.index.updateInTurns(files);
    const report: UpdateReport = { changes, ms: performance.now() - started };
    // A merge or an update that changed nothing may still give a new corpus object (same answers).
    const before = this.#current;
    this.#current = this.index.corpus;
    for (const holder of this.#holders) holder.corpus = this.#current;
    // A file that failed and is now gone (or mended into nothing) changes no article, but the status must forget it.
    const after = this.#current;
    const failuresGone = before.warnings.some((w) => !after.warnings.some((x) => x.file === w.file && x.reason === w.reason));
    if (changes.length > 0 || failuresGone) {
      this.#lastUpdate = new Date().toISOString();
      for (const listener of this.#listeners) listener(this.#current, report);
    }
    return report;
  }
}
