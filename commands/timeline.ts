import { parseDateOption } from '../src/answer/dates.ts';
import { eventCitation, mentionOf, startOf } from '../src/answer/events.ts';
import { articleFilter } from '../src/answer/filters.ts';
import type { Answer } from '../src/answer/types.ts';
import { UsageError } from '../src/answer/types.ts';
import { isDatedEvent, isWeakDate } from '../src/index/eventIndex.ts';
import { humanDate } from '../src/nlp/dateWords.ts';
import { MAX_CITATIONS } from '../src/answer/citation.ts';
import { defineCommand } from '../src/router/command.ts';

/** How many events one answer lists. */
export const TIMELINE_LIMIT = 30;

export default defineCommand({
  name: 'timeline',
  description: 'The dated events of the corpus in order, each at the precision its words allow (day, month, year), cited.',
  example: '/timeline syria from:2015',
  options: [
    { name: 'topic', type: 'string', description: 'Only events whose sentence has these words', autocomplete: 'topic' },
    { name: 'from', type: 'date', description: 'Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
    { name: 'to', type: 'date', description: 'Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)' },
    { name: 'outlet', type: 'string', description: 'Only articles of this outlet', autocomplete: 'outlet' },
  ],
  run({ corpus }, options): Answer {
    const topic = options.topic ?? '';
    const filter = articleFilter(corpus, { outlet: options.outlet });
    const lo = options.from === undefined ? '0000-01-01' : (parseDateOption(options.from)?.from ?? '');
    const hi = options.to === undefined ? '9999-12-31' : (parseDateOption(options.to)?.to ?? '');
    if (lo > hi) throw new UsageError(`from: ${options.from} is after to: ${options.to}`);
    const refs = topic.trim() === '' ? corpus.events.refs : corpus.events.query(topic, corpus.index).hits.map((h) => h.ref);
    const items = refs
      .map((r) => mentionOf(corpus, r))
      .filter(({ article, event }) => filter.accept(article) && isDatedEvent(event) && !isWeakDate(event))
      .filter(({ event }) => {
        // An event belongs to the period it starts in; "since 2011" is not an event of 2015.
        const v = event.time.value as string;
        return startOf(v) >= lo && startOf(v) <= hi;
      })
      .sort(
        (a, b) =>
          startOf(a.event.time.value as string).localeCompare(startOf(b.event.time.value as string)) ||
          (a.event.time.value as string).length - (b.event.time.value as string).length,
      );
    // One entry per date, at the precision its words allow, with every mention that gives it (the first ten cited).
    const byDate = new Map<string, typeof items>();
    for (const item of items) {
      const v = item.event.time.value as string;
      const list = byDate.get(v);
      if (list) list.push(item);
      else byDate.set(v, [item]);
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
      results: entries.slice(0, TIMELINE_LIMIT).map(([value, group]) => {
        const first = group[0] as (typeof group)[number];
        return {
          text: first.event.sentence,
          date: value,
          dateText: first.event.time.text,
          derivation: first.event.time.derivation,
          details: {
            when: humanDate(value),
            granularity: first.event.time.granularity,
            mentions: group.length,
            ...(group.length > MAX_CITATIONS ? { moreCitations: group.length - MAX_CITATIONS } : {}),
          },
          citations: group.slice(0, MAX_CITATIONS).map(({ article, event }) => eventCitation(article, event)),
        };
      }),
      ...(notes.length > 0 ? { notes } : {}),
    };
  },
});
