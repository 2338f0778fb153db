import type { DateBasis, Granularity, MonthByTense, TimeExpression } from '../../model/index.ts';
import { MONTHS, humanDate } from './words.ts';

/** What a rule resolved an expression to: the expression's text and place are added by the rule's runner. */
export interface Resolved {
  value: string | null;
  granularity: Granularity;
  basis: DateBasis;
}

type Explain<K extends DateBasis['kind']> = (quoted: string, basis: Extract<DateBasis, { kind: K }>, text: string) => string;

/** "early", "mid-" or "late": the part of a month a range of its days starts in. */
const partOfMonthWords = (firstDay: number): string => (firstDay <= 1 ? 'early' : firstDay <= 11 ? 'mid' : 'late');

const NO_ANCHOR = 'the article has no date of its own and no full date in its text to count from';

const byTense = (m: MonthByTense | null): string =>
  m
    ? ` (${m.tense === 'future' ? 'future tense: the next' : 'past tense: the last'} ${MONTHS[m.month - 1]} from ${m.anchor.describe})`
    : '';

const WEEKDAY_WORD = { this: '"this": the coming one', next: 'the next one', last: '"last": the one before' };
const WEEKDAY_TENSE = { past: 'past tense, so the one on or before', future: 'future tense, so the one after' };
const AS_WRITTEN = { 'full-date': 'a full date', month: 'a month, no day given', year: 'a year' };

const QUARTER_HOW = {
  'as-written': ', as written',
  'by-tense': ' (the year its tense points to)',
  latest: ' (the last quarter ended)',
  current: ' (the quarter under way)',
  'year-before': ' (the same quarter a year earlier)',
};
const SEASONS = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };

const vagueRange: Explain<'vague-range'> = (q, b) => {
  const to = b.anchor.describe;
  if (b.phrase === 'recent') return `${q}: the three ${b.unit} up to ${to}`;
  if (b.phrase === 'coming') return `${q}: the ${b.days} days after ${to}`;
  if (b.phrase === 'rest-of-week') return `${q}: the rest of the week of ${to}`;
  if (b.phrase === 'calendar-week') return `${q}: Monday to Sunday of that week, from ${to}`;
  return `${q}: from the start of that ${b.unit} to ${to}`;
};

/** The words of every kind of basis; `quoted` is the expression's text in double quotes. */
const EXPLAIN: { [K in DateBasis['kind']]: Explain<K> } = {
  'as-written': (q, b) => (b.form === 'year-after-preposition' ? `the year ${b.year}, as written` : `${q}: ${AS_WRITTEN[b.form]}`),
  'nearest-year': (q, b) => `${q} with the year nearest ${b.anchor.describe} → ${humanDate(b.day)}`,
  'year-by-tense': (q, b) =>
    `${q} in ${b.anchor.describe} (${b.tense} tense: the ${b.tense === 'past' ? 'last one before' : 'next one after'}) → ${humanDate(b.day)}`,
  'weekday-by-word': (q, b) => `${q} in ${b.anchor.describe} (${WEEKDAY_WORD[b.word]}) → ${humanDate(b.day)}`,
  'weekday-by-tense': (q, b) => `${q} in ${b.anchor.describe} (${WEEKDAY_TENSE[b.tense]}) → ${humanDate(b.day)}`,
  'weekday-of-anchor': (q, b) => `${q} in ${b.anchor.describe}: its own weekday: the day of writing, not a week on → ${humanDate(b.day)}`,
  'month-by-tense': (q, b) => `${q}: a month, no day given${byTense(b)}`,
  'part-of-month': (q, b) => `${q} is about days ${b.firstDay}–${b.lastDay} of the month${byTense(b.byTense)}`,
  'from-anchor': (q, b) =>
    b.step === 'calendar' ? `${q} from ${b.anchor.describe}` : `${q} counted from ${b.anchor.describe} → ${humanDate(b.result)}`,
  'from-text-day': (q, b) => {
    const recent = `"${b.recent.text}" (${humanDate(b.recent.day)})`;
    const how = b.step === 'counted' ? ' counted from' : `: the day ${b.step === 'day-before' ? 'before' : 'after'}`;
    return `${q}${how} ${recent} → ${humanDate(b.result)}`;
  },
  'vague-range': vagueRange,
  'open-range': (q, b) => `${q}: ${b.side === 'before' ? 'some time before' : 'any time after'} ${b.anchor.describe}`,
  // "since late September" starts at a part of a month, not on a day: said as the month, never as one day.
  since: (_q, b) =>
    `"since": from ${b.after.basis.kind === 'part-of-month' ? `${partOfMonthWords(b.after.basis.firstDay)} ${humanDate(b.from.slice(0, 7))}` : humanDate(b.from)} onwards (${explainDate(b.after)})`,
  present: (q, b) => `${q}: the present of ${b.anchor.describe}`,
  length: (_q, b) => `a length of time: ${b.count} ${b.unit}${b.count === 1 ? '' : 's'}`,
  'untold-length': (_q, _b, text) => `a length of time the text does not give (${text})`,
  'years-after-event': (q, b) =>
    `${q}: the ${b.event} began in ${b.began} ("${b.beganText}"), so ${b.began} + ${b.years} → ${b.began + b.years}`,
  'day-spoken': (q, b) =>
    `${q} in a quote: the day the words were spoken, the day dated just before ("${b.spoken.text}", ${humanDate(b.spoken.day)})`,
  'remarks-dated': (_q, b) =>
    `${b.described === null ? b.speaker : `${b.described} (${b.speaker})`} speaking, with no date in the sentence: the day of ${b.speaker}'s remarks dated in ¶${b.paragraph + 1} ("${b.remarks.text}", ${humanDate(b.remarks.day)})`,
  quarter: (q, b) =>
    `${q}: quarter ${b.quarter} of ${b.year}${QUARTER_HOW[b.how]}${b.anchor && b.how !== 'as-written' ? ` from ${b.anchor.describe}` : ''}`,
  season: (q, b) => `${q}: the ${SEASONS[b.season]} of ${b.year}${b.season === 'WI' ? `–${String(b.year + 1).slice(2)}` : ''}`,
  weekend: (q, b) => `${q}: the weekend of ${humanDate(b.saturday)}, from ${b.anchor.describe}`,
  decade: (q, b) => `${q}: the decade ${b.decade}0–${b.decade}9`,
  recurring: (q, b) => `${q}: every ${b.unit}, not a date`,
  unresolved: (q, b) => (b.reason === 'no-anchor' ? NO_ANCHOR : `${q} counts from an event the text does not date just before it`),
};

/** How an expression was resolved, in the words the answers show (`derivation`): said from its basis alone. */
export function explainDate(time: { text: string; basis: DateBasis }): string {
  const explain = EXPLAIN[time.basis.kind] as Explain<DateBasis['kind']>;
  return explain(`"${time.text}"`, time.basis, time.text);
}

/** A temporal expression at its place in the text: every rule makes its expressions here. */
export function timeExpression(text: string, start: number, end: number, r: Resolved): TimeExpression {
  const words = text.slice(start, end);
  return {
    start,
    end,
    text: words,
    value: r.value,
    granularity: r.granularity,
    basis: r.basis,
  };
}
