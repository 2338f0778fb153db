import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { QuoteGroup, QuoteHit, QuoteMatch } from '../index/quoteBook.ts';
import { articleFilter } from './filters.ts';
import { queryNotes, withNotes } from './notes.ts';
import { articlesOf, quoteResult } from './quoteResult.ts';
import { type Answer, UsageError } from './types.ts';

/** How many quotes a page of the answer lists at the command line. */
export const WHO_SAID_LIMIT = 10;

/** A quote carried by more outlets, and a direct one, is stronger evidence of who said what. */
const KIND_WEIGHT = { direct: 1, mixed: 0.9, indirect: 0.8 } as const;

/** Speaker keys in the order `localeCompare` gives them (a collator is that, made once). */
const byKey = new Intl.Collator().compare;

export interface WhoSaidArgs {
  topic: string;
  speaker?: string | undefined;
  outlet?: string | undefined;
}

/**
 * Below this an attribution is a guess ("no cue; the speaker of the quote before" is 0.5): the topic's exact
 * phrase in its words does not put it first.
 */
export const CONFIDENT = 0.6;

/**
 * Where the topic matched and how sure the speaker is, as a rank. A quote on the topic (its exact phrase, or
 * some of its words, in the quoted words) comes before one whose narration only matches; of quotes on the
 * topic, a confident attribution before a guess, since a wrong speaker is the worst answer; then the exact
 * phrase before some words.
 */
export function tierOf(match: QuoteMatch, confidence: number): number {
  const confident = confidence >= CONFIDENT ? 1 : 0;
  if (match === 'narration') return confident;
  return 2 + 2 * confident + (match === 'phrase' ? 1 : 0);
}

/** How many quotes of one speaker stand together before every other speaker of the same rank has had theirs. */
export const PER_SPEAKER = 2;

/** A quote's weight as evidence: its kind, and how many articles carry it (log-scaled). */
export const evidenceWeight = (group: QuoteGroup, articles: number): number => KIND_WEIGHT[group.kind] * (1 + 0.5 * Math.log2(articles));

/** How much a quote's attribution weighs in ranking: its confidence, squared, so that a guess counts far less. */
export const confidenceWeight = (confidence: number): number => confidence * confidence;

/**
 * Quote hits by rank (see `tierOf`), and within a rank grouped by speaker: speakers in the order of their best
 * quote, each with their best `PER_SPEAKER` quotes together, best first; a speaker's further quotes of that
 * rank come after every speaker's best, so that one prolific speaker does not bury the others. Only the first
 * `limit` of that order are returned, kept in a bounded heap rather than by sorting every hit: the order is
 * (rank, spilled or not, the speaker's best score, the speaker's key, score, place in `hits`), and what it
 * needs of a speaker (its best score, its best `PER_SPEAKER` quotes) is read in one pass first.
 */
export function rankBySpeaker<H extends QuoteHit>(hits: readonly H[], limit = Number.POSITIVE_INFINITY): Array<H & { tier: number }> {
  const n = hits.length;
  const tiers = new Uint8Array(n);
  const keyOf = new Uint32Array(n);
  const keys: string[] = [];
  /** Per key: its best score, and its best `PER_SPEAKER` quotes (by score, then place), best first. */
  const best: number[] = [];
  const top: number[][] = [];
  const keyIds = new Map<string, number>();
  const ahead = (i: number, j: number): boolean =>
    (hits[i] as H).score > (hits[j] as H).score || ((hits[i] as H).score === (hits[j] as H).score && i < j);
  for (let i = 0; i < n; i += 1) {
    const h = hits[i] as H;
    const tier = tierOf(h.match, h.group.confidence);
    const key = `${tier}\u0000${h.group.speakers.join('+') || `(${h.group.status})`}`;
    let k = keyIds.get(key);
    if (k === undefined) {
      k = keys.length;
      keyIds.set(key, k);
      keys.push(key);
      // As a running maximum from 0.
      best.push(Math.max(0, h.score));
      top.push([]);
    } else best[k] = Math.max(best[k] as number, h.score);
    tiers[i] = tier;
    keyOf[i] = k;
    const t = top[k] as number[];
    t.push(i);
    for (let c = t.length - 1; c > 0 && ahead(t[c] as number, t[c - 1] as number); c -= 1)
      [t[c], t[c - 1]] = [t[c - 1] as number, t[c] as number];
    if (t.length > PER_SPEAKER) t.pop();
  }
  const spill = (i: number): number => ((top[keyOf[i] as number] as number[]).includes(i) ? 0 : 1);
  /** Negative when hit i comes before hit j. */
  const compare = (i: number, j: number): number => {
    const ki = keyOf[i] as number;
    const kj = keyOf[j] as number;
    return (
      (tiers[j] as number) - (tiers[i] as number) ||
      spill(i) - spill(j) ||
      (best[kj] as number) - (best[ki] as number) ||
      (ki === kj ? 0 : byKey(keys[ki] as string, keys[kj] as string)) ||
      (hits[j] as H).score - (hits[i] as H).score ||
      i - j
    );
  };
  const order = firstInOrder(n, limit, compare);
  return order.map((i) => ({ ...(hits[i] as H), tier: tiers[i] as number }));
}

/**
 * The first `limit` of 0 … n - 1 in the order `compare` gives (a total order), sorted: a heap of the `limit`
 * best so far, the one ranked last on top, so that n hits cost n log(limit), not a sort of all n.
 */
export function firstInOrder(n: number, limit: number, compare: (i: number, j: number) => number): number[] {
  if (limit >= n) return Array.from({ length: n }, (_, i) => i).sort(compare);
  const heap: number[] = [];
  const down = (c: number): void => {
    for (;;) {
      const l = 2 * c + 1;
      let m = c;
      if (l < heap.length && compare(heap[l] as number, heap[m] as number) > 0) m = l;
      if (l + 1 < heap.length && compare(heap[l + 1] as number, heap[m] as number) > 0) m = l + 1;
      if (m === c) return;
      [heap[c], heap[m]] = [heap[m] as number, heap[c] as number];
      c = m;
    }
  };
  for (let i = 0; i < n; i += 1) {
    if (heap.length < limit) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0;) {
        const parent = (c - 1) >> 1;
        if (compare(heap[c] as number, heap[parent] as number) <= 0) break;
        [heap[c], heap[parent]] = [heap[parent] as number, heap[c] as number];
        c = parent;
      }
    } else if (heap.length > 0 && compare(i, heap[0] as number) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(compare);
}

/** `/who-said`: who is quoted on a topic, grouped by speaker, each quote with every outlet that carries it. */
export function whoSaid(corpus: LoadedCorpus, args: WhoSaidArgs, limit = WHO_SAID_LIMIT): Answer {
  const { topic } = args;
  let speakerIds: Set<string> | null = null;
  if (args.speaker !== undefined) {
    const found = corpus.quotes.findSpeakers(args.speaker);
    if (found.length === 0) throw new UsageError(`no speaker in the corpus is called "${args.speaker}"; /speakers lists them`);
    speakerIds = new Set(found.map((s) => s.id));
  }
  const filter = articleFilter(corpus, { outlet: args.outlet });
  const { hits, corrections, unknown } = corpus.quotes.query(topic, corpus.index.lexicon);
  for (const h of hits) h.score *= evidenceWeight(h.group, corpus.quotes.articleCount(h.group)) * confidenceWeight(h.group.confidence);
  const matching = hits.filter(
    ({ group }) =>
      (speakerIds === null || [...group.speakers, ...(group.candidates ?? [])].some((id) => speakerIds?.has(id))) &&
      (!filter.active || articlesOf(corpus, group).some((article) => filter.accept(article))),
  );
  const kept = rankBySpeaker(matching, limit);
  const notes = queryNotes(corrections, unknown);
  const who = args.speaker ? ` for ${args.speaker}` : '';
  if (matching.length === 0) notes.unshift(`no quote in the corpus matches ${JSON.stringify(topic)}${who}`);
  else if (matching.every((h) => h.match === 'narration')) {
    notes.unshift(
      `no quote in the corpus is on ${JSON.stringify(topic)}${who}: only the words around these quotes match, not the quotes; the closest are shown`,
    );
    // The topic is someone's name: what they said is another question, with its own command.
    if (corpus.quotes.findSpeakers(topic).some((s) => s.quoteCount > 0))
      notes.push(`/quotes ${topic} lists what ${topic} is quoted saying`);
  }
  return {
    command: 'who-said',
    query: topic,
    total: matching.length,
    results: kept.map(({ group, score, match }) => ({ ...quoteResult(corpus, group, score), matchedIn: match })),
    ...withNotes(notes),
  };
}
