import { Bm25Builder, Bm25Index, type SavedBm25 } from './bm25.ts';
import { type Bm25Searcher, SegmentedBm25 } from './segmentedBm25.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { type Token, tokenize } from '../nlp/terms.ts';
import { paragraphCountOf, testParagraphRuns } from './articleStore.ts';
import { hasRun, phraseRun, runOfTokens } from './phraseRuns.ts';
import { Lexicon, LexiconBuilder, type SavedLexicon } from './lexicon.ts';

/** A paragraph that matched a query, with the character ranges of its text to highlight. */
export interface ParagraphHit {
  article: Article;
  paragraph: Paragraph;
  score: number;
  /** [start, end) ranges into `paragraph.text`. */
  highlights: Array<[number, number]>;
}

/** Where the term sequence `seq` stands in the tokens, as [start, end) character ranges. */
export function phraseSpans(tokens: Token[], seq: string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i + seq.length <= tokens.length; i += 1) {
    if (seq.every((term, k) => tokens[i + k]?.term === term)) {
      spans.push([(tokens[i] as Token).start, (tokens[i + seq.length - 1] as Token).end]);
    }
  }
  return spans;
}

/**
 * The full-text index of every body paragraph of the corpus: BM25 as MiniSearch scores it (see `bm25.ts`)
 * over Quotedesk's own terms (see `nlp/terms.ts`), with typo tolerance and phrase matching on top.
 */
export class ParagraphIndex {
  readonly articles: Article[];
  /** Per paragraph number: its article and its place in the article. */
  private readonly places: ParagraphPlaces;
  /** Per paragraph number, its article and its place there, written out for an index built whole; else null. */
  private readonly docArticle: Uint32Array | null;
  private readonly docParagraph: Uint32Array | null;
  private readonly search: Bm25Searcher;
  /** The corpus's words, which every index reads queries through. */
  readonly lexicon: Lexicon;

  private constructor(articles: Article[], search: Bm25Searcher, lexicon: Lexicon, places?: ParagraphPlaces) {
    this.articles = articles;
    this.search = search;
    this.lexicon = lexicon;
    this.places = places ?? placesOf(articles);
    this.docArticle = this.places.docArticle ?? null;
    this.docParagraph = this.places.docParagraph ?? null;
  }

  static build(articles: Article[]): ParagraphIndex {
    const { search, lexicon } = ParagraphIndex.buildParts(articles);
    return new ParagraphIndex(articles, search, lexicon);
  }

  /**
   * The index of articles whose paragraphs' search and lexicon were built apart (segments of a live index,
   * see `liveIndex.ts`): `search` numbers the paragraphs of `articles` in order, as `build` would. With
   * `parts`, where each paragraph stands is read through the search's parts (`SegmentedBm25.partOf`,
   * `localOf`) rather than written out for every paragraph: an update of a live index then makes no array of
   * the corpus's size for it.
   */
  static compose(articles: Article[], search: Bm25Searcher, lexicon: Lexicon, parts?: PartPlaces): ParagraphIndex {
    if (parts && !(search instanceof SegmentedBm25)) throw new Error('ParagraphIndex.compose: parts need a search in parts');
    return new ParagraphIndex(articles, search, lexicon, parts && search instanceof SegmentedBm25 ? partPlaces(search, parts) : undefined);
  }

  /** The BM25 index and lexicon of the articles' paragraphs, numbered in order. */
  static buildParts(articles: readonly Article[]): { search: Bm25Index; lexicon: Lexicon } {
    const parts = ParagraphIndex.partsBuilder();
    for (const a of articles) parts.add(a);
    return parts.finish();
  }

  /**
   * `buildParts` an article at a time: `add` tokenises each paragraph once, for the BM25 postings, the lexicon and
   * the paragraph's phrase run (`paragraphRun`), which it returns for the article's details.
   */
  static partsBuilder(): { add(article: Article): Uint32Array[]; finish(): { search: Bm25Index; lexicon: Lexicon } } {
    const search = new Bm25Builder(['text']);
    const lexicon = new LexiconBuilder();
    return {
      add: (article) =>
        article.paragraphs.map((p) => {
          const tokens = tokenize(p.text);
          const words: string[] = [];
          for (const t of tokens) if (t.term !== null) words.push(t.term);
          const doc = search.add([words]);
          lexicon.add(p.text, tokens, doc);
          return runOfTokens(p.text, tokens);
        }),
      finish: () => ({ search: search.finish(), lexicon: lexicon.finish() }),
    };
  }

  /** Rebuilds the index from `toJSON()` output; the articles must be the same, in the same order. */
  static load(articles: Article[], saved: unknown): ParagraphIndex {
    const { search, lexicon } = saved as { search: SavedBm25; lexicon: SavedLexicon };
    return new ParagraphIndex(articles, Bm25Index.load(search), Lexicon.load(lexicon));
  }

  toJSON(): unknown {
    // A composed index is saved segment by segment (liveIndex.ts), never whole.
    if (!(this.search instanceof Bm25Index)) throw new Error('ParagraphIndex: an index composed of segments is saved by its segments');
    return { search: this.search.toJSON(), lexicon: this.lexicon.toJSON() };
  }

  get paragraphCount(): number {
    return this.places.count;
  }

  private resolve(id: number): { article: Article; paragraph: Paragraph } {
    const article = this.articles[this.articleOf(id)] as Article;
    return { article, paragraph: article.paragraphs[this.paragraphOf(id)] as Paragraph };
  }

  /** Paragraph `id`'s article's number (read from the arrays of an index built whole, the cheaper way). */
  private articleOf(id: number): number {
    return this.docArticle !== null ? (this.docArticle[id] as number) : this.places.articleOf(id);
  }

  /** Paragraph `id`'s place among its article's paragraphs. */
  private paragraphOf(id: number): number {
    return this.docParagraph !== null ? (this.docParagraph[id] as number) : this.places.paragraphOf(id);
  }

  /**
   * Ranked paragraphs for a query, and which query words were read as which corpus words. `accept`
   * filters by article (outlet, dates) before ranking is cut. Quoted phrases must match in order; unquoted
   * words match any word form, synonym or a near spelling. Only the first `limit` hits are highlighted;
   * `total` counts them all (for a phrase, among the first PHRASE_SCAN paragraphs that have its words:
   * `totalIsExact` is false when more have them).
   */
  query(
    query: string,
    accept?: (article: Article) => boolean,
    limit = Number.POSITIVE_INFINITY,
  ): { hits: ParagraphHit[]; total: number; totalIsExact: boolean; corrections: Array<[string, string]>; unknown: string[] } {
    const { searchTerms, phrases, corrections, unknown } = this.lexicon.prepare(query);
    let found: Array<{ id: number; score: number; terms: string[] }>;
    let total: number;
    /** Whether some paragraphs with the words were left unread (past PHRASE_SCAN). */
    let more = false;
    const filter = accept ? (id: number): boolean => accept(this.articles[this.articleOf(id)] as Article) : undefined;
    if (searchTerms.length > 0) {
      // A phrase needs all its words: only paragraphs that have every word are read for it, the best first.
      const combineWith = phrases.length > 0 ? 'AND' : 'OR';
      const ranked = this.search.search(searchTerms, {
        combineWith,
        limit: phrases.length > 0 ? PHRASE_SCAN : limit,
        ...(filter ? { accept: filter } : {}),
      });
      found = ranked.hits.map((r) => ({ id: r.doc, score: r.score, terms: searchTerms }));
      total = ranked.total;
      more = total > found.length;
    } else if (phrases.length > 0 && unknown.length === 0) {
      // A phrase of common words only ("of the"): no index term to look up, so paragraphs are read in turn.
      found = [];
      let id = 0;
      for (; id < this.paragraphCount && found.length < PHRASE_SCAN; id += 1)
        if (!filter || filter(id)) found.push({ id, score: 1, terms: [] });
      total = found.length;
      // More only if a paragraph past the ones read would be accepted.
      while (id < this.paragraphCount && filter && !filter(id)) id += 1;
      more = id < this.paragraphCount;
    } else return { hits: [], total: 0, totalIsExact: true, corrections, unknown };
    if (phrases.length === 0) {
      const hits = found.slice(0, limit).map((r) => this.hit(r, []));
      return { hits, total, totalIsExact: true, corrections, unknown };
    }
    // Phrases: each paragraph's words are read as term hashes (phraseRuns.ts), not as text; only the
    // paragraphs shown are tokenised, to place the phrase and highlight it.
    const runs = phrases.map(phraseRun);
    // Read in paragraph order, which is the order of the index file: an article's runs are read once for all
    // its paragraphs, and the reads go along the file rather than back and forth.
    const holds = new Uint8Array(found.length);
    const inFileOrder = Array.from(found, (_, i) => i).sort((x, y) => (found[x] as { id: number }).id - (found[y] as { id: number }).id);
    // Paragraph numbers run in article order: the candidates of one article are read together.
    for (let at = 0; at < inFileOrder.length;) {
      const article = this.articleOf((found[inFileOrder[at] as number] as { id: number }).id);
      const places: number[] = [];
      const paragraphs: number[] = [];
      for (; at < inFileOrder.length; at += 1) {
        const i = inFileOrder[at] as number;
        const id = (found[i] as { id: number }).id;
        if (this.articleOf(id) !== article) break;
        places.push(i);
        paragraphs.push(this.paragraphOf(id));
      }
      let k = 0;
      testParagraphRuns(this.articles[article] as Article, paragraphs, (_, words) => {
        holds[places[k++] as number] = runs.every((run) => hasRun(words, run)) ? 1 : 0;
      });
    }
    const hits: ParagraphHit[] = [];
    total = 0;
    for (const [i, r] of found.entries()) {
      if (holds[i] === 0) continue;
      if (hits.length >= limit) {
        total += 1;
        continue;
      }
      const tokens = tokenize(this.resolve(r.id).paragraph.text, { keepStopwords: true });
      const spans = phrases.map((seq) => phraseSpans(tokens, seq));
      // Only where two terms share a hash.
      if (spans.some((sp) => sp.length === 0)) continue;
      total += 1;
      hits.push(this.hit(r, spans.flat()));
    }
    return { hits, total, totalIsExact: !more, corrections, unknown };
  }

  /** A hit with its matched words highlighted. */
  private hit(r: { id: number; score: number; terms: string[] }, phraseRanges: Array<[number, number]>): ParagraphHit {
    const { article, paragraph } = this.resolve(r.id);
    const highlights = [...phraseRanges];
    const matched = new Set(this.search.termsIn(r.id, r.terms));
    if (matched.size > 0) {
      for (const t of tokenize(paragraph.text)) {
        if (t.term !== null && matched.has(t.term)) highlights.push([t.start, t.end]);
      }
    }
    return { article, paragraph, score: r.score, highlights: mergeRanges(highlights) };
  }
}

/** Where each paragraph number stands: its article's number and its place among the article's paragraphs. */
interface ParagraphPlaces {
  count: number;
  articleOf(id: number): number;
  paragraphOf(id: number): number;
  /** The same, written out (an index built whole). */
  docArticle?: Uint32Array;
  docParagraph?: Uint32Array;
}

/** The places of the articles' paragraphs, numbered in order, written out. */
function placesOf(articles: readonly Article[]): ParagraphPlaces {
  // Counted, not read: a stored article makes its paragraphs' objects only when they are read.
  const count = articles.reduce((n, a) => n + paragraphCountOf(a), 0);
  const docArticle = new Uint32Array(count);
  const docParagraph = new Uint32Array(count);
  let id = 0;
  articles.forEach((a, ai) => {
    const n = paragraphCountOf(a);
    for (let p = 0; p < n; p += 1) {
      docArticle[id] = ai;
      // A paragraph's index is its place among its article's paragraphs.
      docParagraph[id] = p;
      id += 1;
    }
  });
  return { count, docArticle, docParagraph, articleOf: (i) => docArticle[i] as number, paragraphOf: (i) => docParagraph[i] as number };
}

/**
 * Where the paragraphs of a composed index stand, read through its parts: per paragraph number, its part and
 * its number there (as its `SegmentedBm25` has them, `partOf` and `localOf`); per part (of the search's, in
 * order), each paragraph's article there (`docArticle`), each article's first paragraph (`docStart`) and the
 * article's number among all (`toGlobalArticle`). A part's paragraphs are its articles' paragraphs in order,
 * every one.
 */
export interface PartPlaces {
  parts: ReadonlyArray<{ docArticle: Uint32Array; docStart: Uint32Array; toGlobalArticle: Int32Array }>;
}

function partPlaces({ docCount: count, partOf, localOf }: SegmentedBm25, { parts }: PartPlaces): ParagraphPlaces {
  return {
    count,
    articleOf: (i) => {
      const part = parts[partOf[i] as number] as PartPlaces['parts'][number];
      return part.toGlobalArticle[part.docArticle[localOf[i] as number] as number] as number;
    },
    paragraphOf: (i) => {
      const part = parts[partOf[i] as number] as PartPlaces['parts'][number];
      const local = localOf[i] as number;
      return local - (part.docStart[part.docArticle[local] as number] as number);
    },
  };
}

/** How many paragraphs with all of a phrase's words are read to find the phrase. */
export const PHRASE_SCAN = 5000;

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
