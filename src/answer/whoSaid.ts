import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { QuoteGroup } from '../index/quoteBook.ts';
import { articleFilter } from './filters.ts';
import { queryNotes, withNotes } from './notes.ts';
import { articlesOf, quoteResult } from './quoteResult.ts';
import { type Answer, UsageError } from './types.ts';

/** How many quotes one answer lists. */
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

interface QuoteHit {
  group: QuoteGroup;
  score: number;
}

/** A quote's weight as evidence: its kind, and how many articles carry it (log-scaled). */
export const evidenceWeight = (group: QuoteGroup, articles: number): number => KIND_WEIGHT[group.kind] * (1 + 0.5 * Math.log2(articles));

/**
 * Quote hits grouped by speaker: speakers in the order of their best quote, each speaker's quotes best
 * first. The key and the speaker's best score are worked out once per quote, not at every comparison.
 */
export function rankBySpeaker(hits: readonly QuoteHit[]): QuoteHit[] {
  const keyed = hits.map((h) => ({ ...h, key: h.group.speakers.join('+') || `(${h.group.status})`, best: 0 }));
  const best = new Map<string, number>();
  for (const { key, score } of keyed) best.set(key, Math.max(best.get(key) ?? 0, score));
  for (const h of keyed) h.best = best.get(h.key) ?? 0;
  keyed.sort((a, b) => b.best - a.best || byKey(a.key, b.key) || b.score - a.score);
  return keyed;
}

/** `/who-said`: who is quoted on a topic, grouped by speaker, each quote with every outlet that carries it. */
export function whoSaid(corpus: LoadedCorpus, args: WhoSaidArgs): Answer {
  const { topic } = args;
  let speakerIds: Set<string> | null = null;
  if (args.speaker !== undefined) {
    const found = corpus.quotes.findSpeakers(args.speaker);
    if (found.length === 0) throw new UsageError(`no speaker in the corpus is called "${args.speaker}"; /speakers lists them`);
    speakerIds = new Set(found.map((s) => s.id));
  }
  const filter = articleFilter(corpus, { outlet: args.outlet });
  const { hits, corrections, unknown } = corpus.quotes.query(topic, corpus.index.lexicon);
  for (const h of hits) h.score *= evidenceWeight(h.group, corpus.quotes.articleCount(h.group));
  const kept = rankBySpeaker(
    hits.filter(
      ({ group }) =>
        (speakerIds === null || group.speakers.some((id) => speakerIds?.has(id))) &&
        (!filter.active || articlesOf(corpus, group).some((article) => filter.accept(article))),
    ),
  );
  const notes = queryNotes(corrections, unknown);
  if (kept.length === 0)
    notes.unshift(`no quote in the corpus matches ${JSON.stringify(topic)}${args.speaker ? ` for ${args.speaker}` : ''}`);
  return {
    command: 'who-said',
    query: topic,
    total: kept.length,
    results: kept.slice(0, WHO_SAID_LIMIT).map(({ group, score }) => quoteResult(corpus, group, score)),
    ...withNotes(notes),
  };
}
