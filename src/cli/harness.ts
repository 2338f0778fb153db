/**
 * `npm run -s harness -- FILE [--json] [--page N | --all] [--png PICTURE] [--corpus DIR]`: runs a script of commands in one process, one per
 * line as a user types them in Discord; blank lines and `#` comments are skipped, and `expect` lines check
 * the answer of the command above them (see expect.ts). Prints every answer (one JSON document per line
 * with --json); a failed expectation is reported on stderr with its line, and the exit code is 1. With
 * --png, the picture of the script's first /timeline answer goes to PICTURE, the next ones to PICTURE-2.png, …
 */
import { readFileSync } from 'node:fs';
import { renderJson } from '../render/json.ts';
import { renderForCli } from '../render/index.ts';
import { terminalSafe } from '../render/safeText.ts';
import { styleFor } from '../render/terminal.ts';
import { runLine } from '../router/router.ts';
import {
  PAGING_FLAGS,
  UsageLineError,
  main,
  openCorpus,
  pagingOf,
  parseArgs,
  pictureFile,
  reportBugToStderr,
  warn,
  writePicture,
} from './app.ts';
import { check, type Expectation, ExpectationSyntaxError, parseExpectation } from './expect.ts';

const USAGE = 'usage: npm run -s harness -- FILE [--json] [--page N | --all] [--png PICTURE] [--corpus DIR]';

interface Step {
  line: number;
  command: string;
  expectations: Expectation[];
}

/** Reads a script into commands with their expectations; a malformed expect line is reported by line. */
export function parseScript(text: string, file: string): Step[] {
  const steps: Step[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '' || line.startsWith('#')) return;
    if (/^expect(\s|$)/.test(line)) {
      const step = steps[steps.length - 1];
      if (!step) throw new ExpectationSyntaxError(`${file}:${n}: an expect line needs a command above it`);
      try {
        step.expectations.push(parseExpectation(line.slice(6), n));
      } catch (error) {
        throw new ExpectationSyntaxError(`${file}:${n}: ${(error as Error).message}`);
      }
      return;
    }
    steps.push({ line: n, command: line, expectations: [] });
  });
  return steps;
}

/** The file of the n-th picture of a script: the one given, then `name-2.png`, `name-3.png`, … */
function numberedFile(file: string, n: number): string {
  if (n === 1) return file;
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return dot > slash + 1 ? `${file.slice(0, dot)}-${n}${file.slice(dot)}` : `${file}-${n}`;
}

main(async () => {
  const { values, positionals } = parseArgs({ options: PAGING_FLAGS, allowPositionals: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageLineError(USAGE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageLineError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let steps: Step[];
  try {
    steps = parseScript(text, file);
  } catch (error) {
    throw new UsageLineError((error as Error).message);
  }
  const paging = pagingOf(values);
  const png = pictureFile(values);
  const { ctx } = await openCorpus(values.corpus);
  const style = styleFor(process.stdout);
  let failed = 0;
  let passed = 0;
  let pictures = 0;
  for (const step of steps) {
    const answer = runLine(ctx, step.command, reportBugToStderr, paging);
    const text = renderForCli(answer, { json: values.json, style });
    process.stdout.write(values.json ? `${text}\n` : `> ${terminalSafe(step.command)}\n${text}\n\n`);
    if (png !== null && answer.command === 'timeline' && (await writePicture(answer, numberedFile(png, pictures + 1)))) pictures += 1;
    const plain = JSON.parse(renderJson(answer)) as unknown;
    for (const e of step.expectations) {
      const problem = check(e, plain);
      if (problem === null) passed += 1;
      else {
        failed += 1;
        warn(`${file}:${e.line}: ${step.command}\n  ${e.source}\n  ${problem}`);
      }
    }
  }
  if (png !== null && pictures === 0) warn(`${file}: no /timeline answer with an event: no picture written`);
  const total = passed + failed;
  if (total > 0) warn(`${file}: ${steps.length} commands, ${total} expectations: ${passed} held, ${failed} failed`);
  return failed > 0 ? 1 : 0;
});
