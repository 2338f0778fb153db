import { describe, expect, it } from 'vitest';
import { weightedLogOdds } from '../../src/nlp/logOdds.ts';

const counts = (o: Record<string, number>): Map<string, number> => new Map(Object.entries(o));

describe('weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008)', () => {
  // One outlet says "daesh" three times and "talks" once; the others "isis" three times and "talks" once.
  // The prior is the whole corpus: daesh 3, isis 3, talks 2, so α₀ = 8, and n_i = n_j = 4.
  const group = counts({ daesh: 3, talks: 1 });
  const rest = counts({ isis: 3, talks: 1 });
  const prior = counts({ daesh: 3, isis: 3, talks: 2 });
  const scores = weightedLogOdds(group, rest, prior);

  it('scores a word only the group uses, as worked by hand', () => {
    // δ = ln((3+3)/(4+8-3-3)) − ln((0+3)/(4+8-0-3)) = ln(6/6) − ln(3/9) = ln 3; σ² = 1/6 + 1/3 = 1/2.
    const daesh = scores.get('daesh');
    expect(daesh?.delta).toBeCloseTo(Math.log(3), 10);
    expect(daesh?.variance).toBeCloseTo(0.5, 10);
    expect(daesh?.z).toBeCloseTo(Math.log(3) / Math.sqrt(0.5), 10);
    expect(daesh?.z).toBeCloseTo(1.5537, 4);
  });

  it('gives a word both sides use alike a z of zero', () => {
    // δ = ln((1+2)/(4+8-1-2)) − ln((1+2)/(4+8-1-2)) = 0.
    expect(scores.get('talks')?.z).toBe(0);
  });

  it('scales the prior to the strength asked, keeping its shares', () => {
    // α₀ = 4: α_daesh = 4·3/8 = 1.5. δ = ln((3+1.5)/(4+4-3-1.5)) − ln(1.5/(4+4-1.5)) = ln(4.5/3.5) − ln(1.5/6.5).
    const weak = weightedLogOdds(group, rest, prior, 4).get('daesh');
    expect(weak?.delta).toBeCloseTo(Math.log(4.5 / 3.5) - Math.log(1.5 / 6.5), 10);
    expect(weak?.variance).toBeCloseTo(1 / 4.5 + 1 / 1.5, 10);
    // The background's own size is the default.
    expect(weightedLogOdds(group, rest, prior, 8).get('daesh')?.z).toBeCloseTo(scores.get('daesh')?.z ?? 0, 12);
  });

  it('scores only the words the group uses', () => {
    expect([...scores.keys()].sort()).toEqual(['daesh', 'talks']);
  });

  it('shrinks a rare word more than a common one: the same share gives a common word the higher z', () => {
    // "rare" once against none; "common" ten times against none, both only the group's: the prior is their counts.
    const s = weightedLogOdds(counts({ rare: 1, common: 10, x: 9 }), counts({ x: 20 }), counts({ rare: 1, common: 10, x: 29 }));
    expect((s.get('common')?.z ?? 0) > (s.get('rare')?.z ?? 0)).toBe(true);
    expect(s.get('x')?.z ?? 0).toBeLessThan(0);
  });
});
