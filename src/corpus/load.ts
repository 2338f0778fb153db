import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ingestArticle } from '../ingest/article.ts';
import type { Article } from '../ingest/types.ts';

/** Files larger than this are not read: no news article is, and a stray dump would stall the start. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md'];

/** A corpus file that was not loaded, or loaded with a caveat, and why. */
export interface CorpusWarning {
  file: string;
  reason: string;
}

export interface Corpus {
  dir: string;
  articles: Article[];
  warnings: CorpusWarning[];
}

export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** The corpus files, sorted by name. Throws `CorpusError` when the folder cannot be read. */
export function listCorpusFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusError(`cannot read the corpus folder ${dir}: ${code === 'ENOENT' ? 'it does not exist' : code}`);
  }
  return names
    .filter((n) => ARTICLE_EXTENSIONS.includes(extname(n).toLowerCase()) && !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

/** Decodes a corpus file, or says in words why it cannot be an article. */
export function decodeArticleFile(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes.includes(0)) return { reason: 'binary file (it contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'not UTF-8 text (save it as UTF-8)' };
  }
  if (text.trim() === '') return { reason: 'empty file (only white space)' };
  return { text };
}

/**
 * Reads every `.txt` and `.md` file of the folder into articles. A file that cannot be an article is left
 * out with a warning naming it and the reason; the others still load.
 */
export function loadCorpus(dir: string): Corpus {
  const articles: Article[] = [];
  const warnings: CorpusWarning[] = [];
  const seenIds = new Map<string, string>();
  const seenContent = new Map<string, string>();
  for (const file of listCorpusFiles(dir)) {
    const name = basename(file);
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      warnings.push({ file: name, reason: `too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)` });
      continue;
    }
    const decoded = decodeArticleFile(readFileSync(file));
    if ('reason' in decoded) {
      warnings.push({ file: name, reason: decoded.reason });
      continue;
    }
    const id = basename(name, extname(name));
    const other = seenIds.get(id);
    if (other) {
      warnings.push({ file: name, reason: `same article id "${id}" as ${other}; this one is left out` });
      continue;
    }
    const digest = createHash('sha256')
      .update(decoded.text.replace(/^\uFEFF/, ''))
      .digest('hex');
    const twin = seenContent.get(digest);
    if (twin) {
      warnings.push({ file: name, reason: `same text as ${twin}; this one is left out` });
      continue;
    }
    let article: Article;
    try {
      article = ingestArticle(id, name, decoded.text);
    } catch (error) {
      warnings.push({ file: name, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (article.paragraphs.length === 0) {
      warnings.push({ file: name, reason: 'no article text found (every block looked like page clutter)' });
      continue;
    }
    seenIds.set(id, name);
    seenContent.set(digest, name);
    articles.push(article);
  }
  return { dir, articles, warnings };
}
