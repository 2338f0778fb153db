import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { ingestArticle } from './article.ts';
import type { Article } from '../model/index.ts';
import { MAX_FILE_BYTES, listCorpusFiles, readCorpusFile } from './files.ts';

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

/** Decodes a corpus file, or says in words why it cannot be an article. */
export function decodeArticleFile(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes.includes(0)) return { reason: 'binary file (it contains NUL bytes)' };
  let text: string;
  try {
    // The byte-order mark is kept, so that offsets count every character of the file.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { reason: 'not UTF-8 text (save it as UTF-8)' };
  }
  if (text.trim() === '') return { reason: 'empty file (only white space)' };
  return { text };
}

/**
 * Reads every `.txt` and `.md` file of the folder into articles. A file that cannot be an article is left
 * out with a warning naming it and the reason; the others still load. `keep` is given each article as it
 * is read and returns what to keep of it (the index file's writer keeps its details on disk).
 */
export function loadCorpus(
  dir: string,
  onProgress?: (done: number, total: number) => void,
  keep: (article: Article) => Article = (article) => article,
): Corpus {
  const articles: Article[] = [];
  const warnings: CorpusWarning[] = [];
  const seenIds = new Map<string, string>();
  const seenContent = new Map<string, string>();
  const { files, skipped } = listCorpusFiles(dir);
  warnings.push(...skipped);
  for (const [n, file] of files.entries()) {
    if (onProgress && n % 100 === 0) onProgress(n, files.length);
    const name = basename(file);
    const read = readCorpusFile(file);
    // A file deleted since the folder was listed is no longer part of the corpus: nothing to say.
    if (read.kind === 'gone') continue;
    if (read.kind === 'unreadable') {
      warnings.push({ file: name, reason: `cannot be read (${read.code})` });
      continue;
    }
    if (read.kind === 'too large') {
      warnings.push({
        file: name,
        reason: `too large (${(read.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`,
      });
      continue;
    }
    const decoded = decodeArticleFile(read.bytes);
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
    articles.push(keep(article));
  }
  onProgress?.(files.length, files.length);
  return { dir, articles, warnings };
}
