/**
 * The benchmark's corpus made from real news: the paragraphs of the ~1,180 articles of `../shared/data/`
 * (TempEval-3's training news and PolNeAR's train and dev splits, 1998 wire news and 2016 election news from
 * seven outlets) recombined into N paragraphs, so term frequencies, names, quotes and dates are those of news and
 * not of five articles repeated. Deterministic: the same sources, N and seed give the same files.
 *
 * Each synthetic article follows one source article (its date, a run of its paragraphs, so its quotes keep
 * their speakers and its weekdays their week) with now and then a paragraph of another; a new word is mixed
 * into half the paragraphs so that the vocabulary keeps growing as a real corpus's does (Heaps' law), and a
 * paragraph reused across articles is rarely the same twice (wire copy carried by many outlets still is).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inventor, rng } from './synthetic.ts';

/** One real article as the recombination uses it: its date and its body paragraphs. */
export interface NewsSource {
  published: string;
  paragraphs: string[];
}

/** The corpus folders of the development data, relative to the repository. */
export const NEWS_DIRS = ['timeml-train/corpus', 'polnear/train/corpus', 'polnear/dev/corpus'].map((d) =>
  join(import.meta.dirname, '..', '..', 'shared', 'data', d),
);

/**
 * Reads the articles of corpus folders as plain text: the front matter's `published` date, then the body's
 * blank-line paragraphs (a PolNeAR headline, the body's first line, is left out). Folders that are absent are
 * skipped: the caller decides what to do with none.
 */
export function readNewsSources(dirs: readonly string[]): NewsSource[] {
  const sources: NewsSource[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.txt')) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
      const published = /^published:\s*"?(\d{4}-\d{2}-\d{2})/m.exec(front?.[1] ?? '')?.[1];
      const body = text.slice(front?.[0].length ?? 0);
      const paragraphs = body
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 0);
      // A headline is a first paragraph of one line without a full stop at its end.
      if (paragraphs.length > 1 && !/[.!?"”]$/.test(paragraphs[0] as string)) paragraphs.shift();
      if (published && paragraphs.length > 0) sources.push({ published, paragraphs });
    }
  }
  return sources;
}

export interface NewsCorpusOptions {
  paragraphs: number;
  seed?: number;
  paragraphsPerArticle?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Writes N paragraphs recombined from `sources` to `dir`; returns how many articles and paragraphs it holds. */
export function writeNewsCorpus(
  dir: string,
  sources: readonly NewsSource[],
  options: NewsCorpusOptions,
): { articles: number; paragraphs: number } {
  if (sources.length === 0) throw new Error('writeNewsCorpus: no source articles');
  const random = rng(options.seed ?? 42);
  const { pick, word, cap, outlets: inventOutlets } = inventor(random);
  const outlets = inventOutlets(40);
  const perArticle = options.paragraphsPerArticle ?? 10;
  const articles = Math.ceil(options.paragraphs / perArticle);
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (let a = 0; a < articles; a += 1) {
    const source = pick(sources);
    let at = Math.floor(random() * source.paragraphs.length);
    const body: string[] = [];
    const count = Math.min(perArticle, options.paragraphs - written);
    for (let p = 0; p < count; p += 1) {
      let text = random() < 0.85 ? (source.paragraphs[at % source.paragraphs.length] as string) : pick(pick(sources).paragraphs);
      at += 1;
      if (random() < 0.5) text = text.replace(/\b(the|a) (\w+)/, (_m, det: string, w: string) => `${det} ${word()} ${w}`);
      body.push(text);
    }
    written += count;
    const front = `---\ntitle: "${cap(word(3))} ${word(2)} ${word(3)}"\noutlet: "${pick(outlets)}"\npublished: ${source.published}\n---\n`;
    writeFileSync(join(dir, `n${String(a).padStart(7, '0')}.txt`), `${front}${body.join('\n\n')}\n`);
    if (a % 200 === 0) options.onProgress?.(written, options.paragraphs);
  }
  options.onProgress?.(written, options.paragraphs);
  return { articles, paragraphs: written };
}
