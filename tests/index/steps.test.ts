import { describe, expect, it } from 'vitest';
import { type Steps, runInTurns, runNow } from '../../src/index/steps.ts';

/** Sums the numbers, pausing after each; `log` hears each step. */
function* sum(xs: readonly number[], log: string[]): Steps<number> {
  let s = 0;
  for (const x of xs) {
    s += x;
    log.push(`step ${x}`);
    yield;
  }
  return s;
}

describe('steps', () => {
  it('runNow runs every step at once and gives the result', () => {
    const log: string[] = [];
    setImmediate(() => log.push('other'));
    expect(runNow(sum([1, 2, 3], log))).toBe(6);
    expect(log).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('runInTurns gives the same result, letting other callbacks run between turns', async () => {
    const log: string[] = [];
    let done = false;
    const other = (): void => {
      log.push('other');
      if (!done) setImmediate(other);
    };
    setImmediate(other);
    const pauses: number[] = [];
    const result = await runInTurns(sum([1, 2, 3], log), { sliceMs: 0, onPause: (ms) => pauses.push(ms) });
    done = true;
    expect(result).toBe(6);
    expect(log.filter((l) => l.startsWith('step'))).toEqual(['step 1', 'step 2', 'step 3']);
    // Something else ran between the steps, and each pause was reported.
    expect(log.indexOf('other')).toBeGreaterThan(0);
    expect(log.indexOf('other')).toBeLessThan(log.indexOf('step 3'));
    expect(pauses).toHaveLength(3);
  });

  it('runInTurns runs steps shorter than a turn together', async () => {
    const log: string[] = [];
    const pauses: number[] = [];
    expect(await runInTurns(sum([1, 2, 3], log), { sliceMs: 60_000, onPause: (ms) => pauses.push(ms) })).toBe(6);
    expect(pauses).toEqual([]);
  });
});
