import type { Article } from '../model/index.ts';
import { officeOf, placeOf } from '../nlp/coref.ts';
import { findNames } from '../nlp/people.ts';
import type { Quote, QuoteKind } from '../model/index.ts';
import { STOPWORD_TERMS, type Token, terms, tokenize } from '../nlp/terms.ts';
import { publicationKey } from '../ingest/order.ts';
import { Bm25Builder, Bm25Index, type SavedBm25 } from './bm25.ts';
import { type Bm25Part, type Bm25Searcher, SegmentedBm25 } from './segmentedBm25.ts';
import type { Lexicon } from './lexicon.ts';
import { phraseSpans } from './paragraphIndex.ts';
import { type Steps, runNow } from './steps.ts';
import { Registry, type Speaker, byLocale } from './registry.ts';

export type { Speaker } from './registry.ts';

/** Where a quote stands: an article and a paragraph, by index. */
export interface QuoteRef {
  article: number;
  quote: number;
}

/** The same words of the same speaker, in every article that carries them, earliest first. */
export interface QuoteGroup {
  id: number;
  /** Speaker ids (several for a joint statement, none when unattributed). */
  speakers: string[];
  /** attributed, or why not: unattributed / ambiguous. */
  status: Quote['speaker']['status'];
  /**
   * For an ambiguous speaker, everyone the text could mean, likeliest first: speaker ids where the registry
   * has them, else the names as the article gives them. Absent otherwise.
   */
  candidates?: string[];
  kind: QuoteKind;
  /** The fullest wording among the group's quotes. */
  text: string;
  /** How sure the attribution of its first (earliest) quote is, 0–1: the one an answer shows. */
  confidence: number;
  refs: QuoteRef[];
}

/** The negations of a quote: "can" and "cannot" are not the same words. */
export const negations = (s: string): string =>
  [...s.toLowerCase().matchAll(/\b(?:not|no|never|cannot|can['’]t|won['’]t|n['’]t|neither|nor|without)\b|n['’]t\b/g)]
    .map((m) => m[0].replace(/['’]/g, ''))
    .map((w) => (w === 'cannot' || w === 'cant' || w === 'nt' || w === 'wont' ? 'not' : w))
    .sort()
    .join(' ');

/** The share of the shorter quote's words that the longer one has (each a `wordSetOf`: sorted, each word once). */
function containment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) {
      n += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return n / Math.min(a.length, b.length);
}

/**
 * Two quotes are the same words when ≥ 80% of the shorter one's content words (at least 3) are in the longer
 * one, and they have the same negations.
 */
export const SAME_QUOTE = 0.8;

/**
 * The quote's own words decide what it is about; the narration around it (its sentence without the quoted
 * words) counts much less: "…, Lavrov said after talks that touched on Ukraine" is not a quote on Ukraine.
 */
const NARRATION_WEIGHT = 0.2;
const FIELD_BOOST = { quote: 1, narration: NARRATION_WEIGHT };

/**
 * Where a topic matched a quote: its whole wording as a phrase inside the quoted words, some of its words in
 * the quoted words, or only in the narration around them.
 */
export type QuoteMatch = 'phrase' | 'words' | 'narration';

/** A quote group found for a topic: where the topic matched it, and its text score (quote words first). */
export interface QuoteHit {
  group: QuoteGroup;
  score: number;
  match: QuoteMatch;
}

/** The narration of a quote's sentence: its terms less the quote's own (each as often as the quote has it). */
export function narrationTerms(sentence: readonly string[], quote: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const t of quote) left.set(t, (left.get(t) ?? 0) + 1);
  return sentence.filter((t) => {
    const n = left.get(t) ?? 0;
    if (n === 0) return true;
    left.set(t, n - 1);
    return false;
  });
}

/** What the book reads of one quote: its own fields, and its words and its sentence's words as `terms` gives them. */
export interface QuoteFact {
  text: string;
  kind: QuoteKind;
  speaker: Quote['speaker'];
  confidence: number;
  sentence: string;
  /** Read only: facts read from a segment share their lists (see `quoteFactsCodec.ts`). */
  words: readonly string[];
  sentenceWords: readonly string[];
}

/**
 * What the quote book reads of an article, worked out once per article (a live index keeps it, so that the
 * book of a changed corpus is put together without reading or parsing the other articles): its publication
 * key, the names its paragraphs give (`findNames`, in order) and its quotes.
 */
export interface QuoteFacts {
  published: string;
  names: ReturnType<typeof findNames>;
  quotes: QuoteFact[];
}

/** See `QuoteFacts`. */
export function quoteFactsOf(article: Article): QuoteFacts {
  return {
    published: publicationKey(article),
    names: article.paragraphs.flatMap((p) => findNames(p.text)),
    quotes: article.quotes.map((q) => ({
      text: q.text,
      kind: q.kind,
      speaker: q.speaker,
      confidence: q.confidence,
      sentence: q.sentence,
      words: terms(q.text),
      sentenceWords: terms(q.sentence),
    })),
  };
}

/** What grouping reads of one quote, worked out once per quote (see `preparedOf`). */
interface Prepared {
  fact: QuoteFact;
  /** Its content words, each once, in code-unit order (`wordSetOf`). */
  set: readonly string[];
  neg: string;
  /** Its prefix (see `Grouping`) in the order of words `prefixBy` gives, once worked out. */
  prefix?: string[];
  prefixBy?: ReadonlyMap<string, number>;
}

/**
 * Each quote's words as a set and its negations, kept while its facts are: a live index puts the book
 * together again at every update from the same facts, and these do not depend on the other articles.
 */
const preparedQuotes = new WeakMap<QuoteFact, Prepared>();

function preparedOf(fact: QuoteFact): Prepared {
  let p = preparedQuotes.get(fact);
  if (!p) {
    p = { fact, set: wordSetOf(fact.words), neg: negations(fact.text) };
    preparedQuotes.set(fact, p);
  }
  return p;
}

/**
 * Per list of words: its words sorted in code-unit order, each once. A sorted array is a third of the memory
 * of a `Set` and as quick to compare (`containment`); quotes whose facts share their list of words (as facts
 * read from a segment do for quotes of the same words, see `quoteFactsCodec.ts`) share it.
 */
const wordSets = new WeakMap<readonly string[], readonly string[]>();

function wordSetOf(words: readonly string[]): readonly string[] {
  let set = wordSets.get(words);
  if (!set) {
    const sorted = [...words].sort();
    set = sorted.filter((w, i) => i === 0 || w !== sorted[i - 1]);
    wordSets.set(words, set);
  }
  return set;
}

/** Per quote: the narration of its sentence around the words of a group's text, kept for the same words. */
const narrations = new WeakMap<QuoteFact, { own: readonly string[]; narration: string[] }>();

/** `narrationTerms` of a group's first quote and its text's terms, once per pair kept with the quote's facts. */
function narrationOf(first: QuoteFact, own: readonly string[]): string[] {
  const at = narrations.get(first);
  if (at?.own === own) return at.narration;
  const narration = narrationTerms(first.sentenceWords, own);
  narrations.set(first, { own, narration });
  return narration;
}

const need = (m: number): number => Math.ceil(SAME_QUOTE * m - 1e-9);

/** Articles (their numbers) in order of publication, undated last; equal dates in the order given (a stable sort). */
function publicationOrder(articles: readonly QuoteFacts[], which: number[]): number[] {
  return which.sort((x, y) => byLocale((articles[x] as QuoteFacts).published, (articles[y] as QuoteFacts).published));
}

/** A quote's place in publication order: its article's place times this, plus its number in the article. */
const QUOTE_SPAN = 2 ** 20;

/**
 * One key's groups, in the order they started: their numbers among all groups, their wordings and candidate
 * lists (by number in the key), and the group the last quote of each text went to (see `Grouping.#find`).
 */
class KeyGroups {
  readonly ids: number[] = [];
  readonly wording: Prepared[] = [];
  readonly byWord = new Map<string, number[]>();
  readonly byPrefix = new Map<string, number[]>();
  /** The groups (numbers in the key) that took a longer wording, in the order they took it. */
  readonly reworded: number[] = [];
  /**
   * Per quote text: the group (number in the key) the last quote of that text went to, and how many entries of
   * `reworded` had been read when that place was last known to hold.
   */
  readonly went = new Map<string, { local: number; read: number }>();
}

/**
 * The greedy grouping of quotes in publication order, and what it needs to go on with more quotes: each quote
 * joins the first group (in order) of the same speakers, kind and negations (its key) whose wording shares
 * enough of its words (`SAME_QUOTE`), else starts a group. Groups are numbered in the order they start, which is
 * the order of their first quotes in publication order.
 *
 * Quotes of different keys never meet: each key's groups depend only on that key's quotes, in publication order.
 * So a key's groups and their candidate lists are kept apart (`KeyGroups`, numbered within the key), and the
 * quotes of an article put in among the others (`regroup`) are grouped again with the other quotes of their keys
 * only; every other group keeps its quotes and wording, and is only numbered anew.
 *
 * Candidates for "the same words" by prefix filtering: with the words in one fixed order, two sets that share at
 * least `need(m)` words of the smaller one's m always share one of the smaller one's first m - need(m) + 1 words
 * (its prefix). So a group that passes is listed under a prefix word of the quote (groups are listed under all
 * their words) or has a prefix word among the quote's words (groups are also listed under their prefix). Any
 * fixed order of words finds the same groups; rare words first make short lists: a prolific speaker's common
 * words are never looked up. The order is rarest first by the frequencies of the first book's quotes (a word they
 * lack counts 0), then code-unit order; it stays fixed while the grouping goes on, so prefixes worked out before
 * still hold. A group is listed again when a longer wording replaces its text; stale entries only cost a check.
 */
class Grouping {
  groups: QuoteGroup[] = [];
  /** Per group: the quote whose wording it carries (its words, negations and terms). */
  wording: Prepared[] = [];
  /** Per group: its first quote (whose sentence gives the narration). */
  firsts: QuoteFact[] = [];
  /** Per group: its key, and its number among the key's groups. */
  groupKey: number[] = [];
  groupLocal: number[] = [];
  readonly keyIds = new Map<string, number>();
  /** Per key: its groups. */
  readonly keys: KeyGroups[] = [];
  /** Per speaker id: how many groups name it. */
  readonly counts = new Map<string, number>();
  /** Every name a quote's speaker was looked up by (lower case), and the speaker id it read then. */
  readonly lookups = new Map<string, string | null>();
  /** Groups below this number may be shared with an earlier book: copied before they change. */
  shared = 0;
  /** Groups below `shared` given a longer wording since. */
  readonly reworded = new Set<number>();
  readonly #copied = new Set<number>();

  constructor(private readonly frequency: ReadonlyMap<string, number>) {}

  /** The speaker id of a name, by the registry's aliases; the reading is kept (see `lookups`). */
  #idOf(byName: ReadonlyMap<string, { readonly id: string }>, name: string): string | null {
    const k = name.toLowerCase();
    const id = byName.get(k)?.id ?? null;
    this.lookups.set(k, id);
    return id;
  }

  /** Rarest first, then in code-unit order: a fixed order of every word, without sorting them all. */
  #rarer = (x: readonly [number, string], y: readonly [number, string]): number => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);

  /** A quote's prefix in this grouping's order of words, kept with the quote while the order holds. */
  #prefixOf(p: Prepared): string[] {
    if (p.prefix && p.prefixBy === this.frequency) return p.prefix;
    const set = p.set;
    const at = set
      .map((w) => [this.frequency.get(w) ?? 0, w] as const)
      .sort(this.#rarer)
      .slice(0, set.length - need(set.length) + 1)
      .map(([, w]) => w);
    p.prefix = at;
    p.prefixBy = this.frequency;
    return at;
  }

  /** A quote's speaker ids (read by `byName`) and its key, numbered in the order keys are first met. */
  #keyOf(q: QuoteFact, p: Prepared, byName: ReadonlyMap<string, { readonly id: string }>): { speakerIds: string[]; key: number } {
    const ids =
      q.speaker.members.length > 0
        ? q.speaker.members.map((m) => this.#idOf(byName, m))
        : q.speaker.name
          ? [this.#idOf(byName, q.speaker.name)]
          : [];
    const speakerIds = ids.filter((x): x is string => x !== null);
    const k = `${speakerIds.join()}\u0001${q.kind}\u0001${p.neg}`;
    let key = this.keyIds.get(k);
    if (key === undefined) {
      key = this.keyIds.size;
      this.keyIds.set(k, key);
    }
    return { speakerIds, key };
  }

  /**
   * The first of the key's groups (in order) whose wording passes the full test with the quote, or -1: its
   * number in the key. A quote of the same text as one met before goes where that one went (joined or started),
   * as long as neither that group nor one before it took another wording since: the groups before it failed the
   * same words then and have the same wordings, and it passes them (groups started since come after it). Wire
   * copies repeat quotes word for word, so most quotes are placed without a look at the lists.
   */
  #find(kg: KeyGroups, p: Prepared): number {
    const set = p.set;
    if (set.length < 3) return -1;
    const went = kg.went.get(p.fact.text);
    if (went !== undefined) {
      const { reworded } = kg;
      let n = went.read;
      while (n < reworded.length && (reworded[n] as number) > went.local) n += 1;
      if (n === reworded.length) {
        went.read = n;
        return went.local;
      }
    }
    const candidates = new Set<number>();
    for (const w of this.#prefixOf(p)) for (const l of kg.byWord.get(w) ?? []) candidates.add(l);
    for (const w of set) for (const l of kg.byPrefix.get(w) ?? []) candidates.add(l);
    for (const l of [...candidates].sort((x, y) => x - y)) {
      const g = kg.wording[l] as Prepared;
      if (Math.min(set.length, g.set.length) >= 3 && containment(set, g.set) >= SAME_QUOTE) return l;
    }
    return -1;
  }

  /** Notes where a quote went (`local`, in the key; after it gave the group its wording, if it did). */
  #went(kg: KeyGroups, p: Prepared, local: number): void {
    if (p.set.length < 3) return;
    const went = kg.went.get(p.fact.text);
    if (went === undefined) kg.went.set(p.fact.text, { local, read: kg.reworded.length });
    else {
      went.local = local;
      went.read = kg.reworded.length;
    }
  }

  /** Lists the key's group `l` under its wording's words and prefix. */
  #list(kg: KeyGroups, l: number): void {
    const add = (map: Map<string, number[]>, w: string): void => {
      const at = map.get(w);
      if (!at) map.set(w, [l]);
      else if (at[at.length - 1] !== l) at.push(l);
    };
    const wording = kg.wording[l] as Prepared;
    for (const w of wording.set) add(kg.byWord, w);
    for (const w of this.#prefixOf(wording)) add(kg.byPrefix, w);
  }

  /** A group started by quote `q` at `ref`. */
  #started(
    id: number,
    speakerIds: string[],
    q: QuoteFact,
    ref: QuoteRef,
    byName: ReadonlyMap<string, { readonly id: string }>,
  ): QuoteGroup {
    return {
      id,
      speakers: speakerIds,
      status: q.speaker.status,
      ...(q.speaker.status === 'ambiguous' && q.speaker.candidates
        ? { candidates: q.speaker.candidates.map((n) => this.#idOf(byName, n) ?? n) }
        : {}),
      kind: q.kind,
      text: q.text,
      confidence: q.confidence,
      refs: [ref],
    };
  }

  /** Goes on from a book's groups: they are shared with it, copied before they change. */
  goOnFrom(groups: readonly QuoteGroup[]): void {
    this.groups = [...groups];
    this.shared = groups.length;
    this.reworded.clear();
    this.#copied.clear();
  }

  /** The group, to be changed: a copy in place of one shared with an earlier book. */
  #own(gi: number): QuoteGroup {
    const g = this.groups[gi] as QuoteGroup;
    if (gi >= this.shared || this.#copied.has(gi)) return g;
    const copy = { ...g, refs: [...g.refs] };
    this.groups[gi] = copy;
    this.#copied.add(gi);
    return copy;
  }

  /** Renumbers the articles of the groups' quotes (`renumber[old]` is the new number), copying the groups it changes. */
  renumber(renumber: Int32Array): void {
    this.groups.forEach((g, gi) => {
      if (g.refs.every((r) => renumber[r.article] === r.article)) return;
      const copy = { ...g, refs: g.refs.map((r) => ({ article: renumber[r.article] as number, quote: r.quote })) };
      this.groups[gi] = copy;
      if (gi < this.shared) this.#copied.add(gi);
    });
  }

  /** Groups the quotes of article `ai` (the next in publication order), reading speakers by `byName`. */
  addArticle(article: QuoteFacts, ai: number, byName: ReadonlyMap<string, { readonly id: string }>): void {
    article.quotes.forEach((q, qi) => {
      const p = preparedOf(q);
      const { speakerIds, key } = this.#keyOf(q, p, byName);
      const kg = (this.keys[key] ??= new KeyGroups());
      const same = this.#find(kg, p);
      if (same >= 0) {
        const gi = kg.ids[same] as number;
        const g = this.#own(gi);
        g.refs.push({ article: ai, quote: qi });
        if (q.text.length > g.text.length) {
          if (gi < this.shared) this.reworded.add(gi);
          g.text = q.text;
          this.wording[gi] = p;
          kg.wording[same] = p;
          kg.reworded.push(same);
          this.#list(kg, same);
        }
        this.#went(kg, p, same);
        return;
      }
      const gi = this.groups.length;
      this.groups.push(this.#started(gi, speakerIds, q, { article: ai, quote: qi }, byName));
      for (const id of new Set(speakerIds)) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      this.firsts.push(q);
      this.wording.push(p);
      this.groupKey.push(key);
      this.groupLocal.push(kg.ids.length);
      kg.ids.push(gi);
      kg.wording.push(p);
      this.#list(kg, kg.ids.length - 1);
      this.#went(kg, p, kg.ids.length - 1);
    });
  }

  /**
   * Puts the quotes of the articles `added` (numbers in `articles`, in publication order; the groups' articles
   * already renumbered by `renumber`) in among the others, wherever they stand in publication order (`rank`: per article, its place
   * there): the quotes of their keys are grouped again in publication order from the first new quote of each
   * key on (the groups of the key stand there as they stood before), and every group is numbered anew by its
   * first quote's place. Per group before: its number now, or -1 when it is gone (grouped again into
   * groups whose search documents differ); and the groups now whose search documents are new (ascending). A group
   * grouped again keeps its document when it starts with the same quote and carries the same wording (one
   * group only, should one quote's facts stand twice in `articles`).
   */
  regroup(
    articles: readonly QuoteFacts[],
    added: readonly number[],
    rank: Int32Array,
    byName: ReadonlyMap<string, { readonly id: string }>,
  ): { remap: Int32Array; fresh: number[] } {
    const quotePlace = (r: QuoteRef): number => (rank[r.article] as number) * QUOTE_SPAN + r.quote;
    interface Entry {
      ref: QuoteRef;
      fact: QuoteFact;
      at: number;
    }
    const byKey = new Map<number, { speakerIds: string[]; entries: Entry[] }>();
    for (const ai of added)
      (articles[ai] as QuoteFacts).quotes.forEach((q, qi) => {
        const { speakerIds, key } = this.#keyOf(q, preparedOf(q), byName);
        let at = byKey.get(key);
        if (!at) byKey.set(key, (at = { speakerIds, entries: [] }));
        const ref = { article: ai, quote: qi };
        at.entries.push({ ref, fact: q, at: quotePlace(ref) });
      });
    const before = this.groups.length;
    const gone = new Uint8Array(before);
    /** The groups made again, each with its first quote's place, its key and its number in the key. */
    const made: Array<{ group: QuoteGroup; first: QuoteFact; wording: Prepared; at: number; key: number; local: number; was: number }> = [];
    for (const [key, { speakerIds, entries }] of byKey) {
      const old = this.keys[key];
      const factOf = (ref: QuoteRef): QuoteFact => (articles[ref.article] as QuoteFacts).quotes[ref.quote] as QuoteFact;
      // Up to the first new quote, the grouping goes as before: the key's groups started before it stand there
      // with the quotes they had before it, and the wording they had then (the first longest of those). From
      // there on, the new quotes and every later quote of the key are grouped again.
      const from = entries.reduce((min, e) => Math.min(min, e.at), Number.POSITIVE_INFINITY);
      const kg = new KeyGroups();
      const mine: Array<(typeof made)[number]> = [];
      // Per first quote: the group it started before, for its search document.
      const startedBy = new Map<QuoteFact, number>();
      for (const gi of old?.ids ?? []) {
        gone[gi] = 1;
        startedBy.set(this.firsts[gi] as QuoteFact, gi);
        const { refs } = this.groups[gi] as QuoteGroup;
        let kept = 0;
        while (kept < refs.length && quotePlace(refs[kept] as QuoteRef) < from) kept += 1;
        for (const ref of refs.slice(kept)) entries.push({ ref, fact: factOf(ref), at: quotePlace(ref) });
        if (kept === 0) continue;
        let wording = factOf(refs[0] as QuoteRef);
        for (const ref of refs.slice(1, kept)) if (factOf(ref).text.length > wording.text.length) wording = factOf(ref);
        const first = factOf(refs[0] as QuoteRef);
        const group = this.#started(-1, speakerIds, first, refs[0] as QuoteRef, byName);
        group.text = wording.text;
        group.refs = refs.slice(0, kept);
        const p = preparedOf(wording);
        mine.push({ group, first, wording: p, at: quotePlace(refs[0] as QuoteRef), key, local: kg.ids.length, was: -1 });
        kg.ids.push(-1);
        kg.wording.push(p);
        this.#list(kg, kg.ids.length - 1);
      }
      entries.sort((x, y) => x.at - y.at);
      for (const { ref, fact, at } of entries) {
        const p = preparedOf(fact);
        const same = this.#find(kg, p);
        if (same >= 0) {
          const m = mine[same] as (typeof made)[number];
          m.group.refs.push(ref);
          if (fact.text.length > m.group.text.length) {
            m.group.text = fact.text;
            m.wording = p;
            kg.wording[same] = p;
            kg.reworded.push(same);
            this.#list(kg, same);
          }
          this.#went(kg, p, same);
          continue;
        }
        mine.push({
          group: this.#started(-1, speakerIds, fact, ref, byName),
          first: fact,
          wording: p,
          at,
          key,
          local: kg.ids.length,
          was: -1,
        });
        kg.ids.push(-1);
        kg.wording.push(p);
        this.#list(kg, kg.ids.length - 1);
        this.#went(kg, p, kg.ids.length - 1);
      }
      for (const m of mine) {
        const was = startedBy.get(m.first);
        if (was === undefined || this.wording[was] !== m.wording) continue;
        m.was = was;
        startedBy.delete(m.first);
      }
      const delta = mine.length - (old?.ids.length ?? 0);
      for (const id of new Set(speakerIds)) this.counts.set(id, (this.counts.get(id) ?? 0) + delta);
      this.keys[key] = kg;
      made.push(...mine);
    }
    made.sort((x, y) => x.at - y.at);
    // The groups kept and the groups made, merged by their first quote's place.
    const remap = new Int32Array(before).fill(-1);
    const fresh: number[] = [];
    const groups: QuoteGroup[] = [];
    const wording: Prepared[] = [];
    const firsts: QuoteFact[] = [];
    const groupKey: number[] = [];
    const groupLocal: number[] = [];
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < before && gone[i] === 1) i += 1;
      const keptAt = i < before ? quotePlace((this.groups[i] as QuoteGroup).refs[0] as QuoteRef) : Number.POSITIVE_INFINITY;
      const m = made[j];
      if (i >= before && !m) break;
      const n = groups.length;
      if (!m || keptAt < m.at) {
        const g = this.groups[i] as QuoteGroup;
        groups.push(g.id === n ? g : { ...g, id: n });
        wording.push(this.wording[i] as Prepared);
        firsts.push(this.firsts[i] as QuoteFact);
        groupKey.push(this.groupKey[i] as number);
        groupLocal.push(this.groupLocal[i] as number);
        remap[i] = n;
        i += 1;
      } else {
        m.group.id = n;
        groups.push(m.group);
        wording.push(m.wording);
        firsts.push(m.first);
        groupKey.push(m.key);
        groupLocal.push(m.local);
        if (m.was >= 0) remap[m.was] = n;
        else fresh.push(n);
        j += 1;
      }
    }
    groups.forEach((_, n) => {
      (this.keys[groupKey[n] as number] as KeyGroups).ids[groupLocal[n] as number] = n;
    });
    this.groups = groups;
    this.wording = wording;
    this.firsts = firsts;
    this.groupKey = groupKey;
    this.groupLocal = groupLocal;
    this.shared = groups.length;
    this.reworded.clear();
    this.#copied.clear();
    return { remap, fresh };
  }
}

/** What a book keeps to be appended to (`QuoteBook.append`): its articles, their publication order, its grouping, its search. */
interface Continuation {
  facts: readonly QuoteFacts[];
  /** The numbers (in `facts`) of the articles in publication order. */
  order: number[];
  grouping: Grouping;
  search: SearchParts;
  /** The speaker registry of `facts`, kept to be appended to. */
  registry: Registry;
}

const QUOTE_FIELDS = ['quote', 'narration'];

/** A group's search document: its wording's words, and the narration of its first quote's sentence around them. */
function groupDocument(wording: Prepared, first: QuoteFact): [readonly string[], string[]] {
  const own = wording.fact.words;
  return [own, narrationOf(first, own)];
}

/** The search over these groups (numbers, ascending), their documents numbered from 0 in that order. */
function searchOf(wording: readonly Prepared[], firsts: readonly QuoteFact[], groups: readonly number[]): Bm25Index {
  return runNow(searchSteps(wording, firsts, groups));
}

/** `searchOf` in steps (see `steps.ts`), pausing every few hundred groups. */
function* searchSteps(wording: readonly Prepared[], firsts: readonly QuoteFact[], groups: readonly number[]): Steps<Bm25Index> {
  const search = new Bm25Builder(QUOTE_FIELDS);
  for (const [n, gi] of groups.entries()) {
    if (n % 512 === 511) yield;
    search.add(groupDocument(wording[gi] as Prepared, firsts[gi] as QuoteFact));
  }
  yield;
  return search.finish();
}

/**
 * The group search of an appendable book, in parts: the search built with the book, then one part per append
 * of the groups it made or gave a longer wording (their earlier documents marked deleted), searched as one
 * (`SegmentedBm25`: the same scores and order as one search built over every group). Per group: its part and
 * its document there.
 */
interface SearchParts {
  parts: Bm25Part[];
  partOf: number[];
  localOf: number[];
}

/**
 * Parts beyond which the parts after the first are merged into one (all of them, when they hold a quarter of the
 * groups). All are merged into one, too, when deleted documents (groups grouped again or given another wording)
 * come to a quarter of the groups.
 */
const MAX_SEARCH_PARTS = 8;

/**
 * The parts with one more, of the groups `docs` (ascending): the groups `reworded` (their earlier documents
 * deleted) and the ones without a document. Changes `partOf` and `localOf`.
 */
function withPart(search: SearchParts, grouping: Grouping, reworded: readonly number[], docs: number[]): SearchParts {
  const { partOf, localOf } = search;
  const parts = [...search.parts];
  const copied = new Set<number>();
  for (const gi of reworded) {
    const k = partOf[gi] as number;
    const part = parts[k] as Bm25Part;
    if (!copied.has(k)) parts[k] = { index: part.index, toGlobal: part.toGlobal.slice() };
    copied.add(k);
    (parts[k] as Bm25Part).toGlobal[localOf[gi] as number] = -1;
  }
  const add = (from: number, groups: number[]): void => {
    parts.splice(from);
    groups.forEach((gi, local) => {
      partOf[gi] = from;
      localOf[gi] = local;
    });
    parts.push({ index: searchOf(grouping.wording, grouping.firsts, groups), toGlobal: Int32Array.from(groups) });
  };
  if (docs.length > 0) add(parts.length, docs);
  const live = (from: number): number[] =>
    parts
      .slice(from)
      .flatMap((p) => [...p.toGlobal].filter((g) => g >= 0))
      .sort((x, y) => x - y);
  // Every group has its document now: the other entries are deleted ones.
  const deleted = parts.reduce((n, p) => n + p.toGlobal.length, 0) - grouping.groups.length;
  if (deleted * 4 > grouping.groups.length) add(0, live(0));
  else if (parts.length > MAX_SEARCH_PARTS) {
    const small = live(1);
    if (small.length * 4 > grouping.groups.length) add(0, live(0));
    else add(1, small);
  }
  return { parts, partOf, localOf };
}

/**
 * The parts with their groups numbered anew (`remap[old]`, -1 for a group gone: its document is deleted), for
 * `count` groups; groups without a document yet get none.
 */
function renumbered(search: SearchParts, remap: Int32Array, count: number): SearchParts {
  const partOf = new Array<number>(count).fill(-1);
  const localOf = new Array<number>(count).fill(-1);
  const parts = search.parts.map(({ index, toGlobal }, k) => {
    const now = new Int32Array(toGlobal.length);
    for (let local = 0; local < toGlobal.length; local += 1) {
      const was = toGlobal[local] as number;
      const gi = was < 0 ? -1 : (remap[was] as number);
      now[local] = gi;
      if (gi < 0) continue;
      partOf[gi] = k;
      localOf[gi] = local;
    }
    return { index, toGlobal: now };
  });
  return { parts, partOf, localOf };
}

/** What answers search: the one part itself when it holds every group in order, else the parts as one. */
function searcherOf({ parts }: SearchParts): Bm25Searcher {
  const only = parts[0];
  if (parts.length === 1 && only && only.toGlobal.every((g, local) => g === local)) return only.index;
  return new SegmentedBm25(QUOTE_FIELDS, parts);
}

/**
 * Every quote of the corpus, grouped where several outlets carry the same words, with the registry of
 * speakers built from the corpus itself: people are merged by surname and a first name that agrees
 * ("Sergey" / "Sergei Lavrov"), and each gets every name and description the corpus uses for them.
 */
export class QuoteBook {
  private readonly byId: Map<string, Speaker>;
  /** Per group: how many articles carry it, worked out when first asked (0: not yet). */
  private readonly articleCounts: Uint32Array;

  private constructor(
    readonly speakers: Speaker[],
    readonly groups: QuoteGroup[],
    /** Per group: the sentence its first quote stands in (for phrases, without reading the article). */
    private readonly sentences: string[],
    private readonly search: Bm25Searcher,
    /** For a search in parts: the same search as one index, for saving. */
    private readonly whole: () => Bm25Index = () => search as Bm25Index,
  ) {
    this.articleCounts = new Uint32Array(groups.length);
    this.byId = new Map();
    for (const s of speakers) if (!this.byId.has(s.id)) this.byId.set(s.id, s);
  }

  static build(articles: Article[]): QuoteBook {
    return QuoteBook.fromFacts(articles.map(quoteFactsOf));
  }

  /**
   * The book of a corpus from what it reads of each article (`quoteFactsOf`), articles in corpus order: the
   * same book as `build`, put together again after a change without reading or parsing any article. With
   * `appendable`, the book keeps its grouping, so that `append` can go on from it.
   */
  static fromFacts(articles: readonly QuoteFacts[], options: { appendable?: boolean } = {}): QuoteBook {
    return runNow(QuoteBook.fromFactsSteps(articles, options));
  }

  /** `fromFacts` in steps (see `steps.ts`), pausing every few articles. */
  static *fromFactsSteps(articles: readonly QuoteFacts[], options: { appendable?: boolean } = {}): Steps<QuoteBook> {
    const registry = yield* Registry.buildSteps(articles);
    const byName = registry.byAlias;
    const order = publicationOrder(
      articles,
      articles.map((_, i) => i),
    );
    // The words' order for prefixes: how many quotes have each word, rarest first (see `Grouping`).
    const frequency = new Map<string, number>();
    for (const [n, ai] of order.entries()) {
      if (n % 256 === 255) yield;
      for (const q of (articles[ai] as QuoteFacts).quotes) for (const w of preparedOf(q).set) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    }
    const grouping = new Grouping(frequency);
    for (const [n, ai] of order.entries()) {
      if (n % 64 === 63) yield;
      grouping.addArticle(articles[ai] as QuoteFacts, ai, byName);
    }
    const all = grouping.groups.map((_, gi) => gi);
    const search = yield* searchSteps(grouping.wording, grouping.firsts, all);
    const book = QuoteBook.#finish(registry.speakers(grouping.counts), grouping, [], search);
    if (options.appendable) {
      const parts = { parts: [{ index: search, toGlobal: Int32Array.from(all) }], partOf: all.map(() => 0), localOf: all };
      book.#continuation = { facts: articles, order, grouping, search: parts, registry };
    }
    return book;
  }

  /**
   * The book of `articles` (corpus order) put together from this one without grouping all its quotes again,
   * when that gives the same book as `fromFacts`; else null (build it whole). This book must be appendable (made
   * by `fromFacts` with `appendable`, or by `append`), and not appended to before: it hands its grouping on.
   *
   * It applies when `articles` are this book's (the same objects, in the same order) with others put anywhere
   * among them, and:
   * - the registry appends the new articles' names and speakers (`Registry.append`: the registry built whole of
   *   all the articles, or it declines);
   * - the registry of all the articles reads every name this book's quotes looked up as the same speaker (the
   *   new articles merge, rename or re-type none of theirs), so their groups keep their speakers and keys.
   *
   * When each added article sorts after every one of this book's in publication order (a later date, or the
   * same date as the last one and a later place in corpus order), the greedy grouping meets the new quotes
   * last, as a full build does: they are grouped on from where the grouping stopped. Else the keys of their
   * quotes (speakers, kind and negations) are grouped again whole with them, and the groups numbered anew
   * (`Grouping.regroup`): quotes of other keys never meet them.
   *
   * The group search gets a part for the documents of the groups made or given another wording (their earlier
   * documents marked deleted; see `withPart` for when parts are merged). The groups of this book are shared,
   * copied where they change, where their number changes or where their articles are numbered anew. Past the
   * first checks, this book hands its registry and grouping on, appended to or not: it cannot be appended to
   * again.
   */
  append(articles: readonly QuoteFacts[]): QuoteBook | null {
    const from = this.#continuation;
    if (!from) return null;
    const old = from.facts;
    const renumber = new Int32Array(old.length);
    const added: number[] = [];
    let i = 0;
    articles.forEach((a, j) => {
      if (i < old.length && a === old[i]) renumber[i++] = j;
      else added.push(j);
    });
    if (i < old.length) return null;
    const before = from.order.map((k) => renumber[k] as number);
    const newest = addedAfterAll(articles, added, before.length > 0 ? (before[before.length - 1] as number) : -1);
    // From here on the registry and the grouping go on from this book's: it hands them on, appended to or not.
    this.#continuation = null;
    const { registry } = from;
    if (!registry.append(articles, renumber, added)) return null;
    const byName = registry.byAlias;
    for (const [name, id] of from.grouping.lookups) if ((byName.get(name)?.id ?? null) !== id) return null;
    const grouping = from.grouping;
    grouping.goOnFrom(this.groups);
    if (renumber.some((j, k) => j !== k)) grouping.renumber(renumber);
    const addedOrder = publicationOrder(articles, [...added]);
    let order: number[];
    let parts: SearchParts;
    if (newest) {
      for (const ai of addedOrder) grouping.addArticle(articles[ai] as QuoteFacts, ai, byName);
      order = before.concat(addedOrder);
      const docs = [...grouping.reworded].sort((x, y) => x - y);
      for (let gi = grouping.shared; gi < grouping.groups.length; gi += 1) docs.push(gi);
      parts = withPart(
        from.search,
        grouping,
        [...grouping.reworded].sort((x, y) => x - y),
        docs,
      );
    } else {
      order = mergedOrder(articles, before, addedOrder);
      const rank = new Int32Array(articles.length);
      order.forEach((ai, n) => (rank[ai] = n));
      const { remap, fresh } = grouping.regroup(articles, addedOrder, rank, byName);
      parts = withPart(renumbered(from.search, remap, grouping.groups.length), grouping, [], fresh);
    }
    const wording = grouping.wording.slice();
    const firsts = grouping.firsts.slice();
    const book = QuoteBook.#finish(registry.speakers(grouping.counts), grouping, newest ? this.sentences : [], searcherOf(parts), () =>
      searchOf(
        wording,
        firsts,
        wording.map((_, gi) => gi),
      ),
    );
    book.#continuation = { facts: articles, order, grouping, search: parts, registry };
    book.#appended = newest ? 'after' : 'among';
    return book;
  }

  /** What `append` goes on from; null when the book is not appendable or was appended to. */
  #continuation: Continuation | null = null;
  #appended: 'after' | 'among' | null = null;

  /** True for a book made by `append`. */
  get appended(): boolean {
    return this.#appended !== null;
  }

  /**
   * How a book made by `append` was: its articles added `after` the others in publication order (their quotes
   * grouped on), or `among` them (the keys of their quotes grouped again); null for a book built whole.
   */
  get appendedHow(): 'after' | 'among' | null {
    return this.#appended;
  }

  /**
   * The book of a grouping and its search, with the registry's speakers (their quote counts given): the groups'
   * sentences (those of the first `sentences.length` groups as given: their first quote stays theirs).
   */
  static #finish(
    speakers: Speaker[],
    grouping: Grouping,
    sentences: readonly string[],
    search: Bm25Searcher,
    whole?: () => Bm25Index,
  ): QuoteBook {
    const { groups, firsts } = grouping;
    const allSentences = sentences.slice();
    for (let gi = sentences.length; gi < groups.length; gi += 1) allSentences.push((firsts[gi] as QuoteFact).sentence);
    return new QuoteBook(speakers, groups, allSentences, search, whole);
  }

  static load(saved: unknown): QuoteBook {
    const s = saved as { speakers: Speaker[]; groups: QuoteGroup[]; sentences: string[]; search: SavedBm25 };
    return new QuoteBook(s.speakers, s.groups, s.sentences, Bm25Index.load(s.search));
  }

  toJSON(): unknown {
    return { speakers: this.speakers, groups: this.groups, sentences: this.sentences, search: this.whole().toJSON() };
  }

  /** How many articles carry the group's quote (one article may carry it twice). */
  articleCount(group: QuoteGroup): number {
    let n = this.articleCounts[group.id] ?? 0;
    if (n === 0) {
      n = new Set(group.refs.map((r) => r.article)).size;
      this.articleCounts[group.id] = n;
    }
    return n;
  }

  speaker(id: string): Speaker | undefined {
    return this.byId.get(id);
  }

  /**
   * The speakers a name stands for, however a user names them: an exact alias first ("Sergei Lavrov", "Kerry",
   * "the geopolitical analyst" with or without "the", straight or curly apostrophes); else every speaker with
   * an alias (or role) whose words have each of the name's words, or one edit from it ("sergei" → Lavrov,
   * "the Russian foreign minister", "Bandar"); else, for a description by role ("Kremlin spokesman"), every
   * speaker whose role is of the same kind and whose place agrees.
   */
  findSpeakers(name: string): Speaker[] {
    const want = lookupForm(name);
    if (want === '') return [];
    const forms = this.lookupForms();
    const exact = (forms.exact.get(want) ?? []).map((i) => this.speakers[i] as Speaker);
    if (exact.length > 0) return exact;
    const wantWords = want.split(' ').map(bareWord);
    if (wantWords.some((w) => w.length < 2)) return [];
    const close = (a: string, b: string): boolean => a === b || (a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a, b));
    const byWords = this.speakers.filter((_, i) =>
      (forms.words[i] as string[][]).some((aliasWords) => wantWords.every((w) => aliasWords.some((aw) => close(aw, w)))),
    );
    if (byWords.length > 0) return byWords;
    return this.speakersByRole(want);
  }

  /** What `findSpeakers` compares, worked out when first asked rather than at every lookup. */
  private forms: {
    /** Speaker numbers (ascending) by the lookup form of an alias or by id. */
    exact: Map<string, number[]>;
    /** Per speaker: the words of each alias and of its role, in lookup form. */
    words: string[][][];
    /** Per speaker: the office its role (or, for a description, its name) is of. */
    offices: Array<ReturnType<typeof officeOf>>;
  } | null = null;

  private lookupForms(): NonNullable<QuoteBook['forms']> {
    if (this.forms) return this.forms;
    const exact = new Map<string, number[]>();
    const words: string[][][] = [];
    const offices: Array<ReturnType<typeof officeOf>> = [];
    this.speakers.forEach((s, i) => {
      for (const form of [...s.aliases.map(lookupForm), s.id]) {
        const at = exact.get(form);
        if (!at) exact.set(form, [i]);
        else if (at[at.length - 1] !== i) at.push(i);
      }
      words.push([...s.aliases, ...(s.description ? [s.description] : [])].map((alias) => lookupForm(alias).split(' ').map(bareWord)));
      const role = s.description ?? (s.kind === 'description' ? s.name : null);
      offices.push(role === null ? null : officeOf(role));
    });
    this.forms = { exact, words, offices };
    return this.forms;
  }

  /**
   * "Kremlin spokesman": the speakers whose role (or, for a description, its own words) is of the same class
   * ("spokesman" / "spokeswoman") and, where the name gives a place, of that place, read from the role or from
   * the person it belongs to ("Putin’s spokesman" is Russian: Putin is the Russian President).
   */
  private speakersByRole(want: string): Speaker[] {
    const cls = officeOf(want);
    if (cls === null) return [];
    const place = placeOf(want);
    const placeOfSpeaker = (s: Speaker): string | null => {
      const own = placeOf(s.description ?? '') ?? placeOf(s.kind === 'description' ? s.name : '');
      if (own !== null || s.kind !== 'description') return own;
      const owner = /^([\p{L}.-]+)['’]s\s/u.exec(s.name)?.[1];
      const person = owner ? this.findSpeakers(owner).filter((p) => p.kind === 'person') : [];
      return person.length === 1 ? placeOf((person[0] as Speaker).description ?? '') : null;
    };
    const { offices } = this.lookupForms();
    return this.speakers.filter((s, i) => offices[i] === cls && (place === null || placeOfSpeaker(s) === place));
  }

  /**
   * Groups matching a topic, best first by their text score (the quote's own words first, the narration
   * around them much less), each with where it matched: the topic as a phrase inside the quoted words, some
   * of its words there, or only the narration. A quoted phrase of the topic must stand in the quote or its
   * sentence.
   */
  query(topic: string, lexicon: Lexicon): { hits: QuoteHit[]; corrections: Array<[string, string]>; unknown: string[] } {
    const { searchTerms, phrases, corrections, unknown } = lexicon.prepare(topic);
    if (searchTerms.length === 0) return { hits: [], corrections, unknown };
    const found = this.search.search(searchTerms, { boost: FIELD_BOOST }).hits;
    // The whole topic as typed, stopwords kept: an exact phrase of two words or more.
    const whole = tokenize(topic.replace(/["“”]/g, ' '), { keepStopwords: true, query: true }).flatMap((t) => (t.term ? [t.term] : []));
    const hits: QuoteHit[] = [];
    // What a hit's own index entry says before its text is read: a word absent from the quote (field 0) and its
    // sentence (field 1) cannot be part of a phrase there. Most hits of a common word are classed without
    // tokenizing their text (stopwords are not indexed, so only the others are checked).
    const indexed = (seq: readonly string[]): string[] => seq.filter((t) => !STOPWORD_TERMS.has(t));
    const has = (doc: number, t: string, field: number): boolean => this.search.fieldHas(doc, t, field);
    const wholeIndexed = indexed(whole);
    const phrasesIndexed = phrases.map(indexed);
    for (const r of found) {
      const group = this.groups[r.doc] as QuoteGroup;
      const inQuoteOrSentence = (t: string): boolean => has(r.doc, t, 0) || has(r.doc, t, 1);
      if (phrasesIndexed.some((seq) => !seq.every(inQuoteOrSentence))) continue;
      let quoteTokens: Token[] | null = null;
      const tokensOfQuote = (): Token[] => (quoteTokens ??= tokenize(group.text, { keepStopwords: true }));
      if (phrases.length > 0) {
        const tokens = tokenize(`${group.text} ${this.sentences[r.doc]}`, { keepStopwords: true });
        if (phrases.some((seq) => phraseSpans(tokens, seq).length === 0)) continue;
      }
      const inQuote =
        phrases.length === 0 ||
        phrases.every(
          (seq, i) => (phrasesIndexed[i] as string[]).every((t) => has(r.doc, t, 0)) && phraseSpans(tokensOfQuote(), seq).length > 0,
        );
      const match: QuoteMatch =
        inQuote && whole.length >= 2 && wholeIndexed.every((t) => has(r.doc, t, 0)) && phraseSpans(tokensOfQuote(), whole).length > 0
          ? 'phrase'
          : inQuote && searchTerms.some((t) => has(r.doc, t, 0))
            ? 'words'
            : 'narration';
      hits.push({ group, score: r.score, match });
    }
    return { hits, corrections, unknown };
  }
}

/** A name as a user or the corpus writes it, for comparing: lower case, straight apostrophes, no leading article. */
export function lookupForm(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an) /, '')
    .replace(/[.,;:!?]+$/, '');
}

/** A word of a name without its possessive or its trailing dots: "putin's" → "putin". */
const bareWord = (w: string): string => w.replace(/'s$/, '').replace(/[.,]+$/, '');

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Two lists of article numbers in publication order (equal dates in corpus order) as one: `a`, and `b` put in
 * among them.
 */
function mergedOrder(articles: readonly QuoteFacts[], a: readonly number[], b: readonly number[]): number[] {
  const before = (x: number, y: number): boolean => {
    const c = byLocale((articles[x] as QuoteFacts).published, (articles[y] as QuoteFacts).published);
    return c < 0 || (c === 0 && x < y);
  };
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && before(a[i] as number, b[j] as number))) out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  return out;
}

/**
 * Do the added articles (numbers in `articles`, in corpus order) all sort after the last of the others
 * (number `last`, -1 for none) in publication order, as the stable sort of `publicationOrder` puts them?
 */
function addedAfterAll(articles: readonly QuoteFacts[], added: readonly number[], last: number): boolean {
  if (last < 0) return true;
  const lastKey = (articles[last] as QuoteFacts).published;
  return added.every((j) => {
    const c = byLocale(lastKey, (articles[j] as QuoteFacts).published);
    return c < 0 || (c === 0 && j > last);
  });
}
