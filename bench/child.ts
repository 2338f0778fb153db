/**
 * One measured stage of the benchmark, in a process of its own so that its time and peak memory are its
 * own: `build` ingests and indexes the corpus (writing the index file); `serve` loads the saved index, as a
 * bot starting on an indexed corpus does, and asks every command that answers from the index its questions
 * (bench/questions.ts, from the topics in QUERIES, a JSON file bench/run.ts writes). Prints one JSON line.
 * `live` opens the corpus as a live index (`LiveCorpus`, built afresh without a few articles), adds those
 * articles one at a time and times each from the refresh to an answer that shows it (`addMs`: articles from
 * across the corpus, of any date; `addNewestMs`: then the last ones published, as news arrives, whose quotes
 * the quote book groups on from its last state), then times questions asked at a steady pace without a merge,
 * while the first articles are removed again one at a time (updates that put the quote book together whole),
 * and while every segment is merged into one.
 * Used by bench/run.ts: `node --import tsx bench/child.ts build|serve|live CORPUS CACHE QUERIES [--progress]`.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { commands } from '../commands/index.ts';
import { progressBar } from '../src/cli/progress.ts';
import { forgetReadDetails } from '../src/index/articleStore.ts';
import { loadIndexedCorpus } from '../src/index/cache.ts';
import { LiveCorpus } from '../src/index/live.ts';
import { listCorpusFiles } from '../src/ingest/files.ts';
import { runLine } from '../src/router/router.ts';
import { type Topic } from './queries.ts';
import { questions } from './questions.ts';

const [stage, corpusDir, cacheDir, queriesFile, flag] = process.argv.slice(2) as [string, string, string, string, string | undefined];
/** Each question is asked this many times after the unmeasured round (250 distinct topics a command). */
const REPEAT = 2;
/** Articles held out of the live index's build and added one at a time. */
const ADDED = 5;
/** Questions asked at a steady pace (one every PACE_MS), with and without a merge going on. */
const PACE_MS = 2;

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
if (stage === 'live') {
  process.stdout.write(`${JSON.stringify(await measureLive())}\n`);
  process.exit(0);
}
const t = performance.now();
const corpus = await loadIndexedCorpus(corpusDir, { cacheDir, ...(bar && flag === '--progress' ? { onProgress: bar } : {}) });
const ms = Math.round(performance.now() - t);
if (stage === 'build') {
  if (corpus.source.kind !== 'built') throw new Error('the corpus was not built');
  process.stdout.write(`${JSON.stringify({ buildMs: ms, paragraphs: corpus.index.paragraphCount, rssMb: peakMb() })}\n`);
} else {
  if (corpus.source.kind !== 'cache') throw new Error('the saved index was not used');
  const ctx = { corpus, commands };
  // Each question is answered in a turn of the event loop of its own, as the bot answers each message: one
  // synchronous loop of 2,000 questions would be one job, and keep what a job keeps until it ends (the targets
  // of the `WeakRef`s read in it: the paragraphs of every article cited, `articleStore.ts`).
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
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
  for (const qs of Object.values(lines))
    for (const q of qs) {
      answer(q);
      await nextTurn();
    }
  const latency: Record<string, { p50: number; p95: number; p99: number; n: number; bands?: Record<string, number> }> = {};
  for (const [name, qs] of Object.entries(lines)) {
    const times: number[] = [];
    for (let r = 0; r < REPEAT; r += 1)
      for (const q of qs) {
        times.push(answer(q));
        await nextTurn();
      }
    latency[name] = { ...percentiles(times), n: qs.length };
    // A command asked about the topics (one question per topic, in their order): its p99 in each band too, so
    // that the band that sets the p99 shows.
    if (qs.length === topics.length && qs.length > 0) {
      const bands: Record<string, number> = {};
      for (const band of new Set(topics.map((t) => t.band)))
        bands[band] = percentiles(times.filter((_, i) => (topics[i % qs.length] as Topic).band === band)).p99;
      (latency[name] as { bands?: Record<string, number> }).bands = bands;
    }
  }
  process.stdout.write(`${JSON.stringify({ loadMs: ms, firstAnswerMs, latency, rssMb: peakMb() })}\n`);
}

/** See the module comment: the live index's add time, and latency with and without a merge. */
async function measureLive(): Promise<Record<string, unknown>> {
  const { files: all } = listCorpusFiles(corpusDir);
  // The last ADDED articles in publication order (equal dates in file order, as the quote book orders them).
  const published = (f: string): string => /^published:\s*"?([^"\n]+)/m.exec(readFileSync(f, 'utf8'))?.[1]?.slice(0, 10) ?? '9999';
  const dated = all.map((f) => [published(f), f] as const);
  const newest = dated
    .map((_, i) => i)
    .sort((x, y) => new Intl.Collator().compare((dated[x] as [string, string])[0], (dated[y] as [string, string])[0]) || x - y)
    .slice(-ADDED)
    .map((i) => (dated[i] as [string, string])[1]);
  const files = all.filter((f) => !newest.includes(f));
  const held = Array.from({ length: ADDED }, (_, i) => files[Math.floor(((i + 0.5) * files.length) / ADDED)] as string);
  const aside = join(cacheDir, 'held');
  mkdirSync(aside, { recursive: true });
  for (const f of [...held, ...newest]) renameSync(f, join(aside, basename(f)));
  const opened = performance.now();
  // No merge but the one asked for: the adds each make a segment of their own.
  const live = await LiveCorpus.open(corpusDir, { cacheDir: join(cacheDir, 'live'), merge: { maxSmallSegments: 1e9, baseRatio: 1e9 } });
  const buildMs = Math.round(performance.now() - opened);
  const ctx = { corpus: live.current, commands };
  live.serve(ctx);
  const ask = (line: string) =>
    runLine(ctx, line, (e) => {
      throw e;
    });
  const { topics, seed } = JSON.parse(readFileSync(queriesFile, 'utf8')) as { topics: Topic[]; seed: number };
  const lines = questions(live.current, topics, seed);
  const asked = [...(lines.search ?? []), ...(lines['who-said'] ?? []), ...(lines.when ?? [])];
  for (const q of asked) ask(q);
  /** Adds the files one at a time, each timed from its refresh to an answer that shows it. */
  const addEach = async (added: readonly string[]) => {
    const add: number[] = [];
    const refreshMs: number[] = [];
    let composeMs = live.composeMs;
    for (const f of added) {
      const start = performance.now();
      renameSync(join(aside, basename(f)), f);
      const report = await live.refresh([f]);
      // Answered from the new article: its first paragraph in context, and a search of that paragraph's words.
      const article = live.current.articles.find((x) => x.file === basename(f));
      const first = article?.paragraphs[0]?.text ?? '';
      const shown = JSON.stringify(ask(`/context ${article?.id ?? basename(f)} 1`));
      ask(`/search ${first.split(/\s+/).slice(0, 8).join(' ')}`);
      add.push(performance.now() - start);
      refreshMs.push(report.ms);
      composeMs = live.composeMs;
      if (first === '' || !shown.includes(JSON.stringify(first.slice(0, 40)).slice(1, -1)))
        throw new Error(`the article added (${basename(f)}) is not answered from`);
    }
    return { add, refreshMs, composeMs, appended: live.current.quotes.appended };
  };
  const { add, refreshMs, composeMs } = await addEach(held);
  const latest = await addEach(newest);
  /** Asks the questions one every PACE_MS, each timed from when it was due (a stall of the event loop counts). */
  const paced = async (until: () => boolean): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; !until() || i < asked.length / 4; i += 1) {
      const due = performance.now() + PACE_MS;
      await new Promise((r) => setTimeout(r, PACE_MS));
      ask(asked[i % asked.length] as string);
      times.push(performance.now() - due);
    }
    return times;
  };
  const without = await paced(() => true);
  // Questions asked while updates that rebuild the quote book whole are put together (the held articles,
  // removed again one at a time): the corpus is put together in turns, answers going on from the last state.
  let updating = true;
  const removals = (async () => {
    for (const f of held) {
      renameSync(f, join(aside, basename(f)));
      await live.refresh([f]);
    }
    updating = false;
  })();
  const duringUpdate = await paced(() => !updating);
  await removals;
  const segmentsBeforeMerge = live.status().segments;
  let merging = true;
  const mergeStart = performance.now();
  const merged = live.mergeAll().then(() => (merging = false));
  const during = await paced(() => !merging);
  await merged;
  const mergeMs = Math.round(performance.now() - mergeStart);
  // The corpus folder as it was (the live index no longer matters).
  for (const f of held) renameSync(join(aside, basename(f)), f);
  const median = (xs: number[]) => Number(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0).toFixed(1));
  return {
    liveBuildMs: buildMs,
    addMs: median(add),
    addMsMax: Number(Math.max(...add).toFixed(1)),
    refreshMs: median(refreshMs),
    composeMs,
    addNewestMs: median(latest.add),
    addNewestMsMax: Number(Math.max(...latest.add).toFixed(1)),
    newestRefreshMs: median(latest.refreshMs),
    newestComposeMs: latest.composeMs,
    newestAppended: latest.appended,
    segmentsBeforeMerge,
    mergeMs,
    withoutMerge: { ...percentiles(without), max: Number(Math.max(...without).toFixed(1)), n: without.length },
    duringUpdate: { ...percentiles(duringUpdate), max: Number(Math.max(...duringUpdate).toFixed(1)), n: duringUpdate.length },
    duringMerge: { ...percentiles(during), max: Number(Math.max(...during).toFixed(1)), n: during.length },
  };
}
