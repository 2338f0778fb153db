/**
 * A synthetic corpus of N paragraphs made from the seed articles, for the benchmark: sentences of the real
 * bodies recombined, names and dates varied, and new words mixed in so that the vocabulary keeps growing as a
 * real corpus's does (Heaps' law). Deterministic: the same N and seed give the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/model/index.ts';

/** mulberry32: a small, fast, seeded random generator. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ten',
  'sha',
  'vel',
  'dor',
  'lin',
  'ba',
  'zu',
  'ne',
  'qua',
  'ris',
  'mo',
  'tal',
  'gen',
  'ar',
  'pel',
  'sun',
  'vik',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface SyntheticOptions {
  paragraphs: number;
  seed?: number;
  paragraphsPerArticle?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Writes the synthetic corpus to `dir` and returns how many articles and paragraphs it holds. */
/**
 * Made-up words from a seeded generator: new words and names as news keeps bringing them, and outlet names.
 * The syllables are the generator's own, so the words never collide with English.
 */
export function inventor(random: () => number): {
  pick: <T>(xs: readonly T[]) => T;
  word: (n?: number) => string;
  cap: (w: string) => string;
  outlets: (n: number) => string[];
} {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const word = (n = 2 + Math.floor(random() * 2)): string => Array.from({ length: n }, () => pick(SYLLABLES)).join('');
  const cap = (w: string): string => w[0]?.toUpperCase() + w.slice(1);
  const outlets = (n: number): string[] =>
    Array.from({ length: n }, () => `${cap(word(2))} ${pick(['News', 'Times', 'Post', 'Wire', 'Daily'])}`);
  return { pick, word, cap, outlets };
}

export function writeSyntheticCorpus(dir: string, seeds: Article[], options: SyntheticOptions): { articles: number; paragraphs: number } {
  const random = rng(options.seed ?? 42);
  const { pick, word, cap, outlets: inventOutlets } = inventor(random);
  const sentences = seeds.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences.map((s) => s.text)));
  const names = seeds.flatMap((a) =>
    a.quotes.map((q) => q.speaker.name).filter((n): n is string => !!n && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n)),
  );
  const people = Array.from({ length: 400 }, () => `${cap(word(2))} ${cap(word(3))}`);
  const outlets = inventOutlets(40);
  const perArticle = options.paragraphsPerArticle ?? 10;
  const articles = Math.ceil(options.paragraphs / perArticle);
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (let a = 0; a < articles; a += 1) {
    const year = 2014 + Math.floor(random() * 4);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const cast = [pick(people), pick(people), pick(people)];
    const body: string[] = [];
    const count = Math.min(perArticle, options.paragraphs - written);
    for (let p = 0; p < count; p += 1) {
      const n = 1 + Math.floor(random() * 3);
      const parts: string[] = [];
      for (let s = 0; s < n; s += 1) {
        let text = pick(sentences);
        // Names, weekdays, months and years varied; a new word now and then, as news brings new names and terms.
        for (const name of names) if (text.includes(name)) text = text.split(name).join(pick(cast));
        text = text.replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, () => pick(WEEKDAYS));
        text = text.replace(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g, () =>
          pick(MONTHS),
        );
        text = text.replace(/\b(?:19|20)\d{2}\b/g, () => String(2005 + Math.floor(random() * 12)));
        if (random() < 0.5) text = text.replace(/\b(the|a) (\w+)/, (_m, det: string, w: string) => `${det} ${word()} ${w}`);
        parts.push(text);
      }
      body.push(parts.join(' '));
    }
    written += count;
    const front = `---\ntitle: "${cap(word(3))} ${word(2)} ${word(3)}"\noutlet: "${pick(outlets)}"\npublished: ${published}\n---\n`;
    writeFileSync(join(dir, `s${String(a).padStart(7, '0')}.txt`), `${front}${body.join('\n\n')}\n`);
    if (a % 200 === 0) options.onProgress?.(written, options.paragraphs);
  }
  options.onProgress?.(written, options.paragraphs);
  return { articles, paragraphs: written };
}
