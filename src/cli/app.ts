import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Answer } from '../answer/types.ts';
import { timelinePng } from '../render/chartPng.ts';
import { commands } from '../../commands/index.ts';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { CorpusError } from '../ingest/files.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import { LiveCorpus } from '../index/live.ts';
import type { CommandContext } from '../../commands/define.ts';
import { type BugReporter, type Paging, wholeNumber } from '../router/router.ts';
import { progressBar } from './progress.ts';
import { terminalSafe, toJsonLine } from '../render/safeText.ts';

/** Flags every command-line entry point takes. */
export const COMMON_FLAGS = {
  json: { type: 'boolean', default: false },
  corpus: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The flag of the entry points that answer commands: `--png FILE` writes the picture of a /timeline answer. */
export const PICTURE_FLAGS = {
  png: { type: 'string' },
} as const;

/** Flags of the entry points that answer commands given on the command line: which page, or every result. */
export const PAGING_FLAGS = {
  ...COMMON_FLAGS,
  ...PICTURE_FLAGS,
  page: { type: 'string' },
  all: { type: 'boolean', default: false },
} as const;

/** The file `--png` names; a usage error when it names none (`--png=`). */
export function pictureFile(values: { png?: string | undefined }): string | null {
  if (values.png === undefined) return null;
  if (values.png.trim() === '') throw new UsageLineError('--png is empty: give the file to write the timeline picture to (--png FILE)');
  return values.png;
}

/**
 * Writes the timeline picture of an answer to a file, and says so on stderr (stdout is the answer's); false
 * when the answer has no picture: another command, an error, or no event (said too, unless it was an error).
 */
export async function writePicture(answer: Answer, file: string): Promise<boolean> {
  if (answer.error) return false;
  if (answer.command !== 'timeline') {
    warn(`no picture written: --png draws /timeline answers, not /${answer.command}`);
    return false;
  }
  const picture = await timelinePng(answer);
  if (picture === null) {
    warn('no picture written: the timeline has no event');
    return false;
  }
  try {
    writeFileSync(file, picture.png);
  } catch (error) {
    throw new UsageLineError(`cannot write the picture to ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  warn(`timeline picture: ${file} (${picture.width}×${picture.height} pixels, ${answer.results.length} events)`);
  return true;
}

/** The paging the flags ask for: `--page N` (a whole number from 1), `--all`, not both. */
export function pagingOf(values: { page?: string | undefined; all?: boolean | undefined }): Paging {
  if (values.page === undefined) return values.all ? { all: true } : {};
  const page = wholeNumber(values.page);
  if (page === null) throw new UsageLineError(`--page ${values.page}: give a whole number from 1`);
  if (values.all) throw new UsageLineError('--page and --all: give one of them (--all gives every result)');
  return { page };
}

/** One line on stderr; file names, queries and corpus text in it cannot act on the terminal. */
export const warn = (message: string): void => {
  process.stderr.write(`${terminalSafe(message)}\n`);
};

/** A command line the program cannot run (no command, no file): exit code 2, and with --json one JSON error answer. */
export class UsageLineError extends Error {
  override name = 'UsageLineError';
}

/** Bugs at the terminal: one line on stderr with the context, the stack only under DEBUG. */
export const reportBugToStderr: BugReporter = (error, context) => {
  const detail = process.env.DEBUG ? ((error as Error)?.stack ?? String(error)) : String(error);
  warn(`bug while running /${context.command} ${JSON.stringify(context.query)}: ${detail}`);
};

/**
 * Reads the configuration and the corpus; corpus warnings go to stderr. Throws when nothing usable loads.
 * `ctx.corpus` follows the live corpus as it is refreshed (by the watcher, by /corpus).
 */
export async function openCorpus(
  corpusDir: string | undefined,
): Promise<{ config: Config; corpus: LoadedCorpus; live: LiveCorpus; ctx: CommandContext }> {
  // `--corpus=` names no folder: resolved, it would be the current one, and index whatever is there.
  if (corpusDir !== undefined && corpusDir.trim() === '') {
    throw new UsageLineError(
      '--corpus is empty: give the folder of articles (--corpus DIR), or leave it out to use CORPUS_DIR or ./corpus',
    );
  }
  const config = await loadConfig({ corpusDir });
  const bar = progressBar(process.stderr);
  // The bar is for the first load: an update while the prompt is up says so in one line (see start.ts).
  let loading = true;
  const live = await LiveCorpus.open(config.corpusDir, {
    cacheDir: config.cacheDir,
    onCacheProblem: (m) => warn(`warning: ${m}`),
    ...(bar ? { onProgress: (stage, done, total) => loading && bar(stage, done, total) } : {}),
  });
  loading = false;
  const corpus = live.current;
  for (const w of corpus.warnings) warn(`warning: corpus file ${w.file} not loaded: ${w.reason}`);
  if (corpus.articles.length === 0) {
    throw new CorpusError(`no usable article in ${config.corpusDir}: add .txt or .md files (see README, "Adding an article")`);
  }
  const ctx = { corpus, commands, status: () => live.status() };
  live.serve(ctx);
  return { config, corpus, live, ctx };
}

/**
 * Runs a command-line program: a failure becomes one clear line on stderr (and, when the program was asked
 * for JSON, one JSON error answer on stdout). Exit code 2 for a mistyped command line, 1 for anything else.
 */
export function main(program: () => Promise<number>): void {
  program().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Anything may be thrown: a code may be a number (an HTTP status), the error null.
      const code: unknown = (error as { code?: unknown } | null)?.code;
      const usage = (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) || error instanceof UsageLineError;
      const known = usage || error instanceof ConfigError || error instanceof CorpusError;
      const message = known ? (error as Error).message : process.env.DEBUG ? String((error as Error)?.stack) : String(error);
      warn(`error: ${message}`);
      if (process.argv.includes('--json')) {
        const answer = { command: '', query: '', results: [], error: { message, kind: usage ? 'usage' : 'internal' } };
        process.stdout.write(`${toJsonLine(answer)}\n`);
      }
      process.exitCode = usage ? 2 : 1;
    },
  );
}

export { parseArgs };
