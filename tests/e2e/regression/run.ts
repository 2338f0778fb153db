/**
 * The regression check of the restructuring (issue 11): a script of command lines, on the seeds and on a
 * synthetic corpus of 3,000 paragraphs, whose `--json` answers must stay byte-identical to the committed
 * `expected.*.jsonl`. `npx tsx tests/e2e/regression/run.ts --update` rewrites them after a deliberate change
 * of answers (say which in the commit).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../../../bench/synthetic.ts';
import { commands } from '../../../commands/index.ts';
import { loadCorpus } from '../../../src/ingest/corpus.ts';
import { loadIndexedCorpus } from '../../../src/index/cache.ts';
import { renderJson } from '../../../src/render/json.ts';
import { runLine } from '../../../src/router/router.ts';

export const REGRESSION_DIR = import.meta.dirname;
const SEEDS_DIR = join(REGRESSION_DIR, '..', '..', '..', 'corpus');
export const SUITES = ['seeds', 'synthetic'] as const;
export type Suite = (typeof SUITES)[number];

/** The command lines of a suite: blank lines and `#` comments skipped. */
export const linesOf = (suite: Suite): string[] =>
  readFileSync(join(REGRESSION_DIR, `${suite}.txt`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

export const expectedFile = (suite: Suite): string => join(REGRESSION_DIR, `expected.${suite}.jsonl`);

/** The answers of a suite, one JSON document a line, as `npm run -s harness -- FILE --json` prints them. */
export async function answersOf(suite: Suite): Promise<string> {
  const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-regression-'));
  try {
    let dir = SEEDS_DIR;
    if (suite === 'synthetic') {
      dir = join(scratch, 'corpus');
      writeSyntheticCorpus(dir, loadCorpus(SEEDS_DIR).articles, { paragraphs: 3000, seed: 7 });
    }
    const corpus = await loadIndexedCorpus(dir, { cacheDir: join(scratch, 'cache') });
    const ctx = { corpus, commands };
    const out = linesOf(suite).map((line) =>
      renderJson(
        runLine(ctx, line, (error) => {
          throw error;
        }),
      ),
    );
    return `${out.join('\n')}\n`;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename && process.argv.includes('--update')) {
  for (const suite of SUITES) writeFileSync(expectedFile(suite), await answersOf(suite));
}
