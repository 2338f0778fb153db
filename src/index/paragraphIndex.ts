import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article, Paragraph } from '../ingest/types.ts';
import { levenshteinDistance } from '../nlp/natural.ts';
import { type Token, terms, tokenize } from '../nlp/terms.ts';

/** What MiniSearch stores per paragraph: a number, so the saved index stays small. */
interface ParagraphDoc {
  id: number;
  text: string;
}

/** A paragraph that matched a query, with the character ranges of its text to highlight. */
export interface ParagraphHit {
  article: Article;
  paragraph: Paragraph;
  score: number;
  /** [start, end) ranges into `paragraph.text`. */
  highlights: Array<[number, number]>;
}

export interface ParsedQuery {
  /** Every word of the query, phrases included. */
  text: string;
  /** Quoted phrases, each as its sequence of index terms (stopwords kept). */
  phrases: string[][];
}

/**
 * How many edits a misspelt term may be from a word of the corpus: one for terms of 4 to 8 letters
 * ("kery" is Kerry), two for longer ones; none for short ones, where one edit makes another common word.
 */
export const maxEdits = (term: string): number => (term.length < 4 ? 0 : term.length <= 8 ? 1 : 2);

const miniSearchOptions = {
  fields: ['text'],
  storeFields: [],
  tokenize: (text: string): string[] => terms(text),
  processTerm: (term: string): string => term,
  searchOptions: {
    tokenize: (text: string): string[] => terms(text, { query: true }),
    processTerm: (term: string): string => term,
    fuzzy: false,
    prefix: false,
  },
};

/** Quoted parts of a query ("regime change", with straight or curly quotes) must match as phrases. */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  for (const m of query.matchAll(/["“”]([^"“”]+)["“”]/g)) {
    const seq = tokenize(m[1] as string, { keepStopwords: true, query: true }).flatMap((t) => (t.term ? [t.term] : []));
    if (seq.length > 0) phrases.push(seq);
  }
  return { text: query.replace(/["“”]/g, ' '), phrases };
}

/** Where the term sequence `seq` stands in the tokens, as [start, end) character ranges. */
function phraseSpans(tokens: Token[], seq: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i + seq.length <= tokens.length; i += 1) {
    if (seq.every((term, k) => tokens[i + k]?.term === term)) {
      spans.push([(tokens[i] as Token).start, (tokens[i + seq.length - 1] as Token).end]);
    }
  }
  return spans;
}

/**
 * The full-text index of every body paragraph of the corpus: MiniSearch (BM25) over Quotedesk's own
 * terms (see `nlp/terms.ts`), with typo tolerance and phrase matching on top.
 */
export class ParagraphIndex {
  readonly articles: Article[];
  private readonly refs: Array<[number, number]>;
  private readonly search: MiniSearch<ParagraphDoc>;
  /** Every term of the corpus with the number of paragraphs that have it: the spelling corrector's lexicon. */
  private readonly vocabulary: Map<string, number>;

  private constructor(articles: Article[], search: MiniSearch<ParagraphDoc>, vocabulary: Map<string, number>) {
    this.articles = articles;
    this.search = search;
    this.vocabulary = vocabulary;
    this.refs = [];
    articles.forEach((a, ai) => {
      for (const p of a.paragraphs) this.refs.push([ai, p.index]);
    });
  }

  static build(articles: Article[]): ParagraphIndex {
    const search = new MiniSearch<ParagraphDoc>(miniSearchOptions);
    const vocabulary = new Map<string, number>();
    let id = 0;
    for (const a of articles) {
      for (const p of a.paragraphs) {
        search.add({ id: id++, text: p.text });
        for (const t of new Set(terms(p.text))) vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
      }
    }
    return new ParagraphIndex(articles, search, vocabulary);
  }

  /** Rebuilds the index from `toJSON()` output; the articles must be the same, in the same order. */
  static load(articles: Article[], saved: unknown): ParagraphIndex {
    const { search, vocabulary } = saved as { search: Parameters<typeof MiniSearch.loadJS>[0]; vocabulary: Array<[string, number]> };
    return new ParagraphIndex(articles, MiniSearch.loadJS<ParagraphDoc>(search, miniSearchOptions), new Map(vocabulary));
  }

  toJSON(): unknown {
    return { search: this.search.toJSON(), vocabulary: [...this.vocabulary] };
  }

  /**
   * The corpus term a query term stands for: itself when the corpus has it, else the most frequent term
   * within `maxEdits` of it (a typo: "kery" is "kerry"), else null.
   */
  correct(term: string): string | null {
    if (this.vocabulary.has(term)) return term;
    const edits = maxEdits(term);
    if (edits === 0) return null;
    let best: string | null = null;
    let bestScore = -1;
    for (const [candidate, count] of this.vocabulary) {
      if (Math.abs(candidate.length - term.length) > edits) continue;
      const d = levenshteinDistance(term, candidate);
      if (d > edits) continue;
      // Fewer edits first, then the more common word.
      const score = (edits - d) * 1e9 + count;
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }

  get paragraphCount(): number {
    return this.refs.length;
  }

  private resolve(id: number): { article: Article; paragraph: Paragraph } {
    const [ai, pi] = this.refs[id] as [number, number];
    const article = this.articles[ai] as Article;
    return { article, paragraph: article.paragraphs[pi] as Paragraph };
  }

  /**
   * Ranked paragraphs for a query. `accept` filters by article (outlet, dates) before ranking is cut.
   * Quoted phrases must match in order; unquoted words match any word form, synonym or a near spelling.
   */
  query(query: string, accept: (article: Article) => boolean = () => true, limit = Number.POSITIVE_INFINITY): ParagraphHit[] {
    return this.queryWithCorrections(query, accept, limit).hits;
  }

  /** Like `query`, and also says which query words were read as which corpus words ("kery" → "kerri"). */
  queryWithCorrections(
    query: string,
    accept: (article: Article) => boolean = () => true,
    limit = Number.POSITIVE_INFINITY,
  ): { hits: ParagraphHit[]; corrections: Array<[string, string]>; unknown: string[] } {
    const parsed = parseQuery(query);
    const corrections: Array<[string, string]> = [];
    const unknown: string[] = [];
    const searchTerms: string[] = [];
    const typed = new Map<string, string>();
    for (const t of tokenize(parsed.text, { query: true })) {
      if (t.term !== null && !typed.has(t.term)) typed.set(t.term, parsed.text.slice(t.start, t.end));
    }
    const corrected = new Map<string, string>();
    for (const [t, word] of typed) {
      const c = this.correct(t);
      if (c === null) unknown.push(word);
      else {
        if (c !== t) corrected.set(c, word);
        searchTerms.push(c);
      }
    }
    if (searchTerms.length === 0) return { hits: [], corrections, unknown };
    const found: SearchResult[] = this.search.search(searchTerms.join(' '), {
      tokenize: (s) => s.split(' '),
      filter: (r) => accept(this.resolve(r.id as number).article),
    });
    const hits: ParagraphHit[] = [];
    for (const r of found) {
      const { article, paragraph } = this.resolve(r.id as number);
      let highlights: Array<[number, number]> = [];
      if (parsed.phrases.length > 0) {
        const tokens = tokenize(paragraph.text, { keepStopwords: true });
        const spans = parsed.phrases.map((seq) => phraseSpans(tokens, seq));
        if (spans.some((s) => s.length === 0)) continue;
        highlights = spans.flat();
      }
      const matched = new Set(r.terms);
      for (const t of tokenize(paragraph.text)) {
        if (t.term !== null && matched.has(t.term)) highlights.push([t.start, t.end]);
      }
      hits.push({ article, paragraph, score: r.score, highlights: mergeRanges(highlights) });
      if (hits.length >= limit) break;
    }
    // Name each correction by a word of the corpus, not by its stem: "kery" → "Kerry" (the plainest form).
    for (const [term, word] of corrected) {
      let surface = term;
      for (const hit of hits.slice(0, 20)) {
        for (const t of tokenize(hit.paragraph.text)) {
          const text = hit.paragraph.text.slice(t.start, t.end);
          if (t.term === term && (surface === term || text.length < surface.length)) surface = text;
        }
      }
      corrections.push([word, surface]);
    }
    return { hits, corrections, unknown };
  }
}

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
