import { describe, expect, it } from 'vitest';
import { DEVPAGES_DIR } from '../support/helpers.ts';
import { evaluatePolnear, readPolnear } from './polnear.ts';

/**
 * Floors on the development pages (tests/devpages: 25 raw news pages on five stories, 116 quotations annotated
 * independently of the rules, in PolNeAR's format with a `speakerName` for each), scored as PolNeAR is
 * (tests/eval/polnear.ts), a little under today's figures: `npm run eval -- --polnear tests/devpages --verbose`
 * prints them and every miss. The loose speaker check compares the name the quote was resolved to with the
 * annotator's `speakerName`, so a pronoun or a description left unresolved counts as wrong.
 */
describe('quotes and speakers against the development pages', () => {
  const [low, high] = evaluatePolnear(readPolnear(DEVPAGES_DIR));

  it('reads every page and scores the same set', () => {
    expect(low?.byKind.all.gold).toBe(114);
    expect((low?.byKind.all.gold ?? 0) + (low?.unscored.gold ?? 0)).toBe(116);
  });

  it('finds quotes at overlap 0.3: direct F1 ≥ 0.85, mixed ≥ 0.90, indirect speech ≥ 0.72, all ≥ 0.80 (precision ≥ 0.85)', () => {
    expect(low?.byKind.direct.f1).toBeGreaterThanOrEqual(0.85);
    expect(low?.byKind.mixed.f1).toBeGreaterThanOrEqual(0.9);
    expect(low?.byKind.indirect.f1).toBeGreaterThanOrEqual(0.72);
    expect(low?.byKind.all.f1).toBeGreaterThanOrEqual(0.8);
    expect(low?.byKind.all.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('finds quotes at overlap 0.8: all F1 ≥ 0.75', () => {
    expect(high?.byKind.all.f1).toBeGreaterThanOrEqual(0.75);
  });

  it('names speakers on paired quotes: loose ≥ 0.73 (direct ≥ 0.85), strict ≥ 0.84', () => {
    expect(low?.byKind.all.speakerLoose).toBeGreaterThanOrEqual(0.73);
    expect(low?.byKind.direct.speakerLoose).toBeGreaterThanOrEqual(0.85);
    expect(low?.byKind.all.speakerStrict).toBeGreaterThanOrEqual(0.84);
  });
});
