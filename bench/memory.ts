/**
 * Where a serving process's memory goes: loads a saved index (as the benchmark's `serve` stage does) step by
 * step, with the heap measured after a full collection at each step, then answers the benchmark's questions
 * once and measures again. Prints one JSON line; with `--answers FILE`, also writes every answer (as JSON) to
 * FILE, for comparing the answers of two versions of the code on the same corpus.
 * `node --expose-gc --import tsx bench/memory.ts CORPUS CACHE QUERIES [--answers FILE]` (a corpus and index
 * kept by `npm run -s bench -- --paragraphs N --keep`, under the temporary folder it names).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { parseArgs } from 'node:util';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { commands } from '../commands/index.ts';
import { forgetReadDetails, openIndexFile } from '../src/index/articleStore.ts';
import { cacheFileFor, loadIndexedCorpus } from '../src/index/cache.ts';
import { runLine } from '../src/router/router.ts';
import type { Topic } from './queries.ts';
import { questions } from './questions.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { answers: { type: 'string' } } });
const [corpusDir, cacheDir, queriesFile] = positionals as [string, string, string];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const mb = (bytes: number): number => Math.round(bytes / 1048576);
/** VmRSS and VmHWM of this process, in MB. */
function rssNow(): { rss: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}
/** The live heap after a full collection, in bytes. */
function liveHeap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}
const steps: Array<Record<string, number | string>> = [];
let last = liveHeap();
function step(name: string): void {
  const heap = liveHeap();
  const { external } = process.memoryUsage();
  steps.push({
    step: name,
    heapMb: mb(heap),
    deltaMb: Number(((heap - last) / 1048576).toFixed(1)),
    externalMb: mb(external),
    ...rssNow(),
  });
  last = heap;
  if (process.env.TRACE_STEPS) process.stderr.write(`step ${name}\n`);
}
step('code loaded');

// The load as loadIndexedCorpus does it, structure by structure, to see what each keeps; then all dropped.
await (async (): Promise<void> => {
  const { ParagraphIndex } = await import('../src/index/paragraphIndex.ts');
  const { QuoteBook } = await import('../src/index/quoteBook.ts');
  const { EventIndex } = await import('../src/index/eventIndex.ts');
  const { Bm25Index } = await import('../src/index/bm25.ts');
  const { Lexicon } = await import('../src/index/lexicon.ts');
  step('index code loaded');
  const opened = openIndexFile<{ index: { search: never; lexicon: never }; quotes: unknown; events: unknown }>(
    cacheFileFor(cacheDir, corpusDir),
  );
  step('header read, articles made');
  const search = Bm25Index.load(opened.header.index.search);
  step('paragraph BM25 loaded');
  const lexicon = Lexicon.load(opened.header.index.lexicon);
  step('lexicon loaded');
  const quotes = QuoteBook.load(opened.header.quotes);
  step('quote book loaded');
  const events = EventIndex.load(opened.header.events);
  step('event index loaded');
  const index = ParagraphIndex.compose(opened.articles, search, lexicon);
  step('paragraph index composed');
  if ([index, quotes, events].some((x) => x === null)) throw new Error('unreachable');
  opened.close();
})();
step('all dropped');

const corpus = await loadIndexedCorpus(corpusDir, { cacheDir });
if (corpus.source.kind !== 'cache') {
  process.stderr.write(`the index was built (${corpus.source.reason}), not loaded: run again to measure a load\n`);
  process.exit(3);
}
step('loadIndexedCorpus');
const ctx = { corpus, commands };
const { topics, seed } = JSON.parse(readFileSync(queriesFile, 'utf8')) as { topics: Topic[]; seed: number };
const lines = questions(corpus, topics, seed);
const profiler = process.env.ALLOC_PROFILE ? new Session() : null;
const post = (method: string, params: object = {}): Promise<unknown> =>
  new Promise((resolve, reject) => profiler?.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
if (profiler) {
  profiler.connect();
  // Every allocation sampled, the objects collected since included: where answering allocates, not what it keeps.
  await post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: process.env.ALLOC_MINOR !== '0',
  });
}
const before = rssNow();
const answers: Record<string, unknown> = {};
let heapPeak = 0;
for (const [name, qs] of Object.entries(lines)) {
  for (const q of qs) {
    forgetReadDetails();
    const a = runLine(ctx, q, (e) => {
      throw e;
    });
    if (values.answers) answers[q] = a;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  step(`/${name} answered`);
}
const after = rssNow();
if (profiler) {
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
  writeFileSync(process.env.ALLOC_PROFILE as string, JSON.stringify(profile));
}
step('answered once (details forgotten)');
forgetReadDetails();
step('details forgotten');
const heap = getHeapStatistics();
process.stdout.write(
  `${JSON.stringify({
    steps,
    beforeAnswers: before,
    afterAnswers: after,
    heapPeakSampledMb: mb(heapPeak),
    heapTotalMb: mb(heap.total_heap_size),
    mallocedMb: mb(heap.malloced_memory),
    peakMallocedMb: mb(heap.peak_malloced_memory),
  })}\n`,
);
if (process.env.SNAPSHOT) writeHeapSnapshot(process.env.SNAPSHOT);
if (values.answers) writeFileSync(values.answers, `${JSON.stringify(answers, null, 1)}\n`);
