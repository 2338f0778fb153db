import { describe, expect, it } from 'vitest';
import { evaluate } from './quoteEval.ts';
import { seedCorpus } from '../support/helpers.ts';

/**
 * Floors on the seed articles, measured against the hand annotation (tests/annotations/quotes.json);
 * `npm run eval -- --verbose` prints the figures and every miss. The floors sit a little under today's
 * figures so that a change that loses quotes or speakers fails here.
 */
describe('quote finding against the hand annotation', () => {
  const e = evaluate(seedCorpus().articles);

  it('finds direct quotes with precision ≥ 0.95 and recall ≥ 0.9', () => {
    expect(e.direct.precision).toBeGreaterThanOrEqual(0.95);
    expect(e.direct.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('names the right speaker for ≥ 0.9 of direct quotes', () => {
    expect(e.direct.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('finds indirect speech with precision ≥ 0.9 and recall ≥ 0.8, speakers right ≥ 0.9', () => {
    expect(e.indirect.precision).toBeGreaterThanOrEqual(0.9);
    expect(e.indirect.recall).toBeGreaterThanOrEqual(0.8);
    expect(e.indirect.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('labels the kind (direct, indirect, mixed) of ≥ 0.9 of the quotes it matched', () => {
    expect(e.kindAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('never names a speaker for a quote the annotation leaves unattributed', () => {
    const invented = e.pairs.filter((p) => p.gold.speaker === null && p.found.speaker.name !== null);
    expect(invented.map((p) => p.gold.quote)).toEqual([]);
  });
});
