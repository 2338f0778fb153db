/**
 * Loads a saved index in a fresh process and reports how long that took and the memory the process then
 * holds: what a bot that starts on an already indexed corpus costs. Used by bench/run.ts.
 */
import { loadIndexedCorpus } from '../src/index/cache.ts';

const [corpusDir, cacheDir] = process.argv.slice(2) as [string, string];
const t = performance.now();
const corpus = await loadIndexedCorpus(corpusDir, { cacheDir });
const loadMs = performance.now() - t;
if (corpus.source.kind !== 'cache') throw new Error('the saved index was not used');
process.stdout.write(
  `${JSON.stringify({ loadMs: Math.round(loadMs), serveRssMb: Math.round(process.memoryUsage().rss / 1048576), paragraphs: corpus.index.paragraphCount })}\n`,
);
