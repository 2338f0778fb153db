import type { DateBasis, TimeExpression } from '../model/index.ts';
import { MONTHS, humanDate } from '../nlp/dates/words.ts';

/** "15 Dec 2015": a day without its weekday, for the bounds of a range. */
const plainDay = (day: string): string => humanDate(day).replace(/^\w{3} /, '');

/** "late September 2015": the part of a month a "late …", "early …", "mid-…" gives. */
function partOfMonth(firstDay: number, month: string): string {
  const part = firstDay <= 1 ? 'early' : firstDay <= 11 ? 'mid' : 'late';
  return `${part} ${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** A range's bounds without weekdays: "30 Aug to 5 Sep 2016", "from 17 Dec 2015", "until 16 Dec 2015". */
function rangeWords(value: string): string {
  const [a = '..', b = '..'] = value.split('/');
  const words = (v: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? plainDay(v) : humanDate(v));
  if (a === '..') return `until ${words(b)}`;
  if (b === '..') return `from ${words(a)}`;
  return `${words(a)} to ${words(b)}`;
}

/**
 * When a date says something happened, in words at the precision its text gives: a day with its weekday
 * ("Tue 15 Dec 2015"), a month ("September 2015"), a part of a month ("late September 2015"), a range by its
 * bounds ("from late September 2015", "30 Aug to 5 Sep 2016"), never a range or a vague phrase as one day.
 */
export function whenWords(time: Pick<TimeExpression, 'value' | 'basis' | 'granularity'>): string {
  const value = time.value ?? '';
  const b: DateBasis = time.basis;
  if (b.kind === 'part-of-month') return partOfMonth(b.firstDay, value.slice(0, 7));
  if (b.kind === 'since') {
    const after = b.after.basis;
    if (after.kind === 'part-of-month') return `from ${partOfMonth(after.firstDay, b.from.slice(0, 7))}`;
    if (after.kind === 'present') return `from ${plainDay(b.from)} (the time of writing)`;
    return `from ${rangeWords(`${b.from}/..`).slice(5)}`;
  }
  if (b.kind === 'present') return `${humanDate(value)} (the time of writing)`;
  if (value.includes('/')) return rangeWords(value);
  return humanDate(value);
}
