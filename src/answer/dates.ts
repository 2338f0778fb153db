import { UsageError } from './types.ts';

/** A closed range of days, as ISO dates (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

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
  if (mo !== null && d !== null && (d < 1 || d > lastDay(y, mo))) return null;
  const p = (n: number): string => String(n).padStart(2, '0');
  if (mo === null) return { from: `${y}-01-01`, to: `${y}-12-31` };
  if (d === null) return { from: `${y}-${p(mo)}-01`, to: `${y}-${p(mo)}-${p(lastDay(y, mo))}` };
  const day = `${y}-${p(mo)}-${p(d)}`;
  return { from: day, to: day };
}

/** The `from:` / `to:` options as one range of days; a UsageError when they are out of order. */
export function dateWindow(from: string | undefined, to: string | undefined): DayRange | null {
  if (from === undefined && to === undefined) return null;
  const lo = from === undefined ? '0000-01-01' : (parseDateOption(from)?.from ?? '');
  const hi = to === undefined ? '9999-12-31' : (parseDateOption(to)?.to ?? '');
  if (lo > hi) throw new UsageError(`from: ${from} is after to: ${to}`);
  return { from: lo, to: hi };
}
