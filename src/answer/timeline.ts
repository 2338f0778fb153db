import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article } from '../model/index.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { startOf } from '../nlp/dates/words.ts';
import { MAX_CITATIONS } from './citation.ts';
import { ALL_DAYS, compareDates, dateWindow, withinDays } from './dates.ts';
import { eventCitation, jaccard, mentionOf, ownTerms } from './events.ts';
import { periodInQuery } from './queryPeriod.ts';
import { whenWords } from './whenWords.ts';
import { articleFilter } from './filters.ts';
import { withNotes } from './notes.ts';
import type { Answer, Result } from './types.ts';

/** How many events one answer lists. */
export const TIMELINE_LIMIT = 30;

export interface TimelineArgs {
  topic?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  outlet?: string | undefined;
}

/** Mentions in date order: by the day each starts, then the more precise first. */
const byStart = (a: { start: string; value: string }, b: { start: string; value: string }): number =>
  compareDates(a.start, b.start) || a.value.length - b.value.length;

/** The mentions of a timeline in date order: every one (in the order worked out at build), or those matching a topic. */
function chosenMentions(corpus: LoadedCorpus, topic: string, keep: (id: number) => boolean): Array<{ id: number; value: string }> {
  const { events } = corpus;
  if (topic.trim() === '') return Array.from(events.chronological).flatMap((id) => (keep(id) ? [{ id, value: events.valueOf(id) }] : []));
  return events
    .query(topic, corpus.index.lexicon)
    .hits.filter((h) => keep(h.doc))
    .map((h) => ({ id: h.doc, value: events.valueOf(h.doc), start: startOf(events.valueOf(h.doc)) }))
    .sort(byStart);
}

/** Mentions of one date whose own events share this share of their words are one event. */
const SAME_EVENT = 0.3;

/**
 * The events of one date: its mentions grouped by what happened (their own words: see `ownTerms`), each
 * joining the first event it shares SAME_EVENT of its words with; in the order first met.
 */
function eventsOfDate(corpus: LoadedCorpus, ids: readonly number[]): number[][] {
  if (ids.length === 1) return [[...ids]];
  const words = ids.map((id) => ownTerms(corpus, id));
  const events: Array<{ ids: number[]; words: Set<string> }> = [];
  ids.forEach((id, i) => {
    const mine = words[i] as Set<string>;
    const same = events.find((e) => jaccard(e.words, mine) >= SAME_EVENT);
    if (same) same.ids.push(id);
    else events.push({ ids: [id], words: mine });
  });
  return events.map((e) => e.ids);
}

function entryResult(corpus: LoadedCorpus, value: string, group: number[]): Result {
  const { events } = corpus;
  const first = mentionOf(corpus, events.ref(group[0] as number));
  return {
    text: first.event.sentence,
    date: value,
    dateText: first.event.time.text,
    derivation: explainDate(first.event.time),
    details: {
      when: whenWords(first.event.time),
      granularity: first.event.time.granularity,
      mentions: group.length,
      ...(group.length > MAX_CITATIONS ? { moreCitations: group.length - MAX_CITATIONS } : {}),
    },
    citations: group.slice(0, MAX_CITATIONS).map((id) => {
      const { article, event } = mentionOf(corpus, events.ref(id));
      return eventCitation(article, event);
    }),
  };
}

/**
 * `/timeline`: the dated events in order, one entry per event at the precision its words allow, each cited.
 * A year or a month in the topic ("syria 2015") narrows the period; "now", "previously" and "in the future"
 * date no event and are left out.
 */
export function timeline(corpus: LoadedCorpus, args: TimelineArgs): Answer {
  const { words: topic, period, named } = periodInQuery(args.topic ?? '');
  const filter = articleFilter(corpus, { outlet: args.outlet });
  const asked = dateWindow(args.from, args.to) ?? ALL_DAYS;
  const window =
    period === null
      ? asked
      : {
          from: compareDates(asked.from, period.from) > 0 ? asked.from : period.from,
          to: compareDates(asked.to, period.to) < 0 ? asked.to : period.to,
        };
  const { events } = corpus;
  const keep = (id: number): boolean => {
    if (events.isWeak(id) || !filter.accept(corpus.articles[events.articleOf(id)] as Article)) return false;
    // An event belongs to the period it starts in; "since 2011" is not an event of 2015.
    const start = startOf(events.valueOf(id));
    return withinDays(start, window);
  };
  // One entry per date, with every mention that gives it (the first ten cited).
  const byDate = new Map<string, number[]>();
  for (const { id, value } of chosenMentions(corpus, topic, keep)) {
    const list = byDate.get(value);
    if (list) list.push(id);
    else byDate.set(value, [id]);
  }
  // One entry per event: the dates in order, each date's mentions split by what happened, up to the limit.
  const entries: Array<[string, number[]]> = [];
  for (const [value, ids] of byDate) {
    if (entries.length > TIMELINE_LIMIT) break;
    for (const event of eventsOfDate(corpus, ids)) entries.push([value, event]);
  }
  const notes: string[] = [];
  if (named) notes.push(`events in ${named} only`);
  if (entries.length === 0)
    notes.push(topic ? `nothing dated in the corpus matches ${JSON.stringify(topic)}` : 'nothing dated in that period');
  if (entries.length > TIMELINE_LIMIT)
    notes.push(`showing the first ${TIMELINE_LIMIT} events, of ${byDate.size} dates; narrow with a topic or from:/to:`);
  return {
    command: 'timeline',
    query: args.topic ?? '',
    total: entries.length > TIMELINE_LIMIT ? byDate.size : entries.length,
    results: entries.slice(0, TIMELINE_LIMIT).map(([value, group]) => entryResult(corpus, value, group)),
    ...withNotes(notes),
  };
}
