/**
 * `npm run -s ask -- "/search regime change" [--json] [--page N | --all] [--png FILE] [--corpus DIR]`: answers
 * one command (one page of it, or every result) and exits; with --png, a /timeline answer's picture goes to FILE.
 * Exit code: 0 answered (also "nothing found"), 2 the command was mistyped, 1 anything else went wrong.
 */
import { renderForCli } from '../render/index.ts';
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
  writePicture,
} from './app.ts';

const USAGE = 'usage: npm run -s ask -- "/search regime change" [--json] [--page N | --all] [--png FILE] [--corpus DIR]';

main(async () => {
  const { values, positionals } = parseArgs({ options: PAGING_FLAGS, allowPositionals: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const line = positionals.join(' ').trim();
  if (line === '') throw new UsageLineError(`no command given; ${USAGE}`);
  const paging = pagingOf(values);
  const png = pictureFile(values);
  const { ctx } = await openCorpus(values.corpus);
  const answer = runLine(ctx, line, reportBugToStderr, paging);
  process.stdout.write(`${renderForCli(answer, { json: values.json, style: styleFor(process.stdout) })}\n`);
  if (png !== null) await writePicture(answer, png);
  if (!answer.error) return 0;
  return answer.error.kind === 'usage' ? 2 : 1;
});
