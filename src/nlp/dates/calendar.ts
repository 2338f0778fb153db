import { toDate } from './words.ts';

/** Day arithmetic on ISO days, in UTC. */
export const pad = (n: number): string => String(n).padStart(2, '0');

const iso = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => iso(new Date(toDate(day).getTime() + n * 86_400_000));
export const monthOf = (y: number, m: number): string => `${y}-${pad(m)}`;
export const lastDayOf = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
