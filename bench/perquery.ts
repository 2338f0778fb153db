import { commands } from '../commands/index.ts';
import { loadIndexedCorpus } from '../src/index/cache.ts';
import { runLine } from '../src/router/router.ts';
import { QUERIES } from './queries.ts';
const dir = process.argv[2] as string;
const corpus = await loadIndexedCorpus(dir, { cacheDir: '/tmp/qd-perq-cache' });
const ctx = { corpus, commands };
for (const [cmd, qs] of [
  ['search', QUERIES.search],
  ['who-said', QUERIES.whoSaid],
  ['when', QUERIES.when],
] as const) {
  for (const q of qs) {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      runLine(ctx, `/${cmd} ${q}`, (e) => {
        throw e;
      });
      times.push(performance.now() - t);
    }
    console.log(cmd.padEnd(9), q.padEnd(36), times.map((x) => x.toFixed(1)).join(' '));
  }
}
