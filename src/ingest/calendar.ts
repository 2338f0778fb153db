/** The Gregorian calendar, proleptic (year 0 is a leap year): what makes a written date a real one. */

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month (1-12) of a year. */
export const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** What `impossibleDate` says of text that is not an ISO 8601 date at all. */
export const NOT_ISO = 'not an ISO 8601 date';

/** ISO 8601: a date, or a date-time with an optional fraction and zone. */
const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * Why an ISO 8601 date or date-time does not name a real moment (2015-02-30, 25:00, a zone of +25:00), or
 * null when it does. Nothing is rolled over: February 30 is not March 2.
 */
export function impossibleDate(iso: string): string | null {
  const m = ISO_PARTS.exec(iso);
  if (!m) return NOT_ISO;
  const [y, mo, d, h, mi, s, zh, zm] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if (mo! < 1 || mo! > 12) return `there is no month ${mo}`;
  if (d! < 1 || d! > daysInMonth(y!, mo!)) return `that month has ${daysInMonth(y!, mo!)} days`;
  if (h! > 23 || mi! > 59 || s! > 59) return 'there is no such time of day';
  if (zh! > 23 || zm! > 59) return 'there is no such time zone';
  return null;
}
