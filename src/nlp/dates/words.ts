/**
 * Dates as readers say them, without chrono-node: the answer side needs only this, and loading chrono costs
 * a quarter of a second at every start.
 */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const toDate = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** Counts as words: "two days", "an hour", "five years after". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** "Tue 15 Dec 2015", "Dec 2015", "2015": a resolved value as a reader says it. */
export function humanDate(value: string): string {
  const [a, b] = value.split('/');
  if (b !== undefined) {
    if (a === '..') return `until ${humanDate(b)}`;
    return `${humanDate(a as string)}${b === '..' ? ' onwards' : ` to ${humanDate(b)}`}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = toDate(value);
    return `${WEEKDAYS[d.getUTCDay()]?.slice(0, 3)} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]?.slice(0, 3)} ${d.getUTCFullYear()}`;
  }
  if (/^\d{4}-\d{2}$/.test(value)) return `${MONTHS[Number(value.slice(5)) - 1]} ${value.slice(0, 4)}`;
  return value;
}

/** The first day of a value: "2015-09-20/.." → "2015-09-20", "2015-09" → "2015-09-01", "../2016" → "0000". */
export function startOf(value: string): string {
  const lo = value.split('/')[0] as string;
  if (lo === '..') return '0000-01-01';
  return lo.length === 4 ? `${lo}-01-01` : lo.length === 7 ? `${lo}-01` : lo;
}
