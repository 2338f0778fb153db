import { eventCitation, mentionOf } from '../src/answer/events.ts';
import { articleFilter } from '../src/answer/filters.ts';
import { MAX_CITATIONS } from '../src/answer/citation.ts';
import type { Answer, Result } from '../src/answer/types.ts';
import type { Article } from '../src/model/index.ts';
import { humanDate } from '../src/nlp/dates/words.ts';
import { defineCommand } from '../src/router/command.ts';

/** How many dates one answer lists. */
export const WHEN_LIMIT = 5;

export default defineCommand({
  name: 'when',
  description: 'When something happened: dates resolved from the articles\u2019 own words, ranked by how many outlets support them.',
  example: '/when kerry moscow',
  options: [
    {
      name: 'event',
      type: 'string',
      required: true,
      description: 'Words of the event: people, places, what happened',
      autocomplete: 'topic',
    },
    { name: 'outlet', type: 'string', description: 'Only articles of this outlet', autocomplete: 'outlet' },
  ],
  run({ corpus }, options): Answer {
    const words = options.event ?? '';
    const filter = articleFilter(corpus, { outlet: options.outlet });
    const { events } = corpus;
    const { hits, corrections, unknown } = events.query(words, corpus.index);
    // Group the mentions by the date they resolve to; a date is supported by the outlets that give it. Only
    // the mentions' facts are read here; the sentences are read for the dates shown.
    type Group = { mentions: Array<{ id: number; score: number }>; outlets: Set<string>; score: number; present: boolean };
    const byValue = new Map<number, [string, Group]>();
    for (const h of hits) {
      const article = corpus.articles[events.articleOf(h.doc)] as Article;
      if (filter.active && !filter.accept(article)) continue;
      // "now" dates the writing and "previously" says little: they count for little.
      const weak = events.isWeak(h.doc);
      const weight = weak ? 0.3 : 1;
      let entry = byValue.get(events.valueIdOf(h.doc));
      if (!entry) {
        entry = [events.valueOf(h.doc), { mentions: [], outlets: new Set<string>(), score: 0, present: true }];
        byValue.set(events.valueIdOf(h.doc), entry);
      }
      const g = entry[1];
      g.mentions.push({ id: h.doc, score: h.score * weight });
      g.outlets.add(article.meta.outlet ?? article.id);
      g.score += h.score * weight;
      g.present &&= weak;
    }
    const ranked = [...byValue.values()].sort(
      ([, a], [, b]) => Number(a.present) - Number(b.present) || b.outlets.size - a.outlets.size || b.score - a.score,
    );
    const notes: string[] = [];
    if (corrections.length > 0) notes.push(`read ${corrections.map(([typed, read]) => `"${typed}" as "${read}"`).join(', ')}`);
    if (unknown.length > 0) notes.push(`not in the corpus: ${unknown.map((w) => `"${w}"`).join(', ')}`);
    if (ranked.length === 0) notes.unshift(`nothing in the corpus dates ${JSON.stringify(words)}`);
    // Different days among the dates shown: said plainly, naming a few outlets for each.
    const days = ranked.slice(0, WHEN_LIMIT).filter(([value, g]) => !g.present && /^\d{4}-\d{2}-\d{2}$/.test(value));
    if (days.length > 1) {
      const outlets = (g: { outlets: Set<string> }): string =>
        [...g.outlets].slice(0, 3).join(', ') + (g.outlets.size > 3 ? ` and ${g.outlets.size - 3} more` : '');
      notes.push(
        `the sources give different days for these words: ${days.map(([v, g]) => `${humanDate(v)} (${outlets(g)})`).join('; ')}; they may be different events, or the sources disagree`,
      );
    }
    const results: Result[] = ranked.slice(0, WHEN_LIMIT).map(([value, g]) => {
      // The evidence shown: a sentence of an article body before a caption, then the best match (the first met).
      let top = g.mentions[0] as { id: number; score: number };
      for (const m of g.mentions) {
        const d = Number(events.isCaption(m.id)) - Number(events.isCaption(top.id));
        if (d < 0 || (d === 0 && m.score > top.score)) top = m;
      }
      const best = mentionOf(corpus, events.ref(top.id));
      // Citations earliest outlet first (ties in rank order); one per sentence; the first ten. Sorted as
      // numbers: publication rank, then place among the mentions.
      const ranks = events.publicationRank;
      const keys = new Float64Array(g.mentions.length);
      const n = g.mentions.length;
      g.mentions.forEach(({ id }, k) => (keys[k] = (ranks[events.articleOf(id)] as number) * n + k));
      keys.sort();
      const seen = new Set<number>();
      const shown: number[] = [];
      for (const key of keys) {
        const id = (g.mentions[key % n] as { id: number }).id;
        const sentence = events.sentenceOf(id);
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        if (shown.length < MAX_CITATIONS) shown.push(id);
      }
      const citations = shown.map((id) => {
        const m = mentionOf(corpus, events.ref(id));
        return eventCitation(m.article, m.event);
      });
      return {
        text: best.event.sentence,
        date: value,
        dateText: best.event.time.text,
        derivation: best.event.time.derivation,
        score: Number(g.score.toFixed(3)),
        details: {
          when: humanDate(value),
          granularity: best.event.time.granularity,
          outlets: g.outlets.size,
          ...(seen.size > MAX_CITATIONS ? { moreCitations: seen.size - MAX_CITATIONS } : {}),
        },
        citations,
      };
    });
    return { command: 'when', query: words, total: ranked.length, results, ...(notes.length > 0 ? { notes } : {}) };
  },
});
