import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article } from '../model/index.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { humanDate, startOf } from '../nlp/dates/words.ts';
import { MAX_CITATIONS } from './citation.ts';
import { ALL_DAYS, compareDates, dateWindow, withinDays } from './dates.ts';
import { eventCitation, mentionOf } from './events.ts';
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

function entryResult(corpus: LoadedCorpus, value: string, group: number[]): Result {
  const { events } = corpus;
  const first = mentionOf(corpus, events.ref(group[0] as number));
  return {
    text: first.event.sentence,
    date: value,
    dateText: first.event.time.text,
    derivation: explainDate(first.event.time),
    details: {
      when: humanDate(value),
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

/** `/timeline`: the dated events in order, one entry per date at the precision its words allow, each cited. */
export function timeline(corpus: LoadedCorpus, args: TimelineArgs): Answer {
  const topic = args.topic ?? '';
  const filter = articleFilter(corpus, { outlet: args.outlet });
  const window = dateWindow(args.from, args.to) ?? ALL_DAYS;
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
  const entries = [...byDate.entries()];
  const notes: string[] = [];
  if (entries.length === 0)
    notes.push(topic ? `nothing dated in the corpus matches ${JSON.stringify(topic)}` : 'nothing dated in that period');
  if (entries.length > TIMELINE_LIMIT)
    notes.push(`showing the first ${TIMELINE_LIMIT} of ${entries.length} dates; narrow with a topic or from:/to:`);
  return {
    command: 'timeline',
    query: topic,
    total: entries.length,
    results: entries.slice(0, TIMELINE_LIMIT).map(([value, group]) => entryResult(corpus, value, group)),
    ...withNotes(notes),
  };
}
