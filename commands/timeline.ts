import { parseDateOption } from '../src/answer/dates.ts';
import { eventCitation, mentionOf } from '../src/answer/events.ts';
import { articleFilter } from '../src/answer/filters.ts';
import type { Answer } from '../src/answer/types.ts';
import { UsageError } from '../src/answer/types.ts';
import type { Article } from '../src/model/index.ts';
import { humanDate, startOf } from '../src/nlp/dates/words.ts';
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
    const { events } = corpus;
    const keep = (id: number): boolean => {
      if (events.isWeak(id) || !filter.accept(corpus.articles[events.articleOf(id)] as Article)) return false;
      // An event belongs to the period it starts in; "since 2011" is not an event of 2015.
      const start = startOf(events.valueOf(id));
      return start >= lo && start <= hi;
    };
    // Chosen and ordered by the mentions' facts; the sentences are read only for the entries shown.
    let chosen: Array<{ id: number; value: string }>;
    if (topic.trim() === '')
      chosen = Array.from(events.chronological).flatMap((id) => (keep(id) ? [{ id, value: events.valueOf(id) }] : []));
    else
      chosen = events
        .query(topic, corpus.index)
        .hits.filter((h) => keep(h.doc))
        .map((h) => ({ id: h.doc, value: events.valueOf(h.doc), start: startOf(events.valueOf(h.doc)) }))
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) || a.value.length - b.value.length);
    // One entry per date, at the precision its words allow, with every mention that gives it (the first ten cited).
    const byDate = new Map<string, number[]>();
    for (const { id, value } of chosen) {
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
      results: entries.slice(0, TIMELINE_LIMIT).map(([value, group]) => {
        const first = mentionOf(corpus, events.ref(group[0] as number));
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
          citations: group.slice(0, MAX_CITATIONS).map((id) => {
            const { article, event } = mentionOf(corpus, events.ref(id));
            return eventCitation(article, event);
          }),
        };
      }),
      ...(notes.length > 0 ? { notes } : {}),
    };
  },
});
