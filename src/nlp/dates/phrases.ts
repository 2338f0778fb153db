import { addDays, monthOf } from './calendar.ts';
import { type DateRule, NOTHING, aDay, anchored, lower, onlyWith, phraseRule, yearAndMonth } from './state.ts';
import { NUMBER_WORDS, toDate } from './words.ts';

const UNIT_CODE: Record<string, string> = { hour: 'TH', minute: 'TM', day: 'D', week: 'W', month: 'M', year: 'Y' };

/** "for nearly 10 hours", "a two-week visit": a length of time (ISO duration), not a date. */
export const lengthOfTime = onlyWith(
  /hour|minute|day|week|month|year/i,
  phraseRule(
    /\b(?:(?:for|of|during|after|in|over)\s+)?(?:the\s+(?:past|last|next|first|coming)\s+)?(?:nearly|about|almost|some|around|more than|over|roughly)?\s*\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a|an)[\s-](hour|minute|day|week|month|year)s?(?:-long)?\b(?!\s+(?:ago|before|after|later|earlier)|[\s-]+old\b)/gi,
    NOTHING,
    'no-anchor',
    (m) => {
      const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS[lower(m, 1)] ?? 1);
      const code = UNIT_CODE[lower(m, 2)] as string;
      const value = code.startsWith('T') ? `PT${n}${code[1]}` : `P${n}${code}`;
      return { value, granularity: 'duration', basis: { kind: 'length', count: n, unit: m[2] as string } };
    },
  ),
);

/** "for many years", "the next few days": a length the text does not give. */
export const untoldLength = phraseRule(
  /\b(?:long|several|many|(?:a|the\s+(?:next|past|last|first|coming))\s+few)\s+(hours|days|weeks|months|years)\b(?!\s+(?:ago|before|after|later|earlier)\b)/gi,
  NOTHING,
  'no-anchor',
  (m) => ({
    value: null,
    granularity: 'duration',
    basis: { kind: 'untold-length', unit: lower(m, 1) },
  }),
);

/** "in recent weeks/months/years": the three of them up to the anchor. */
export const recentPeriod = anchored(/\b(?:in\s+)?recent (weeks|months|years)\b/gi, (m, a) => {
  const [y, mo] = yearAndMonth(a);
  const unit = lower<'weeks' | 'months' | 'years'>(m, 1);
  const basis = { kind: 'vague-range', phrase: 'recent', unit, anchor: a } as const;
  if (unit === 'months') {
    const back = new Date(Date.UTC(y, mo - 1 - 3, 1));
    return { value: `${monthOf(back.getUTCFullYear(), back.getUTCMonth() + 1)}/${monthOf(y, mo)}`, granularity: 'range', basis };
  }
  if (unit === 'weeks') return { value: `${addDays(a.day, -21)}/${a.day}`, granularity: 'range', basis };
  return { value: `${y - 3}/${y}`, granularity: 'range', basis };
});

/** "in the coming days/weeks/months": 7, 28 or 90 days after the anchor. */
export const comingPeriod = anchored(/\b(?:in\s+)?the coming (days|weeks|months)\b/gi, (m, a) => {
  const days = { days: 7, weeks: 28, months: 90 }[lower<'days' | 'weeks' | 'months'>(m, 1)];
  return {
    value: `${addDays(a.day, 1)}/${addDays(a.day, days)}`,
    granularity: 'range',
    basis: { kind: 'vague-range', phrase: 'coming', days, anchor: a },
  };
});

/** "later this week": the day after the anchor to the Sunday of its week. */
export const restOfWeek = anchored(/\blater this week\b/gi, (_m, a) => {
  const sunday = addDays(a.day, (7 - toDate(a.day).getUTCDay()) % 7);
  return {
    value: `${addDays(a.day, 1)}/${sunday}`,
    granularity: 'range',
    basis: { kind: 'vague-range', phrase: 'rest-of-week', anchor: a },
  };
});

/** "this/last/next week": Monday to Sunday of that week. */
export const calendarWeek = anchored(/\b(this|last|next) week\b/gi, (m, a) => {
  const dow = (toDate(a.day).getUTCDay() + 6) % 7;
  const monday = addDays(a.day, -dow + { this: 0, last: -7, next: 7 }[lower<'this' | 'last' | 'next'>(m, 1)]);
  return {
    value: `${monday}/${addDays(monday, 6)}`,
    granularity: 'range',
    basis: { kind: 'vague-range', phrase: 'calendar-week', anchor: a },
  };
});

/** "earlier this year/month": from the first day of it to the anchor. */
export const earlierThis = anchored(/\bearlier this (year|month)\b/gi, (m, a) => {
  const start = lower(m, 1) === 'year' ? `${a.day.slice(0, 4)}-01-01` : `${a.day.slice(0, 7)}-01`;
  return {
    value: `${start}/${a.day}`,
    granularity: 'range',
    basis: { kind: 'vague-range', phrase: 'earlier-this', unit: m[1] as string, anchor: a },
  };
});

/** "last month", "next year", "this month": the calendar month or year before, after or of the anchor. */
export const calendarShift = anchored(/\b(last|next|this) (month|year)\b/gi, (m, a) => {
  const [y, mo] = yearAndMonth(a);
  const shift = { last: -1, next: 1, this: 0 }[lower<'last' | 'next' | 'this'>(m, 1)];
  const d = new Date(Date.UTC(y, mo - 1 + shift, 1));
  const [value, granularity] =
    lower(m, 2) === 'year' ? [String(y + shift), 'year' as const] : [monthOf(d.getUTCFullYear(), d.getUTCMonth() + 1), 'month' as const];
  return { value, granularity, basis: { kind: 'from-anchor', step: 'calendar', anchor: a, result: value } };
});

/** "previously", "in the past": some time before the anchor, open at the start (not "in the past three months", a length). */
export const openBefore = anchored(
  /\b(?:previously|in the past(?!\s+(?:\d+|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|hour|day|week|month|year|decade)))\b/gi,
  (_m, a) => ({
    value: `../${a.day}`,
    granularity: 'range',
    basis: { kind: 'open-range', side: 'before', anchor: a },
  }),
);

/** "in the future": any time after the anchor. */
export const openAfter = anchored(/\bin the future\b/gi, (_m, a) => ({
  value: `${addDays(a.day, 1)}/..`,
  granularity: 'range',
  basis: { kind: 'open-range', side: 'after', anchor: a },
}));

/** "now", "by now", "today": the anchor's day, the present of the writing. */
export const present = anchored(/\b(?:by |for |until |right )?now\b|\btoday\b/gi, (m, a) =>
  aDay(a.day, { kind: 'present', anchor: a, form: /today/i.test(m[0]) ? 'today' : 'now' }),
);

/** "in 2011", "since 2014", "in the year 2014": the year as written (not "in 2014-15"). */
export const yearAfterPreposition = phraseRule(
  /\b(?:in|since|by|from|until|before|after) (?:the year )?((?:19|20)\d{2})\b(?![-–/]\d)/gi,
  NOTHING,
  'no-anchor',
  (m) => ({
    value: m[1] as string,
    granularity: 'year',
    basis: { kind: 'as-written', form: 'year-after-preposition', year: m[1] as string },
  }),
);

/** "the previous day", "the day after": a day from the day the text dated just before, or unresolved. */
export const dayBeside = phraseRule(
  /\b(?:the (previous|preceding|following|next) day|the day (before|after))\b/gi,
  (s) => s.recent,
  'no-day-before',
  (m, recent) => {
    const before = /previous|preceding|before/i.test(m[0]);
    const day = addDays(recent.day, before ? -1 : 1);
    return aDay(day, { kind: 'from-text-day', step: before ? 'day-before' : 'day-after', recent, result: day });
  },
);

/** The rules of set words, in the order they take words. */
export const PHRASE_RULES: readonly DateRule[] = [
  lengthOfTime,
  untoldLength,
  recentPeriod,
  comingPeriod,
  restOfWeek,
  calendarWeek,
  earlierThis,
  calendarShift,
  openBefore,
  openAfter,
  present,
  yearAfterPreposition,
  dayBeside,
];
