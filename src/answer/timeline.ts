import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article } from '../model/index.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { startOf } from '../nlp/dates/words.ts';
import { MAX_CITATIONS } from './citation.ts';
import { ALL_DAYS, compareDates, dateWindow, withinDays } from './dates.ts';
import { finestMention, groupEvents, outermostExpressions } from './eventGroups.ts';
import { eventCitation, factsReader, mentionOf } from './events.ts';
import { periodInQuery } from './queryPeriod.ts';
import { whenWords } from './whenWords.ts';
import { articleFilter } from './filters.ts';
import { withNotes } from './notes.ts';
import type { Answer, Result } from './types.ts';

/** How many events a page of the answer lists at the command line. */
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

/**
 * How many dated mentions a timeline is made of, at most. Grouping reads each mention's words, so its cost grows
 * with the mentions; a topic as common as "people" has tens of thousands in a large corpus, more than any reader
 * pages through. Past it, the answer says how many there were and how to narrow them.
 */
export const TIMELINE_MAX_MENTIONS = 1000;

/**
 * The mentions of a timeline in date order: every one (in the order worked out at build), or those matching a
 * topic; at most `TIMELINE_MAX_MENTIONS` (the first in date order without a topic, the most relevant with one),
 * with how many there were in all.
 */
function chosenMentions(
  corpus: LoadedCorpus,
  topic: string,
  keep: (id: number) => boolean,
): { mentions: Array<{ id: number; value: string }>; total: number } {
  const { events } = corpus;
  if (topic.trim() === '') {
    const mentions: Array<{ id: number; value: string }> = [];
    let total = 0;
    for (const id of events.chronological)
      if (keep(id)) {
        total += 1;
        if (mentions.length < TIMELINE_MAX_MENTIONS) mentions.push({ id, value: events.valueOf(id) });
      }
    return { mentions, total };
  }
  const { hits, total } = events.query(topic, corpus.index.lexicon, { accept: keep, limit: TIMELINE_MAX_MENTIONS });
  return {
    mentions: hits.map((h) => ({ id: h.doc, value: events.valueOf(h.doc), start: startOf(events.valueOf(h.doc)) })).sort(byStart),
    total,
  };
}

/** A mention chosen for a timeline, with what grouping reads before any word: its date, sentence and span. */
interface Chosen {
  id: number;
  value: string;
  sentence: number;
  span: readonly [number, number];
}

/** One entry: the event's mentions, one per sentence, in date order, shown by `shown`, the mention with the finest date. */
function entryResult(corpus: LoadedCorpus, group: readonly Chosen[], shown: Chosen): Result {
  const { events } = corpus;
  const first = mentionOf(corpus, events.ref(shown.id));
  const sentences = group.filter((m, i) => group.findIndex((o) => o.sentence === m.sentence) === i);
  // Outlets are counted from the articles' metadata; only the mentions cited are read from the index file.
  const outlets = new Set(sentences.map((m) => corpus.articles[events.articleOf(m.id)] as Article).map((a) => a.meta.outlet ?? a.id));
  const cited = sentences.slice(0, MAX_CITATIONS).map((m) => mentionOf(corpus, events.ref(m.id)));
  return {
    text: first.event.sentence,
    date: shown.value,
    dateText: first.event.time.text,
    derivation: explainDate(first.event.time),
    details: {
      when: whenWords(first.event.time),
      granularity: first.event.time.granularity,
      mentions: sentences.length,
      outlets: outlets.size,
      ...(sentences.length > MAX_CITATIONS ? { moreCitations: sentences.length - MAX_CITATIONS } : {}),
    },
    citations: cited.map(({ article, event }) => eventCitation(article, event)),
  };
}

/**
 * `/timeline`: the dated events in order, one entry per event at the precision its words allow, each cited.
 * A year or a month in the topic ("syria 2015") narrows the period; "now", "previously" and "in the future"
 * date no event and are left out, nor do words dated only by their speaker's remarks nearby (the remarks are listed).
 */
export function timeline(corpus: LoadedCorpus, args: TimelineArgs, limit = TIMELINE_LIMIT): Answer {
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
  // Whether each date value (by its number) starts in the window: worked out once a value, not once a mention
  // (a common topic has tens of thousands of mentions, and few values).
  const valueStarts = new Map<number, boolean>();
  const keep = (id: number): boolean => {
    // Words dated only by their speaker's remarks nearby are part of those remarks, whose own sentence the
    // timeline lists: they answer /when, they are no event of their own.
    if (events.isWeak(id) || events.isByRemarks(id) || !filter.accept(corpus.articles[events.articleOf(id)] as Article)) return false;
    // An event belongs to the period it starts in; "since 2011" is not an event of 2015.
    const value = events.valueIdOf(id);
    let inWindow = valueStarts.get(value);
    if (inWindow === undefined) valueStarts.set(value, (inWindow = withinDays(startOf(events.valueOf(id)), window)));
    return inWindow;
  };
  const { mentions, total } = chosenMentions(corpus, topic, keep);
  const chosen: Chosen[] = mentions.map(({ id, value }) => ({
    id,
    value,
    sentence: events.sentenceOf(id),
    span: events.spanOf(id),
  }));
  // One entry per event: one expression once, then the mentions of one event (compatible dates, the same
  // who, where, what) together across sentences and outlets; in the order of the dates they show.
  const facts = factsReader(corpus);
  const entries = groupEvents(outermostExpressions(chosen), (m) => facts(m.id))
    .map((group) => {
      const shown = finestMention(group);
      // Each entry's start worked out once, not at every comparison.
      return { group, shown, start: startOf(shown.value), value: shown.value };
    })
    .sort(byStart);
  const notes: string[] = [];
  if (named) notes.push(`events in ${named} only`);
  if (entries.length === 0)
    notes.push(topic ? `nothing dated in the corpus matches ${JSON.stringify(topic)}` : 'nothing dated in that period');
  if (total > mentions.length)
    notes.push(
      `${total} dated mentions ${topic ? 'match' : 'in that period'}: the timeline is made of the ${topic ? `${mentions.length} that match best` : `first ${mentions.length} in date order`}; narrow it with ${topic ? '' : 'a topic, '}from:/to: or outlet:`,
    );
  else if (entries.length > TIMELINE_LIMIT) notes.push(`${entries.length} events: narrow with a topic or from:/to:`);
  return {
    command: 'timeline',
    query: args.topic ?? '',
    total: entries.length,
    results: entries.slice(0, limit).map(({ group, shown }) => entryResult(corpus, group, shown)),
    ...withNotes(notes),
  };
}
