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
 * rank come after every speaker's best, so that one prolific speaker does not bury the others. The key and the
 * speaker's best score are worked out once per quote, not at every comparison.
 */
export function rankBySpeaker<H extends QuoteHit>(hits: readonly H[]): Array<H & { tier: number }> {
  const keyed = hits.map((h) => {
    const tier = tierOf(h.match, h.group.confidence);
    return { ...h, tier, key: `${tier}\u0000${h.group.speakers.join('+') || `(${h.group.status})`}`, best: 0, nth: 0 };
  });
  const best = new Map<string, number>();
  for (const { key, score } of keyed) best.set(key, Math.max(best.get(key) ?? 0, score));
  for (const h of keyed) h.best = best.get(h.key) ?? 0;
  keyed.sort((a, b) => b.tier - a.tier || b.best - a.best || byKey(a.key, b.key) || b.score - a.score);
  const seen = new Map<string, number>();
  for (const h of keyed) {
    h.nth = seen.get(h.key) ?? 0;
    seen.set(h.key, h.nth + 1);
  }
  const spill = (h: { nth: number }): number => (h.nth < PER_SPEAKER ? 0 : 1);
  // A stable sort: the order above stands within a rank's best and within its spill.
  return keyed.sort((a, b) => b.tier - a.tier || spill(a) - spill(b));
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
  const kept = rankBySpeaker(
    hits.filter(
      ({ group }) =>
        (speakerIds === null || [...group.speakers, ...(group.candidates ?? [])].some((id) => speakerIds?.has(id))) &&
        (!filter.active || articlesOf(corpus, group).some((article) => filter.accept(article))),
    ),
  );
  const notes = queryNotes(corrections, unknown);
  const who = args.speaker ? ` for ${args.speaker}` : '';
  if (kept.length === 0) notes.unshift(`no quote in the corpus matches ${JSON.stringify(topic)}${who}`);
  else if (kept.every((h) => h.match === 'narration')) {
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
    total: kept.length,
    results: kept.slice(0, limit).map(({ group, score, match }) => ({ ...quoteResult(corpus, group, score), matchedIn: match })),
    ...withNotes(notes),
  };
}
