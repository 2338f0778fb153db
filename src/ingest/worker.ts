/**
 * The ingest worker of pool.ts: a batch of decoded files in, what ingesting each gave out (plain data, cloned
 * back to the main thread). Runs in a thread of its own; see `loadCorpusOnPool`.
 */
import { type Ingested, ingestCandidate } from './corpus.ts';

/** One file to ingest, as the main thread read it. */
export interface IngestTask {
  name: string;
  id: string;
  text: string;
}

export default function ingestBatch(batch: readonly IngestTask[]): Ingested[] {
  return batch.map((t) => ingestCandidate(t.name, t.id, t.text));
}
