/**
 * A corpus that changes under a running bot: the loaded corpus of a folder, brought up to date when files of
 * it are added, changed or removed, while answers go on being served from the last complete state.
 *
 * Contract (shared by the watcher, `/corpus`, the terminal and the benchmark):
 * - `current` is always a complete `LoadedCorpus` (before or after a change, never a mix); answers read it
 *   afresh for each question (`ctx.corpus` is kept pointing at it).
 * - `refresh(files)` applies changes one at a time, in the order asked (calls are queued, never interleaved),
 *   and resolves with what changed. `files` are paths of the folder that may have been added, changed or
 *   removed; with none given, the whole folder is compared with what is loaded.
 * - A file that cannot be used is reported in the update and in `status().failed`, and the rest goes on.
 *
 * This first implementation reloads through the saved index (`loadIndexedCorpus`), which rebuilds the whole
 * corpus on any change: correct, and slow at scale. The segmented index (issue 15) replaces its inside, not
 * this interface.
 */
import type { CorpusWarning } from '../ingest/corpus.ts';
import { type LoadOptions, loadIndexedCorpus } from './cache.ts';
import type { LoadedCorpus } from './loadedCorpus.ts';

/** What happened to one file in an update. */
export interface FileChange {
  file: string;
  kind: 'added' | 'changed' | 'removed' | 'failed';
  /** The article's id (its file name without the extension), when it has one. */
  article?: string;
  /** Why a file failed to load. */
  reason?: string;
}

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
}

/** Something that holds the corpus answers read (the router's `CommandContext`). */
export interface CorpusHolder {
  corpus: LoadedCorpus;
}

export class LiveCorpus {
  #current: LoadedCorpus;
  #lastUpdate: string;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(corpus: LoadedCorpus, report: UpdateReport) => void>();

  private constructor(
    readonly dir: string,
    private readonly options: LoadOptions,
    first: LoadedCorpus,
  ) {
    this.#current = first;
    this.#lastUpdate = new Date().toISOString();
  }

  /** Loads the folder (from its saved index when that is current). */
  static async open(dir: string, options: LoadOptions): Promise<LiveCorpus> {
    return new LiveCorpus(dir, options, await loadIndexedCorpus(dir, options));
  }

  /** The complete corpus answers read now. */
  get current(): LoadedCorpus {
    return this.#current;
  }

  /** Keeps `holder.corpus` pointing at the current corpus from now on. */
  serve(holder: CorpusHolder): () => void {
    holder.corpus = this.#current;
    return this.onChange((corpus) => {
      holder.corpus = corpus;
    });
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
    return run;
  }

  status(): CorpusStatus {
    const c = this.#current;
    return {
      dir: this.dir,
      articles: c.articles.length,
      paragraphs: c.index.paragraphCount,
      lastUpdate: this.#lastUpdate,
      failed: c.warnings,
    };
  }

  async #apply(_files?: readonly string[]): Promise<UpdateReport> {
    const started = performance.now();
    const before = this.#current;
    const after = await loadIndexedCorpus(this.dir, this.options);
    const changes = diff(before, after);
    const report: UpdateReport = { changes, ms: performance.now() - started };
    // A file that failed and is now gone (or mended into nothing) changes no article, but the status must forget it.
    const failuresGone = before.warnings.some((w) => !after.warnings.some((x) => x.file === w.file && x.reason === w.reason));
    if (changes.length > 0 || failuresGone) {
      this.#current = after;
      this.#lastUpdate = new Date().toISOString();
      for (const listener of this.#listeners) listener(after, report);
    }
    return report;
  }
}

/** What differs between two loads of a folder, by file: articles added, changed (another text), removed; new failures. */
function diff(before: LoadedCorpus, after: LoadedCorpus): FileChange[] {
  const old = new Map(before.articles.map((a) => [a.file, a]));
  const changes: FileChange[] = [];
  for (const a of after.articles) {
    const was = old.get(a.file);
    old.delete(a.file);
    if (was === undefined) changes.push({ file: a.file, kind: 'added', article: a.id });
    else if (signature(was) !== signature(a)) changes.push({ file: a.file, kind: 'changed', article: a.id });
  }
  for (const a of old.values()) changes.push({ file: a.file, kind: 'removed', article: a.id });
  const failedBefore = new Set(before.warnings.map((w) => `${w.file}\0${w.reason}`));
  for (const w of after.warnings) {
    if (!failedBefore.has(`${w.file}\0${w.reason}`)) changes.push({ file: w.file, kind: 'failed', reason: w.reason });
  }
  return changes;
}

/** Enough of an article to tell a changed text: its metadata and paragraphs' spans and texts' lengths. */
const signature = (a: LoadedCorpus['articles'][number]): string =>
  JSON.stringify([a.meta, a.paragraphs.map((p) => [p.start, p.end, p.text.length])]);
