import type { EventIndex } from '../index/eventIndex.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article } from '../model/index.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { humanDate } from '../nlp/dates/words.ts';
import { MAX_CITATIONS } from './citation.ts';
import { eventCitation, mentionOf } from './events.ts';
import { articleFilter } from './filters.ts';
import { queryNotes, withNotes } from './notes.ts';
import type { Answer, Result } from './types.ts';

/** How many dates one answer lists. */
export const WHEN_LIMIT = 5;

/** "now" dates the writing and "previously" says little: such weak mentions count for this much. */
const WEAK_WEIGHT = 0.3;

export interface WhenArgs {
  event: string;
  outlet?: string | undefined;
}

/** The dated mentions that give one date, and the outlets that support it. */
interface DateGroup {
  value: string;
  mentions: Array<{ id: number; score: number }>;
  outlets: Set<string>;
  score: number;
  /** True when every mention is weak (a "now", a "previously"): such dates go last. */
  weakOnly: boolean;
}

/**
 * Groups the matching mentions by the date they resolve to; a date is supported by the outlets that give
 * it. Only the mentions' facts are read here; the sentences are read for the dates shown.
 */
export function groupByDate(
  corpus: LoadedCorpus,
  hits: ReadonlyArray<{ doc: number; score: number }>,
  accept: ((a: Article) => boolean) | null,
): DateGroup[] {
  const { events } = corpus;
  const byValue = new Map<number, DateGroup>();
  for (const h of hits) {
    const article = corpus.articles[events.articleOf(h.doc)] as Article;
    if (accept && !accept(article)) continue;
    const weak = events.isWeak(h.doc);
    const weight = weak ? WEAK_WEIGHT : 1;
    let g = byValue.get(events.valueIdOf(h.doc));
    if (!g) {
      g = { value: events.valueOf(h.doc), mentions: [], outlets: new Set<string>(), score: 0, weakOnly: true };
      byValue.set(events.valueIdOf(h.doc), g);
    }
    g.mentions.push({ id: h.doc, score: h.score * weight });
    g.outlets.add(article.meta.outlet ?? article.id);
    g.score += h.score * weight;
    g.weakOnly &&= weak;
  }
  return [...byValue.values()];
}

/** Dates best first: weak-only dates last, then by the number of outlets, then by score. */
export const rankDates = (groups: DateGroup[]): DateGroup[] =>
  groups.sort((a, b) => Number(a.weakOnly) - Number(b.weakOnly) || b.outlets.size - a.outlets.size || b.score - a.score);

/** Different days among the dates shown: said plainly, naming a few outlets for each. */
export function differentDaysNote(shown: readonly DateGroup[]): string | null {
  const days = shown.filter((g) => !g.weakOnly && /^\d{4}-\d{2}-\d{2}$/.test(g.value));
  if (days.length < 2) return null;
  const outlets = (g: DateGroup): string =>
    [...g.outlets].slice(0, 3).join(', ') + (g.outlets.size > 3 ? ` and ${g.outlets.size - 3} more` : '');
  return `the sources give different days for these words: ${days.map((g) => `${humanDate(g.value)} (${outlets(g)})`).join('; ')}; they may be different events, or the sources disagree`;
}

/** The evidence shown for a date: a sentence of an article body before a caption, then the best match (the first met). */
function bestMention(events: EventIndex, g: DateGroup): number {
  let top = g.mentions[0] as { id: number; score: number };
  for (const m of g.mentions) {
    const d = Number(events.isCaption(m.id)) - Number(events.isCaption(top.id));
    if (d < 0 || (d === 0 && m.score > top.score)) top = m;
  }
  return top.id;
}

/**
 * The mentions a date cites: earliest outlet first (ties in rank order), one per sentence, the first ten;
 * and how many sentences there were. Sorted as numbers: publication rank, then place among the mentions.
 */
export function citedMentions(events: EventIndex, g: DateGroup): { shown: number[]; sentences: number } {
  const ranks = events.publicationRank;
  const n = g.mentions.length;
  const keys = new Float64Array(n);
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
  return { shown, sentences: seen.size };
}

function dateResult(corpus: LoadedCorpus, g: DateGroup): Result {
  const { events } = corpus;
  const best = mentionOf(corpus, events.ref(bestMention(events, g)));
  const { shown, sentences } = citedMentions(events, g);
  return {
    text: best.event.sentence,
    date: g.value,
    dateText: best.event.time.text,
    derivation: explainDate(best.event.time),
    score: Number(g.score.toFixed(3)),
    details: {
      when: humanDate(g.value),
      granularity: best.event.time.granularity,
      outlets: g.outlets.size,
      ...(sentences > MAX_CITATIONS ? { moreCitations: sentences - MAX_CITATIONS } : {}),
    },
    citations: shown.map((id) => {
      const m = mentionOf(corpus, events.ref(id));
      return eventCitation(m.article, m.event);
    }),
  };
}

/** `/when`: the dates the articles give for an event, ranked by how many outlets support each, with the evidence. */
export function when(corpus: LoadedCorpus, args: WhenArgs): Answer {
  const words = args.event;
  const filter = articleFilter(corpus, { outlet: args.outlet });
  const { hits, corrections, unknown } = corpus.events.query(words, corpus.index.lexicon);
  const ranked = rankDates(groupByDate(corpus, hits, filter.active ? filter.accept : null));
  const notes = queryNotes(corrections, unknown);
  if (ranked.length === 0) notes.unshift(`nothing in the corpus dates ${JSON.stringify(words)}`);
  const shown = ranked.slice(0, WHEN_LIMIT);
  const different = differentDaysNote(shown);
  if (different) notes.push(different);
  return { command: 'when', query: words, total: ranked.length, results: shown.map((g) => dateResult(corpus, g)), ...withNotes(notes) };
}
