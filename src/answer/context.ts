import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article } from '../model/index.ts';
import { levenshteinDistance } from '../nlp/natural.ts';
import { citationOf } from './citation.ts';
import { type Answer, type Result, UsageError } from './types.ts';

/** How many article ids a mistyped one is answered with, at most. */
const SUGGESTED = 3;

/**
 * The ids a mistyped article id most likely meant: those holding what was typed, then the nearest by edits
 * (the ids are file names: a digit or a letter off is the usual slip).
 */
export function closeArticleIds(ids: readonly string[], typed: string): string[] {
  const t = typed.toLowerCase();
  const holding = ids.filter((id) => id.toLowerCase().includes(t));
  const near = ids
    .map((id) => ({ id, d: levenshteinDistance(t, id.toLowerCase().slice(0, Math.max(t.length, 1))) }))
    .filter(({ id, d }) => !holding.includes(id) && d <= Math.max(1, Math.floor(t.length / 3)))
    .sort((a, b) => a.d - b.d)
    .map(({ id }) => id);
  return [...holding, ...near].slice(0, SUGGESTED);
}

/** The article an id names: the id itself (any case), else the one article whose id starts with it ("004"). */
export function articleById(corpus: LoadedCorpus, typed: string): Article {
  const t = typed.trim().toLowerCase();
  const exact = corpus.articles.find((a) => a.id.toLowerCase() === t);
  if (exact) return exact;
  const starting = corpus.articles.filter((a) => a.id.toLowerCase().startsWith(t));
  if (starting.length === 1) return starting[0] as Article;
  if (starting.length > 1)
    throw new UsageError(
      `"${typed}" could be ${starting
        .slice(0, SUGGESTED)
        .map((a) => a.id)
        .join(' or ')}${starting.length > SUGGESTED ? ' or others' : ''}; give more of the id`,
    );
  const close = closeArticleIds(
    corpus.articles.map((a) => a.id),
    t,
  );
  throw new UsageError(
    `no article "${typed}" in the corpus${close.length > 0 ? `; did you mean ${close.join(' or ')}?` : ''} (/sources lists every article)`,
  );
}

const POSITIONS = ['before', 'cited', 'after'] as const;

/**
 * `/context`: a paragraph whole, with the one before and the one after, each cited: what a result's snippet
 * stands in. The article is named by its id (or the start of it), the paragraph by its number (from 1).
 */
export function context(corpus: LoadedCorpus, args: { article: string; paragraph: string }): Answer {
  const article = articleById(corpus, args.article);
  const n = Number(args.paragraph);
  const count = article.paragraphs.length;
  if (!Number.isInteger(n) || n < 1 || n > count)
    throw new UsageError(`${article.id} has ${count} paragraph${count === 1 ? '' : 's'}: give a number from 1 to ${count}`);
  const results: Result[] = [];
  POSITIONS.forEach((position, k) => {
    const paragraph = article.paragraphs[n - 2 + k];
    if (paragraph) results.push({ text: paragraph.text, details: { position }, citations: [citationOf(article, paragraph)] });
  });
  const notes = [`${article.meta.outlet ?? 'unknown outlet'}, “${article.meta.title ?? 'untitled'}”: ¶${n} of ${count}`];
  if (n === 1) notes.push('the first paragraph: none before it');
  if (n === count) notes.push('the last paragraph: none after it');
  return { command: 'context', query: `${article.id} ${n}`, total: results.length, results, notes };
}
