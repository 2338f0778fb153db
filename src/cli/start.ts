/**
 * `npm start`: with DISCORD_TOKEN set, the Discord bot; without it, the same commands at a terminal prompt
 * on the bundled corpus. When its input is not a terminal (`echo "/search kerry" | npm start`), it answers
 * each line and exits. At the prompt, `--png FILE` writes the picture of each /timeline answer to FILE.
 */
import { createInterface } from 'node:readline';
import { renderForCli } from '../render/index.ts';
import { updateLines } from '../render/corpusUpdate.ts';
import { watchCorpus } from '../index/watch.ts';
import { styleFor } from '../render/terminal.ts';
import { runLine } from '../router/router.ts';
import { COMMON_FLAGS, PICTURE_FLAGS, main, openCorpus, parseArgs, pictureFile, reportBugToStderr, warn, writePicture } from './app.ts';

main(async () => {
  const { values } = parseArgs({ options: { ...COMMON_FLAGS, ...PICTURE_FLAGS }, allowPositionals: false });
  const png = pictureFile(values);
  const { config, corpus, live, ctx } = await openCorpus(values.corpus);
  if (config.discordToken) {
    const { createLogger } = await import('../discord/logger.ts');
    const { QuotedeskBot } = await import('../discord/bot.ts');
    const { logCorpusUpdate } = await import('../discord/corpusCommand.ts');
    const logger = createLogger(config.logLevel);
    const watcher = config.watchCorpus
      ? watchCorpus(live, {
          onUpdate: (report, now) => logCorpusUpdate(logger, report, now),
          onError: (err) => logger.error({ err, dir: live.dir }, 'corpus update failed; the last complete corpus goes on serving'),
        })
      : null;
    await watcher?.ready;
    const bot = new QuotedeskBot({ ctx, live, logger, token: config.discordToken, apiUrl: config.discordApiUrl });
    const stop = (signal: string): void => {
      logger.info({ signal }, 'closing the Discord connection');
      void Promise.all([bot.stop(), watcher?.close()]).then(() => process.exit(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    await bot.start();
    // Runs until a signal stops it.
    await new Promise<never>(() => undefined);
  }
  const interactive = process.stdin.isTTY === true;
  if (interactive) {
    warn(
      `Quotedesk: ${corpus.articles.length} articles, ${corpus.index.paragraphCount} paragraphs from ${corpus.dir}. Type /help for the commands; Ctrl-D exits.`,
    );
    warn('To run it as a Discord bot instead, put DISCORD_TOKEN in .env (see .env.example) and run npm start again.');
  }
  // Changes to the corpus folder are answered from as they settle; one line on stderr each.
  const watcher = config.watchCorpus
    ? watchCorpus(live, {
        onUpdate: (report, now) => updateLines(report, now).forEach((line) => warn(line)),
        onError: (error) => warn(`warning: corpus update failed (${String(error)}); the last complete corpus goes on serving`),
      })
    : null;
  // A file dropped in once the prompt is up is seen.
  await watcher?.ready;
  const style = styleFor(process.stdout);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    historySize: 500,
    prompt: 'quotedesk> ',
  });
  // Ctrl-C leaves the prompt as Ctrl-D does (the watcher would otherwise keep a paused prompt alive).
  rl.once('SIGINT', () => rl.close());
  if (interactive) rl.prompt();
  try {
    for await (const line of rl) {
      const text = line.trim();
      if (text === 'exit' || text === 'quit') break;
      if (text !== '' && !text.startsWith('#')) {
        const answer = runLine(ctx, text, reportBugToStderr);
        process.stdout.write(`${renderForCli(answer, { json: values.json, style })}\n`);
        if (png !== null && answer.command === 'timeline') await writePicture(answer, png);
      }
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
    // The watcher would keep the process alive after the input ends.
    await watcher?.close();
  }
  return 0;
});
