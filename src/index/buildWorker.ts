/**
 * The build worker of liveIndex.ts: ingests a run of corpus files (consecutive in file order) and writes their
 * articles as one segment file, in a thread of its own, so that the first build of a live index uses every core
 * for all of its work: ingest, and the segment's indexes (`SegmentWriter`: tokenising every paragraph, the quote
 * facts, the dated mentions), which on one thread after a pool's ingest were 40% of the build at 100,000
 * paragraphs. The main thread decides beforehand which files may be admitted (see `LiveIndex`'s build), and
 * after, from the outcomes this gives, which are. The file is synced before this returns; until the manifest
 * names it, a crash leaves it to be swept.
 */
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { type CorpusWarning, ingestCandidate, readCandidate } from '../ingest/corpus.ts';
import { quoteFactsOf } from './quoteBook.ts';
import { SegmentWriter } from './segment.ts';

/** Files to ingest (paths, each with the id and text digest the main thread read) into the segment file `name`. */
export interface BuildTask {
  folder: string;
  name: string;
  files: Array<{ path: string; id: string; digest: string }>;
  /** Told the number of files done now and then (after every `PROGRESS_EVERY` files, and at the end). */
  progress?: MessagePort;
}

/**
 * Per file, in order: what ingesting it gave, or null when its text was no longer the one the main thread read
 * (changed or gone since), so not ingested here. `written`: whether a segment file was written (some article).
 */
export interface BuildResult {
  outcomes: Array<'article' | CorpusWarning | null>;
  written: boolean;
}

const PROGRESS_EVERY = 64;

/**
 * See the module comment; also run on the main thread when the build has one thread. Each article goes into the
 * segment as soon as it is ingested (`SegmentWriter`): only one is held at a time.
 */
export function buildSegment(task: BuildTask, onProgress?: (done: number) => void): BuildResult {
  let writer: SegmentWriter | null = null;
  const outcomes: BuildResult['outcomes'] = [];
  try {
    for (const [n, f] of task.files.entries()) {
      const c = readCandidate(f.path);
      if (c?.kind !== 'text' || c.id !== f.id || c.digest !== f.digest) outcomes.push(null);
      else {
        const ingested = ingestCandidate(c.name, c.id, c.text);
        if ('warning' in ingested) outcomes.push(ingested.warning);
        else {
          // The quote facts are worked out right after the ingest, while `findNames` remembers the texts it read.
          const facts = quoteFactsOf(ingested.article);
          writer ??= new SegmentWriter(join(task.folder, task.name), task.name);
          writer.add(ingested.article, facts);
          outcomes.push('article');
        }
      }
      if ((n + 1) % PROGRESS_EVERY === 0) onProgress?.(n + 1);
    }
    onProgress?.(task.files.length);
    if (writer === null) return { outcomes, written: false };
    const segment = writer.finish();
    writer = null;
    segment.close();
    return { outcomes, written: true };
  } catch (error) {
    writer?.abandon();
    throw error;
  }
}

export default function buildSegmentTask(task: BuildTask): BuildResult {
  try {
    return buildSegment(task, (done) => task.progress?.postMessage(done));
  } finally {
    task.progress?.close();
  }
}
