import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTimeml } from './timeml.ts';

/**
 * Floors on TempEval-3's training news (../shared/data/timeml-train, 256 documents, 1,822 TIMEX3), a little
 * under today's figures: `npm run eval -- --timeml ../shared/data/timeml-train --verbose` prints them and every
 * miss. HeidelTime reached relaxed F1 0.903, strict 0.813 and value F1 0.776 on the task's test news.
 */
describe('temporal expressions against TimeML (TempEval-3 Task A)', () => {
  const { all, date } = evaluateTimeml(join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'timeml-train'));

  it('reads the whole set', () => {
    expect(all.gold).toBe(1822);
  });

  it('finds expressions: relaxed F1 ≥ 0.88, strict F1 ≥ 0.77', () => {
    expect(all.relaxed.f1).toBeGreaterThanOrEqual(0.88);
    expect(all.strict.f1).toBeGreaterThanOrEqual(0.77);
  });

  it('resolves them: value accuracy ≥ 0.85, value F1 ≥ 0.755', () => {
    expect(all.valueAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(all.valueF1).toBeGreaterThanOrEqual(0.755);
  });

  it('resolves DATE expressions: value accuracy ≥ 0.86, value F1 ≥ 0.77', () => {
    expect(date.valueAccuracy).toBeGreaterThanOrEqual(0.86);
    expect(date.valueF1).toBeGreaterThanOrEqual(0.77);
  });
});
