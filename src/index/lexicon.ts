import { NearWords } from './nearWords.ts';
import type { Steps } from './steps.ts';
import { type Token, tokenize } from '../nlp/terms.ts';

/** A query ready for an index: see `ParagraphIndex.prepare`. */
export interface PreparedQuery {
  searchTerms: string[];
  phrases: string[][];
  /** [typed word, corpus word it was read as]. */
  corrections: Array<[string, string]>;
  unknown: string[];
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

/** Quoted parts of a query ("regime change", with straight or curly quotes) must match as phrases. */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  for (const m of query.matchAll(/["“”]([^"“”]+)["“”]/g)) {
    const seq = tokenize(m[1] as string, { keepStopwords: true, query: true }).flatMap((t) => (t.term ? [t.term] : []));
    if (seq.length > 0) phrases.push(seq);
  }
  return { text: query.replace(/["“”]/g, ' '), phrases };
}

/**
 * A word of the corpus as it is written, for the spelling corrector: its index term, how often, its usual form
 * (as first written), and where it was first written (see `wordPosition`), for putting segments' lexicons together.
 */
export interface LexiconEntry {
  term: string;
  count: number;
  form: string;
  first: number;
}

/** Where a word stands: its paragraph's number and its token's, in one number that orders them. */
export const wordPosition = (doc: number, token: number): number => doc * 2 ** 20 + Math.min(token, 2 ** 20 - 1);
/** The paragraph of a `wordPosition`. */
export const docOfPosition = (position: number): number => Math.floor(position / 2 ** 20);

/** The lexicon as saved in the index file: [word, term, count, form, first position] a word. */
export type SavedLexicon = Array<[string, string, number, string, number?]>;

/** The word a token stands for as written, without a possessive "'s". */
export function writtenForm(text: string, t: Token): string {
  // /['’]s$/ read by its codes: every word of every paragraph comes here.
  const end = t.end - 2;
  if (end >= t.start && text.charCodeAt(end + 1) === 0x73) {
    const c = text.charCodeAt(end);
    if (c === 0x27 || c === 0x2019) return text.slice(t.start, end);
  }
  return text.slice(t.start, t.end);
}

/** Collects the written words of the corpus as paragraphs are indexed. */
export class LexiconBuilder {
  private readonly entries = new Map<string, LexiconEntry>();

  /** Adds the words of a text (paragraph number `doc`), given its tokens. */
  add(text: string, tokens: readonly Token[], doc = 0): void {
    tokens.forEach((t, i) => {
      if (t.term === null) return;
      const form = writtenForm(text, t);
      const key = form.toLowerCase();
      const entry = this.entries.get(key);
      if (entry) entry.count += 1;
      else this.entries.set(key, { term: t.term, count: 1, form, first: wordPosition(doc, i) });
    });
  }

  finish(): Lexicon {
    return new Lexicon(this.entries);
  }
}

/**
 * The corpus's words as written, and how a query is read through them: each word as the corpus word it
 * stands for (typos corrected), quoted phrases as term sequences, and the words the corpus does not have.
 * Every index (paragraphs, quotes, dated mentions) reads its queries through the one lexicon.
 */
export class Lexicon {
  /** Every index term of the corpus. */
  private readonly vocabulary: Set<string>;
  /** Each term's written forms, for the phrase prefilter; built at the first phrase. */
  private forms: Map<string, string[]> | null = null;
  /** The lexicon as a radix tree, for finding near spellings fast; built at the first typo. */
  private fuzzy: NearWords<LexiconEntry> | null = null;

  /** `entries`: every written word (lower case) of the corpus: what a misspelt query word is compared with. */
  constructor(private readonly entries: Map<string, LexiconEntry>) {
    this.vocabulary = new Set([...entries.values()].map((e) => e.term));
  }

  /** Does the corpus have this index term? */
  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  static load(saved: SavedLexicon): Lexicon {
    return new Lexicon(new Map(saved.map(([key, term, count, form, first]) => [key, { term, count, form, first: first ?? 0 }])));
  }

  toJSON(): SavedLexicon {
    return [...this.entries].map(([key, e]) => [key, e.term, e.count, e.form, e.first]);
  }

  /** Every written word (lower case) and its entry, in the order first written. */
  words(): ReadonlyMap<string, Readonly<LexiconEntry>> {
    return this.entries;
  }

  /**
   * The lexicon of several parts' words together, as one built over all their paragraphs in global order:
   * counts added, each word's form and place where it is first written, words in the order first written.
   * `entries` give each part's words with `first` already a global position. In steps (see `steps.ts`), pausing
   * every few thousand words.
   */
  static *merge(parts: ReadonlyArray<Iterable<[string, LexiconEntry]>>): Steps<Lexicon> {
    const all = new Map<string, LexiconEntry>();
    let n = 0;
    for (const part of parts)
      for (const [key, e] of part) {
        if ((n += 1) % 4096 === 0) yield;
        const had = all.get(key);
        if (!had) all.set(key, { ...e });
        else {
          had.count += e.count;
          if (e.first < had.first) {
            had.first = e.first;
            had.form = e.form;
          }
        }
      }
    let ordered = true;
    let last = -1;
    for (const e of all.values()) {
      if (e.first < last) ordered = false;
      last = e.first;
    }
    return new Lexicon(ordered ? all : new Map([...all].sort((x, y) => x[1].first - y[1].first)));
  }

  /**
   * The lexicon of this one's paragraphs with others put in among them, as `merge` of every part would give it,
   * without going through the old parts' words again: one pass along this lexicon's words and the new ones, both
   * in the order first written. `moved` gives each of this lexicon's positions its new place (it must keep their
   * order: paragraphs are put in, none taken out or reordered); `added` are the new paragraphs' words, with their
   * positions new ones, in the order first written. Words of both: counts added, the earlier place and its form.
   * In steps (see `steps.ts`), pausing every few thousand words.
   */
  *withInserted(moved: (position: number) => number, added: Iterable<[string, LexiconEntry]>): Steps<Lexicon> {
    const incoming = new Map(added);
    const out = new Map<string, LexiconEntry>();
    /** Words of both, once written out. */
    const both = new Set<string>();
    const old = this.entries.entries();
    const fresh = incoming.entries();
    const nextOld = (): [string, LexiconEntry] | undefined => {
      const r = old.next();
      if (r.done) return undefined;
      const [key, e] = r.value;
      const first = moved(e.first);
      return [key, first === e.first ? e : { ...e, first }];
    };
    let x = nextOld();
    let y = fresh.next().value;
    let n = 0;
    while (x || y) {
      if ((n += 1) % 4096 === 0) yield;
      if (y && (!x || y[1].first < x[1].first)) {
        const [key, e] = y;
        y = fresh.next().value;
        if (both.has(key)) continue;
        const had = this.entries.get(key);
        if (had) both.add(key);
        out.set(key, had ? { ...e, count: e.count + had.count } : { ...e });
      } else if (x) {
        const [key, e] = x;
        x = nextOld();
        if (both.has(key)) continue;
        const more = incoming.get(key);
        if (more) both.add(key);
        out.set(key, more ? { ...e, count: e.count + more.count } : e);
      }
    }
    return new Lexicon(out);
  }

  /** Words of the corpus that start with what was typed (the last word of it), most frequent first. */
  topicWords(typed: string, limit: number): string[] {
    const words = typed.trim().split(/\s+/);
    const last = (words.pop() ?? '').toLowerCase();
    const head = words.join(' ');
    const found: LexiconEntry[] = [];
    for (const [key, entry] of this.entries) if (key.startsWith(last) && key.length > 2) found.push(entry);
    return found
      .sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((e) => (head ? `${head} ${e.form}` : e.form));
  }

  /** The words of the corpus (lower case) that have this term. */
  formsOf(term: string): string[] | undefined {
    if (!this.forms) {
      this.forms = new Map();
      for (const [key, entry] of this.entries) {
        const list = this.forms.get(entry.term);
        if (list) list.push(key);
        else this.forms.set(entry.term, [key]);
      }
    }
    return this.forms.get(term);
  }

  /**
   * The corpus word a query word stands for: none needed when the corpus has its term; else the corpus
   * word fewest edits away (at most `maxEdits`), the more common one first ("kery" → "Kerry",
   * "negotiatons" → "negotiations"); else null.
   */
  correct(word: string, term: string): { term: string; form: string | null } | null {
    if (this.vocabulary.has(term)) return { term, form: null };
    const typed = word.toLowerCase();
    const edits = maxEdits(typed);
    if (edits === 0) return null;
    this.fuzzy ??= NearWords.from(this.entries);
    let best: LexiconEntry | null = null;
    let bestScore = -1;
    for (const [entry, d] of this.fuzzy.search(typed, edits)) {
      const score = (edits - d) * 1e9 + entry.count;
      if (score > bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    return best ? { term: best.term, form: best.form } : null;
  }

  /**
   * A query as index terms: each word read as the corpus word it stands for (typos corrected), quoted
   * phrases as term sequences, and the words the corpus does not have.
   */
  prepare(query: string): PreparedQuery {
    const parsed = parseQuery(query);
    const corrections: Array<[string, string]> = [];
    const unknown: string[] = [];
    const fixed = new Map<string, string>();
    for (const t of tokenize(parsed.text, { query: true })) {
      if (t.term === null || fixed.has(t.term)) continue;
      const word = parsed.text.slice(t.start, t.end);
      const c = this.correct(word, t.term);
      if (c === null) unknown.push(word);
      else {
        fixed.set(t.term, c.term);
        if (c.form !== null) corrections.push([word, c.form]);
      }
    }
    const searchTerms = [...new Set(fixed.values())];
    const phrases = parsed.phrases.map((seq) => seq.map((term) => fixed.get(term) ?? term));
    return { searchTerms, phrases, corrections, unknown };
  }
}
