import { daysOf } from './dates.ts';

/**
 * What the grouping of a timeline reads of one dated mention: typed facts only, never the wording of an
 * explanation. Built from the corpus by `mentionFacts` (events.ts); tests build them inline.
 */
export interface MentionFacts {
  id: number;
  /** The date value ("2015-12-15", "2014-09", "2014-09/..", "2016-05/2016-08"). */
  value: string;
  /** The sentence it stands in: the same number for every date of one sentence. */
  sentence: number;
  /** [start, end) of its expression in the file. */
  span: readonly [number, number];
  /** The words of its own event, each action as its group ("met" and "talks" one word). */
  words: ReadonlySet<string>;
  /** The people its own event names, and who spoke the words that hold the date: surname terms. */
  people: ReadonlySet<string>;
  places: ReadonlySet<string>;
  /** The actions its own event names, one term per group of eventSynonyms ("met", "talks": one); saying is none. */
  actions: ReadonlySet<string>;
  /** The words of its own event written with a capital: who and what is named ("US", "Daesh", "Russia"). */
  names: ReadonlySet<string>;
}

/** The share of words two sets have in common. */
export const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let both = 0;
  for (const t of a) if (b.has(t)) both += 1;
  return both / Math.max(1, a.size + b.size - both);
};

/** Mentions whose own events share this share of their words are one event, whoever they name. */
export const SAME_EVENT = 0.3;

const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const t of a) if (b.has(t)) return true;
  return false;
};

/** Is `a` the same date as `b` or a part of it at a finer precision ("2015-12" and "2015-12-15")? */
const within = (a: string, b: string): boolean => a === b || (a.startsWith(b) && a[b.length] === '-');

/** Is one point a part of the other, or the same ("2015", "2015-12", "2015-12-15" are all compatible)? */
const nested = (a: string, b: string): boolean => within(a, b) || within(b, a);

/**
 * Can two dates be the date of one event? The same value; one day, month or year inside the other
 * ("December 2015" and "15 Dec 2015"); an open range from a point inside the other, or from a point that
 * holds it ("September 2014" and "since September 2014"; "since late September" and "September 2015"), as
 * is the same for two open ranges. Closed ranges ("in recent months") only with the same range, and
 * "before …" ranges with nothing else: what they hold is not said to start anywhere.
 */
export function compatibleDates(a: string, b: string): boolean {
  if (a === b) return true;
  const [a0, a1] = a.split('/') as [string, string | undefined];
  const [b0, b1] = b.split('/') as [string, string | undefined];
  if (!openEnd(a1) || !openEnd(b1) || a0 === '..' || b0 === '..') return false;
  return nested(a0, b0);
}

/** A range's end that leaves it open: none (a point) or "..". */
const openEnd = (end: string | undefined): boolean => end === undefined || end === '..';

/** Does an open range start inside a point ("since September 2014" and "September 2014")? */
const continues = (range: string, point: string): boolean =>
  range.endsWith('/..') && !point.includes('/') && within(range.slice(0, -3), point);

/** Does one mention's open range start inside the other's point? (Module-level helpers: this runs for every pair compared.) */
const rangeFromPoint = (a: string, b: string): boolean => continues(a, b) || continues(b, a);

/** Enough of the same words, as the event's own words go. */
export const similarWords = (a: MentionFacts, b: MentionFacts): boolean => jaccard(a.words, b.words) >= SAME_EVENT;

/**
 * The same person, and the same place or the same action: "Kerry arrived in Moscow and met …" and "Kerry
 * shakes hands with Lavrov in Moscow", "Tuesday's talks, … Kerry said" and "We discussed today …," Kerry said.
 */
export const samePersonAndPlaceOrAction = (a: MentionFacts, b: MentionFacts): boolean =>
  shares(a.people, b.people) && (shares(a.places, b.places) || shares(a.actions, b.actions));

/**
 * A "since …" range that goes on from the point another mention dates, with the same action and a name in
 * common: "In September 2014, the US … started conducting airstrikes" and "the US … have been targeting Daesh
 * since September 2014" are one campaign, from its start. Two points of one day sharing names and an action
 * are not enough (a news day is crowded: "even as the envoys were meeting Tuesday, air strikes killed …").
 */
export const continuesFrom = (a: MentionFacts, b: MentionFacts): boolean =>
  rangeFromPoint(a.value, b.value) && shares(a.actions, b.actions) && shares(a.names, b.names);

/** Two mentions of one event: compatible dates, and the same words, or who with where or what, or one continuing the other. */
export const sameEvent = (a: MentionFacts, b: MentionFacts): boolean => compatibleDates(a.value, b.value) && sameEventOfAgreeingDates(a, b);

/** `sameEvent` for two mentions whose dates are known to agree (`compatibleDates`): the rest of its test. */
const sameEventOfAgreeingDates = (a: MentionFacts, b: MentionFacts): boolean =>
  similarWords(a, b) || samePersonAndPlaceOrAction(a, b) || continuesFrom(a, b);

/**
 * One expression is one event: of the mentions whose expressions overlap in one sentence ("since the start of
 * the Syrian conflict in 2011" holds "in 2011"), only the one with the widest span stays (the first of equals).
 * The inner date stays a fact of the corpus (/when reads it); a timeline lists what the sentence says.
 */
export function outermostExpressions<T extends Pick<MentionFacts, 'sentence' | 'span'>>(mentions: readonly T[]): T[] {
  const bySentence = new Map<number, T[]>();
  for (const m of mentions) {
    const inSentence = bySentence.get(m.sentence);
    if (inSentence) inSentence.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const width = (m: T): number => m.span[1] - m.span[0];
  const overlaps = (a: T, b: T): boolean => a.span[0] < b.span[1] && b.span[0] < a.span[1];
  return mentions.filter((m) => {
    const others = bySentence.get(m.sentence) as T[];
    const i = others.indexOf(m);
    return others.every((o, j) => j === i || !overlaps(o, m) || width(o) < width(m) || (width(o) === width(m) && j > i));
  });
}

/** The day a date starts on (a point is its first day): mentions are grouped in this order. */
const startKey = (value: string): string => value.split('/')[0] as string;

/** Mentions in date order: by the date they start from, the coarser first on one start ("2014-09" before "2014-09/.."). */
const inDateOrder = <T extends { value: string }>(mentions: readonly T[]): T[] => {
  // Each value's first day worked out once, not at every comparison.
  const firstDay = new Map<string, string>();
  const from = (value: string): string => {
    let day = firstDay.get(value);
    if (day === undefined) firstDay.set(value, (day = daysOf(value)?.from ?? startKey(value)));
    return day;
  };
  return [...mentions].sort((a, b) => {
    const x = from(a.value);
    const y = from(b.value);
    return (x < y ? -1 : x > y ? 1 : 0) || a.value.length - b.value.length;
  });
};

/** The dates a date could be part of, by their start: its year, its month, its day, itself. */
const heldBy = (start: string): string[] => {
  const held = [start.slice(0, 4)];
  for (const k of [start.slice(0, 7), start.slice(0, 10), start]) if (k !== held[held.length - 1]) held.push(k);
  return held;
};

/**
 * Keys two mentions of one event always share (`sameEvent` is true only for mentions with a key in common), so
 * grouping compares a mention only with the events it shares a key with, not with every event of its year:
 * - similar words (Jaccard ≥ SAME_EVENT): a prefix of the words in one fixed order (`rank`, then the word),
 *   |w| − ⌈SAME_EVENT·|w|⌉ + 1 long, as set-similarity joins filter ("prefix filtering": two sets that similar
 *   share a word of their prefixes);
 * - a person and a place, or a person and an action, in common: each such pair;
 * - an action and a name in common (a "since" range continuing a point): each such pair.
 */
export function blockingKeys(f: MentionFacts, rank: (word: string) => number): string[] {
  const words = [...f.words].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const prefix = words.length - Math.ceil(SAME_EVENT * words.length - 1e-9) + 1;
  const keys = words.slice(0, prefix).map((w) => `w:${w}`);
  pairKeys(keys, 'pp', f.people, f.places);
  pairKeys(keys, 'pa', f.people, f.actions);
  pairKeys(keys, 'an', f.actions, f.names);
  return keys;
}

/** Puts the key of each pair of an x and a y in `keys`. */
function pairKeys(keys: string[], tag: string, xs: ReadonlySet<string>, ys: ReadonlySet<string>): void {
  if (ys.size === 0) return;
  for (const x of xs) for (const y of ys) keys.push(`${tag}:${x}|${y}`);
}

/**
 * The events of a timeline: mentions in date order, each joining every event whose dates are all compatible
 * with its own and with one mention of which it is the same event (`sameEvent`), those events becoming one
 * when their dates allow; otherwise it starts an event. Whatever the order they come in, mentions linked by
 * `sameEvent` end in one event (as far as their dates allow). Every mention's facts are read (from the index: cheap).
 */
export function groupEvents<T extends { value: string }>(mentions: readonly T[], facts: (m: T) => MentionFacts): T[][] {
  const groups = new Set<T[]>();
  // Groups by the start of each member's date. In date order a date comes after every date that could hold
  // it, so a mention meets only the groups started on its year, month or day.
  // Each with the number of its entry there: the order a scan of the buckets would meet it in.
  const byStart = new Map<string, Map<T[], number>>();
  let entered = 0;
  const register = (g: T[], value: string): void => {
    const start = startKey(value);
    const bucket = byStart.get(start) ?? new Map<T[], number>();
    if (!bucket.has(g)) bucket.set(g, (entered += 1));
    byStart.set(start, bucket);
  };
  // The mentions met so far by blocking key: two mentions of one event share one (see `blockingKeys`), so a
  // mention is compared only with those. Rarer words first, so a prefix of common words does not link everything.
  // Each as its place in date order, by the number of its date value (only the values whose dates agree are
  // read), under the group it joined: the mentions of one group stay together as groups merge (`groupAt` of the
  // first is the group of all), so a group already matched is passed over whole, however many mentions it has
  // (one wire story carried by hundreds of outlets is one group of hundreds of mentions sharing every key).
  const withKey = new Map<string, Map<number, Map<T[], number[]>>>();
  const frequency = new Map<string, number>();
  for (const m of mentions) for (const w of facts(m).words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const rank = (w: string): number => frequency.get(w) ?? 0;
  const dated = inDateOrder(mentions);
  /** Each mention's place in date order, and the group of the mention at each place. */
  const placeOf = new Map(dated.map((m, i) => [m, i]));
  const groupAt: Array<T[]> = [];
  // Whether two date values can be one event's, each pair worked out once (values repeat across mentions).
  const valueIds = new Map<string, number>();
  const values: string[] = [];
  const idOf = (v: string): number => {
    let id = valueIds.get(v);
    if (id === undefined) {
      valueIds.set(v, (id = values.length));
      values.push(v);
      registerValue(id);
    }
    return id;
  };
  const compatible = new Map<number, boolean>();
  const datesAgree = (a: string, b: string): boolean => {
    const key = idOf(a) * 0x100000 + idOf(b);
    let known = compatible.get(key);
    if (known === undefined) compatible.set(key, (known = compatibleDates(a, b)));
    return known;
  };
  // Each group's distinct date values: what its dates' compatibility is checked on.
  const valuesOf = new Map<T[], Set<string>>();
  const compatibleWith = (g: T[], values: Iterable<string>): boolean => {
    const own = valuesOf.get(g) ?? new Set<string>();
    for (const v of values) for (const o of own) if (!datesAgree(o, v)) return false;
    return true;
  };
  // Open values (points and "since" ranges) by their start, and under each coarser start that holds it ("2015",
  // "2015-12" for "2015-12-15"): the values whose dates agree with one are found without comparing every pair.
  const openAt = new Map<string, number[]>();
  const openUnder = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, k: string, id: number): void => {
    const list = map.get(k);
    if (list) list.push(id);
    else map.set(k, [id]);
  };
  /** The coarser starts that hold a start: its prefixes up to a dash (each start's worked out once). */
  const coarserOf = new Map<string, string[]>();
  const coarser = (start: string): string[] => {
    let prefixes = coarserOf.get(start);
    if (prefixes === undefined) {
      prefixes = [];
      for (let at = start.indexOf('-'); at >= 0; at = start.indexOf('-', at + 1)) prefixes.push(start.slice(0, at));
      coarserOf.set(start, prefixes);
    }
    return prefixes;
  };
  /** A value's start if it is open (see `compatibleDates`), else null. */
  const openStart = (value: string): string | null => {
    const [start, end] = value.split('/') as [string, string | undefined];
    return (end === undefined || end === '..') && start !== '..' ? start : null;
  };
  const starts: Array<string | null> = [];
  const registerValue = (id: number): void => {
    const start = openStart(values[id] as string);
    starts[id] = start;
    if (start === null) return;
    push(openAt, start, id);
    for (const c of coarser(start)) push(openUnder, c, id);
  };
  /** The values met so far whose dates agree with value `v` (`compatibleDates`): itself, or open ones nested with it. */
  const agreeingWith = (v: number): number[] => {
    const start = starts[v] as string | null;
    if (start === null) return [v];
    const agreeing = [...(openAt.get(start) ?? []), ...(openUnder.get(start) ?? [])];
    for (const c of coarser(start)) for (const id of openAt.get(c) ?? []) agreeing.push(id);
    return agreeing;
  };
  /** The groups met that a mention of `value` may join, in the order a scan of the buckets `held` meets them. */
  const inScanOrder = (met: ReadonlySet<T[]>, held: readonly string[], value: string): T[][] => {
    const placed: Array<{ g: T[]; bucket: number; entry: number }> = [];
    for (const g of met) {
      const bucket = held.findIndex((k) => byStart.get(k)?.has(g));
      if (bucket >= 0) placed.push({ g, bucket, entry: byStart.get(held[bucket] as string)?.get(g) as number });
    }
    return placed
      .sort((a, b) => a.bucket - b.bucket || a.entry - b.entry)
      .map(({ g }) => g)
      .filter((g) => groups.has(g) && compatibleWith(g, [value]));
  };
  // The mention each earlier one was last compared with: each is compared once, however many keys it shares.
  const metBy = new Int32Array(dated.length).fill(-1);
  const factsAt = dated.map(facts);
  dated.forEach((m, at) => {
    const own = factsAt[at] as MentionFacts;
    const keys = blockingKeys(own, rank);
    const matched = new Set<T[]>();
    const value = idOf(m.value);
    const agreeing = agreeingWith(value);
    for (const k of keys) {
      const byValue = withKey.get(k);
      if (byValue === undefined) continue;
      for (const v of agreeing) {
        const byGroup = byValue.get(v);
        if (byGroup !== undefined)
          for (const places of byGroup.values()) {
            const g = groupAt[places[0] as number] as T[];
            if (matched.has(g)) continue;
            for (const o of places) {
              if (metBy[o] === at) continue;
              metBy[o] = at;
              // One mention of a group that is the same event is enough. Its date agrees with this one's: it
              // was met under a value of `agreeing`.
              if (sameEventOfAgreeingDates(factsAt[o] as MentionFacts, own)) {
                matched.add(g);
                break;
              }
            }
          }
      }
    }
    // The groups of its year, month or day with a mention of the same event, in the order a scan of those
    // buckets (year first) meets them: the first is the one the others join.
    // (A mention that meets no group has nothing to order.)
    const matching = matched.size === 0 ? [] : inScanOrder(matched, heldBy(startKey(m.value)), m.value);
    const into = matching[0] ?? [];
    groups.add(into);
    if (!valuesOf.has(into)) valuesOf.set(into, new Set());
    for (const other of matching.slice(1)) {
      if (!compatibleWith(into, valuesOf.get(other) ?? [])) continue;
      into.push(...other);
      groups.delete(other);
      for (const v of valuesOf.get(other) ?? []) valuesOf.get(into)?.add(v);
      for (const o of other) {
        register(into, o.value);
        groupAt[placeOf.get(o) as number] = into;
      }
    }
    into.push(m);
    register(into, m.value);
    groupAt[at] = into;
    valuesOf.get(into)?.add(m.value);
    for (const k of keys) {
      let byValue = withKey.get(k);
      if (!byValue) withKey.set(k, (byValue = new Map()));
      let byGroup = byValue.get(value);
      if (!byGroup) byValue.set(value, (byGroup = new Map()));
      const list = byGroup.get(into);
      if (list) list.push(at);
      else byGroup.set(into, [at]);
    }
  });
  // Mentions stay in date order within their event.
  return [...groups].map((g) => g.sort((a, b) => (placeOf.get(a) as number) - (placeOf.get(b) as number)));
}

/** The mention an event is shown by: the one with the finest date (fewest days; an open range the most), the first of equals. */
export function finestMention<T extends { value: string }>(group: readonly T[]): T {
  const span = (value: string): number => {
    if (value.endsWith('/..') || value.startsWith('../')) return Number.POSITIVE_INFINITY;
    const d = daysOf(value);
    return d === null ? Number.POSITIVE_INFINITY : Date.parse(d.to) - Date.parse(d.from);
  };
  // Each member's span worked out once (a reduce comparing spans worked out the best one's again at every step).
  let best = group[0] as T;
  let bestSpan = span(best.value);
  for (let i = 1; i < group.length; i += 1) {
    const m = group[i] as T;
    const d = span(m.value);
    if (d < bestSpan) [best, bestSpan] = [m, d];
  }
  return best;
}
