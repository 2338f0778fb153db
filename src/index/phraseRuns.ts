import { type Token, keptTerm, tokenize } from '../nlp/terms.ts';

/**
 * Phrases checked without reading paragraphs' texts.
 *
 * A quoted phrase is searched as the paragraphs that have all its words (the BM25 index), then those that have
 * them in a row. Reading and tokenising each such paragraph's text was most of a phrase search's time (up to
 * PHRASE_SCAN paragraphs for its count: 60–230 ms at 100,000 paragraphs). So each paragraph's words are also
 * kept, in the index file with its article's details, as a run of numbers: a 32-bit hash of each word's term as
 * a phrase reads it (stopwords kept), in order. A phrase is then in a paragraph when its terms' hashes stand
 * in that run in a row. Two different terms may share a hash (FNV-1a, 32 bits: about one pair in a
 * vocabulary of 100,000 words), so a paragraph shown as a hit is still tokenised to find its phrase's
 * place (and dropped if it is not there); only paragraphs counted past those shown rest on the hashes.
 *
 * @example
 * const words = paragraphRun('Kerry met Lavrov in Moscow.');
 * hasRun(words, phraseRun(['in', 'moscow'])); // true
 * hasRun(words, phraseRun(['moscow', 'in'])); // false
 */

/** FNV-1a over the UTF-16 code units of a term. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i += 1) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A paragraph's words as hashes of their terms, stopwords kept, in order. */
export function paragraphRun(text: string): Uint32Array {
  const tokens = tokenize(text, { keepStopwords: true });
  const out = new Uint32Array(tokens.length);
  tokens.forEach((t, i) => (out[i] = termHash(t.term ?? '')));
  return out;
}

/**
 * `paragraphRun(text)` from the tokens `tokenize(text)` gave (stopwords null): the same words, a stopword's
 * term worked out from its word. What a writer that has just tokenised the paragraph for BM25 uses.
 */
export function runOfTokens(text: string, tokens: readonly Token[]): Uint32Array {
  const out = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    out[i] = termHash(t.term ?? keptTerm(text.slice(t.start, t.end)));
  }
  return out;
}

/** A phrase's terms (as `Lexicon.prepare` gives them) as hashes. */
export const phraseRun = (terms: readonly string[]): Uint32Array => Uint32Array.from(terms, termHash);

/** Does `run` stand in `words` in a row? */
export function hasRun(words: Uint32Array, run: Uint32Array): boolean {
  const n = run.length;
  if (n === 0) return true;
  const first = run[0] as number;
  for (let i = words.indexOf(first); i >= 0 && i + n <= words.length; i = words.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && words[i + k] === run[k]) k += 1;
    if (k === n) return true;
  }
  return false;
}

/**
 * An article's paragraphs' runs as bytes, for its details in the index file: the count of paragraphs, each
 * one's start (in words; then the total), then the words. Little-endian 32-bit numbers throughout.
 */
export function runsBytes(runs: readonly Uint32Array[]): Buffer {
  const words = runs.reduce((n, r) => n + r.length, 0);
  const out = new Uint32Array(2 + runs.length + words);
  out[0] = runs.length;
  let at = 0;
  runs.forEach((r, i) => {
    out[1 + i] = at;
    out.set(r, 2 + runs.length + at);
    at += r.length;
  });
  out[1 + runs.length] = at;
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** What `runsBytes` wrote: paragraph i's run is `runs[i]`. Throws on bytes that are not such a table. */
export function runsOf(bytes: Uint8Array): Uint32Array[] {
  if (bytes.length % 4 !== 0) throw new Error('the phrase runs are cut short');
  // Copied to be aligned: a file's bytes may start anywhere in their buffer.
  const all = new Uint32Array(bytes.length / 4);
  new Uint8Array(all.buffer).set(bytes);
  const { count, base } = runsTable(all);
  return Array.from({ length: count }, (_, i) => all.subarray(base + (all[1 + i] as number), base + (all[2 + i] as number)));
}

/**
 * The table of runs `runsBytes` wrote, read as 32-bit numbers: how many paragraphs, and where their words start
 * (paragraph i's run is `all[base + all[1 + i]]` up to `all[base + all[2 + i]]`). Throws unless it adds up.
 */
export function runsTable(all: Uint32Array): { count: number; base: number } {
  if (all.length < 2) throw new Error('the phrase runs are cut short');
  const count = all[0] as number;
  const base = 2 + count;
  if (base > all.length || (all[1 + count] as number) !== all.length - base) throw new Error('the phrase runs do not add up');
  for (let i = 0; i < count; i += 1)
    if ((all[2 + i] as number) < (all[1 + i] as number) || base + (all[2 + i] as number) > all.length)
      throw new Error('the phrase runs do not add up');
  return { count, base };
}
