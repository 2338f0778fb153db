/**
 * `npm run -s bench -- --paragraphs N [--json] [--seed S]`: builds a synthetic corpus of N paragraphs from
 * the seed articles, runs the whole pipeline on it, and measures in one run: ingest + index build time, the
 * saved index's size, its load time, peak memory, and the latency (p50/p95/p99) of /search, /who-said and /when
 * over a fixed set of queries, beside the same searches on a bare MiniSearch with default options.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { commands } from '../commands/index.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { cacheFileFor, loadIndexedCorpus } from '../src/index/cache.ts';
import { runLine } from '../src/router/router.ts';
import { QUERIES } from './queries.ts';
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

const REPEAT = 5;

const progress = !values.json && process.stderr.isTTY;
function bar(label: string, done: number, total: number): void {
  if (!progress) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stderr.write(`\r${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  if (done >= total) process.stderr.write('\n');
}

const percentiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number): number => Number((s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0).toFixed(2));
  return { p50: at(50), p95: at(95), p99: at(99) };
};

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const root = mkdtempSync(join(tmpdir(), 'quotedesk-bench-'));
const corpusDir = join(root, 'corpus');
const cacheDir = join(root, 'cache');
try {
  const seeds = loadCorpus(join(import.meta.dirname, '..', 'corpus')).articles;
  const made = writeSyntheticCorpus(corpusDir, seeds, {
    paragraphs: N,
    seed: Number(values.seed),
    onProgress: (d, t) => bar('writing the corpus', d, t),
  });

  const t = performance.now();
  let loaded = await loadIndexedCorpus(corpusDir, { cacheDir, onProgress: (d, total) => bar('ingest and index', d, total) });
  const buildMs = performance.now() - t;
  const paragraphs = loaded.index.paragraphCount;
  const texts = loaded.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
  loaded = undefined as unknown as typeof loaded;
  const indexBytes = statSync(cacheFileFor(cacheDir, corpusDir)).size;

  // Loading, measured in a fresh process: the time and memory of a bot starting on an indexed corpus.
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'loadOnly.ts'), corpusDir, cacheDir], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`loading the saved index failed: ${child.stderr}`);
  const served = JSON.parse(child.stdout) as { loadMs: number; serveRssMb: number };
  const loadMs = served.loadMs;
  const corpus = await loadIndexedCorpus(corpusDir, { cacheDir });
  if (corpus.source.kind !== 'cache') throw new Error('the saved index was not used');
  const ctx = { corpus, commands };

  const latency = (name: string, queries: string[]): number[] => {
    const out: number[] = [];
    for (let r = 0; r < REPEAT; r += 1)
      for (const q of queries)
        out.push(
          time(() =>
            runLine(ctx, `/${name} ${q}`, (e) => {
              throw e;
            }),
          ),
        );
    return out;
  };
  const search = latency('search', QUERIES.search);
  const whoSaid = latency('who-said', QUERIES.whoSaid);
  const when = latency('when', QUERIES.when);

  // The reference: MiniSearch with its default options over the same paragraphs.
  const raw = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  raw.addAll(texts.map((text, id) => ({ id, text })));
  const rawTimes: number[] = [];
  for (let r = 0; r < REPEAT; r += 1) for (const q of QUERIES.search) rawTimes.push(time(() => raw.search(q.replace(/"/g, ''))));

  const result = {
    paragraphs,
    articles: made.articles,
    buildMs: Math.round(buildMs),
    loadMs: Math.round(loadMs),
    indexBytes,
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    serveRssMb: served.serveRssMb,
    latency: { search: percentiles(search), whoSaid: percentiles(whoSaid), when: percentiles(when), rawMiniSearch: percentiles(rawTimes) },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;
    const rows = [
      ['paragraphs', String(result.paragraphs)],
      ['articles', String(result.articles)],
      ['ingest + index build', `${(result.buildMs / 1000).toFixed(1)} s`],
      ['saved index on disk', mb(result.indexBytes)],
      [
        'load of the saved index',
        `${(result.loadMs / 1000).toFixed(2)} s (${(result.buildMs / Math.max(1, result.loadMs)).toFixed(1)}× faster than building)`,
      ],
      ['peak memory (RSS)', `${result.rssMb} MB while building and measuring; ${result.serveRssMb} MB serving after a load`],
    ];
    for (const [k, v] of rows) process.stdout.write(`${String(k).padEnd(26)} ${v}\n`);
    process.stdout.write(`\n${'latency (ms)'.padEnd(26)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}\n`);
    for (const [k, v] of Object.entries(result.latency)) {
      process.stdout.write(`${k.padEnd(26)} ${String(v.p50).padStart(8)} ${String(v.p95).padStart(8)} ${String(v.p99).padStart(8)}\n`);
    }
  }
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
