import type { EventIndex } from '../index/eventIndex.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { Article, EventMention } from '../model/index.ts';
import { explainDate } from '../nlp/dates/explain.ts';
import { actionTerms } from '../nlp/eventSynonyms.ts';
import { terms, tokenize } from '../nlp/terms.ts';
import { MAX_CITATIONS, citationOf } from './citation.ts';
import { type DayRange, daysOf, overlap } from './dates.ts';
import { jaccard } from './eventGroups.ts';
import { eventCitation, mentionOf, ownTerms } from './events.ts';
import { articleFilter } from './filters.ts';
import { queryNotes, withNotes } from './notes.ts';
import { periodInQuery } from './queryPeriod.ts';
import type { Answer, Result } from './types.ts';
import { whenWords } from './whenWords.ts';

/** How many dates a page of the answer lists at the command line. */
export const WHEN_LIMIT = 5;

/** How many of the paragraphs that best match the words are read for a sentence that names the event undated. */
const UNDATED_SCAN = 30;

/** How many of the best-scored mentions are read for how many of the question's words they have. */
const CANDIDATE_SCAN = 1000;

/** Two mentions whose own events share at least this share of their words are taken for one event. */
const SAME_EVENT = 0.5;

export interface WhenArgs {
  event: string;
  outlet?: string | undefined;
}

/** The query as the event's words: each a group of index terms that stand for it (an action widened to its kind). */
export interface EventQuery {
  groups: string[][];
  /** The groups of words typed with a capital: the names of the event's people and places. */
  names: string[][];
  corrections: Array<[string, string]>;
  /** Words the corpus does not have, even widened. */
  unknown: string[];
  /** Of those, the ones typed with a capital: names, whose absence means the event is not in the corpus. */
  unknownNames: string[];
}

/**
 * Reads a `/when` query: each word as the corpus word it stands for (typos corrected, never a number), an
 * action as every word of its kind the corpus has ("talks": talks, met, meeting, negotiations).
 */
export function eventQuery(corpus: LoadedCorpus, words: string): EventQuery {
  const lexicon = corpus.index.lexicon;
  const { searchTerms, corrections, unknown } = lexicon.prepare(words.replace(GENERIC_EVENT_WORDS, ' '));
  const widen = (term: string): string[] => actionTerms(term).filter((t) => t === term || lexicon.has(t));
  const groups = searchTerms.map(widen);
  const capitalised = new Set(terms([...words.matchAll(/\p{Lu}[\p{L}.'’-]*/gu)].map((m) => m[0]).join(' ')));
  const names = groups.filter((g) => g.some((t) => capitalised.has(t)));
  const stillUnknown: string[] = [];
  for (const word of unknown) {
    const term = terms(word)[0];
    const known = term === undefined ? [] : widen(term).filter((t) => lexicon.has(t));
    if (known.length > 0) groups.push(known);
    else stillUnknown.push(word);
  }
  return { groups, names, corrections, unknown: stillUnknown, unknownNames: stillUnknown.filter((w) => /^\p{Lu}/u.test(w)) };
}

/** Words that say only that something happened ("take place", "happen"): they name no event. */
const GENERIC_EVENT_WORDS = /\b(?:take|takes|took|taken|taking)\s+place\b|\b(?:happen(?:s|ed)?|occur(?:s|red)?|held|hold)\b/gi;

/** How many of the query's word groups a mention's own event has. */
const groupsMatched = (events: EventIndex, id: number, groups: readonly string[][]): number => {
  const have = new Set(events.termsOf(id, groups.flat()));
  return groups.filter((g) => g.some((t) => have.has(t))).length;
};

/** A dated mention that matches the query: how many of its words the mention's own event has, and its score. */
interface Candidate {
  id: number;
  score: number;
  matched: number;
  /** How many of the names the question gives (words typed with a capital) the event has. */
  names: number;
}

/** Mentions of one event with compatible dates: the date they give, and the outlets that give it. */
interface DateGroup {
  value: string;
  days: DayRange;
  /** The mention shown: the one that gives the group's finest date (the first met of those). */
  best: Candidate;
  mentions: Candidate[];
  outlets: Set<string>;
}

/**
 * How many of the query's words an event must have to be taken for the one asked about: all of one or two
 * words, two of three, three of four or five, … (three fifths, rounded up).
 */
export const wordsNeeded = (n: number): number => Math.max(1, Math.ceil(0.6 * n));

/**
 * The dated mentions whose own event has the most of the query's words (at least `wordsNeeded`), within
 * the outlet filter and the period the query names. "now" and "previously" date no event and are left out.
 */
export function bestCandidates(
  corpus: LoadedCorpus,
  query: { groups: readonly string[][]; names: readonly string[][] },
  keep: (article: Article, value: string) => boolean,
): Candidate[] {
  const { groups, names } = query;
  const { events } = corpus;
  const found: Candidate[] = [];
  // The best matches by score are read for how many of the words they have: those with the most rank high.
  for (const h of events.withAnyOf([...new Set(groups.flat())], CANDIDATE_SCAN)) {
    if (events.isWeak(h.doc) || !keep(corpus.articles[events.articleOf(h.doc)] as Article, events.valueOf(h.doc))) continue;
    found.push({ id: h.doc, score: h.score, matched: groupsMatched(events, h.doc, groups), names: groupsMatched(events, h.doc, names) });
  }
  const most = Math.max(0, ...found.map((c) => c.matched));
  if (most < wordsNeeded(groups.length)) return [];
  return found.filter((c) => c.matched === most);
}

const GRANULARITY_ORDER: Record<string, number> = { day: 0, month: 1, range: 2, year: 3 };

/**
 * Mentions grouped by compatible dates (days that overlap: "December 2015" and "15 Dec 2015" are one date,
 * 15 and 18 December two), a body sentence before a caption, one whose sentence holds its date before one
 * dated by its speaker's remarks nearby, the best scored first; the group shows its finest date. The event
 * with more of the question's names first, then a date some sentence gives in its own words before one only
 * a speaker's remarks nearby give, a date before a range ("on Friday" before "in the coming days"), then by
 * the outlets that give each date, then by score.
 */
export function groupByDate(corpus: LoadedCorpus, candidates: readonly Candidate[]): DateGroup[] {
  const { events } = corpus;
  const ordered = [...candidates].sort(
    (a, b) =>
      Number(events.isCaption(a.id)) - Number(events.isCaption(b.id)) ||
      Number(events.isByRemarks(a.id)) - Number(events.isByRemarks(b.id)) ||
      b.score - a.score,
  );
  const groups: DateGroup[] = [];
  // Most mentions share a date with one met before: found by the date's number before any range is compared.
  const byValue = new Map<number, DateGroup>();
  for (const c of ordered) {
    const value = events.valueOf(c.id);
    const days = daysOf(value);
    if (days === null) continue;
    const article = corpus.articles[events.articleOf(c.id)] as Article;
    // A day only a speaker's remarks nearby give joins mentions of that very day, never a month or a range
    // around it: the analyst's words are no evidence of a campaign "since late September".
    const byRemarks = events.isByRemarks(c.id);
    let g = byRemarks
      ? groups.find((x) => x.value === value)
      : (byValue.get(events.valueIdOf(c.id)) ?? groups.find((x) => overlap(x.days, days)));
    if (g) byValue.set(events.valueIdOf(c.id), g);
    const rank = (v: string): number => GRANULARITY_ORDER[granularityOf(v)] ?? 9;
    if (!g) {
      g = { value, days, best: c, mentions: [], outlets: new Set() };
      groups.push(g);
      byValue.set(events.valueIdOf(c.id), g);
    } else if (rank(value) < rank(g.value) || (rank(value) === rank(g.value) && events.isByRemarks(g.best.id) && !byRemarks)) {
      // The finer date is shown, with its own sentence as the evidence; a sentence that holds its date before
      // one dated by its speaker's remarks.
      g.value = value;
      g.days = days;
      g.best = c;
    }
    g.mentions.push(c);
    g.outlets.add(article.meta.outlet ?? article.id);
  }
  const vague = (g: DateGroup): number => Number(granularityOf(g.value) === 'range');
  const names = (g: DateGroup): number => Math.max(...g.mentions.map((m) => m.names));
  const byRemarksOnly = (g: DateGroup): number => Number(g.mentions.every((m) => events.isByRemarks(m.id)));
  return groups.sort(
    (a, b) =>
      names(b) - names(a) ||
      byRemarksOnly(a) - byRemarksOnly(b) ||
      vague(a) - vague(b) ||
      b.outlets.size - a.outlets.size ||
      b.best.score - a.best.score,
  );
}

const granularityOf = (value: string): string =>
  value.includes('/') ? 'range' : value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';

/**
 * Sources disagree only when mentions of one event give different dates: two of the dates shown whose
 * events share most of their words (SAME_EVENT), with different days or months.
 */
export function disagreementNote(corpus: LoadedCorpus, shown: readonly DateGroup[]): string | null {
  const words = shown.map((g) => ownTerms(corpus, g.best.id));
  const clash: DateGroup[] = [];
  shown.forEach((g, i) => {
    if (granularityOf(g.value) === 'range' || granularityOf(g.value) === 'year') return;
    if (shown.some((h, j) => j !== i && granularityOf(h.value) !== 'range' && jaccard(words[i]!, words[j]!) >= SAME_EVENT)) clash.push(g);
  });
  if (clash.length < 2) return null;
  const outlets = (g: DateGroup): string =>
    [...g.outlets].slice(0, 3).join(', ') + (g.outlets.size > 3 ? ` and ${g.outlets.size - 3} more` : '');
  return `the sources give different dates for this event: ${clash.map((g) => `${whenWords(mentionTime(corpus, g))} (${outlets(g)})`).join('; ')}`;
}

const mentionTime = (corpus: LoadedCorpus, g: DateGroup): EventMention['time'] => {
  const time = mentionOf(corpus, corpus.events.ref(g.best.id)).event.time;
  return g.value === time.value ? time : { ...time, value: g.value, basis: { kind: 'as-written', form: 'full-date' } };
};

/**
 * The mentions a date cites: earliest outlet first (ties in rank order), one per sentence, the first ten;
 * and how many sentences there were. Sorted as numbers: publication rank, then place among the mentions.
 */
export function citedMentions(events: EventIndex, mentions: readonly Candidate[]): { shown: number[]; sentences: number } {
  const ranks = events.publicationRank;
  const n = mentions.length;
  const keys = new Float64Array(n);
  mentions.forEach(({ id }, k) => (keys[k] = (ranks[events.articleOf(id)] as number) * n + k));
  keys.sort();
  const seen = new Set<number>();
  const shown: number[] = [];
  for (const key of keys) {
    const id = (mentions[key % n] as Candidate).id;
    const sentence = events.sentenceOf(id);
    if (seen.has(sentence)) continue;
    seen.add(sentence);
    if (shown.length < MAX_CITATIONS) shown.push(id);
  }
  return { shown, sentences: seen.size };
}

function dateResult(corpus: LoadedCorpus, g: DateGroup, words: number): Result {
  const { events } = corpus;
  const best = mentionOf(corpus, events.ref(g.best.id));
  const { shown, sentences } = citedMentions(events, g.mentions);
  const time = mentionTime(corpus, g);
  return {
    text: best.event.sentence,
    date: g.value,
    dateText: best.event.time.text,
    derivation: explainDate(best.event.time),
    score: Number(g.best.score.toFixed(3)),
    details: {
      when: whenWords(time),
      granularity: granularityOf(g.value),
      outlets: g.outlets.size,
      matched: `${g.best.matched} of ${words} words`,
      ...(sentences > MAX_CITATIONS ? { moreCitations: sentences - MAX_CITATIONS } : {}),
    },
    citations: shown.map((id) => {
      const m = mentionOf(corpus, events.ref(id));
      return eventCitation(m.article, m.event);
    }),
  };
}

/** A sentence of the corpus that names the event, and how many of the query's words it has. */
interface SentenceMatch {
  article: Article;
  paragraph: number;
  text: string;
  matched: number;
}

/** The sentences with the most of the query's words, among the paragraphs that best match it. */
export function bestSentences(
  corpus: LoadedCorpus,
  groups: readonly string[][],
  accept: ((a: Article) => boolean) | undefined,
): SentenceMatch[] {
  const found: SentenceMatch[] = [];
  for (const hit of corpus.index.query(groups.map((g) => g.join(' ')).join(' '), accept, UNDATED_SCAN).hits) {
    for (const s of hit.paragraph.sentences) {
      const have = new Set(tokenize(s.text).flatMap((t) => (t.term === null ? [] : [t.term])));
      const matched = groups.filter((g) => g.some((t) => have.has(t))).length;
      found.push({ article: hit.article, paragraph: hit.paragraph.index, text: s.text, matched });
    }
  }
  const most = Math.max(0, ...found.map((s) => s.matched));
  return found.filter((s) => s.matched === most && most > 0);
}

/**
 * Is the event the words name undated in the corpus? When no dated mention has enough of its words but a
 * sentence does; or when the sentences that name it best have more of its words than any dated mention and
 * none of their articles dates it (a lead sentence is often undated, its article's next sentence says when).
 */
function undatedEvent(
  sentences: readonly SentenceMatch[],
  candidates: readonly Candidate[],
  query: { matched: number; needed: number; names: readonly string[][] },
  corpus: LoadedCorpus,
): boolean {
  const best = sentences[0]?.matched ?? 0;
  if (best < query.needed) return false;
  if (candidates.length === 0) return true;
  if (best <= query.matched) return false;
  const dating = new Set(candidates.map((c) => corpus.events.articleOf(c.id)));
  if (sentences.some((s) => dating.has(corpus.articles.indexOf(s.article)))) return false;
  // A dated mention with every name the question gives is a mention of the same event, worded otherwise.
  return !candidates.some((c) => query.names.every((g) => corpus.events.termsOf(c.id, g).length > 0));
}

/**
 * `/when`: the date of the event the words name. The words are matched against each dated mention's own
 * event (the words of its sentence that its date modifies), so a date of another event in the same
 * paragraph is never the answer; dates of the same event are grouped and ranked by how many outlets give
 * them. When the sentences that name the event best carry no date of it, the answer says "undated in the
 * corpus" and cites them; a word the corpus does not have means no event of the corpus is that one.
 */
export function when(corpus: LoadedCorpus, args: WhenArgs, limit = WHEN_LIMIT): Answer {
  const { words, period, named } = periodInQuery(args.event);
  const filter = articleFilter(corpus, { outlet: args.outlet });
  const accept = filter.active ? filter.accept : undefined;
  const { groups, names, corrections, unknown, unknownNames } = eventQuery(corpus, words);
  const notes = queryNotes(corrections, unknown);
  const answer = (results: Result[], total = results.length): Answer => ({
    command: 'when',
    query: args.event,
    total,
    results,
    ...withNotes(notes),
  });
  // A name the corpus never mentions: whatever the other words match is someone else's event.
  if (unknownNames.length > 0 || (unknown.length > 0 && groups.length < 2)) {
    notes.push('an event with a name or word the corpus does not have is not in the corpus: no date is given');
    return answer([]);
  }
  const inPeriod = (value: string): boolean => {
    const days = daysOf(value);
    return period === null || (days !== null && overlap(days, period));
  };
  // With a word the corpus lacks, the rest must name the event whole.
  const needed = unknown.length > 0 ? groups.length : wordsNeeded(groups.length);
  const candidates = bestCandidates(corpus, { groups, names }, (a, value) => (!accept || accept(a)) && inPeriod(value)).filter(
    (c) => c.matched >= needed,
  );
  const matched = candidates[0]?.matched ?? 0;
  // A sentence can name the event better only when the dated mentions miss some of its words.
  const sentences = period === null && matched < groups.length ? bestSentences(corpus, groups, accept) : [];
  if (undatedEvent(sentences, candidates, { matched, needed, names }, corpus)) {
    notes.push('undated in the corpus: the sentences that name this event best give no date for it');
    const first = sentences[0] as SentenceMatch;
    return answer([
      {
        text: first.text,
        details: {
          when: 'undated in the corpus',
          matched: `${first.matched} of ${groups.length} words`,
          ...(sentences.length > MAX_CITATIONS ? { moreCitations: sentences.length - MAX_CITATIONS } : {}),
        },
        citations: sentences.slice(0, MAX_CITATIONS).map((m) => citationOf(m.article, m.article.paragraphs[m.paragraph], m.text)),
      },
    ]);
  }
  if (candidates.length === 0) {
    notes.unshift(`nothing in the corpus dates ${JSON.stringify(words)}${named ? ` in ${named}` : ''}`);
    return answer([]);
  }
  if (named) notes.push(`dates in ${named} only`);
  const dates = groupByDate(corpus, candidates);
  const shown = dates.slice(0, limit);
  const disagree = disagreementNote(corpus, shown);
  if (disagree) notes.push(disagree);
  return answer(
    shown.map((g) => dateResult(corpus, g, groups.length)),
    dates.length,
  );
}
