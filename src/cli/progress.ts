/**
 * A one-line progress bar on stderr for long index builds, drawn only on a terminal (never into a pipe, a
 * log or JSON output). Stages are labelled; the line is ended when a stage is done.
 *
 * @example
 * const bar = progressBar(process.stderr);
 * bar?.('reading the corpus', 10, 100);
 */
export function progressBar(stream: NodeJS.WriteStream): ((stage: string, done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const width = 30;
  return (stage, done, total) => {
    const filled = Math.round((Math.min(done, total) / Math.max(1, total)) * width);
    stream.write(`\r${stage.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done >= total) stream.write('\n');
  };
}
