import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commands } from '../../commands/index.ts';
import type { Answer } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { indexInMemory, type LoadedCorpus } from '../../src/index/loadedCorpus.ts';
import type { CommandContext } from '../../commands/define.ts';
import { runLine } from '../../src/router/router.ts';

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'corpus');
/** The second development set: raw news pages with independent annotations (tests/devpages/README.md). */
export const DEVPAGES_DIR = join(import.meta.dirname, '..', 'devpages');

/** A corpus indexed in memory, as the bot would have it after start-up (no cache involved). */
export const indexedCorpus = (dir: string): LoadedCorpus => indexInMemory(loadCorpus(dir), 'test');

let seeds: LoadedCorpus | undefined;
/** The bundled corpus, loaded once per test file. */
export function seedCorpus(): LoadedCorpus {
  seeds ??= indexedCorpus(CORPUS_DIR);
  return seeds;
}

/** The commands in the order /help lists them and Discord receives them, as the tests expect them. */
export const COMMAND_NAMES = [
  'search',
  'who-said',
  'verify',
  'when',
  'timeline',
  'compare',
  'quotes',
  'speakers',
  'sources',
  'context',
  'corpus',
  'help',
];

export const contextOf = (corpus: LoadedCorpus): CommandContext => ({ corpus, commands });

/** Runs a command line on a corpus; a bug fails the test. */
export function ask(line: string, corpus: LoadedCorpus = seedCorpus()): Answer {
  return runLine(contextOf(corpus), line, (error) => {
    throw error;
  });
}

/** A folder holding the given files (name → text or bytes). */
export function tempCorpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotedesk-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** White space folded, markup dropped: how the annotations and the cleaned text are compared. */
export const fold = (s: string): string =>
  s
    .replace(/<\/?u>|\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
