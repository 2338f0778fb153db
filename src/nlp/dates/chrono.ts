import * as chrono from 'chrono-node';
import type { Anchor, Clock, DateBasis, MonthByTense, TimeExpression } from '../../model/index.ts';
import { addDays, lastDayOf, monthOf, pad } from './calendar.ts';
import { type DateRule, type DateState, aDay, expressionAt, taken, unresolvedAt } from './state.ts';
import { statedTense, tenseOfPlan } from './tense.ts';
import { NUMBER_WORDS, toDate } from './words.ts';
import type { Resolved } from './explain.ts';

/** A date chrono-node read: [start, end) without trailing punctuation, the words as chrono gave them, its parts. */
export interface ChronoHit {
  start: number;
  end: number;
  raw: string;
  at: chrono.ParsedComponents;
}

/** A rule over one chrono reading: the expression it makes of it, or null when the reading is not its kind. */
export type ChronoRule = (state: DateState, hit: ChronoHit) => TimeExpression | null;

const MAY_HAVE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|yesterday|now|noon|midnight|day|week|month|year|ago|later|earlier|hour|minute|fortnight)/i;
const PART_OF_MONTH = /\b(early|mid|middle|late|end of|beginning of|start of)[\s-]+$/i;

/** The day chrono counts from: the anchor's, or a fixed day when there is none (then only its own year counts). */
const referenceOf = (anchor: Anchor | null): Date => (anchor ? toDate(anchor.day) : new Date(Date.UTC(2000, 0, 1, 12)));
const has = (hit: ChronoHit, c: 'year' | 'month' | 'day' | 'weekday'): boolean => hit.at.isCertain(c);
const wordsOf = (state: DateState, hit: ChronoHit): string => state.text.slice(hit.start, hit.end);

const PART_WORDS = /^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the\s+month\s+of\s+)?/i;

/**
 * "end of May": chrono reads it as 31 May. The words before the month are left out of the reading, so that
 * the month is read alone and `partOfMonth` makes the part of it the words say.
 */
export function withoutPartWords(hit: ChronoHit, reference: Date): ChronoHit {
  const part = PART_WORDS.exec(hit.raw);
  if (!part) return hit;
  const rest = chrono.parse(hit.raw.slice(part[0].length), reference, { forwardDate: false })[0];
  return rest ? { start: hit.start + part[0].length + rest.index, end: hit.end, raw: rest.text, at: rest.start } : hit;
}

/** Stock prices and fractions ("12 7/8", "rose 3/8"), not dates: a small fraction in the words, or digits glued to one. */
export const isFraction = (state: DateState, hit: ChronoHit): boolean =>
  /\b\d{1,2}\/(?:2|4|8|16|32|64)\b/.test(hit.raw) ||
  /[\d/]$/.test(state.text.slice(0, hit.start)) ||
  (/^\d{1,2}\/\d{1,2}$/.test(hit.raw.trim()) && /\d\s+$/.test(state.text.slice(0, hit.start)));

/** What chrono reads in the text; a text with no digit, month, weekday or time word has nothing for it (and chrono is slow). */
export function chronoHits(state: DateState): ChronoHit[] {
  if (!MAY_HAVE_DATE.test(state.text)) return [];
  const reference = referenceOf(state.anchor);
  // A sentence is read again with the same reference day where a text repeats (wire copy carried by many outlets).
  const key = `${reference.getTime()} ${state.text}`;
  let hits = hitsSeen.get(key);
  if (hits === undefined) {
    hits = chrono
      .parse(state.text, reference, { forwardDate: false })
      .map((r) =>
        withoutPartWords({ start: r.index, end: r.index + r.text.replace(/[\s,.;:]+$/, '').length, raw: r.text, at: r.start }, reference),
      );
    if (hitsSeen.size >= HITS_SEEN_MAX) hitsSeen.clear();
    hitsSeen.set(key, hits);
  }
  return [...hits];
}

/** What chrono read in the sentences read last, by reference day and text (the rules only read a hit, never change it). */
const hitsSeen = new Map<string, readonly ChronoHit[]>();
const HITS_SEEN_MAX = 20_000;

/** "Sun Tzu", a man called "Jan", "May" the verb: a bare short name of a day or month is a date only after "on", "in", "this"… */
export function isBareName(state: DateState, hit: ChronoHit): boolean {
  return (
    /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i.test(
      wordsOf(state, hit).trim(),
    ) &&
    !/\b(?:on|in|this|last|next|since|by|until|of|early|late|mid|before|after)\s+$/i.test(
      state.text.slice(Math.max(0, hit.start - 8), hit.start),
    )
  );
}

const COUNTED_LENGTH =
  /^(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a|an)|(a few|several|many))\s+(hour|minute|day|week|month|year)s?\s+(?:after|before|later|earlier)$/i;

/**
 * "three days later", "a month after", "several months before" counted from an event the text does not date:
 * what the words give is the length between the two (TimeML's DURATION "three days"), not a day to guess.
 * Null for words without a count of a unit ("the day before").
 */
export function lengthBeforeUndated(words: string): Resolved | null {
  const m = COUNTED_LENGTH.exec(words.trim());
  if (!m) return null;
  const unit = (m[3] as string).toLowerCase();
  if (m[2]) return { value: null, granularity: 'duration', basis: { kind: 'untold-length', unit: `${unit}s` } };
  const count = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS[(m[1] as string).toLowerCase()] ?? 1);
  const code = { hour: 'TH', minute: 'TM', day: 'D', week: 'W', month: 'M', year: 'Y' }[unit] as string;
  const value = code.startsWith('T') ? `PT${count}${code[1]}` : `P${count}${code}`;
  return { value, granularity: 'duration', basis: { kind: 'length', count, unit } };
}

/**
 * "two days ago", "yesterday", "tomorrow" count from the writing (the anchor); "ten days before", "three days
 * later" from the day the text dated just before, or stay unresolved. "a year ago" is a year, "two months ago"
 * a month: never a day the words do not give.
 */
export const countedDate: ChronoRule = (state, hit) => {
  const words = wordsOf(state, hit);
  if (!/\b(?:ago|before|after|later|earlier|yesterday|tomorrow)\b/i.test(words)) return null;
  const fromWriting = /\b(?:ago|yesterday|tomorrow)\b/i.test(words);
  const { anchor, recent } = state;
  const from: { day: string; basis: (result: string) => DateBasis } | null = fromWriting
    ? anchor && { day: anchor.day, basis: (result) => ({ kind: 'from-anchor', step: 'counted', anchor, result }) }
    : recent && { day: recent.day, basis: (result) => ({ kind: 'from-text-day', step: 'counted', recent, result }) };
  if (!from) {
    const length = fromWriting ? null : lengthBeforeUndated(words);
    return length
      ? expressionAt(state, hit.start, hit.end, length)
      : unresolvedAt(state, hit.start, hit.end, fromWriting ? 'no-anchor' : 'no-day-before');
  }
  const s = hit.at;
  const chronoDay = `${s.get('year')}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`;
  const day = addDays(from.day, Math.round((toDate(chronoDay).getTime() - referenceOf(anchor).getTime()) / 86_400_000));
  const unit = /\b(year|month|week|day)s?\b/i.exec(words)?.[1]?.toLowerCase();
  const [value, granularity] =
    unit === 'year' ? [day.slice(0, 4), 'year' as const] : unit === 'month' ? [day.slice(0, 7), 'month' as const] : [day, 'day' as const];
  return expressionAt(state, hit.start, hit.end, { value, granularity, basis: from.basis(value) });
};

/**
 * "Dec. 15, 2015" is a full date; "Dec. 18" takes the year that puts it nearest the anchor (2015 in December 2015),
 * unless that is months away against the tense: "the year ended March 31", said in October, is last March's.
 */
export const dayAndMonth: ChronoRule = (state, hit) => {
  if (!has(hit, 'day') || !has(hit, 'month')) return null;
  const md = `${pad(hit.at.get('month') as number)}-${pad(hit.at.get('day') as number)}`;
  if (has(hit, 'year'))
    return expressionAt(state, hit.start, hit.end, aDay(`${hit.at.get('year')}-${md}`, { kind: 'as-written', form: 'full-date' }));
  const anchor = state.anchor;
  if (!anchor) return unresolvedAt(state, hit.start, hit.end, 'no-anchor');
  const ref = toDate(anchor.day).getTime();
  const ay = Number(anchor.day.slice(0, 4));
  const distance = (day: string): number => Math.abs(toDate(day).getTime() - ref);
  const [nearest, other] = [ay - 1, ay, ay + 1].map((c) => `${c}-${md}`).sort((p, q) => distance(p) - distance(q)) as [string, string];
  // Past-tense prose does not tell of a day months ahead ("profit to March 31" in October is last March's), nor future prose of one months back.
  const tense = statedTense(state.text, hit.start, hit.end);
  const far = tense !== null && distance(nearest) > 90 * 86_400_000 && nearest > anchor.day === (tense === 'past');
  if (far && tense && other > anchor.day !== (tense === 'past'))
    return expressionAt(state, hit.start, hit.end, aDay(other, { kind: 'year-by-tense', tense, anchor, day: other }));
  return expressionAt(state, hit.start, hit.end, aDay(nearest, { kind: 'nearest-year', anchor, day: nearest }));
};

const isWeekdayHit = (hit: ChronoHit): boolean => has(hit, 'weekday') && !has(hit, 'day');

/** The word that picks which weekday is meant: "this Friday", "next Monday", "last Thursday"; null for a bare weekday. */
function weekdayWord(state: DateState, hit: ChronoHit): 'this' | 'next' | 'last' | null {
  const lead = state.text.slice(Math.max(0, hit.start - 6), hit.start).toLowerCase();
  const own = wordsOf(state, hit).toLowerCase();
  if (/\bthis\b/.test(own) || /\bthis\s*$/.test(lead)) return 'this';
  if (/\bnext\b/.test(own)) return 'next';
  if (/\blast\b/.test(own) || /\blast\s*$/.test(lead)) return 'last';
  return null;
}

/** Days from the anchor's weekday to the wanted one: forward (0–6) and back (0–6). */
function weekdaySteps(anchor: Anchor, hit: ChronoHit): { ahead: number; behind: number } {
  const want = hit.at.get('weekday') as number;
  const aDow = toDate(anchor.day).getUTCDay();
  return { ahead: (want - aDow + 7) % 7, behind: (aDow - want + 7) % 7 };
}

/** "this Friday" is the coming one (or the anchor's day), "next Monday" the next one after it, "last Thursday" the one before it. */
export const weekdayByWord: ChronoRule = (state, hit) => {
  const word = isWeekdayHit(hit) ? weekdayWord(state, hit) : null;
  if (word === null) return null;
  const anchor = state.anchor;
  if (!anchor) return unresolvedAt(state, hit.start, hit.end, 'no-anchor');
  const { ahead, behind } = weekdaySteps(anchor, hit);
  const day = addDays(anchor.day, word === 'this' ? ahead : word === 'next' ? ahead || 7 : -(behind || 7));
  return expressionAt(state, hit.start, hit.end, aDay(day, { kind: 'weekday-by-word', word, anchor, day }));
};

/**
 * A bare weekday that is the anchor's own is the anchor's day even in future-tense prose: news names the day
 * it is written on ("officials said Monday they will…", "talks open Friday" in Friday's paper), and says "next
 * Friday" for the one a week on. (In past-tense prose `weekdayByTense` gives the same day.)
 */
export const weekdayOfAnchor: ChronoRule = (state, hit) => {
  const anchor = state.anchor;
  if (!isWeekdayHit(hit) || !anchor || weekdaySteps(anchor, hit).ahead !== 0) return null;
  if (tenseOfPlan(state.text, hit.start, hit.end) === 'past') return null;
  return expressionAt(state, hit.start, hit.end, aDay(anchor.day, { kind: 'weekday-of-anchor', anchor, day: anchor.day }));
};

/** A bare weekday: the one on or before the anchor in past-tense prose, the one after it in future-tense prose. */
export const weekdayByTense: ChronoRule = (state, hit) => {
  if (!isWeekdayHit(hit)) return null;
  const anchor = state.anchor;
  if (!anchor) return unresolvedAt(state, hit.start, hit.end, 'no-anchor');
  const { ahead, behind } = weekdaySteps(anchor, hit);
  const tense = tenseOfPlan(state.text, hit.start, hit.end);
  const day = addDays(anchor.day, tense === 'past' ? -behind : ahead || 7);
  return expressionAt(state, hit.start, hit.end, aDay(day, { kind: 'weekday-by-tense', tense, anchor, day }));
};

const isMonthHit = (hit: ChronoHit): boolean => has(hit, 'month') && !has(hit, 'day');

/** The year of a month without a day: as written, else the nearest such month in the direction of the tense; null without an anchor. */
function yearOfMonth(state: DateState, hit: ChronoHit): { year: number; byTense: MonthByTense | null } | null {
  const month = hit.at.get('month') as number;
  if (has(hit, 'year')) return { year: hit.at.get('year') as number, byTense: null };
  const anchor = state.anchor;
  if (!anchor) return null;
  const [ay, am] = anchor.day.split('-').map(Number) as [number, number];
  const tense = tenseOfPlan(state.text, hit.start, hit.end);
  const year = tense === 'future' ? (month >= am ? ay : ay + 1) : month <= am ? ay : ay - 1;
  return { year, byTense: { tense, month, anchor } };
}

/** "early March" is days 1–10, "mid-June" 11–20, "late September" and "end of May" 20 to the last day. */
export const partOfMonth: ChronoRule = (state, hit) => {
  const part = isMonthHit(hit) ? PART_OF_MONTH.exec(state.text.slice(Math.max(0, hit.start - 14), hit.start)) : null;
  if (!part) return null;
  const when = yearOfMonth(state, hit);
  if (!when) return unresolvedAt(state, hit.start, hit.end, 'no-anchor');
  const p = (part[1] as string).toLowerCase();
  const mo = hit.at.get('month') as number;
  const [from, to] =
    p === 'early' || p.startsWith('beginning') || p.startsWith('start')
      ? [1, 10]
      : p === 'late' || p.startsWith('end')
        ? [20, lastDayOf(when.year, mo)]
        : [11, 20];
  const month = monthOf(when.year, mo);
  return expressionAt(state, hit.start - part[0].length, hit.end, {
    value: `${month}-${pad(from)}/${month}-${pad(to)}`,
    granularity: 'range',
    basis: { kind: 'part-of-month', firstDay: from, lastDay: to, byTense: when.byTense },
  });
};

/** "September 2014" as written; "in December" in the year its tense points to. */
export const monthWithoutDay: ChronoRule = (state, hit) => {
  if (!isMonthHit(hit)) return null;
  const when = yearOfMonth(state, hit);
  if (!when) return unresolvedAt(state, hit.start, hit.end, 'no-anchor');
  return expressionAt(state, hit.start, hit.end, {
    value: monthOf(when.year, hit.at.get('month') as number),
    granularity: 'month',
    basis: when.byTense ? { kind: 'month-by-tense', ...when.byTense } : { kind: 'as-written', form: 'month' },
  });
};

const PART_OF_DAY: ReadonlyArray<[RegExp, 'MO' | 'AF' | 'EV' | 'NI']> = [
  [/\bevening\b/i, 'EV'],
  [/\bafternoon\b/i, 'AF'],
];

/** Words of a clock time: "10 p.m.", "9:30 a.m.", "noon", "midnight"; not "at 1" nor a price read as one ("6.43"). */
const CLOCK_WORDS = /\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b/i;

/**
 * The time of day chrono reads with a day: a clock time the words give ("10 p.m. Wednesday", "noon Thursday";
 * midnight is the day's end, T24:00, as TimeML writes it), or a part of the day they name ("Friday evening").
 * Mornings and nights are left as the day: TimeBank's annotators gave "Friday night" and "Thursday morning"
 * as the day about as often as with a part of it.
 */
export function clockOf(state: DateState, hit: ChronoHit): Clock | null {
  const words = wordsOf(state, hit);
  if (CLOCK_WORDS.test(words) && hit.at.isCertain('hour')) {
    if (/\bmidnight\b/i.test(words)) return { hour: 24, minute: 0 };
    return { hour: hit.at.get('hour') as number, minute: hit.at.get('minute') ?? 0 };
  }
  const part = PART_OF_DAY.find(([re]) => re.test(words));
  return part ? { part: part[1] } : null;
}

/** An expression of a day, with the time of day its reading gives. */
export function withClock(state: DateState, hit: ChronoHit, e: TimeExpression): TimeExpression {
  const clock = e.granularity === 'day' ? clockOf(state, hit) : null;
  return clock ? { ...e, clock } : e;
}

/**
 * The rules over a chrono reading, first that takes it wins. chrono reads no year written alone (that is
 * `yearWrittenAlone`), only "in the year" as the year after the anchor: no rule takes that.
 */
const CHRONO_RULES: readonly ChronoRule[] = [
  countedDate,
  dayAndMonth,
  weekdayByWord,
  weekdayOfAnchor,
  weekdayByTense,
  partOfMonth,
  monthWithoutDay,
];

/** Dates, months and weekdays as chrono-node reads them, less what earlier rules took, "now" words and bare names. */
export const chronoDates: DateRule = (state) => {
  for (const hit of chronoHits(state)) {
    if (taken(state, hit.start, hit.end) || /^(?:now|today|for now|by now)$/i.test(hit.raw.trim()) || isBareName(state, hit)) continue;
    if (isFraction(state, hit)) continue;
    for (const rule of CHRONO_RULES) {
      const e = rule(state, hit);
      if (e) {
        state.found.push(withClock(state, hit, e));
        break;
      }
    }
  }
};
