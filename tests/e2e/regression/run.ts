/**
 * The regression check of the restructuring (issue 11): a script of command lines, on the seeds and on a
 * synthetic corpus of 3,000 paragraphs, whose `--json` answers must stay byte-identical to the committed
 * `expected.*.jsonl`. `npx tsx tests/e2e/regression/run.ts --update` rewrites them after a deliberate change
 * of answers (say which in the commit).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../../../bench/synthetic.ts';
import { commands } from '../../../commands/index.ts';
import { loadCorpus } from '../../../src/ingest/corpus.ts';
import { discordPageSize, renderDiscord } from '../../../src/discord/render.ts';
import { loadIndexedCorpus } from '../../../src/index/cache.ts';
import { renderJson } from '../../../src/render/json.ts';
import { commandNameOf } from '../../../src/router/parse.ts';
import { type Paging, runLine } from '../../../src/router/router.ts';

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

/** What a suite's lines give: their JSON answers, and a SHA-256 of each answer's first Discord page. */
export interface SuiteOutput {
  /** One JSON document a line, as `npm run -s harness -- FILE --json` prints them. */
  answers: string;
  /** The same answers read back from the saved index file, which must be the same. */
  answersFromFile: string;
  /** One hash a line of the first page each answer makes in Discord (the rendering has no other check here). */
  discordPages: string;
}

/** Runs a suite's lines on a corpus built afresh, then again on the index file that build saved. */
export async function outputOf(suite: Suite): Promise<SuiteOutput> {
  const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-regression-'));
  try {
    let dir = SEEDS_DIR;
    if (suite === 'synthetic') {
      dir = join(scratch, 'corpus');
      writeSyntheticCorpus(dir, loadCorpus(SEEDS_DIR).articles, { paragraphs: 3000, seed: 7 });
    }
    const run = async (expect: 'built' | 'cache', paging: (line: string) => Paging = () => ({})) => {
      const corpus = await loadIndexedCorpus(dir, { cacheDir: join(scratch, 'cache') });
      if (corpus.source.kind !== expect) throw new Error(`regression: expected an index ${expect}, got ${corpus.source.kind}`);
      const ctx = { corpus, commands };
      return linesOf(suite).map((line) =>
        runLine(
          ctx,
          line,
          (error) => {
            throw error;
          },
          paging(line),
        ),
      );
    };
    const built = await run('built');
    const fromFile = await run('cache');
    // The bot asks for Discord's own pages, of each command's Discord page size.
    const discord = await run('cache', (line) => ({ size: discordPageSize(commandNameOf(line) ?? '') }));
    const hash = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');
    return {
      answers: `${built.map(renderJson).join('\n')}\n`,
      answersFromFile: `${fromFile.map(renderJson).join('\n')}\n`,
      discordPages: `${discord.map((a) => hash(renderDiscord(a, 0, { previous: 'p', next: 'n' }))).join('\n')}\n`,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export const discordFile = (suite: Suite): string => join(REGRESSION_DIR, `expected.${suite}.discord.txt`);

if (process.argv[1] === import.meta.filename && process.argv.includes('--update')) {
  for (const suite of SUITES) {
    const out = await outputOf(suite);
    writeFileSync(expectedFile(suite), out.answers);
    writeFileSync(discordFile(suite), out.discordPages);
  }
}
