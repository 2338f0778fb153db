/**
 * A long computation written once and run two ways: to the end at once (`runNow`), or in turns of the event
 * loop (`runInTurns`), so that a bot keeps answering while its live index puts a changed corpus together. The
 * computation is a generator that `yield`s wherever it may pause (between articles, between structures); it
 * must not depend on when it is resumed.
 *
 * @example
 * function* sum(xs: number[]): Steps<number> {
 *   let s = 0;
 *   for (const x of xs) {
 *     s += x;
 *     yield;
 *   }
 *   return s;
 * }
 * runNow(sum([1, 2])); // 3
 * await runInTurns(sum([1, 2])); // 3, other callbacks run in between
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end, now. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the steps in turns of the event loop of about `sliceMs` each (default 10; a step is not cut short),
 * letting whatever else is due run in between (I/O callbacks and timers: `setImmediate`).
 */
export async function runInTurns<T>(
  steps: Steps<T>,
  options: {
    sliceMs?: number;
    /** Told how long each pause between turns was. */
    onPause?: (ms: number) => void;
  } = {},
): Promise<T> {
  const sliceMs = options.sliceMs ?? 10;
  let since = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const now = performance.now();
    if (now - since >= sliceMs) {
      await new Promise(setImmediate);
      since = performance.now();
      options.onPause?.(since - now);
    }
  }
}
