/**
 * One measured stage of the benchmark, in a process of its own so that its time and peak memory are its
 * own: `build` ingests and indexes the corpus (writing the index file); `serve` loads the saved index, as a
 * bot starting on an indexed corpus does, and asks every command that answers from the index its questions
 * (bench/questions.ts, from the topics in QUERIES, a JSON file bench/run.ts writes). Prints one JSON line.
 * Used by bench/run.ts: `node --import tsx bench/child.ts build|serve CORPUS CACHE QUERIES [--progress]`.
 */
import { readFileSync } from 'node:fs';
import { commands } from '../commands/index.ts';
import { progressBar } from '../src/cli/progress.ts';
import { forgetReadDetails } from '../src/index/articleStore.ts';
import { loadIndexedCorpus } from '../src/index/cache.ts';
import { runLine } from '../src/router/router.ts';
import { type Topic } from './queries.ts';
import { questions } from './questions.ts';

const [stage, corpusDir, cacheDir, queriesFile, flag] = process.argv.slice(2) as [string, string, string, string, string | undefined];
/** Each question is asked this many times after the unmeasured round (250 distinct topics a command). */
const REPEAT = 2;

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
  const { topics, seed } = JSON.parse(readFileSync(queriesFile as string, 'utf8')) as { topics: Topic[]; seed: number };
  const lines = questions(corpus, topics, seed);
  // The first answer after a start pays for compiling the code and the lazily built tables (typo lookup):
  // reported on its own; then one unmeasured round of every question, and the measured rounds.
  const firstAnswerMs = Number(answer(lines.search?.[0] ?? '/sources').toFixed(2));
  for (const qs of Object.values(lines)) for (const q of qs) answer(q);
  const latency: Record<string, { p50: number; p95: number; p99: number; n: number }> = {};
  for (const [name, qs] of Object.entries(lines)) {
    const times: number[] = [];
    for (let r = 0; r < REPEAT; r += 1) for (const q of qs) times.push(answer(q));
    latency[name] = { ...percentiles(times), n: qs.length };
  }
  process.stdout.write(`${JSON.stringify({ loadMs: ms, firstAnswerMs, latency, rssMb: peakMb() })}\n`);
}
