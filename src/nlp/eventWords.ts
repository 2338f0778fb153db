import { type Token, tokenize } from './terms.ts';

/** What crossing a clause mark (",", ";", ":", a dash, a bracket) adds to the distance between two words. */
const CLAUSE_STEP = 6;
const CLAUSE_MARK = /[,;:()\u2013\u2014]/;

/**
 * The words of a sentence that belong to the event one of its dates modifies: every word nearer to that
 * date than to any other date of the sentence, distance counted in words with each clause mark between
 * them adding CLAUSE_STEP. "Kerry met Lavrov on Monday, and Putin will visit Paris in May": "met" and
 * "Lavrov" go to "on Monday", "visit" and "Paris" to "in May". A sentence with one date gives it every word
 * but the date's own; a date held inside a longer one ("in 2011" in "since the start of the war in 2011")
 * keeps the words of the longer one. Returns the words' terms (see terms.ts), stopwords left out.
 */
export function eventTerms(sentence: string, dates: ReadonlyArray<readonly [number, number]>, k: number): string[] {
  const tokens = tokenize(sentence);
  const marks = clauseMarksBefore(sentence);
  const at = dates.map(([start]) => tokens.findIndex((t) => t.end > start));
  const distance = (t: number, d: number): number => {
    const i = at[d] ?? 0;
    const [a, b] = t < i ? [t, i] : [i, t];
    const ta = tokens[a] as Token;
    const tb = tokens[Math.max(a, b)] as Token;
    return Math.abs(t - i) + CLAUSE_STEP * Math.abs((marks[tb.start] ?? 0) - (marks[ta.start] ?? 0));
  };
  const [from, to] = dates[k] ?? [0, 0];
  const out: string[] = [];
  tokens.forEach((tok, t) => {
    // The expression's own words ("five years after the conflict began") say when, not what happened.
    if (tok.term === null || (tok.start >= from && tok.end <= to)) return;
    const mine = distance(t, k);
    if (dates.every((_, d) => d === k || wraps(dates[d]!, dates[k]!) || mine <= distance(t, d))) out.push(tok.term);
  });
  return out;
}

/** Does one expression hold another ("since the start of the war in 2011" holds "in 2011")? Then the inner one's event is the outer one's too. */
const wraps = (outer: readonly [number, number], inner: readonly [number, number]): boolean =>
  outer[0] <= inner[0] && inner[1] <= outer[1] && (outer[0] !== inner[0] || outer[1] !== inner[1]);

/** For each character of a sentence, how many clause marks stand before it. */
function clauseMarksBefore(sentence: string): Uint16Array {
  const out = new Uint16Array(sentence.length + 1);
  let n = 0;
  for (let i = 0; i < sentence.length; i += 1) {
    out[i] = n;
    if (CLAUSE_MARK.test(sentence[i] as string)) n += 1;
  }
  out[sentence.length] = n;
  return out;
}
