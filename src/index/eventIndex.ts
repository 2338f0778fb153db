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
import { type Steps, runNow } from './steps.ts';

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
  /** Per part, its columns and how its numbers read among all (one part, read as it is, for an index built whole). */
  readonly #views: readonly View[];
  /** Per mention: its part and its number there; null for an index built whole (part 0, the same number). */
  readonly #partOf: Uint16Array | null;
  readonly #localOf: Uint32Array | null;
  /** The date values, by their number (see `valueIdOf`). */
  readonly #values: readonly string[];
  #chronological: Uint32Array;
  readonly #publicationRank: Uint32Array;
  readonly #count: number;

  private constructor(
    views: readonly View[],
    private readonly search: Bm25Searcher,
    shape: {
      partOf: Uint16Array | null;
      localOf: Uint32Array | null;
      values: readonly string[];
      chronological: Uint32Array;
      publicationRank: Uint32Array;
      count: number;
    },
  ) {
    this.#views = views;
    this.#partOf = shape.partOf;
    this.#localOf = shape.localOf;
    this.#values = shape.values;
    this.#chronological = shape.chronological;
    this.#publicationRank = shape.publicationRank;
    this.#count = shape.count;
  }

  /** An index of its own columns (built whole, or loaded as a segment's). */
  static #whole(facts: EventFacts, search: Bm25Searcher): EventIndex {
    return new EventIndex([{ facts, toGlobalArticle: null, valueIds: null, sentenceBase: 0 }], search, {
      partOf: null,
      localOf: null,
      values: facts.values,
      chronological: facts.chronological,
      publicationRank: facts.publicationRank,
      count: facts.article.length,
    });
  }

  /**
   * An index over parts: each mention's columns are read from its part, through the part and number the
   * search gives it (`SegmentedBm25.partOf`, `localOf`). The parts' columns are not copied.
   */
  static #over(views: readonly View[], search: SegmentedBm25, values: readonly string[], publicationRank: Uint32Array): EventIndex {
    return new EventIndex(views, search, {
      partOf: search.partOf,
      localOf: search.localOf,
      values,
      chronological: new Uint32Array(0),
      publicationRank,
      count: search.docCount,
    });
  }

  /** The columns of an index built whole (a segment's part), or null for one composed of parts. */
  get #ownFacts(): EventFacts | null {
    return this.#partOf === null ? (this.#views[0] as View).facts : null;
  }

  /** What `append` goes on from: set by `compose` and `append`, handed on (and cleared) by `append`. */
  #continuation: Continuation | null = null;
  #appended = false;

  /** True for an index made by `append`. */
  get appended(): boolean {
    return this.#appended;
  }

  /**
   * The index of a corpus whose articles' mentions were indexed in parts (segments of a live index, see
   * `liveIndex.ts`), answering as `build(articles)` does: the mentions of `articles` in order, numbered as
   * `build` numbers them, and one search over the parts' own (global statistics, see `SegmentedBm25`).
   * `toGlobalArticle[k]` of a part is the place in `articles` of its article k, or -1 for one deleted.
   *
   * Each mention's columns stay in its part and are read from there, so composing costs O(mentions) in small
   * typed arrays (where each mention stands, and the chronological order) and nothing of the size of the
   * parts' columns: an update of a live index at a million paragraphs then makes little garbage outside the
   * heap (V8 answers each 64 MB of it with a full marking of the heap, see README, "Performance"). Date values
   * and sentences are numbered part by part: `valueIdOf` and `sentenceOf` give other numbers than `build`, for
   * the same partition of mentions.
   */
  static compose(articles: Article[], parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>): EventIndex {
    return runNow(EventIndex.composeSteps(articles, parts));
  }

  /** `compose` in steps (see `steps.ts`), pausing every thousand articles and between passes over every mention. */
  static *composeSteps(articles: Article[], parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>): Steps<EventIndex> {
    const source: Array<[number, number]> = new Array(articles.length);
    parts.forEach((p, k) => p.toGlobalArticle.forEach((g, l) => g >= 0 && (source[g] = [k, l])));
    const own = parts.map((p) => EventIndex.#partFacts(p.index));
    const starts = own.map((f, k) => mentionStarts(f.article, (parts[k] as (typeof parts)[number]).toGlobalArticle.length));
    const mentionIds = parts.map((p) => new Int32Array(p.index.count).fill(-1));
    const articleStart = new Uint32Array(articles.length + 1);
    let m = 0;
    for (let g = 0; g < source.length; g += 1) {
      if (g % 1024 === 1023) yield;
      const [k, l] = source[g] as [number, number];
      articleStart[g] = m;
      const ids = mentionIds[k] as Int32Array;
      for (let i = (starts[k] as Uint32Array)[l] as number; i < ((starts[k] as Uint32Array)[l + 1] as number); i += 1) ids[i] = m++;
    }
    articleStart[articles.length] = m;
    yield;
    const lookup: Lookup = { values: new Map(), starts: [] };
    const values: string[] = [];
    let sentences = 0;
    const views = parts.map((p, k): View => {
      const facts = own[k] as EventFacts;
      const view = { facts, toGlobalArticle: p.toGlobalArticle, valueIds: valueIdsOf(facts, values, lookup), sentenceBase: sentences };
      sentences += sentenceCount(facts);
      return view;
    });
    const published = publicationOrder(articles);
    yield;
    const search = new SegmentedBm25(
      ['event', 'who'],
      parts.map((p, k) => ({ index: p.index.#bm25(), toGlobal: mentionIds[k] as Int32Array })),
    );
    yield;
    const index = EventIndex.#over(views, search, values, published.ranks);
    index.#chronological = chronologicalOrder(index.count, (id) => index.valueIdOf(id), values, lookup.starts);
    index.#continuation = {
      parts: parts.map((p, k) => ({ index: p.index, toGlobalArticle: p.toGlobalArticle, toGlobalMention: mentionIds[k] as Int32Array })),
      views,
      articleStart,
      sentenceCount: sentences,
      byPublication: published.order,
      tied: published.tied,
      lookup,
    };
    return index;
  }

  /**
   * The index of `articles` and `parts` (as `compose` takes them) made from this one without going over every
   * mention's columns, when `parts` are this index's parts (the same indexes, their articles all still live
   * and none revived) followed by parts of new articles; else null (compose it). This index must be made by
   * `compose` or `append`, and not appended to before: it hands on what it keeps for appending.
   *
   * The new articles may stand anywhere in corpus order: the mentions of the articles after them are numbered
   * anew by a shift of the parts' mention numbers, the new mentions put in `chronological` by binary search,
   * the new articles in publication order by binary search. The result answers as `compose` and `build` do:
   * the same mention numbers, columns, `chronological`, `publicationRank` and search (scores and order).
   */
  append(articles: Article[], parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>): EventIndex | null {
    const from = this.#continuation;
    if (!from) return null;
    const plan = appendPlan(from, articles.length, parts, (i) => (i.search instanceof Bm25Index ? i.#ownFacts : null));
    if (!plan) return null;
    this.#continuation = null;
    const layout = layoutOf(from, plan.added);
    const published = withPublished(from, plan.remap, articles, plan.added);
    const shift = mentionShift(layout);
    const composed: ComposedPart[] = parts.map((p, k) => {
      const old = from.parts[k];
      const toGlobalMention = old ? remapped(old.toGlobalMention, shift, layout) : new Int32Array(p.index.count).fill(-1);
      return { index: p.index, toGlobalArticle: p.toGlobalArticle, toGlobalMention };
    });
    layout.added.forEach((a, j) => {
      const ids = (composed[a.part] as ComposedPart).toGlobalMention;
      const at = (layout.insertAt[j] as number) + (layout.before[j] as number);
      for (let i = 0; i < a.to - a.from; i += 1) ids[a.from + i] = at + i;
    });
    // The old parts read as before, over the articles' new numbers; new date values numbered after the others.
    const values = this.#values.slice();
    let sentences = from.sentenceCount;
    const views = parts.map((p, k): View => {
      const old = from.views[k];
      if (old) return { facts: old.facts, toGlobalArticle: p.toGlobalArticle, valueIds: old.valueIds, sentenceBase: old.sentenceBase };
      const facts = EventIndex.#partFacts(p.index);
      const view = { facts, toGlobalArticle: p.toGlobalArticle, valueIds: valueIdsOf(facts, values, from.lookup), sentenceBase: sentences };
      sentences += sentenceCount(facts);
      return view;
    });
    const search = new SegmentedBm25(
      ['event', 'who'],
      composed.map((p) => ({ index: p.index.#bm25(), toGlobal: p.toGlobalMention })),
    );
    const index = EventIndex.#over(views, search, values, published.ranks);
    index.#chronological = mergedChronology(
      this.#chronological,
      byDate((id) => index.valueIdOf(id), values, from.lookup.starts),
      layout,
    );
    index.#continuation = {
      parts: composed,
      views,
      articleStart: articleStarts(from.articleStart, layout, articles.length),
      sentenceCount: sentences,
      byPublication: published.order,
      tied: published.tied,
      lookup: from.lookup,
    };
    index.#appended = true;
    return index;
  }

  /**
   * This index with its search put together again over other parts holding the same mentions: after segments
   * are merged (`liveIndex.ts`) the corpus's articles, their order and their mentions are the same, only the
   * segments holding them changed, so the mention numbers, the date values' numbers, the chronological order
   * and the publication order are kept; where each mention stands is worked out, in O(mentions) with typed
   * arrays, and its facts are read from the new parts from then on (sentences numbered anew, part by part).
   * `parts` as for `compose`. Throws when a part's articles do not have the mentions this index has
   * for them. It can be appended to when this index could (which it hands on).
   */
  rebased(parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>): EventIndex {
    const articles = this.#publicationRank.length;
    const start = this.#continuation?.articleStart ?? this.#articleStarts();
    const toGlobals: Int32Array[] = [];
    const search = new SegmentedBm25(
      ['event', 'who'],
      parts.map(({ index, toGlobalArticle }) => {
        const local = mentionStarts(EventIndex.#partFacts(index).article, toGlobalArticle.length);
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
        toGlobals.push(toGlobal);
        return { index: index.#bm25(), toGlobal };
      }),
    );
    if (search.docCount !== this.count) throw new Error('EventIndex.rebased: the parts hold other mentions');
    // The same date values, by the same numbers; sentences numbered part by part again.
    const kept = this.#continuation?.lookup;
    const lookup: Lookup = kept
      ? { values: new Map(kept.values), starts: kept.starts.slice() }
      : { values: new Map(this.#values.map((v, i) => [v, i])), starts: this.#values.map(startOf) };
    const values = this.#values.slice();
    let sentences = 0;
    const views = parts.map((p): View => {
      const facts = EventIndex.#partFacts(p.index);
      const view = { facts, toGlobalArticle: p.toGlobalArticle, valueIds: valueIdsOf(facts, values, lookup), sentenceBase: sentences };
      sentences += sentenceCount(facts);
      return view;
    });
    if (values.length !== this.#values.length) throw new Error('EventIndex.rebased: the parts hold other mentions');
    const rebased = EventIndex.#over(views, search, this.#values, this.#publicationRank);
    rebased.#chronological = this.#chronological;
    // What `append` goes on from is handed on, over the new parts: the mentions and their numbers are the same.
    const from = this.#continuation;
    if (from) {
      this.#continuation = null;
      rebased.#continuation = {
        ...from,
        parts: parts.map((p, k) => ({ index: p.index, toGlobalArticle: p.toGlobalArticle, toGlobalMention: toGlobals[k] as Int32Array })),
        views,
        sentenceCount: sentences,
        lookup,
      };
    }
    return rebased;
  }

  /** The columns of a part: an index built whole. */
  static #partFacts(index: EventIndex): EventFacts {
    const facts = index.#ownFacts;
    if (facts === null) throw new Error('EventIndex: only indexes built whole compose');
    return facts;
  }

  /** The search of an index built whole (a part of a composed one). */
  #bm25(): Bm25Index {
    if (!(this.search instanceof Bm25Index)) throw new Error('EventIndex: only indexes built whole compose');
    return this.search;
  }

  /** Per article, the number of its first mention; then the count. */
  #articleStarts(): Uint32Array {
    const start = new Uint32Array(this.#publicationRank.length + 1);
    for (let id = 0; id < this.#count; id += 1) (start[this.articleOf(id) + 1] as number) += 1;
    for (let a = 0; a < this.#publicationRank.length; a += 1) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
    return start;
  }

  static build(articles: Article[]): EventIndex {
    const builder = EventIndex.builder();
    for (const a of articles) builder.add(a);
    return builder.finish(articles);
  }

  /**
   * `build` an article at a time, for a writer that does not hold every article at once: `add` each in order
   * (its dated mentions are read then), and `finish` with them all (only their front matter is read then).
   */
  static builder(): { add(article: Article): void; finish(articles: readonly Article[]): EventIndex } {
    const search = new Bm25Builder(['event', 'who']);
    const rows: Array<[number, number, number, number, number, number]> = [];
    const values = new Map<string, number>();
    const sentences = new Map<string, number>();
    const spans: number[] = [];
    const vocabulary = new Map<string, number>();
    const groupStart: number[] = [0];
    const groupEntries: number[] = [];
    let added = 0;
    const add = (a: Article): void => {
      const ai = added;
      added += 1;
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
    };
    const finish = (articles: readonly Article[]): EventIndex => {
      if (articles.length !== added) throw new Error('EventIndex.builder: finish with the articles added');
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
        publicationRank: publicationOrder(articles).ranks,
      };
      facts.chronological = chronologicalOrder(
        facts.article.length,
        (id) => facts.value[id] as number,
        facts.values,
        facts.values.map(startOf),
      );
      return EventIndex.#whole(facts, search.finish());
    };
    return { add, finish };
  }

  static load(saved: unknown): EventIndex {
    const s = saved as { facts: EventFacts; search: SavedBm25 };
    return EventIndex.#whole(s.facts, Bm25Index.load(s.search));
  }

  toJSON(): unknown {
    const facts = this.#ownFacts;
    if (!(this.search instanceof Bm25Index) || facts === null)
      throw new Error('EventIndex: an index composed of segments is saved by its segments');
    return { facts, search: this.search.toJSON() };
  }

  /** How many dated mentions the corpus has; they are numbered 0 to count - 1. */
  get count(): number {
    return this.#count;
  }

  /**
   * The last mention looked up, its part and its number there: answers read several facts of one mention in
   * turn, and each lookup is two reads at random places of arrays of the corpus's size.
   */
  #lastId = -1;
  #lastView: View | null = null;
  #lastLocal = 0;

  /** The part mention `id` stands in. */
  #view(id: number): View {
    if (this.#partOf === null) return this.#views[0] as View;
    if (id !== this.#lastId) this.#find(id);
    return this.#lastView as View;
  }

  /** Mention `id`'s number in its part. */
  #local(id: number): number {
    if (this.#localOf === null) return id;
    if (id !== this.#lastId) this.#find(id);
    return this.#lastLocal;
  }

  /** Looks mention `id` up in a composed index. */
  #find(id: number): void {
    this.#lastId = id;
    this.#lastView = this.#views[(this.#partOf as Uint16Array)[id] as number] as View;
    this.#lastLocal = (this.#localOf as Uint32Array)[id] as number;
  }

  /** Where mention `id` stands: its article and its place among the article's events. */
  ref(id: number): EventRef {
    return { article: this.articleOf(id), event: this.#view(id).facts.event[this.#local(id)] as number };
  }

  articleOf(id: number): number {
    const view = this.#view(id);
    const article = view.facts.article[this.#local(id)] as number;
    return view.toGlobalArticle === null ? article : (view.toGlobalArticle[article] as number);
  }

  /** The date value it resolves to ("2015-12-15", "2015-12", "2015-09-20/..", …). */
  valueOf(id: number): string {
    return this.#values[this.valueIdOf(id)] as string;
  }

  /** The same number for the same date value: for grouping mentions by date without their strings. */
  valueIdOf(id: number): number {
    const view = this.#view(id);
    const value = view.facts.value[this.#local(id)] as number;
    return view.valueIds === null ? value : (view.valueIds[value] as number);
  }

  /** [start, end) of mention `id`'s date expression in its file. */
  spanOf(id: number): [number, number] {
    const { facts } = this.#view(id);
    const local = this.#local(id);
    return [facts.spanStart[local] as number, facts.spanEnd[local] as number];
  }

  /** What grouping reads of mention `id`'s words (see `GroupingTerms`), worked out at build. */
  groupingTerms(id: number): GroupingTerms {
    const { groupStart, groupEntries, groupVocabulary } = this.#view(id).facts;
    const local = this.#local(id);
    const out: GroupingTerms = { own: [], people: [], places: [], names: [] };
    for (let i = groupStart[local] as number; i < (groupStart[local + 1] as number); i += 1) {
      const entry = groupEntries[i] as number;
      const term = groupVocabulary[entry >>> 4] as string;
      for (const [field, flag] of GROUPING_KINDS) if ((entry & flag) !== 0) out[field].push(term);
    }
    return out;
  }

  #flags(id: number): number {
    return this.#view(id).facts.flags[this.#local(id)] as number;
  }

  /** See `isWeakDate`. */
  isWeak(id: number): boolean {
    return (this.#flags(id) & WEAK) !== 0;
  }

  isCaption(id: number): boolean {
    return (this.#flags(id) & CAPTION) !== 0;
  }

  /** Is mention `id` dated by its speaker's remarks nearby rather than by a date in its own sentence? */
  isByRemarks(id: number): boolean {
    return (this.#flags(id) & BY_REMARKS) !== 0;
  }

  /**
   * Every mention, ordered by the day its date starts on, the coarser value first on one day ("2015-12"
   * before "2015-12-15"), then in corpus order: /timeline without a topic walks this. Worked out when built or
   * composed.
   */
  get chronological(): Uint32Array {
    return this.#chronological;
  }

  /**
   * Each article's place in publication order, as `localeCompare` orders the dates (undated last); articles
   * published at the same time share a place, so that sorting by it keeps ties in the order they had.
   * Worked out when built or composed: sorting citations earliest first is then sorting numbers.
   */
  get publicationRank(): Uint32Array {
    return this.#publicationRank;
  }

  /** Mentions whose own event has any of the terms, best first: the first `limit` of them (default all). */
  withAnyOf(terms: readonly string[], limit = Number.POSITIVE_INFINITY): Array<{ doc: number; score: number }> {
    return terms.length === 0 ? [] : this.search.search(terms, { combineWith: 'OR', limit }).hits;
  }

  /** Which of the terms the words of mention `id`'s own event have (see `eventTerms`). */
  termsOf(id: number, terms: readonly string[]): string[] {
    return this.search.termsIn(id, terms);
  }

  /**
   * The sentence mention `id` stands in, as a number: the same for every date one sentence gives (and only
   * for those; an index composed of parts numbers sentences otherwise than one built whole).
   */
  sentenceOf(id: number): number {
    const view = this.#view(id);
    return view.sentenceBase + (view.facts.sentence[this.#local(id)] as number);
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

/** A part of a composed index: a segment's index, where its articles stand, and where its mentions stand. */
interface ComposedPart {
  index: EventIndex;
  toGlobalArticle: Int32Array;
  toGlobalMention: Int32Array;
}

/**
 * How a composed index reads a part's columns: its articles' numbers among all (null: the same), its date
 * values' numbers among all (null: the same), and the number its sentences start from.
 */
interface View {
  facts: EventFacts;
  toGlobalArticle: Int32Array | null;
  valueIds: Uint32Array | null;
  sentenceBase: number;
}

/** The numbers of date values by their text, and each value's start day (see `byDate`). */
interface Lookup {
  values: Map<string, number>;
  starts: string[];
}

/** What a composed index keeps to be appended to (`EventIndex.append`). */
interface Continuation {
  parts: ComposedPart[];
  views: View[];
  /** Per article, the number of its first mention; then the count of mentions. */
  articleStart: Uint32Array;
  /** How many sentence numbers the parts use. */
  sentenceCount: number;
  /** Article numbers in publication order, and per place there whether the date is the one before's. */
  byPublication: Uint32Array;
  tied: Uint8Array;
  lookup: Lookup;
}

/** An article added: its global number, and its part with its mentions there ([from, to)). */
interface Added {
  g: number;
  part: number;
  from: number;
  to: number;
}

/**
 * Where the mentions of the added articles go: before old mention `insertAt[j]` for added article j; and, per
 * run of old mentions (before article j, or after the last for j = the count), how many new mentions come
 * before it (so the old ones of that run shift by as many).
 */
interface Layout {
  oldCount: number;
  count: number;
  added: Added[];
  insertAt: Uint32Array;
  before: Uint32Array;
}

/**
 * The articles added, when `parts` are the continuation's parts (each with the same articles live) followed by
 * parts of new articles only; and where each old article stands now (`remap`, ascending). Else null.
 */
function appendPlan(
  from: Continuation,
  articleCount: number,
  parts: ReadonlyArray<{ index: EventIndex; toGlobalArticle: Int32Array }>,
  /** A part's facts, or null when it is not one index built whole (it cannot be composed). */
  factsOf: (index: EventIndex) => EventFacts | null,
): { remap: Uint32Array; added: Added[] } | null {
  if (parts.length < from.parts.length) return null;
  const remap = new Uint32Array(from.articleStart.length - 1);
  for (let k = 0; k < from.parts.length; k += 1) {
    const was = (from.parts[k] as ComposedPart).toGlobalArticle;
    const part = parts[k] as (typeof parts)[number];
    if (part.index !== (from.parts[k] as ComposedPart).index || part.toGlobalArticle.length !== was.length) return null;
    for (let l = 0; l < was.length; l += 1) {
      const before = was[l] as number;
      const now = part.toGlobalArticle[l] as number;
      if (before < 0 !== now < 0) return null;
      if (before >= 0) remap[before] = now;
    }
  }
  for (let a = 1; a < remap.length; a += 1) if ((remap[a] as number) <= (remap[a - 1] as number)) return null;
  const added: Added[] = [];
  for (let k = from.parts.length; k < parts.length; k += 1) {
    const { index, toGlobalArticle } = parts[k] as (typeof parts)[number];
    const facts = factsOf(index);
    if (facts === null) return null;
    const starts = mentionStarts(facts.article, toGlobalArticle.length);
    toGlobalArticle.forEach((g, l) => {
      if (g >= 0) added.push({ g, part: k, from: starts[l] as number, to: starts[l + 1] as number });
    });
  }
  if (remap.length + added.length !== articleCount) return null;
  return { remap, added: added.sort((x, y) => x.g - y.g) };
}

/** Per article of a part, the number of its first mention; then the count. */
function mentionStarts(article: Uint32Array, articleCount: number): Uint32Array {
  const start = new Uint32Array(articleCount + 1);
  for (const a of article) (start[a + 1] as number) += 1;
  for (let a = 0; a < articleCount; a += 1) start[a + 1] = (start[a + 1] as number) + (start[a] as number);
  return start;
}

/** How many sentence numbers a part's columns use. */
function sentenceCount(facts: EventFacts): number {
  let n = 0;
  for (const s of facts.sentence) if (s >= n) n = s + 1;
  return n;
}

/**
 * Per date value of a part, its number among all: looked up, or a new one (after the others) for a value new to the
 * corpus. Values only deleted mentions have are numbered too (no live mention reads them; they go at the next compose).
 */
function valueIdsOf(facts: EventFacts, values: string[], lookup: Lookup): Uint32Array {
  return Uint32Array.from(facts.values, (value) => {
    let id = lookup.values.get(value);
    if (id === undefined) {
      id = values.push(value) - 1;
      lookup.values.set(value, id);
      lookup.starts.push(startOf(value));
    }
    return id;
  });
}

/** See `Layout`. */
function layoutOf(from: Continuation, added: Added[]): Layout {
  const n = added.length;
  const oldCount = from.articleStart[from.articleStart.length - 1] as number;
  const insertAt = new Uint32Array(n);
  const before = new Uint32Array(n + 1);
  added.forEach((a, j) => {
    insertAt[j] = from.articleStart[a.g - j] as number;
    before[j + 1] = (before[j] as number) + a.to - a.from;
  });
  return { oldCount, count: oldCount + (before[n] as number), added, insertAt, before };
}

/** An old mention's new number. */
function mentionShift({ insertAt, before }: Layout): (m: number) => number {
  if (insertAt.length === 1) {
    const at = insertAt[0] as number;
    const by = before[1] as number;
    return (m) => (m < at ? m : m + by);
  }
  return (m) => {
    let lo = 0;
    let hi = insertAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((insertAt[mid] as number) <= m) lo = mid + 1;
      else hi = mid;
    }
    return m + (before[lo] as number);
  };
}

/** Are the mentions added after every old one (the old ones keep their numbers)? */
const addedLast = (layout: Layout): boolean => layout.insertAt.every((at) => at === layout.oldCount);

/** A part's mention numbers, the old ones shifted (the same array when none moves). */
function remapped(ids: Int32Array, shift: (m: number) => number, layout: Layout): Int32Array {
  if (addedLast(layout)) return ids;
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i += 1) {
    const m = ids[i] as number;
    out[i] = m < 0 ? -1 : shift(m);
  }
  return out;
}

/** `chronological` after an append: the old order (numbers shifted) with each new mention put in its place by binary search. */
function mergedChronology(old: Uint32Array, compare: (x: number, y: number) => number, layout: Layout): Uint32Array {
  const shift = addedLast(layout) ? null : mentionShift(layout);
  const fresh: number[] = [];
  layout.added.forEach((a, j) => {
    const at = (layout.insertAt[j] as number) + (layout.before[j] as number);
    for (let i = 0; i < a.to - a.from; i += 1) fresh.push(at + i);
  });
  fresh.sort(compare);
  const out = new Uint32Array(layout.count);
  let src = 0;
  let dst = 0;
  const copy = (to: number): void => {
    if (shift === null) out.set(old.subarray(src, to), dst);
    else for (let i = src; i < to; i += 1) out[dst + i - src] = shift(old[i] as number);
    dst += to - src;
    src = to;
  };
  for (const x of fresh) {
    copy(lowerBound(src, old.length, (mid) => compare(shift === null ? (old[mid] as number) : shift(old[mid] as number), x) < 0));
    out[dst++] = x;
  }
  copy(old.length);
  return out;
}

/** Publication order with the added articles put in their places by binary search; ranks worked out again. */
function withPublished(
  from: Continuation,
  remap: Uint32Array,
  articles: Article[],
  added: readonly Added[],
): { order: Uint32Array; tied: Uint8Array; ranks: Uint32Array } {
  const compare = new Intl.Collator().compare;
  const key = (g: number): string => publicationKey(articles[g] as Article, 'as given');
  const byPublication = (x: number, y: number): number => compare(key(x), key(y)) || x - y;
  const old = from.byPublication;
  const fresh = added.map((a) => a.g).sort(byPublication);
  const order = new Uint32Array(articles.length);
  const tied = new Uint8Array(articles.length);
  const placed: number[] = [];
  let src = 0;
  let dst = 0;
  const copy = (to: number): void => {
    for (let i = src; i < to; i += 1) order[dst + i - src] = remap[old[i] as number] as number;
    tied.set(from.tied.subarray(src, to), dst);
    dst += to - src;
    src = to;
  };
  for (const g of fresh) {
    const lo = lowerBound(src, old.length, (mid) => byPublication(remap[old[mid] as number] as number, g) < 0);
    copy(lo);
    placed.push(dst);
    order[dst++] = g;
  }
  copy(old.length);
  for (const k of placed)
    for (const q of [k, k + 1])
      if (q < order.length) tied[q] = q > 0 && compare(key(order[q - 1] as number), key(order[q] as number)) === 0 ? 1 : 0;
  return { order, tied, ranks: ranksOf(order, tied) };
}

/** Per article of the new corpus, the number of its first mention; then the count. */
function articleStarts(old: Uint32Array, layout: Layout, articleCount: number): Uint32Array {
  const out = new Uint32Array(articleCount + 1);
  let j = 0;
  let a = 0;
  for (let g = 0; g < articleCount; g += 1) {
    if (j < layout.added.length && (layout.added[j] as Added).g === g) {
      out[g] = (layout.insertAt[j] as number) + (layout.before[j] as number);
      j += 1;
    } else out[g] = (old[a++] as number) + (layout.before[j] as number);
  }
  out[articleCount] = layout.count;
  return out;
}

/**
 * The articles in publication order (equal dates in corpus order), whether each has the date of the one before
 * (`tied`, by place in that order), and each article's rank (see `publicationRank`).
 */
function publicationOrder(articles: readonly Article[]): { order: Uint32Array; tied: Uint8Array; ranks: Uint32Array } {
  const compare = new Intl.Collator().compare;
  const published = articles.map((a) => publicationKey(a, 'as given'));
  const order = Uint32Array.from(
    published.map((_, i) => i).sort((x, y) => compare(published[x] as string, published[y] as string) || x - y),
  );
  const tied = new Uint8Array(order.length);
  for (let k = 1; k < order.length; k += 1)
    tied[k] = compare(published[order[k - 1] as number] as string, published[order[k] as number] as string) === 0 ? 1 : 0;
  return { order, tied, ranks: ranksOf(order, tied) };
}

/** Each article's rank: its place in publication order, or the rank of the one before when it has the same date. */
function ranksOf(order: Uint32Array, tied: Uint8Array): Uint32Array {
  const ranks = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k += 1) ranks[order[k] as number] = tied[k] === 1 ? (ranks[order[k - 1] as number] as number) : k;
  return ranks;
}

/** Date values in date order: by the day they start on (`starts`, per value number), the coarser first. */
const dateKeyOrder =
  (values: readonly string[], starts: readonly string[]) =>
  (vx: number, vy: number): number => {
    const a = starts[vx] as string;
    const b = starts[vy] as string;
    return (a < b ? -1 : a > b ? 1 : 0) || (values[vx] as string).length - (values[vy] as string).length;
  };

/** Date order of mentions: their values' (`dateKeyOrder`), then corpus order. `valueIdOf` gives a mention's value number. */
const byDate = (valueIdOf: (id: number) => number, values: readonly string[], starts: readonly string[]) => {
  const key = dateKeyOrder(values, starts);
  return (x: number, y: number): number => key(valueIdOf(x), valueIdOf(y)) || x - y;
};

/**
 * The `count` mentions in `byDate` order without comparing mentions: the date values are put in order (equal
 * start days and lengths sharing a rank), and the mentions counted into their value's rank in their own order.
 */
function chronologicalOrder(
  count: number,
  valueIdOf: (id: number) => number,
  values: readonly string[],
  starts: readonly string[],
): Uint32Array {
  const key = dateKeyOrder(values, starts);
  const byValue = Array.from(values, (_, v) => v).sort(key);
  const rank = new Uint32Array(values.length);
  let r = 0;
  byValue.forEach((v, i) => {
    const u = byValue[i - 1];
    if (u !== undefined && key(u, v) !== 0) r += 1;
    rank[v] = r;
  });
  const at = new Uint32Array(r + 2);
  for (let id = 0; id < count; id += 1) (at[(rank[valueIdOf(id)] as number) + 1] as number) += 1;
  for (let k = 0; k <= r; k += 1) at[k + 1] = (at[k + 1] as number) + (at[k] as number);
  const out = new Uint32Array(count);
  for (let id = 0; id < count; id += 1) {
    const k = rank[valueIdOf(id)] as number;
    out[at[k] as number] = id;
    at[k] = (at[k] as number) + 1;
  }
  return out;
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

/** The first place in [lo, hi) where `before` turns false (it is true, then false, along the range); hi if never. */
function lowerBound(lo: number, hi: number, before: (at: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
