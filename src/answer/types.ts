import type { WordChange } from '../nlp/wordDiff.ts';

/**
 * The answer model: what every command returns, as plain data. Renderers turn it into terminal text,
 * JSON or Discord embeds; nothing here knows about any of them.
 */

/** Where a result comes from: one paragraph of one article. */
export interface Citation {
  /** Article id: the corpus file name without its extension. */
  article: string;
  outlet: string | null;
  title: string | null;
  /** The article's URL; where it is not known, the outlet's home page (see `urlKnown`), or null. */
  url: string | null;
  /** False when `url` is the outlet's home page because the article's own URL is not known. */
  urlKnown: boolean;
  /**
   * The link to open: `url` with a text fragment (`#:~:text=…`) that scrolls the page to the cited words where
   * the article's own URL is known and the words are the paragraph's own; otherwise `url` as it is.
   */
  link: string | null;
  /** ISO 8601 publication date or date-time as the source gives it; null when unknown. */
  published: string | null;
  /** 1-based number of the body paragraph; null when the citation is the whole article or a caption. */
  paragraph: number | null;
  /** Set when the cited text is a photo caption (set aside from the body, but dated evidence). */
  caption?: true;
  /** [start, end) character offsets of the cited text in the corpus file. */
  offsets: [number, number];
  /**
   * The words this result stands on as they are written in the cited paragraph (or caption): a grouped quote's
   * wording in this outlet, a dated sentence of this article. Absent for a whole-article citation.
   */
  text?: string;
}

/**
 * What /verify found of a pasted quote: `verbatim`, the words stand as they are inside a quotation (a piece of it
 * counts) of the claimed speaker, if one was named; `close`, the same quotation with small wording changes;
 * `misattributed`, the words (verbatim or close) are someone else's than the claim says; `paraphrase`, reported
 * (indirect) speech with the same content; `not-found`, none of these (a result with it is a nearest quote, not a match).
 */
export type Verdict = 'verbatim' | 'close' | 'misattributed' | 'paraphrase' | 'not-found';

export type { WordChange } from '../nlp/wordDiff.ts';

export interface Result {
  /** The snippet or line shown to the reader. */
  text: string;
  /** [start, end) ranges of `text` to highlight (the words that matched). */
  highlights?: Array<[number, number]>;
  speaker?: string;
  /** Everyone a quote's words could be of, likeliest first, when the text does not tell which (`speaker` then says "ambiguous"). */
  speakerCandidates?: string[];
  quote?: string;
  /** ISO 8601 at its own granularity: 2015-12-15, 2015-09, 2014, or an interval 2015-09-20/2015-09-30. */
  date?: string;
  /** The words the date came from ("on Tuesday"). */
  dateText?: string;
  /** How the date was resolved, in words. */
  derivation?: string;
  score?: number;
  citations: Citation[];
  /**
   * Where a /who-said topic matched this quote: `phrase`, the topic's exact words inside the quote; `words`,
   * some of its words in the quote; `narration`, only the words around the quote (not a quote on the topic).
   */
  matchedIn?: 'phrase' | 'words' | 'narration';
  /** Set when the outlets cited give the quote in different words: each citation's `text` is its own wording. */
  wordingsDiffer?: true;
  /** /verify: how this quote stands to the pasted words (`not-found`: one of the nearest, not a match). */
  verdict?: Verdict;
  /** /verify: the pasted words against this quote's, word by word; absent when they are the same. */
  differences?: WordChange[];
  /** Extra fields of a command's own (paragraph counts, derivations), shown by renderers that know them. */
  details?: Record<string, string | number>;
  /** /compare: how one outlet covers the topic; each of its claims names the citation (of `citations`) it stands on. */
  coverage?: OutletCoverage;
}

/**
 * How one outlet covers a topic (a /compare result). `citation` fields are indexes into the result's
 * `citations`: every count, speaker, quote and word is cited.
 */
export interface OutletCoverage {
  outlet: string;
  /** Its paragraphs on the topic, and the articles they are in. */
  paragraphs: number;
  articles: number;
  /** Its best paragraph on the topic (a snippet of it, the BM25 score); null when it has none. */
  best: { snippet: string; score: number; citation: number } | null;
  /**
   * Who it quotes in its paragraphs on the topic, and how many of its quotes each has (a joint statement counts
   * for each speaker); the most quoted first, each cited at their quote in its best paragraph.
   */
  speakers: Array<{ speaker: string; quotes: number; citation: number }>;
  /** Quotes on the topic that no other outlet compared carries (the first few; `onlyHereTotal` counts them all). */
  onlyHere: Array<{ speaker: string; quote: string; citation: number }>;
  onlyHereTotal: number;
  /**
   * Words it uses that the others do not, most distinctive first: `z`, the z-scored weighted log-odds of the
   * word in this outlet against the other outlets compared (Monroe et al. 2008, prior the whole corpus);
   * `count` its uses here, `others` the other outlets' uses; `word` as this outlet writes it most often.
   */
  words: Array<{ word: string; z: number; count: number; others: number; citation: number }>;
}

export interface AnswerError {
  message: string;
  /** usage: the user typed something the command cannot take; internal: a bug, logged. */
  kind: 'usage' | 'internal';
}

export interface Answer {
  command: string;
  query: string;
  results: Result[];
  /** How many results there are in all (those of other pages included). */
  total?: number;
  /** Which page of the answer `results` is (1 is the first); absent when every result was asked for. */
  page?: number;
  /** How many pages the answer has. */
  pages?: number;
  /** How many results a page has: result `i` of `results` is number `(page - 1) * perPage + i + 1`. */
  perPage?: number;
  /** /verify: the verdict on the pasted quote (the verdict of `results[0]`, the best match). */
  verdict?: Verdict;
  /** Things the reader should know about this answer (undated articles left out, nothing found, …). */
  notes?: string[];
  error?: AnswerError;
}

/** A mistake of the user's (bad option, empty query): shown to them as it is, never logged as a bug. */
export class UsageError extends Error {
  override name = 'UsageError';
}
