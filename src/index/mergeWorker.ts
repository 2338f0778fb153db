/**
 * The merge worker of liveIndex.ts: merges segment files of a live index into a new segment file in a thread of
 * its own, so that answers go on being served while it works (see `LiveIndex.mergeInBackground`). It reads the
 * segments from their files, writes the merged one (synced) and closes them all; the main thread then reads
 * the new file and names it in the manifest. Until then nothing names it, so a crash leaves it to be swept.
 */
import { join } from 'node:path';
import { Segment } from './segment.ts';

/** Segments to merge (files in `folder`, each with the positions of its deleted articles) into the file `name`. */
export interface MergeTask {
  folder: string;
  segments: Array<{ file: string; deleted: number[] }>;
  name: string;
}

/** Writes the merged segment; returns whether there was a live article to write (else no file is written). */
export default function mergeSegments(task: MergeTask): boolean {
  const parts: Array<{ segment: Segment; deleted: Set<number> }> = [];
  try {
    for (const { file, deleted } of task.segments)
      parts.push({ segment: Segment.read(join(task.folder, file), file), deleted: new Set(deleted) });
    const merged = Segment.merge(join(task.folder, task.name), task.name, parts);
    merged?.close();
    return merged !== null;
  } finally {
    for (const p of parts) p.segment.close();
  }
}
