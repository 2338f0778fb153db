import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { EventIndex } from '../../src/index/eventIndex.ts';
import { QuoteBook, quoteFactsOf } from '../../src/index/quoteBook.ts';
import { type Steps, runInTurns, runNow } from '../../src/index/steps.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

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

describe('the long computations of an update, in steps', () => {
  const articles = [...loadCorpus(CORPUS_DIR).articles, ...loadCorpus(join(import.meta.dirname, '..', 'devpages', 'corpus')).articles];
  /** Runs the steps, counting the pauses. */
  const counted = <T>(steps: Steps<T>): { value: T; pauses: number } => {
    let pauses = 0;
    for (;;) {
      const next = steps.next();
      if (next.done) return { value: next.value, pauses };
      pauses += 1;
    }
  };

  it('the quote book from facts pauses and gives the book built at once', () => {
    const facts = articles.map(quoteFactsOf);
    const { value, pauses } = counted(QuoteBook.fromFactsSteps(facts));
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(value)).toEqual(JSON.stringify(QuoteBook.fromFacts(facts)));
  });

  it('the dated mentions composed from parts pause and give the index composed at once', () => {
    const half = Math.floor(articles.length / 2);
    const parts = [articles.slice(0, half), articles.slice(half)].map((list, k) => ({
      index: EventIndex.build(list),
      toGlobalArticle: Int32Array.from(list, (_, i) => i + k * half),
    }));
    const { value, pauses } = counted(EventIndex.composeSteps(articles, parts));
    expect(pauses).toBeGreaterThanOrEqual(2);
    const whole = EventIndex.build(articles);
    expect(value.count).toBe(whole.count);
    expect([...value.chronological]).toEqual([...whole.chronological]);
    expect(value.withAnyOf(['kerri', 'moscow']).slice(0, 20)).toEqual(whole.withAnyOf(['kerri', 'moscow']).slice(0, 20));
  });
});
