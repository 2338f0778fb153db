/**
 * `npm run -s ask -- "/search regime change" [--json] [--corpus DIR]`: answers one command and exits.
 * Exit code: 0 answered (also "nothing found"), 2 the command was mistyped, 1 anything else went wrong.
 */
import { renderForCli } from '../render/index.ts';
import { styleFor } from '../render/terminal.ts';
import { runLine } from '../router/router.ts';
import { COMMON_FLAGS, UsageLineError, main, openCorpus, parseArgs, reportBugToStderr } from './app.ts';

const USAGE = 'usage: npm run -s ask -- "/search regime change" [--json] [--corpus DIR]';

main(async () => {
  const { values, positionals } = parseArgs({ options: COMMON_FLAGS, allowPositionals: true });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const line = positionals.join(' ').trim();
  if (line === '') throw new UsageLineError(`no command given; ${USAGE}`);
  const { ctx } = await openCorpus(values.corpus);
  const answer = runLine(ctx, line, reportBugToStderr);
  process.stdout.write(`${renderForCli(answer, { json: values.json, style: styleFor(process.stdout) })}\n`);
  if (!answer.error) return 0;
  return answer.error.kind === 'usage' ? 2 : 1;
});
