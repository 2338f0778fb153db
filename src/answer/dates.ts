import { daysInMonth } from '../ingest/calendar.ts';
import { UsageError } from './types.ts';

/** A closed range of days, as ISO dates (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * A date as ISO 8601 with a four-digit year ("999-05-01" → "0999-05-01"): ISO dates of four-digit years
 * order as text, shorter years do not ("999" sorts after "2015").
 */
export const isoDate = (date: string): string =>
  // Most dates have their four digits already: given back as they are, without a regular expression (sorting a
  // timeline's mentions compares dates tens of thousands of times).
  fourDigitYear(date) ? date : date.replace(/^\d{1,3}(?=-|$)/, (y) => y.padStart(4, '0'));

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const fourDigitYear = (date: string): boolean =>
  isDigit(date.charCodeAt(0)) && isDigit(date.charCodeAt(1)) && isDigit(date.charCodeAt(2)) && isDigit(date.charCodeAt(3));

/**
 * The one comparison of dates in the answer layer: days, date-times and the starts of ranges, each at the
 * precision it has (a day sorts before the same day with a time). Negative, zero or positive.
 */
export function compareDates(a: string, b: string): number {
  const x = isoDate(a);
  const y = isoDate(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the day (YYYY-MM-DD; a date-time counts by its day) lies within the range. */
export function withinDays(date: string, range: DayRange): boolean {
  const day = isoDate(date).slice(0, 10);
  return compareDates(day, range.from) >= 0 && compareDates(day, range.to) <= 0;
}

/** Every day: the window of no date filter. */
export const ALL_DAYS: DayRange = { from: '0000-01-01', to: '9999-12-31' };

/**
 * Reads a date option: `2015`, `2015-12` or `2015-12-15`, as the range of days it covers.
 * Returns null for anything else.
 */
export function parseDateOption(value: string): DayRange | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (mo !== null && d !== null && (d < 1 || d > daysInMonth(y, mo))) return null;
  const p = (n: number): string => String(n).padStart(2, '0');
  const year = m[1] as string;
  if (mo === null) return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (d === null) return { from: `${year}-${p(mo)}-01`, to: `${year}-${p(mo)}-${p(daysInMonth(y, mo))}` };
  const day = `${year}-${p(mo)}-${p(d)}`;
  return { from: day, to: day };
}

/** The `from:` / `to:` options as one range of days; a UsageError when they are out of order. */
export function dateWindow(from: string | undefined, to: string | undefined): DayRange | null {
  if (from === undefined && to === undefined) return null;
  const lo = from === undefined ? ALL_DAYS.from : (parseDateOption(from)?.from ?? '');
  const hi = to === undefined ? ALL_DAYS.to : (parseDateOption(to)?.to ?? '');
  if (compareDates(lo, hi) > 0) throw new UsageError(`from: ${from} is after to: ${to}`);
  return { from: lo, to: hi };
}

/** The days a resolved date value covers: "2015" the year, "2015-09-20/.." from that day on; null for a length. */
export function daysOf(value: string): DayRange | null {
  const [a, b] = value.split('/');
  if (b === undefined) return parseDateOption(value);
  const lo = a === '..' ? ALL_DAYS : parseDateOption(a as string);
  const hi = b === '..' ? ALL_DAYS : parseDateOption(b);
  return lo && hi ? { from: lo.from, to: hi.to } : null;
}

/** Do two ranges of days share a day? (Ranges made here hold four-digit years, so they compare as text.) */
export const overlap = (x: DayRange, y: DayRange): boolean => x.from <= y.to && y.from <= x.to;
