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
