/**
 * The benchmark's questions, drawn from the words of the news it recombines rather than fixed: five queries
 * say little about a p99. Topics come in five bands of 50 (rare words, middling words, very common words,
 * two-word phrases, misspelt words), so every command that takes a topic is asked 250 distinct questions whose
 * cost ranges from a handful of matches to a large share of the corpus. Deterministic for a seed.
 */
import { terms } from '../src/nlp/terms.ts';
import type { NewsSource } from './news.ts';
import { rng } from './synthetic.ts';

export type Band = 'rare' | 'middling' | 'common' | 'phrase' | 'typo';
export const BANDS: readonly Band[] = ['rare', 'middling', 'common', 'phrase', 'typo'];

export interface Topic {
  band: Band;
  text: string;
}

/** Surface words of a paragraph: lower-case letters (apostrophes and hyphens inside), three or more. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? [];

/** A misspelling of a word: two neighbouring inner letters swapped, or one inner letter dropped. */
export function misspell(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 3));
  return random() < 0.5
    ? word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2)
    : word.slice(0, i) + word.slice(i + 1);
}

/**
 * Topics in five bands of `perBand` from the sources' words, by document frequency (in how many paragraphs a
 * word stands) among words that are not stop words: rare (in 2 or 3 paragraphs), middling (between the 50th
 * and 90th percentile of the words found in 5 or more), common (the 200 most frequent), phrases (two such words
 * side by side in 5 or more paragraphs, half of them in quotation marks), and misspellings of middling words.
 */
export function drawTopics(sources: readonly NewsSource[], perBand = 50, seed = 42): Topic[] {
  const random = rng(seed);
  const df = new Map<string, number>();
  const pairs = new Map<string, number>();
  const content = new Map<string, boolean>();
  const isContent = (w: string): boolean => {
    let known = content.get(w);
    if (known === undefined) {
      known = w.length >= 3 && !/['’-]/.test(w) && terms(w).length > 0;
      content.set(w, known);
    }
    return known;
  };
  for (const s of sources)
    for (const p of s.paragraphs) {
      const words = wordsOf(p);
      for (const w of new Set(words)) if (isContent(w)) df.set(w, (df.get(w) ?? 0) + 1);
      const seen = new Set<string>();
      for (let i = 1; i < words.length; i += 1) {
        const a = words[i - 1] as string;
        const b = words[i] as string;
        if (isContent(a) && isContent(b)) seen.add(`${a} ${b}`);
      }
      for (const pair of seen) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  const byDf = [...df].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const frequent = byDf.filter(([, n]) => n >= 5).map(([w]) => w);
  const middling = frequent.slice(Math.floor(frequent.length * 0.1), Math.floor(frequent.length * 0.5));
  const sample = (xs: readonly string[], n: number): string[] => {
    const pool = [...xs];
    const out: string[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0] as string);
    return out;
  };
  const phrases = sample(
    [...pairs].filter(([, n]) => n >= 5).map(([p]) => p),
    perBand,
  ).map((p, i) => (i % 2 === 0 ? `"${p}"` : p));
  const typos = sample(
    middling.filter((w) => w.length >= 6),
    perBand,
  ).map((w) => misspell(w, random));
  return [
    ...sample(
      byDf.filter(([, n]) => n === 2 || n === 3).map(([w]) => w),
      perBand,
    ).map((text) => ({ band: 'rare' as const, text })),
    ...sample(middling, perBand).map((text) => ({ band: 'middling' as const, text })),
    ...sample(frequent.slice(0, 200), perBand).map((text) => ({ band: 'common' as const, text })),
    ...phrases.map((text) => ({ band: 'phrase' as const, text })),
    ...typos.map((text) => ({ band: 'typo' as const, text })),
  ];
}
