import { englishStopwords, porterStemmer } from './natural.ts';

/** A word of a text, with where it stands and the index term it becomes (null for a stopword). */
export interface Token {
  start: number;
  end: number;
  term: string | null;
}

/**
 * Names this corpus spells several ways, each mapped to one index term, so that a query for any of them
 * finds them all. Single words match case-insensitively except where noted.
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  daesh: 'isis',
  isis: 'isis',
  isil: 'isis',
  'u.s': 'unitedstates',
  usa: 'unitedstates',
  'u.s.a': 'unitedstates',
  'u.n': 'unitednations',
  'u.k': 'unitedkingdom',
  uk: 'unitedkingdom',
  ny: 'newyork',
  sergei: 'sergey',
  sergey: 'sergey',
};

/** Two-word names folded into one term ("Islamic State" is ISIS). */
export const PHRASE_SYNONYMS: Readonly<Record<string, string>> = {
  'islamic state': 'isis',
  'united states': 'unitedstates',
  'united nations': 'unitednations',
  'united kingdom': 'unitedkingdom',
  'new york': 'newyork',
};

/** Words that are ordinary English in lower case but a name in capitals ("us" / "US", "un" / "UN"). */
const CAPITALISED_ONLY: Readonly<Record<string, string>> = { US: 'unitedstates', UN: 'unitednations' };

/** A table's own entry for a word: never an inherited property ("constructor", "toString" would give a function). */
const entry = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

// "us" in lower case is the pronoun; the country is written US or U.S. (see CAPITALISED_ONLY).
const STOPWORDS = new Set([...englishStopwords, 'us']);
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porterStemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

export interface TokenizeOptions {
  /** Keep stopwords as terms (for phrase matching). */
  keepStopwords?: boolean;
  /** Query text: a lower-case "us" means the United States, as users type it. */
  query?: boolean;
  /**
   * Keep each spelling of a name its own term ("daesh", "isis", "islamic state", "u.s", "us"): for telling
   * how outlets word things, where the one shared term would hide the difference a reader looks for.
   */
  spellings?: boolean;
}

/** A word as a reader writes it on its own: less a possessive "'s" ("Russia’s" → "Russia", "U.S." stays). */
export const writtenForm = (word: string): string => word.replace(/['’]s$/i, '');

/** Splits text into words and turns each into its index term: lower case, synonyms folded, stemmed. */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const mask = (options.keepStopwords ? 1 : 0) + (options.query ? 2 : 0) + (options.spellings ? 4 : 0);
  // A sentence is tokenised again right after (once for each of its dates, then for its event's grouping).
  const recent = recentlyTokenized[mask] as Map<string, readonly Token[]>;
  const known = recent.get(text);
  if (known) return [...known];
  const tokens = tokensOf(text, options, mask);
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(text, tokens);
  return [...tokens];
}

/** The texts tokenised last, for each combination of the options; nobody changes a token once made. */
const recentlyTokenized: ReadonlyArray<Map<string, readonly Token[]>> = Array.from({ length: 8 }, () => new Map());
const RECENT_MAX = 16;

function tokensOf(text: string, options: TokenizeOptions, mask: number): Token[] {
  const seen = termsSeen[mask] as Map<string, string | null>;
  const out: Token[] = [];
  // The words one at a time, each with the one after it.
  let at = nextWord(text, 0);
  while (at !== -1) {
    const start = at;
    const end = wordEnd;
    const word = text.slice(start, end);
    const next = nextWord(text, end);
    // Only a word that opens a two-word name ("united", "new") is read with the next one.
    if (next !== -1 && next - end <= 1 && mayOpenPhrase(word)) {
      const phrase = `${word} ${text.slice(next, wordEnd)}`.toLowerCase();
      const pair = entry(PHRASE_SYNONYMS, phrase);
      if (pair) {
        out.push({ start, end: wordEnd, term: options.spellings ? phrase : pair });
        at = nextWord(text, wordEnd);
        continue;
      }
    }
    let term = seen.get(word);
    if (term === undefined) {
      term = termOfWord(word, options);
      if (seen.size >= TERMS_SEEN_MAX) seen.clear();
      seen.set(word, term);
    }
    out.push({ start, end, term });
    at = next;
  }
  return out;
}

/** Where the word `nextWord` found last ends. */
let wordEnd = 0;

/** ASCII letters and digits, by code. */
const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);

/**
 * Where the first word (a match of `WORD`) at or after `from` starts, its end in `wordEnd`; -1 when there is
 * none. Text in ASCII is read a character at a time, as `WORD` would match it, about twice as fast as
 * the expression; from the first character past ASCII that could bear on the word, `WORD` itself is asked.
 */
function nextWord(text: string, from: number): number {
  const n = text.length;
  let p = from;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c >= 0x80) return wordByExpression(text, p);
    if (isAsciiAlnum(c)) break;
    p += 1;
  }
  if (p >= n) return -1;
  // (?:\p{L}\.){2,}: letters each followed by a full stop, at least two.
  if (isAsciiLetter(text.charCodeAt(p))) {
    let q = p;
    for (;;) {
      const c = text.charCodeAt(q);
      if (c >= 0x80) return wordByExpression(text, p);
      if (!(isAsciiLetter(c) && text.charCodeAt(q + 1) === 0x2e)) break;
      q += 2;
    }
    if (q - p >= 4) {
      wordEnd = q;
      return p;
    }
  }
  // [\p{L}\p{N}]+(?:['’]\p{L}+)?
  let q = p;
  while (q < n && isAsciiAlnum(text.charCodeAt(q))) q += 1;
  if (q < n && text.charCodeAt(q) >= 0x80 && text.charCodeAt(q) !== 0x2019) return wordByExpression(text, p);
  const c = text.charCodeAt(q);
  if (c === 0x27 || c === 0x2019) {
    const after = text.charCodeAt(q + 1);
    if (after >= 0x80) return wordByExpression(text, p);
    if (isAsciiLetter(after)) {
      let r = q + 1;
      while (r < n && isAsciiLetter(text.charCodeAt(r))) r += 1;
      if (r < n && text.charCodeAt(r) >= 0x80) return wordByExpression(text, p);
      q = r;
    }
  }
  wordEnd = q;
  return p;
}

/** `WORD`'s own match at or after `from` (what `nextWord` gives). */
function wordByExpression(text: string, from: number): number {
  WORD.lastIndex = from;
  const m = WORD.exec(text);
  if (m === null) return -1;
  wordEnd = m.index + m[0].length;
  return m.index;
}

/** The first words of `PHRASE_SYNONYMS`: no other word can open one of them. */
const PHRASE_OPENERS: ReadonlySet<string> = new Set(Object.keys(PHRASE_SYNONYMS).map((p) => p.split(' ')[0] as string));
/** Their lengths and first letters (ASCII, as a code with the lower-case bit set): a word of another is none of them. */
const OPENER_LENGTHS: ReadonlySet<number> = new Set([...PHRASE_OPENERS].map((w) => w.length));
const OPENER_FIRSTS: ReadonlySet<number> = new Set([...PHRASE_OPENERS].map((w) => w.charCodeAt(0) | 0x20));

/** Is the word (in any case) one of `PHRASE_OPENERS`? Lower-cased only when its length and first letter may be one's. */
const mayOpenPhrase = (word: string): boolean =>
  OPENER_LENGTHS.has(word.length) && OPENER_FIRSTS.has(word.charCodeAt(0) | 0x20) && PHRASE_OPENERS.has(word.toLowerCase());

/** Each word's term, one table for each combination of the options (a word's term depends on nothing else). */
const termsSeen: ReadonlyArray<Map<string, string | null>> = Array.from({ length: 8 }, () => new Map<string, string | null>());
const TERMS_SEEN_MAX = 200_000;

/** The index term of one word on its own (not the start of a two-word name); null for a stopword. */
function termOfWord(word: string, options: TokenizeOptions): string | null {
  const bare = writtenForm(word).replace(/\.$/, '');
  const lower = bare.toLowerCase();
  const named = entry(CAPITALISED_ONLY, bare) ?? (options.query ? entry(CAPITALISED_ONLY, bare.toUpperCase()) : undefined);
  const synonym = named ?? entry(SYNONYMS, lower);
  if (synonym) return options.spellings ? lower : synonym;
  const plain = lower.replace(/['’]/g, '');
  if (!options.keepStopwords && (STOPWORDS.has(lower) || STOPWORDS.has(plain))) return null;
  return stem(plain);
}

/**
 * A word's term when stopwords are kept (`tokenize(text, { keepStopwords: true })`): what `tokenize(text)`'s
 * null for a stopword would have been, so that a text read once gives both (see `runOfTokens`).
 */
export function keptTerm(word: string): string {
  const seen = termsSeen[1] as Map<string, string | null>;
  let term = seen.get(word);
  if (term === undefined) {
    term = termOfWord(word, { keepStopwords: true });
    if (seen.size >= TERMS_SEEN_MAX) seen.clear();
    seen.set(word, term);
  }
  return term ?? '';
}

/** The index terms of a text, stopwords dropped. */
export function terms(text: string, options: TokenizeOptions = {}): string[] {
  const out: string[] = [];
  for (const t of tokenize(text, options)) if (t.term !== null) out.push(t.term);
  return out;
}

/** The terms stopwords become when they are kept (in phrases): "on" and "one" share the term "on". */
export const STOPWORD_TERMS: ReadonlySet<string> = new Set([...STOPWORDS].map((w) => stem(w.replace(/['’]/g, ''))));
