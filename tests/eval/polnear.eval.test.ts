import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePolnear, readPolnear } from './polnear.ts';

/**
 * Floors on PolNeAR's dev split (../shared/data/polnear/dev: 84 articles, 2,192 attributions, 1,247 of them
 * scored), a little under today's figures: `npm run eval -- --polnear --verbose` prints them, every miss and
 * a tally of error classes. For scale, the Gender Gap Tracker reports F1 0.837 and speaker accuracy 0.865 on
 * its own news at 0.3 overlap; issue 13's goal is direct and mixed F1 ≥ 0.90, speaker accuracy ≥ 0.92.
 */
const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'polnear', 'dev');
const present = existsSync(join(DIR, 'gold.jsonl'));
if (!present) console.warn(`PolNeAR floors skipped: ${DIR} is absent (see /work/shared/data/README.md)`);

describe.skipIf(!present)('quotes and speakers against PolNeAR dev', () => {
  const [low, high] = present ? evaluatePolnear(readPolnear(DIR)) : [];

  it('reads the whole split and scores the same set', () => {
    expect(low?.byKind.all.gold).toBe(1247);
    expect((low?.byKind.all.gold ?? 0) + (low?.unscored.gold ?? 0)).toBe(2192);
  });

  it('finds quotes at overlap 0.3: direct F1 ≥ 0.93, mixed ≥ 0.84, indirect speech ≥ 0.70, all ≥ 0.82 (precision ≥ 0.94)', () => {
    expect(low?.byKind.direct.f1).toBeGreaterThanOrEqual(0.93);
    expect(low?.byKind.mixed.f1).toBeGreaterThanOrEqual(0.84);
    expect(low?.byKind.indirect.f1).toBeGreaterThanOrEqual(0.7);
    expect(low?.byKind.all.f1).toBeGreaterThanOrEqual(0.82);
    expect(low?.byKind.all.precision).toBeGreaterThanOrEqual(0.94);
  });

  it('finds direct and mixed quotes together at overlap 0.3 with F1 ≥ 0.90 (issue 13: ≥ 0.90), their speakers right ≥ 0.93 (issue 13: ≥ 0.92)', () => {
    const dm = (low?.pairs ?? []).filter((p) => p.gold.kind !== 'indirect').length;
    const direct = low?.byKind.direct;
    const mixed = low?.byKind.mixed;
    const precision = ((direct?.matchedFound ?? 0) + (mixed?.matchedFound ?? 0)) / Math.max(1, (direct?.found ?? 0) + (mixed?.found ?? 0));
    const recall = dm / Math.max(1, (direct?.gold ?? 0) + (mixed?.gold ?? 0));
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.9);
    const paired = (low?.pairs ?? []).filter((p) => p.gold.kind !== 'indirect');
    expect(paired.filter((p) => p.speaker).length / Math.max(1, paired.length)).toBeGreaterThanOrEqual(0.93);
  });

  it('finds quotes at overlap 0.8: direct F1 ≥ 0.89, all ≥ 0.77', () => {
    expect(high?.byKind.direct.f1).toBeGreaterThanOrEqual(0.89);
    expect(high?.byKind.all.f1).toBeGreaterThanOrEqual(0.77);
  });

  // Direct strict is lower than before the mixed rules (0.926): more direct quotes pair through a mixed span
  // whose speaker mention is not the annotated source's words.
  it('names speakers on paired quotes: overlap or same person ≥ 0.94 (issue 13), loose ≥ 0.83 (direct ≥ 0.86), strict ≥ 0.87 (direct ≥ 0.915); cues ≥ 0.88', () => {
    expect(low?.byKind.all.speaker).toBeGreaterThanOrEqual(0.94);
    expect(low?.byKind.all.speakerLoose).toBeGreaterThanOrEqual(0.83);
    expect(low?.byKind.direct.speakerLoose).toBeGreaterThanOrEqual(0.86);
    expect(low?.byKind.all.speakerStrict).toBeGreaterThanOrEqual(0.87);
    expect(low?.byKind.direct.speakerStrict).toBeGreaterThanOrEqual(0.915);
    expect(low?.byKind.all.cue).toBeGreaterThanOrEqual(0.88);
  });
});
