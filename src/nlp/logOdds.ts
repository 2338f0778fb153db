/**
 * Which words one group of texts uses more than the rest: the weighted log-odds ratio with an informative
 * Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation
 * for Identifying the Content of Political Conflict", Political Analysis 16(4), §3.5. Raw frequency differences
 * favour common words, plain log-odds favour rare ones; the prior shrinks each word's odds toward its share of
 * a background corpus, and dividing by the estimate's standard deviation says how sure the difference is.
 */

/** A word's weighted log-odds of a group against the rest. */
export interface LogOdds {
  /** δ̂: the log-odds of the word in the group less its log-odds in the rest, both shrunk by the prior. */
  delta: number;
  /** σ²(δ̂) ≈ 1/(y_i + α_w) + 1/(y_j + α_w). */
  variance: number;
  /** δ̂ / σ: above 1.96 the group uses the word more than the rest at the 95% level. */
  z: number;
}

const total = (counts: ReadonlyMap<string, number>): number => {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
};

/**
 * The z-scored log-odds of every word the group uses, against the rest. The prior is the background's word
 * shares at strength α₀: α_w = α₀ · (its count of w) / (its count of all words), Monroe et al.'s informative
 * prior; α₀ is the background's own size unless given (α_w its counts as they are). Per word w, with y_i and n_i the group's count of it and of all words, y_j and n_j
 * the rest's:
 *   δ̂ = ln((y_i + α_w) / (n_i + α₀ − y_i − α_w)) − ln((y_j + α_w) / (n_j + α₀ − y_j − α_w)).
 * A word the prior does not have is not scored: the prior is meant to be a corpus holding every word counted.
 */
export function weightedLogOdds(
  group: ReadonlyMap<string, number>,
  rest: ReadonlyMap<string, number>,
  prior: ReadonlyMap<string, number>,
  strength?: number,
): Map<string, LogOdds> {
  const ni = total(group);
  const nj = total(rest);
  const size = total(prior);
  const a0 = strength ?? size;
  const out = new Map<string, LogOdds>();
  for (const [word, yi] of group) {
    const aw = ((prior.get(word) ?? 0) * a0) / size;
    if (yi <= 0 || aw <= 0) continue;
    const yj = rest.get(word) ?? 0;
    const delta = Math.log((yi + aw) / (ni + a0 - yi - aw)) - Math.log((yj + aw) / (nj + a0 - yj - aw));
    const variance = 1 / (yi + aw) + 1 / (yj + aw);
    out.set(word, { delta, variance, z: delta / Math.sqrt(variance) });
  }
  return out;
}
