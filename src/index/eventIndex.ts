import type { EventMention } from '../model/index.ts';
import type { Article } from '../model/index.ts';
import { datesSomething, isRemarksDated, isWeakBasis } from '../nlp/dates/basis.ts';
import { startOf } from '../nlp/dates/words.ts';
import { eventTerms } from '../nlp/eventWords.ts';
import { terms } from '../nlp/terms.ts';
import { publicationKey } from '../ingest/order.ts';
import { Bm25Builder, Bm25Index, type SavedBm25 } from './bm25.ts';
import { type Bm25Searcher, SegmentedBm25 } from './segmentedBm25.ts';
import { type GroupingTerms, groupingTermsOf, peopleOf } from './mentionFacts.ts';
import type { Lexicon } from './lexicon.ts';

/** Where an event mention stands: article index and mention index. */
export interface EventRef {
  article: number;
  event: number;
}

/** Is this a date of something that happened (not a length of time, not "now")? */
export const isDatedEvent = (e: EventMention): boolean => datesSomething(e.time.basis);

/**
 * Weak evidence for "when did X happen": "now" and "today" date the writing, not the event, and
 * "previously" only says "some time before". Read from the basis, never from the words of the derivation.
 */
export const isWeakDate = (e: EventMention): boolean => isWeakBasis(e.time.basis) || opensForwards(e.time.basis);

/** "in the future", "from now on": open towards the future from the writing, the date of no event. */
const opensForwards = (b: EventMention['time']['basis']): boolean =>
  (b.kind === 'open-range' && b.side === 'after') || (b.kind === 'since' && opensForwards(b.after.basis));

/**
 * What /when and /timeline read of every matching mention, kept in arrays so that ranking thousands of
 * mentions never touches their text: the article, the mention's place, its date value and two flags.
 */
interface EventFacts {
  article: Uint32Array;
  event: Uint32Array;
  /** Body paragraph, or -1 for a caption. */
  paragraph: Int32Array;
  /** The sentence the mention stands in: the same number for every date of one sentence. */
  sentence: Uint32Array;
  /** Index into `values`. */
  value: Uint32Array;
  /** WEAK | CAPTION | BY_REMARKS. */
  flags: Uint8Array;
  values: string[];
  /** [start, end) of the date's expression in the file. */
  spanStart: Uint32Array;
  spanEnd: Uint32Array;
  /**
   * The grouping terms of mention i (see `groupingTerms`): entries `groupStart[i]` to `groupStart[i + 1]` of
   * `groupEntries`, each a term's number in `groupVocabulary` shifted left by 4 over the OWN | PERSON | PLACE |
   * NAME flags.
   */
  groupStart: Uint32Array;
  groupEntries: Uint32Array;
  groupVocabulary: string[];
  /** Every mention, in date order: see `chronological`. */
  chronological: Uint32Array;
  /** Per article: its place in publication order, see `publicationRank`. */
  publicationRank: Uint32Array;
}

const WEAK = 1;
const CAPTION = 2;
/** Dated by its speaker's remarks nearby, not by words of its own sentence (see `isRemarksDated`). */
const BY_REMARKS = 4;

/** What a grouping term is to its mention (see `GroupingTerms`); a term can be several. */
const OWN = 1;
const PERSON = 2;
const PLACE = 4;
const NAME = 8;
const GROUPING_KINDS: ReadonlyArray<[keyof GroupingTerms, number]> = [
  ['own', OWN],
  ['people', PERSON],
  ['places', PLACE],
  ['names', NAME],
];

/**
 * The dated mentions of the corpus, each searchable by the words of its own event: the words of its sentence
 * nearer to its date than to any other date of the sentence (see `eventTerms`), the people and places
 * among them, and the speaker of a quote that holds the date. "Kerry met Lavrov on Monday, and Putin will visit
 * Paris in May" is not a Monday visit to Paris.
 */
export class EventIndex {
  private constructor(
    private readonly facts: EventFacts,
    private readonly search: Bm25Searcher,
  ) {}

  /**
   * The index of a corpus whose articles' mentions were indexed in parts (segments of a live index, see
   * `liveIndex.ts`), the same as `build(articles)`: the mentions of `articles` in order, numbered as `build`
   * numbers them, with their dates, sentences and grouping words numbered as first met, and one search over
   * the parts' own (global statistics, see `SegmentedBm25`). `toGlobalArticle[k]` of a part is the place in
   * `articles` of its article k, or -1 for one deleted.
   */
  static compose(articles: Article[], parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>): EventIndex {
    const source: Array<[number, number]> = new Array(articles.length);
    parts.forEach((p, k) => p.toGlobalArticle.forEach((g, l) => g >= 0 && (source[g] = [k, l])));
    const starts = parts.map(({ index, toGlobalArticle }) => {
      const start = new Uint32Array(toGlobalArticle.length + 1);
      for (const a of index.facts.article) (start[a + 1] as number) += 1;
      for (let a = 0; a < toGlobalArticle.length; a += 1) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
      return start;
    });
    /** Per part, a local number (of a date value, a sentence, a grouping word) to its global one, given when first met. */
    const renumber = (sizes: (f: EventFacts) => number) => parts.map((p) => new Int32Array(sizes(p.index.facts)).fill(-1));
    const valueIds = renumber((f) => f.values.length);
    const sentenceIds = renumber((f) => f.sentence.reduce((n, s) => Math.max(n, s + 1), 0));
    const wordIds = renumber((f) => f.groupVocabulary.length);
    const global = (ids: Int32Array, local: number, next: () => number): number => {
      if ((ids[local] as number) < 0) ids[local] = next();
      return ids[local] as number;
    };
    const mentionIds = parts.map((p) => new Int32Array(p.index.count).fill(-1));
    const total = source.reduce((n, [k, l]) => n + (starts[k]?.[l + 1] as number) - (starts[k]?.[l] as number), 0);
    const cols = {
      article: new Uint32Array(total),
      event: new Uint32Array(total),
      paragraph: new Int32Array(total),
      sentence: new Uint32Array(total),
      value: new Uint32Array(total),
      flags: new Uint8Array(total),
      spanStart: new Uint32Array(total),
      spanEnd: new Uint32Array(total),
    };
    const values: string[] = [];
    const vocabulary: string[] = [];
    let sentences = 0;
    const groupStart = [0];
    const groupEntries: number[] = [];
    let m = 0;
    source.forEach(([k, l], g) => {
      const f = (parts[k] as (typeof parts)[number]).index.facts;
      for (let i = (starts[k] as Uint32Array)[l] as number; i < ((starts[k] as Uint32Array)[l + 1] as number); i += 1, m += 1) {
        (mentionIds[k] as Int32Array)[i] = m;
        cols.article[m] = g;
        cols.event[m] = f.event[i] as number;
        cols.paragraph[m] = f.paragraph[i] as number;
        cols.sentence[m] = global(sentenceIds[k] as Int32Array, f.sentence[i] as number, () => sentences++);
        cols.value[m] = global(
          valueIds[k] as Int32Array,
          f.value[i] as number,
          () => values.push(f.values[f.value[i] as number] as string) - 1,
        );
        cols.flags[m] = f.flags[i] as number;
        cols.spanStart[m] = f.spanStart[i] as number;
        cols.spanEnd[m] = f.spanEnd[i] as number;
        for (let e = f.groupStart[i] as number; e < (f.groupStart[i + 1] as number); e += 1) {
          const entry = f.groupEntries[e] as number;
          const word = global(wordIds[k] as Int32Array, entry >>> 4, () => vocabulary.push(f.groupVocabulary[entry >>> 4] as string) - 1);
          groupEntries.push((word << 4) | (entry & 15));
        }
        groupStart.push(groupEntries.length);
      }
    });
    const facts: EventFacts = {
      ...cols,
      values,
      groupStart: Uint32Array.from(groupStart),
      groupEntries: Uint32Array.from(groupEntries),
      groupVocabulary: vocabulary,
      chronological: new Uint32Array(0),
      publicationRank: publicationRanks(articles),
    };
    facts.chronological = chronologicalOrder(facts);
    const search = new SegmentedBm25(
      ['event', 'who'],
      parts.map((p, k) => {
        if (!(p.index.search instanceof Bm25Index)) throw new Error('EventIndex: only indexes built whole compose');
        return { index: p.index.search, toGlobal: mentionIds[k] as Int32Array };
      }),
    );
    return new EventIndex(facts, search);
  }

  /**
   * This index with its search put together again over other parts holding the same mentions: after segments
   * are merged (`liveIndex.ts`) the corpus's articles, their order and their mentions are the same, only the
   * segments holding them changed, so the facts (dates, sentences, grouping words, the chronological order)
   * are kept and only the parts' mention numbers are worked out, in O(mentions) with typed arrays. `parts` as
   * for `compose`. Throws when a part's articles do not have the mentions this index has for them.
   */
  rebased(parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>): EventIndex {
    const articles = this.facts.publicationRank.length;
    const start = mentionStarts(this.facts.article, articles);
    const search = new SegmentedBm25(
      ['event', 'who'],
      parts.map(({ index, toGlobalArticle }) => {
        if (!(index.search instanceof Bm25Index)) throw new Error('EventIndex: only indexes built whole compose');
        const local = mentionStarts(index.facts.article, toGlobalArticle.length);
        const toGlobal = new Int32Array(index.count).fill(-1);
        toGlobalArticle.forEach((g, l) => {
          if (g < 0) return;
          const from = local[l] as number;
          const count = (local[l + 1] as number) - from;
          const at = start[g] as number;
          if (g >= articles || (start[g + 1] as number) - at !== count)
            throw new Error('EventIndex.rebased: the parts hold other mentions');
          for (let i = 0; i < count; i += 1) toGlobal[from + i] = at + i;
        });
        return { index: index.search, toGlobal };
      }),
    );
    if (search.docCount !== this.count) throw new Error('EventIndex.rebased: the parts hold other mentions');
    return new EventIndex(this.facts, search);
  }

  static build(articles: Article[]): EventIndex {
    const search = new Bm25Builder(['event', 'who']);
    const rows: Array<[number, number, number, number, number, number]> = [];
    const values = new Map<string, number>();
    const sentences = new Map<string, number>();
    const spans: number[] = [];
    const vocabulary = new Map<string, number>();
    const groupStart: number[] = [0];
    const groupEntries: number[] = [];
    articles.forEach((a, ai) => {
      const datesOf = datesBySentence(a.events);
      const people = peopleOf(a);
      a.events.forEach((e, ei) => {
        if (!isDatedEvent(e)) return;
        const dates = datesOf.get(sentenceKey(e)) as number[];
        const words = eventTerms(
          e.sentence,
          dates.map((d) => [(a.events[d] as EventMention).time.start, (a.events[d] as EventMention).time.end] as const),
          dates.indexOf(ei),
        );
        const own = new Set(words);
        // Who spoke the words that hold the date was there that day, named in the sentence or not; people named
        // only by a description count where the description is among the date's own words.
        const who = [
          ...terms([...e.people, ...e.places].join(' ')).filter((t) => own.has(t)),
          ...describedInEvent(e, own),
          ...terms((e.speakers ?? []).join(' ')),
        ];
        search.add([words, who]);
        const v = e.time.value as string;
        if (!values.has(v)) values.set(v, values.size);
        const flags = (isWeakDate(e) ? WEAK : 0) | (e.caption ? CAPTION : 0) | (isRemarksDated(e.time.basis) ? BY_REMARKS : 0);
        const key = `${ai}:${e.paragraph ?? -1}:${e.sentenceOffsets[0]}`;
        if (!sentences.has(key)) sentences.set(key, sentences.size);
        rows.push([ai, ei, e.paragraph ?? -1, sentences.get(key) as number, values.get(v) as number, flags]);
        spans.push(...e.time.offsets);
        const kinds = new Map<string, number>();
        const grouping = groupingTermsOf(a, e, people);
        for (const [field, flag] of GROUPING_KINDS) for (const t of grouping[field]) kinds.set(t, (kinds.get(t) ?? 0) | flag);
        for (const [t, k] of kinds) {
          if (!vocabulary.has(t)) vocabulary.set(t, vocabulary.size);
          groupEntries.push(((vocabulary.get(t) as number) << 4) | k);
        }
        groupStart.push(groupEntries.length);
      });
    });
    const column = <T extends Uint32Array | Int32Array | Uint8Array>(make: (n: number) => T, k: number): T => {
      const out = make(rows.length);
      rows.forEach((r, i) => (out[i] = r[k] as number));
      return out;
    };
    const facts: EventFacts = {
      article: column((n) => new Uint32Array(n), 0),
      event: column((n) => new Uint32Array(n), 1),
      paragraph: column((n) => new Int32Array(n), 2),
      sentence: column((n) => new Uint32Array(n), 3),
      value: column((n) => new Uint32Array(n), 4),
      flags: column((n) => new Uint8Array(n), 5),
      values: [...values.keys()],
      spanStart: Uint32Array.from(spans.filter((_, i) => i % 2 === 0)),
      spanEnd: Uint32Array.from(spans.filter((_, i) => i % 2 === 1)),
      groupStart: Uint32Array.from(groupStart),
      groupEntries: Uint32Array.from(groupEntries),
      groupVocabulary: [...vocabulary.keys()],
      chronological: new Uint32Array(0),
      publicationRank: publicationRanks(articles),
    };
    facts.chronological = chronologicalOrder(facts);
    return new EventIndex(facts, search.finish());
  }

  static load(saved: unknown): EventIndex {
    const s = saved as { facts: EventFacts; search: SavedBm25 };
    return new EventIndex(s.facts, Bm25Index.load(s.search));
  }

  toJSON(): unknown {
    if (!(this.search instanceof Bm25Index)) throw new Error('EventIndex: an index composed of segments is saved by its segments');
    return { facts: this.facts, search: this.search.toJSON() };
  }

  /** How many dated mentions the corpus has; they are numbered 0 to count - 1. */
  get count(): number {
    return this.facts.article.length;
  }

  /** Where mention `id` stands: its article and its place among the article's events. */
  ref(id: number): EventRef {
    return { article: this.facts.article[id] as number, event: this.facts.event[id] as number };
  }

  articleOf(id: number): number {
    return this.facts.article[id] as number;
  }

  /** The date value it resolves to ("2015-12-15", "2015-12", "2015-09-20/..", …). */
  valueOf(id: number): string {
    return this.facts.values[this.facts.value[id] as number] as string;
  }

  /** The same number for the same date value: for grouping mentions by date without their strings. */
  valueIdOf(id: number): number {
    return this.facts.value[id] as number;
  }

  /** [start, end) of mention `id`'s date expression in its file. */
  spanOf(id: number): [number, number] {
    return [this.facts.spanStart[id] as number, this.facts.spanEnd[id] as number];
  }

  /** What grouping reads of mention `id`'s words (see `GroupingTerms`), worked out at build. */
  groupingTerms(id: number): GroupingTerms {
    const { groupStart, groupEntries, groupVocabulary } = this.facts;
    const out: GroupingTerms = { own: [], people: [], places: [], names: [] };
    for (let i = groupStart[id] as number; i < (groupStart[id + 1] as number); i += 1) {
      const entry = groupEntries[i] as number;
      const term = groupVocabulary[entry >>> 4] as string;
      for (const [field, flag] of GROUPING_KINDS) if ((entry & flag) !== 0) out[field].push(term);
    }
    return out;
  }

  /** See `isWeakDate`. */
  isWeak(id: number): boolean {
    return ((this.facts.flags[id] as number) & WEAK) !== 0;
  }

  isCaption(id: number): boolean {
    return ((this.facts.flags[id] as number) & CAPTION) !== 0;
  }

  /** Is mention `id` dated by its speaker's remarks nearby rather than by a date in its own sentence? */
  isByRemarks(id: number): boolean {
    return ((this.facts.flags[id] as number) & BY_REMARKS) !== 0;
  }

  /**
   * Every mention, ordered by the day its date starts on, the coarser value first on one day ("2015-12"
   * before "2015-12-15"), then in corpus order: /timeline without a topic walks this. Worked out at build.
   */
  get chronological(): Uint32Array {
    return this.facts.chronological;
  }

  /**
   * Each article's place in publication order, as `localeCompare` orders the dates (undated last); articles
   * published at the same time share a place, so that sorting by it keeps ties in the order they had.
   * Worked out at build: sorting citations earliest first is then sorting numbers.
   */
  get publicationRank(): Uint32Array {
    return this.facts.publicationRank;
  }

  /** Mentions whose own event has any of the terms, best first: the first `limit` of them (default all). */
  withAnyOf(terms: readonly string[], limit = Number.POSITIVE_INFINITY): Array<{ doc: number; score: number }> {
    return terms.length === 0 ? [] : this.search.search(terms, { combineWith: 'OR', limit }).hits;
  }

  /** Which of the terms the words of mention `id`'s own event have (see `eventTerms`). */
  termsOf(id: number, terms: readonly string[]): string[] {
    return this.search.termsIn(id, terms);
  }

  /** The sentence mention `id` stands in, as a number: the same for every date one sentence gives. */
  sentenceOf(id: number): number {
    return this.facts.sentence[id] as number;
  }

  /**
   * Dated mentions (`doc` is the mention's number) matching the words: those with every word (`all`); if
   * none has them all, those with any word.
   * Typos are read through the corpus's lexicon.
   */
  query(
    words: string,
    lexicon: Lexicon,
    /** Only mentions this accepts, and at most `limit` of them, the best first (`total` counts them all). */
    options: { accept?: (id: number) => boolean; limit?: number } = {},
  ): {
    hits: Array<{ doc: number; score: number }>;
    total: number;
    all: boolean;
    searchTerms: string[];
    corrections: Array<[string, string]>;
    unknown: string[];
  } {
    const { searchTerms, corrections, unknown } = lexicon.prepare(words);
    if (searchTerms.length === 0) return { hits: [], total: 0, all: false, searchTerms, corrections, unknown };
    const all = this.search.search(searchTerms, { ...options, combineWith: 'AND' });
    if (all.total > 0) return { ...all, all: true, searchTerms, corrections, unknown };
    return { ...this.search.search(searchTerms, { ...options, combineWith: 'OR' }), all: false, searchTerms, corrections, unknown };
  }
}

function publicationRanks(articles: Article[]): Uint32Array {
  const compare = new Intl.Collator().compare;
  const published = articles.map((a) => publicationKey(a, 'as given'));
  const order = published.map((_, i) => i).sort((x, y) => compare(published[x] as string, published[y] as string) || x - y);
  const ranks = new Uint32Array(order.length);
  order.forEach((ai, k) => {
    const prev = order[k - 1];
    ranks[ai] = prev !== undefined && compare(published[prev] as string, published[ai] as string) === 0 ? (ranks[prev] as number) : k;
  });
  return ranks;
}

function chronologicalOrder(facts: EventFacts): Uint32Array {
  const starts = facts.values.map(startOf);
  const n = facts.article.length;
  return Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => {
    const vx = facts.value[x] as number;
    const vy = facts.value[y] as number;
    const a = starts[vx] as string;
    const b = starts[vy] as string;
    return (a < b ? -1 : a > b ? 1 : 0) || (facts.values[vx] as string).length - (facts.values[vy] as string).length || x - y;
  });
}

/**
 * The names of the people a mention's sentence names by description, where the description stands among
 * the words of the mention's own event: "the U.S. envoy and the Kremlin leader were meeting Tuesday" is a
 * Tuesday meeting of the two people the article names in those roles.
 */
function describedInEvent(e: EventMention, own: ReadonlySet<string>): string[] {
  return e.described.filter((d) => terms(d.description).some((t) => own.has(t))).flatMap((d) => terms(d.name));
}

/** One key per sentence of an article (captions included). */
const sentenceKey = (e: EventMention): string => `${e.paragraph ?? 'caption'}:${e.sentenceOffsets[0]}`;

/** The dated mentions of each sentence of an article, in order: what shares a sentence's words. */
function datesBySentence(events: readonly EventMention[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (!isDatedEvent(e)) return;
    const key = sentenceKey(e);
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  });
  return out;
}

/** Per article (of `articles`), where its mentions start in `article` (mentions are in article order); the total last. */
function mentionStarts(article: Uint32Array, articles: number): Uint32Array {
  const start = new Uint32Array(articles + 1);
  for (const a of article) (start[a + 1] as number) += 1;
  for (let a = 0; a < articles; a += 1) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
  return start;
}
