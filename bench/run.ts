/**
 * `npm run -s bench -- --paragraphs N [--json] [--seed S]`: builds a synthetic corpus of N paragraphs
 * recombined from the real news of ../shared/data/ (bench/news.ts; the seed articles when that is absent), runs
 * the whole pipeline on it, and measures in one run: ingest + index build time and its peak memory (in a
 * process of its own), the saved index's size, the time to load it and the peak memory of a process that loads
 * it and answers (another process), and the latency (p50/p95/p99) of every command that answers from the index
 * over 250 distinct topics drawn from the news's words in five frequency bands (bench/queries.ts), beside the
 * same searches on a bare MiniSearch with default options over the same paragraphs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/ingest/corpus.ts';
import { cacheFileFor, loadIndexedCorpus } from '../src/index/cache.ts';
import { progressBar } from '../src/cli/progress.ts';
import { NEWS_DIRS, readNewsSources, writeNewsCorpus } from './news.ts';
import { BANDS, drawTopics } from './queries.ts';
import { writeSyntheticCorpus } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '10000' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.paragraphs);
if (!Number.isInteger(N) || N < 10) {
  process.stderr.write('usage: npm run -s bench -- --paragraphs N [--json] [--seed S]  (N a whole number ≥ 10)\n');
  process.exit(2);
}

const REPEAT = 2;

const progress = !values.json && process.stderr.isTTY;
const drawBar = progressBar(process.stderr);
const bar = (label: string, done: number, total: number): void => {
  if (progress) drawBar?.(label, done, total);
};

const percentiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => Number((s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0).toFixed(2));
  return { p50: at(50), p95: at(95), p99: at(99) };
};

/** Runs a stage of bench/child.ts in a fresh process and returns what it printed. */
function stage<T>(name: 'build' | 'serve' | 'live', corpusDir: string, cacheDir: string, queriesFile: string): T {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv.filter((a) => a.startsWith('--max-old-space-size')),
      '--import',
      'tsx',
      join(import.meta.dirname, 'child.ts'),
      name,
      corpusDir,
      cacheDir,
      queriesFile,
      ...(progress ? ['--progress'] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', progress ? 'inherit' : 'pipe'], maxBuffer: 1 << 26 },
  );
  if (child.status !== 0) throw new Error(`the ${name} stage failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}

const root = mkdtempSync(join(tmpdir(), 'quotedesk-bench-'));
const corpusDir = join(root, 'corpus');
const cacheDir = join(root, 'cache');
try {
  const seed = Number(values.seed);
  const news = readNewsSources(NEWS_DIRS);
  const onProgress = (d: number, t: number): void => bar('writing the corpus', d, t);
  // Without the development data (a clone without ../shared), the seed articles recombined as before.
  const made =
    news.length > 0
      ? writeNewsCorpus(corpusDir, news, { paragraphs: N, seed, onProgress })
      : writeSyntheticCorpus(corpusDir, loadCorpus(join(import.meta.dirname, '..', 'corpus')).articles, {
          paragraphs: N,
          seed,
          onProgress,
        });
  const topics = drawTopics(news.length > 0 ? news : readNewsSources([join(import.meta.dirname, '..', 'corpus')]), 50, seed);
  const queriesFile = join(root, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify({ topics, seed }));

  const built = stage<{ buildMs: number; paragraphs: number; rssMb: number }>('build', corpusDir, cacheDir, queriesFile);
  const indexBytes = statSync(cacheFileFor(cacheDir, corpusDir)).size;
  /** `bands`: for the commands asked about the topics, the p99 of each band of topics (`bench/queries.ts`). */
  type Latency = { p50: number; p95: number; p99: number; n: number; bands?: Record<string, number> };
  const served = stage<{ loadMs: number; firstAnswerMs: number; rssMb: number; latency: Record<string, Latency> }>(
    'serve',
    corpusDir,
    cacheDir,
    queriesFile,
  );

  type LiveStage = {
    liveBuildMs: number;
    addMs: number;
    addMsMax: number;
    refreshMs: number;
    composeMs: Record<string, number>;
    addNewestMs: number;
    addNewestMsMax: number;
    newestRefreshMs: number;
    newestComposeMs: Record<string, number>;
    newestAppended: boolean;
    segmentsBeforeMerge: number;
    mergeMs: number;
    withoutMerge: Latency & { max: number };
    duringUpdate: Latency & { max: number };
    duringMerge: Latency & { max: number };
  };
  const live = stage<LiveStage>('live', corpusDir, join(root, 'live'), queriesFile);

  // The reference: MiniSearch with its default options over the same paragraphs, asked the same topics.
  const texts = (await loadIndexedCorpus(corpusDir, { cacheDir })).articles.flatMap((a) => a.paragraphs.map((p) => p.text));
  const raw = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  raw.addAll(texts.map((text, id) => ({ id, text })));
  const rawTimes: number[] = [];
  const rawQueries = topics.map((t) => t.text.replace(/"/g, ''));
  for (const q of rawQueries) raw.search(q);
  for (let r = 0; r < REPEAT; r += 1)
    for (const q of rawQueries) {
      const start = performance.now();
      raw.search(q);
      rawTimes.push(performance.now() - start);
    }

  const result = {
    paragraphs: built.paragraphs,
    articles: made.articles,
    buildMs: built.buildMs,
    loadMs: served.loadMs,
    indexBytes,
    /** The larger of the two peaks: building, and serving (load and answer). */
    rssMb: Math.max(built.rssMb, served.rssMb),
    buildRssMb: built.rssMb,
    serveRssMb: served.rssMb,
    firstAnswerMs: served.firstAnswerMs,
    /** A new article added to the built live index and answered from it (median of 5), and the rest of the live stage. */
    addMs: live.addMs,
    live,
    source: news.length > 0 ? 'news' : 'seeds',
    topics: Object.fromEntries(BANDS.map((b) => [b, topics.filter((t) => t.band === b).length])),
    latency: { ...served.latency, bareMiniSearch: { ...percentiles(rawTimes), n: rawQueries.length } },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;
    const rows = [
      ['paragraphs', `${result.paragraphs} (recombined from ${result.source === 'news' ? `${news.length} news articles` : 'the seeds'})`],
      ['articles', String(result.articles)],
      ['ingest + index build', `${(result.buildMs / 1000).toFixed(1)} s`],
      ['saved index on disk', mb(result.indexBytes)],
      [
        'load of the saved index',
        `${(result.loadMs / 1000).toFixed(2)} s (${(result.buildMs / Math.max(1, result.loadMs)).toFixed(1)}× faster than building)`,
      ],
      ['peak memory (RSS)', `${result.buildRssMb} MB building; ${result.serveRssMb} MB loading and answering`],
      ['first answer after load', `${result.firstAnswerMs} ms (then one unmeasured round of the queries)`],
      [
        'addMs (live index)',
        `${live.addMs} ms median of 5 (max ${live.addMsMax}; refresh ${live.refreshMs} ms, of which composing ${Object.entries(
          live.composeMs,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} ms)`,
      ],
      [
        'addNewestMs (live index)',
        `${live.addNewestMs} ms median of 5, the last published (max ${live.addNewestMsMax}; refresh ${live.newestRefreshMs} ms, of which composing ${Object.entries(
          live.newestComposeMs,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} ms; quote book ${live.newestAppended ? 'appended to' : 'built whole'})`,
      ],
      [
        `merge of ${live.segmentsBeforeMerge} segments`,
        `${(live.mergeMs / 1000).toFixed(2)} s; search/who-said/when paced p99 / max ${live.withoutMerge.p99} / ${live.withoutMerge.max} ms without a merge, ${live.duringMerge.p99} / ${live.duringMerge.max} ms during it, ${live.duringUpdate.p99} / ${live.duringUpdate.max} ms during updates that rebuild the quote book (n ${live.withoutMerge.n} / ${live.duringMerge.n} / ${live.duringUpdate.n})`,
      ],
    ];
    for (const [k, v] of rows) process.stdout.write(`${String(k).padEnd(26)} ${v}\n`);
    process.stdout.write(
      `\n${'latency (ms)'.padEnd(26)} ${'questions'.padStart(9)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}\n`,
    );
    for (const [k, v] of Object.entries(result.latency)) {
      process.stdout.write(
        `${(k === 'bareMiniSearch' ? 'bare MiniSearch' : `/${k}`).padEnd(26)} ${String(v.n).padStart(9)} ${String(v.p50).padStart(8)} ${String(v.p95).padStart(8)} ${String(v.p99).padStart(8)}\n`,
      );
    }
    process.stdout.write(`\n${'p99 by band (ms)'.padEnd(26)} ${BANDS.map((b) => b.padStart(9)).join('')}\n`);
    for (const [k, v] of Object.entries(result.latency)) {
      const bands = (v as { bands?: Record<string, number> }).bands;
      if (bands) process.stdout.write(`${`/${k}`.padEnd(26)} ${BANDS.map((b) => String(bands[b] ?? '').padStart(9)).join('')}\n`);
    }
  }
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
