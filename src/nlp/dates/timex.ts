import type { Clock, DateBasis, Granularity } from '../../model/index.ts';
import { addDays } from './calendar.ts';
import { toDate } from './words.ts';

/** TimeML's four types of temporal expression. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A temporal expression as TimeML's TIMEX3 gives it: type, value, and the modifier of "late September" (END). */
export interface Timex {
  type: TimexType;
  value: string;
  mod?: 'START' | 'MID' | 'END';
}

/** What the TIMEX3 is read from: the resolved value, its granularity and its basis, never the explanation words. */
export interface Resolution {
  value: string | null;
  granularity: Granularity;
  basis: DateBasis;
  clock?: Clock;
}

/** The ISO week of a day, "2015-W51" (the week of its Thursday). */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 3 - ((toDate(day).getUTCDay() + 6) % 7));
  const year = thursday.slice(0, 4);
  const first = toDate(`${year}-01-01`).getTime();
  return `${year}-W${String(Math.floor((toDate(thursday).getTime() - first) / 86_400_000 / 7) + 1).padStart(2, '0')}`;
}

const UNIT_LETTER: Record<string, string> = { hour: 'TH', minute: 'TM', second: 'TS', day: 'D', week: 'W', month: 'M', year: 'Y' };
const date = (value: string): Timex => ({ type: 'DATE', value });
const valueOr = (r: Resolution, unknown: string): string => r.value ?? unknown;

/** A length of unknown count: "many years" is PXY, "hours" PTXH. */
export const untoldDuration = (unit: string): string => {
  const code = UNIT_LETTER[unit.replace(/s$/, '').toLowerCase()] ?? 'Y';
  return code.startsWith('T') ? `PTX${code[1]}` : `PX${code}`;
};

type Rule<K extends DateBasis['kind']> = (b: Extract<DateBasis, { kind: K }>, r: Resolution) => Timex;

const PART_MOD = (first: number): 'START' | 'MID' | 'END' => (first === 1 ? 'START' : first >= 20 ? 'END' : 'MID');

/** The TIMEX3 of each kind of basis. */
const TIMEX: { [K in DateBasis['kind']]: Rule<K> } = {
  'as-written': (_b, r) => date(valueOr(r, 'XXXX')),
  'nearest-year': (b) => date(b.day),
  'year-by-tense': (b) => date(b.day),
  'weekday-by-word': (b) => date(b.day),
  'weekday-by-tense': (b) => date(b.day),
  'weekday-of-anchor': (b) => date(b.day),
  'month-by-tense': (_b, r) => date(valueOr(r, 'XXXX-XX')),
  'part-of-month': (b, r) => ({ type: 'DATE', value: valueOr(r, 'XXXX-XX').slice(0, 7), mod: PART_MOD(b.firstDay) }),
  'from-anchor': (b) => date(b.result),
  'from-text-day': (b) => date(b.result),
  'vague-range': (b, r) => {
    if (b.phrase === 'recent') return date('PAST_REF');
    if (b.phrase === 'coming') return date('FUTURE_REF');
    if (b.phrase === 'earlier-this') return date(/year/i.test(b.unit) ? b.anchor.day.slice(0, 4) : b.anchor.day.slice(0, 7));
    // The week of the range's first day: "last week" is the week before the anchor's.
    return date(isoWeek(r.value?.slice(0, 10) ?? b.anchor.day));
  },
  'open-range': (b) => date(b.side === 'before' ? 'PAST_REF' : 'FUTURE_REF'),
  since: (b) => timexOf(b.after),
  present: (b) => date(b.form === 'now' ? 'PRESENT_REF' : b.anchor.day),
  length: (_b, r) => ({ type: 'DURATION', value: valueOr(r, 'PXY') }),
  'untold-length': (b) => ({ type: 'DURATION', value: untoldDuration(b.unit) }),
  'years-after-event': (_b, r) => date(valueOr(r, 'XXXX')),
  'day-spoken': (b) => date(b.spoken.day),
  // Never exported or scored (it has no expression: see isRemarksDated); the day, were it asked.
  'remarks-dated': (b) => date(b.remarks.day),
  quarter: (b) => date(`${b.year}-Q${b.quarter}`),
  season: (b) => date(`${b.year}-${b.season}`),
  weekend: (b) => date(`${isoWeek(b.saturday)}-WE`),
  decade: (b) => date(String(b.decade)),
  recurring: (b) => ({ type: 'SET', value: b.unit === 'quarter' ? 'P3M' : `P1${UNIT_LETTER[b.unit] ?? 'D'}` }),
  unresolved: (_b, r) => (r.granularity === 'duration' ? { type: 'DURATION', value: 'PXY' } : date('XXXX-XX-XX')),
};

/**
 * The TimeML TIMEX3 type and value of a resolved expression ("2015-12-15", "2015-W51", "PRESENT_REF", "P1W"),
 * read from its basis: the ISO interval Quotedesk shows ("2015-09-20/2015-09-30") stays beside it.
 */
export function timexOf(r: Resolution): Timex {
  const rule = TIMEX[r.basis.kind] as Rule<DateBasis['kind']>;
  return atClock(rule(r.basis, r), r.clock);
}

/** TimeML's suffix of a time of day: "T22:00" for 10 p.m., "TEV" for the evening. */
const clockSuffix = (c: Clock): string =>
  'part' in c ? `T${c.part}` : `T${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;

/** A day with a time of day is a TIME: "10 p.m. Wednesday" is 1998-02-11T22:00, "Friday evening" 1989-10-27TEV. */
export function atClock(t: Timex, clock: Clock | undefined): Timex {
  if (!clock || t.type !== 'DATE' || !/^\d{4}-\d\d-\d\d$/.test(t.value)) return t;
  return { type: 'TIME', value: `${t.value}${clockSuffix(clock)}` };
}

const SIGNAL =
  /^(?:(?:on|in|at|for|since|by|until|till|during|from|of|after|before|over|within|throughout|about|nearly|almost|around|roughly|some|more than|right|as of)\s+)+/i;

/**
 * Where the TIMEX3 starts in an expression's words: TimeML leaves a leading preposition out ("Tuesday", not
 * "on Tuesday"; "10 hours", not "for nearly 10 hours"). The number of characters to skip.
 */
export const timexLead = (text: string): number => SIGNAL.exec(text)?.[0].length ?? 0;
