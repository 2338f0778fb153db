/**
 * Watching a corpus folder while the bot or the prompt runs: files added, changed or removed are handed to
 * `LiveCorpus.refresh` once they settle. chokidar, not `fs.watch` alone: `fs.watch` reports a rename as two
 * events or one depending on the platform, reports a file the moment it is created (half written), and needs
 * its own polling on network drives; chokidar's `awaitWriteFinish` waits until a file's size stops changing.
 */
import { basename, extname, resolve } from 'node:path';
import { watch } from 'chokidar';
import { ARTICLE_EXTENSIONS } from '../ingest/files.ts';
import type { LiveCorpus, UpdateReport } from './live.ts';
import type { LoadedCorpus } from './loadedCorpus.ts';

export interface WatchOptions {
  /** How long after the last event of a burst the changes are applied, in ms (a copy of 50 files is one update). Default 300. */
  debounceMs?: number;
  /** How long a file's size must stay the same before it is read, in ms (a half-written file is not read). Default 500. */
  settleMs?: number;
  /** Hears every update that changed something (an article added, changed, removed, or a file that failed). */
  onUpdate?: (report: UpdateReport, corpus: LoadedCorpus) => void;
  /** Hears an update that could not be applied at all (the folder gone): the last complete corpus goes on serving. */
  onError?: (error: unknown) => void;
}

export interface CorpusWatcher {
  /** Resolves once the folder is being watched (changes made before may be missed). */
  readonly ready: Promise<void>;
  /** Stops watching; changes not yet applied are dropped. The process can then exit. */
  close(): Promise<void>;
}

/** True for a path the corpus reads: a `.txt` or `.md` file whose name does not start with a dot (temporary files do). */
export const isArticlePath = (path: string): boolean =>
  ARTICLE_EXTENSIONS.includes(extname(path).toLowerCase()) && !basename(path).startsWith('.');

/** Watches the folder of a live corpus and refreshes it with the files that changed, as they settle. */
export function watchCorpus(live: LiveCorpus, options: WatchOptions = {}): CorpusWatcher {
  const root = resolve(live.dir);
  const debounceMs = options.debounceMs ?? 300;
  const settleMs = options.settleMs ?? 500;
  const watcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    awaitWriteFinish: { stabilityThreshold: settleMs, pollInterval: Math.max(10, Math.min(100, settleMs / 4)) },
    // Folders below are not the corpus; files of other kinds and dot files (a write in progress) are not articles.
    ignored: (path, stats) => resolve(path) !== root && (basename(path).startsWith('.') || (stats !== undefined && !isArticlePath(path))),
  });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let applying: Promise<void> = Promise.resolve();
  let closed = false;

  const apply = (): void => {
    timer = null;
    const files = [...pending];
    pending.clear();
    applying = applying
      .then(() => live.refresh(files))
      .then(
        (report) => {
          if (report.changes.length > 0 && !closed) options.onUpdate?.(report, live.current);
        },
        (error: unknown) => options.onError?.(error),
      );
  };
  const seen = (path: string): void => {
    if (closed || !isArticlePath(path)) return;
    pending.add(resolve(path));
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(apply, debounceMs);
  };
  watcher.on('add', seen).on('change', seen).on('unlink', seen);
  watcher.on('error', (error) => options.onError?.(error));
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));

  return {
    ready,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending.clear();
      await watcher.close();
      await applying;
    },
  };
}
