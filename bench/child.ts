/**
 * One measured stage of the benchmark, in a process of its own so that its time and peak memory are its
 * own: `build` ingests and indexes the corpus (writing the index file); `serve` loads the saved index, as a
 * bot starting on an indexed corpus does, and answers the fixed queries. Prints one JSON line.
 * Used by bench/run.ts: `node --import tsx bench/child.ts build|serve CORPUS CACHE [--progress]`.
 */
import { readFileSync } from 'node:fs';
import { commands } from '../commands/index.ts';
import { progressBar } from '../src/cli/progress.ts';
import { forgetReadDetails } from '../src/index/articleStore.ts';
import { loadIndexedCorpus } from '../src/index/cache.ts';
import { runLine } from '../src/router/router.ts';
import { QUERIES } from './queries.ts';

const [stage, corpusDir, cacheDir, flag] = process.argv.slice(2) as [string, string, string, string | undefined];
/** Each query is asked this many times. */
const REPEAT = 5;

const percentiles = (xs: number[]): { p50: number; p95: number; p99: number } => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => Number((s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0).toFixed(2));
  return { p50: at(50), p95: at(95), p99: at(99) };
};
/**
 * The process's peak resident memory. Linux's VmHWM, not getrusage's maxRSS: that one keeps the parent's
 * peak across fork and exec, so a child would report the benchmark's own memory.
 */
function peakMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const bar = progressBar(process.stderr);
const t = performance.now();
const corpus = await loadIndexedCorpus(corpusDir, { cacheDir, ...(bar && flag === '--progress' ? { onProgress: bar } : {}) });
const ms = Math.round(performance.now() - t);
if (stage === 'build') {
  if (corpus.source.kind !== 'built') throw new Error('the corpus was not built');
  process.stdout.write(`${JSON.stringify({ buildMs: ms, paragraphs: corpus.index.paragraphCount, rssMb: peakMb() })}\n`);
} else {
  if (corpus.source.kind !== 'cache') throw new Error('the saved index was not used');
  const ctx = { corpus, commands };
  const answer = (line: string): number => {
    // Every measured answer reads its articles' details from the index file (the operating system may
    // still have the file's pages cached): the cost a varied stream of questions pays.
    forgetReadDetails();
    const start = performance.now();
    runLine(ctx, line, (e) => {
      throw e;
    });
    return performance.now() - start;
  };
  // The first answer after a start pays for compiling the code and the lazily built tables (typo lookup):
  // reported on its own; then one unmeasured round of every query, and the measured rounds.
  const firstAnswerMs = Number(answer(`/search ${QUERIES.search[0]}`).toFixed(2));
  for (const q of QUERIES.search) answer(`/search ${q}`);
  for (const q of QUERIES.whoSaid) answer(`/who-said ${q}`);
  for (const q of QUERIES.when) answer(`/when ${q}`);
  const latency = (name: string, queries: string[]): { p50: number; p95: number; p99: number } => {
    const times: number[] = [];
    for (let r = 0; r < REPEAT; r += 1) for (const q of queries) times.push(answer(`/${name} ${q}`));
    return percentiles(times);
  };
  const result = {
    loadMs: ms,
    firstAnswerMs,
    search: latency('search', QUERIES.search),
    whoSaid: latency('who-said', QUERIES.whoSaid),
    when: latency('when', QUERIES.when),
  };
  process.stdout.write(`${JSON.stringify({ ...result, rssMb: peakMb() })}\n`);
}
