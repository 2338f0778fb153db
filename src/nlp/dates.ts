import * as chrono from 'chrono-node';
import type { Anchor, Granularity, TimeExpression } from '../model/index.ts';
import { MONTHS, WEEKDAYS, humanDate, toDate } from './dateWords.ts';

export { humanDate };
export type { Anchor, Granularity, TimeExpression };

/** The last day the text dated, in this sentence or the one before: what "the previous day" counts from. */
export interface RecentDay {
  day: string;
  text: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => iso(new Date(toDate(day).getTime() + n * 86_400_000));
const monthOf = (y: number, m: number): string => `${y}-${pad(m)}`;
const lastDayOf = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const FUTURE =
  /\b(?:will|shall|going to|is to|are to|to be held|to take place|scheduled for|expected to|upcoming|coming|later this|next)\b/i;
const PAST =
  /\b(?:said|says|told|met|was|were|had|did|arrived|agreed|announced|visited|held|took|launched|ended|began|started|killed|reported|confirmed|\w+ed)\b/i;

/**
 * Future or past, read from the words of the clause the expression stands in (up to the nearest commas, so
 * that "Kerry, who arrived on Monday, will leave" reads "arrived"); past when nothing says.
 */
function tenseAround(sentence: string, start: number, end: number): 'past' | 'future' {
  const from = Math.max(sentence.lastIndexOf(',', start - 1), sentence.lastIndexOf(';', start - 1), start - 80, 0);
  const comma = sentence.slice(end).search(/[,;]/);
  const clause = sentence.slice(from, comma < 0 ? Math.min(sentence.length, end + 40) : end + comma);
  if (FUTURE.test(clause)) return 'future';
  return PAST.test(clause) ? 'past' : 'past';
}

const NUMBER_WORDS: Record<string, number> = {
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
const UNIT_CODE: Record<string, string> = { hour: 'TH', minute: 'TM', day: 'D', week: 'W', month: 'M', year: 'Y' };

/** Expressions chrono does not read, or reads as a point where news means a range or a length. */
const VAGUE: ReadonlyArray<{ re: RegExp; resolve: (m: RegExpExecArray, a: Anchor) => Omit<TimeExpression, 'start' | 'end' | 'text'> }> = [
  {
    re: /\b(?:(?:for|of|during|after|in)\s+)?(?:nearly|about|almost|some|around|more than|over|roughly)?\s*\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a|an)[\s-](hour|minute|day|week|month|year)s?(?:-long)?\b(?!\s+(?:ago|before|after|later|earlier))/gi,
    resolve: (m) => {
      const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS[(m[1] as string).toLowerCase()] ?? 1);
      const code = UNIT_CODE[(m[2] as string).toLowerCase()] as string;
      const value = code.startsWith('T') ? `PT${n}${code[1]}` : `P${n}${code}`;
      return { value, granularity: 'duration', derivation: `a length of time: ${n} ${m[2]}${n === 1 ? '' : 's'}` };
    },
  },
  {
    re: /\b(?:long|several|many)\s+(hours|days|weeks|months|years)\b/gi,
    resolve: (m) => ({ value: null, granularity: 'duration', derivation: `a length of time the text does not give (${m[0]})` }),
  },
  {
    re: /\b(?:in\s+)?recent (weeks|months|years)\b/gi,
    resolve: (m, a) => {
      const [y, mo] = a.day.split('-').map(Number) as [number, number];
      const unit = (m[1] as string).toLowerCase();
      if (unit === 'months') {
        const back = new Date(Date.UTC(y, mo - 1 - 3, 1));
        return {
          value: `${monthOf(back.getUTCFullYear(), back.getUTCMonth() + 1)}/${monthOf(y, mo)}`,
          granularity: 'range',
          derivation: `"${m[0]}": the three months up to ${a.describe}`,
        };
      }
      if (unit === 'weeks')
        return {
          value: `${addDays(a.day, -21)}/${a.day}`,
          granularity: 'range',
          derivation: `"${m[0]}": the three weeks up to ${a.describe}`,
        };
      return { value: `${y - 3}/${y}`, granularity: 'range', derivation: `"${m[0]}": the three years up to ${a.describe}` };
    },
  },
  {
    re: /\b(?:in\s+)?the coming (days|weeks|months)\b/gi,
    resolve: (m, a) => {
      const span = { days: 7, weeks: 28, months: 90 }[(m[1] as string).toLowerCase() as 'days' | 'weeks' | 'months'];
      return {
        value: `${addDays(a.day, 1)}/${addDays(a.day, span)}`,
        granularity: 'range',
        derivation: `"${m[0]}": the ${span} days after ${a.describe}`,
      };
    },
  },
  {
    re: /\blater this week\b/gi,
    resolve: (m, a) => {
      const dow = toDate(a.day).getUTCDay();
      const sunday = addDays(a.day, (7 - dow) % 7);
      return {
        value: `${addDays(a.day, 1)}/${sunday}`,
        granularity: 'range',
        derivation: `"${m[0]}": the rest of the week of ${a.describe}`,
      };
    },
  },
  {
    re: /\b(this|last|next) week\b/gi,
    resolve: (m, a) => {
      const dow = (toDate(a.day).getUTCDay() + 6) % 7;
      const monday = addDays(a.day, -dow + { this: 0, last: -7, next: 7 }[(m[1] as string).toLowerCase() as 'this' | 'last' | 'next']);
      return {
        value: `${monday}/${addDays(monday, 6)}`,
        granularity: 'range',
        derivation: `"${m[0]}": Monday to Sunday of that week, from ${a.describe}`,
      };
    },
  },
  {
    re: /\bearlier this (year|month)\b/gi,
    resolve: (m, a) => {
      const start = (m[1] as string).toLowerCase() === 'year' ? `${a.day.slice(0, 4)}-01-01` : `${a.day.slice(0, 7)}-01`;
      return { value: `${start}/${a.day}`, granularity: 'range', derivation: `"${m[0]}": from the start of that ${m[1]} to ${a.describe}` };
    },
  },
  {
    re: /\b(last|next|this) (month|year)\b/gi,
    resolve: (m, a) => {
      const [y, mo] = a.day.split('-').map(Number) as [number, number];
      const shift = { last: -1, next: 1, this: 0 }[(m[1] as string).toLowerCase() as 'last' | 'next' | 'this'];
      if ((m[2] as string).toLowerCase() === 'year')
        return { value: String(y + shift), granularity: 'year', derivation: `"${m[0]}" from ${a.describe}` };
      const d = new Date(Date.UTC(y, mo - 1 + shift, 1));
      return { value: monthOf(d.getUTCFullYear(), d.getUTCMonth() + 1), granularity: 'month', derivation: `"${m[0]}" from ${a.describe}` };
    },
  },
  {
    re: /\b(?:previously|in the past)\b/gi,
    resolve: (m, a) => ({ value: `../${a.day}`, granularity: 'range', derivation: `"${m[0]}": some time before ${a.describe}` }),
  },
  {
    re: /\bin the future\b/gi,
    resolve: (m, a) => ({ value: `${addDays(a.day, 1)}/..`, granularity: 'range', derivation: `"${m[0]}": any time after ${a.describe}` }),
  },
  {
    re: /\b(?:by |for |until |right )?now\b|\btoday\b/gi,
    resolve: (m, a) => ({ value: a.day, granularity: 'day', derivation: `"${m[0]}": the present of ${a.describe}` }),
  },
  {
    re: /\b(?:in|since|by|from|until|before|after) ((?:19|20)\d{2})\b(?![-–/]\d)/gi,
    resolve: (m) => ({ value: m[1] as string, granularity: 'year', derivation: `the year ${m[1]}, as written` }),
  },
];

const MAY_HAVE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|yesterday|now|noon|midnight|day|week|month|year|ago|later|earlier|hour|minute|fortnight)/i;
const PART_OF_MONTH = /\b(early|mid|middle|late|end of|beginning of|start of)[\s-]+$/i;

/**
 * Finds and resolves the temporal expressions of a text. chrono-node reads dates, months and weekdays;
 * what it lacks for news is done here: a bare weekday is the one before the anchor in past-tense prose and
 * the one after in future-tense prose ("this Friday" is the Friday of the anchor's week), a month without a
 * year is the nearest such month in the direction of the tense, "late September" is 20–30 September,
 * "since …" is an open range, and vague phrases are ranges or lengths, never a made-up day. Without an
 * anchor, only expressions that carry their own year are resolved.
 */
export function findTimeExpressions(text: string, anchor: Anchor | null, recent: RecentDay | null = null): TimeExpression[] {
  const out: TimeExpression[] = [];
  const taken = (s: number, e: number): boolean => out.some((x) => s < x.end && e > x.start);
  const unresolved = (start: number, end: number, why: string): TimeExpression => ({
    start,
    end,
    text: text.slice(start, end),
    value: null,
    granularity: 'unresolved',
    derivation: why,
  });
  const NO_ANCHOR = 'the article has no date of its own and no full date in its text to count from';

  for (const { re, resolve } of VAGUE) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (taken(start, end)) continue;
      // A length or a year as written needs no date to count from; everything else does.
      const probe = resolve(m as RegExpExecArray, { day: '2000-01-01', describe: '' });
      const needsAnchor = !(probe.granularity === 'duration' || /as written$/.test(probe.derivation));
      if (needsAnchor && !anchor) {
        out.push(unresolved(start, end, NO_ANCHOR));
        continue;
      }
      out.push({
        start,
        end,
        text: text.slice(start, end),
        ...resolve(m as RegExpExecArray, anchor ?? { day: '2000-01-01', describe: 'the text' }),
      });
    }
  }

  // "the previous day", "the day after": from the day the text dated just before, or not at all.
  for (const m of text.matchAll(/\b(?:the (previous|preceding|following|next) day|the day (before|after))\b/gi)) {
    const back = /previous|preceding|before/i.test(m[0]);
    if (taken(m.index, m.index + m[0].length)) continue;
    if (!recent) {
      out.push(unresolved(m.index, m.index + m[0].length, `"${m[0]}" counts from an event the text does not date just before it`));
      continue;
    }
    const day = addDays(recent.day, back ? -1 : 1);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: day,
      granularity: 'day',
      derivation: `"${m[0]}": the day ${back ? 'before' : 'after'} "${recent.text}" (${humanDate(recent.day)}) → ${humanDate(day)}`,
    });
  }
  const ref = anchor ? toDate(anchor.day) : new Date(Date.UTC(2000, 0, 1, 12));
  // chrono reads a sentence slowly; one with no digit, month, weekday or time word has nothing for it.
  const parsed = MAY_HAVE_DATE.test(text) ? chrono.parse(text, ref, { forwardDate: false }) : [];
  for (const r of parsed) {
    const start = r.index;
    const end = r.index + r.text.replace(/[\s,.;:]+$/, '').length;
    if (taken(start, end) || /^(?:now|today|for now|by now)$/i.test(r.text.trim())) continue;
    const s = r.start;
    const has = (c: 'year' | 'month' | 'day' | 'weekday'): boolean => s.isCertain(c);
    const exprText = text.slice(start, end);
    // "Sun Tzu", a man called "Jan", "May" the verb: a bare short name of a day or month is a date only
    // with a preposition or "this/last/next" before it.
    if (
      /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i.test(exprText.trim())
    ) {
      if (!/\b(?:on|in|this|last|next|since|by|until|of|early|late|mid|before|after)\s+$/i.test(text.slice(Math.max(0, start - 8), start)))
        continue;
    }
    const pushDay = (day: string, derivation: string): void => {
      out.push({ start, end, text: exprText, value: day, granularity: 'day', derivation });
    };
    const words = `"${exprText}"`;
    const relative = /\b(?:ago|before|after|later|earlier|yesterday|tomorrow)\b/i.test(exprText);
    if (relative || (!has('year') && !has('month') && !has('day') && !has('weekday'))) {
      if (!relative) continue;
      // "ago", "yesterday", "tomorrow" count from the writing; "ten days before", "three days later" from an
      // event, which must be the day dated just before in the text, or the expression stays unresolved.
      const fromWriting = /\b(?:ago|yesterday|tomorrow)\b/i.test(exprText);
      const base = fromWriting
        ? anchor
          ? { day: anchor.day, describe: anchor.describe }
          : null
        : recent
          ? { day: recent.day, describe: `"${recent.text}" (${humanDate(recent.day)})` }
          : null;
      if (!base) {
        out.push(
          unresolved(start, end, fromWriting ? NO_ANCHOR : `"${exprText}" counts from an event the text does not date just before it`),
        );
        continue;
      }
      const chronoDay = `${s.get('year')}-${pad(s.get('month') ?? 1)}-${pad(s.get('day') ?? 1)}`;
      const shift = Math.round((toDate(chronoDay).getTime() - ref.getTime()) / 86_400_000);
      const day = addDays(base.day, shift);
      const unit = /\b(year|month|week|day)s?\b/i.exec(exprText)?.[1]?.toLowerCase();
      // "a year ago" is a year, "two months ago" a month: never a day the words do not give.
      if (unit === 'year')
        out.push({
          start,
          end,
          text: exprText,
          value: day.slice(0, 4),
          granularity: 'year',
          derivation: `${words} counted from ${base.describe} → ${day.slice(0, 4)}`,
        });
      else if (unit === 'month')
        out.push({
          start,
          end,
          text: exprText,
          value: day.slice(0, 7),
          granularity: 'month',
          derivation: `${words} counted from ${base.describe} → ${humanDate(day.slice(0, 7))}`,
        });
      else pushDay(day, `${words} counted from ${base.describe} → ${humanDate(day)}`);
      continue;
    }
    const y = s.get('year');
    const mo = s.get('month');
    const d = s.get('day');
    if (has('day') && has('month')) {
      let year = has('year') ? (y as number) : null;
      let how = has('year') ? 'a full date' : '';
      if (year === null) {
        if (!anchor) {
          out.push(unresolved(start, end, NO_ANCHOR));
          continue;
        }
        // The year that puts the date nearest the anchor: "Dec. 18" in an article of December 2015 is 2015.
        const ay = Number(anchor.day.slice(0, 4));
        const candidates = [ay - 1, ay, ay + 1].map((c) => `${c}-${pad(mo as number)}-${pad(d as number)}`);
        const best = candidates.sort(
          (p, q) => Math.abs(toDate(p).getTime() - ref.getTime()) - Math.abs(toDate(q).getTime() - ref.getTime()),
        )[0] as string;
        year = Number(best.slice(0, 4));
        how = `the year nearest ${anchor.describe}`;
      }
      const day = `${year}-${pad(mo as number)}-${pad(d as number)}`;
      pushDay(day, has('year') ? `${words}: ${how}` : `${words} with ${how} → ${humanDate(day)}`);
      continue;
    }
    if (has('weekday') && !has('day')) {
      if (!anchor) {
        out.push(unresolved(start, end, NO_ANCHOR));
        continue;
      }
      const want = s.get('weekday') as number;
      const aDow = toDate(anchor.day).getUTCDay();
      const lead = text.slice(Math.max(0, start - 6), start).toLowerCase();
      const own = exprText.toLowerCase();
      let day: string;
      let rule: string;
      if (/\bthis\b/.test(own) || /\bthis\s*$/.test(lead)) {
        day = addDays(anchor.day, (want - aDow + 7) % 7);
        rule = '"this": the coming one';
      } else if (/\bnext\b/.test(own)) {
        day = addDays(anchor.day, (want - aDow + 7) % 7 || 7);
        rule = 'the next one';
      } else if (/\blast\b/.test(own) || /\blast\s*$/.test(lead)) {
        day = addDays(anchor.day, -((aDow - want + 7) % 7 || 7));
        rule = '"last": the one before';
      } else if (tenseAround(text, start, end) === 'past') {
        day = addDays(anchor.day, -((aDow - want + 7) % 7));
        rule = 'past tense, so the one on or before';
      } else {
        day = addDays(anchor.day, (want - aDow + 7) % 7 || 7);
        rule = 'future tense, so the one after';
      }
      pushDay(day, `${words} in ${anchor.describe} (${rule}) → ${humanDate(day)}`);
      continue;
    }
    if (has('month') && !has('day')) {
      let year = has('year') ? (y as number) : null;
      let how = '';
      if (year === null) {
        if (!anchor) {
          out.push(unresolved(start, end, NO_ANCHOR));
          continue;
        }
        const [ay, am] = anchor.day.split('-').map(Number) as [number, number];
        const future = tenseAround(text, start, end) === 'future';
        year = future ? ((mo as number) >= am ? ay : ay + 1) : (mo as number) <= am ? ay : ay - 1;
        how = ` (${future ? 'future tense: the next' : 'past tense: the last'} ${MONTHS[(mo as number) - 1]} from ${anchor.describe})`;
      }
      const part = PART_OF_MONTH.exec(text.slice(Math.max(0, start - 14), start));
      if (part) {
        const p = (part[1] as string).toLowerCase();
        const [from, to] =
          p === 'early' || p.startsWith('beginning') || p.startsWith('start')
            ? [1, 10]
            : p === 'late' || p.startsWith('end')
              ? [20, lastDayOf(year, mo as number)]
              : [11, 20];
        const value = `${monthOf(year, mo as number)}-${pad(from)}/${monthOf(year, mo as number)}-${pad(to)}`;
        const s0 = start - part[0].length;
        out.push({
          start: s0,
          end,
          text: text.slice(s0, end),
          value,
          granularity: 'range',
          derivation: `"${text.slice(s0, end)}" is about days ${from}–${to} of the month${how}`,
        });
        continue;
      }
      const value = monthOf(year, mo as number);
      out.push({ start, end, text: exprText, value, granularity: 'month', derivation: `${words}: a month, no day given${how}` });
      continue;
    }
    if (has('year')) out.push({ start, end, text: exprText, value: String(y), granularity: 'year', derivation: `${words}: a year` });
  }

  // "since …": an open range from the date that follows (within a few words).
  for (const m of text.matchAll(/\bsince\s+/gi)) {
    const after = out
      .filter((x) => x.start >= m.index && x.start - (m.index + m[0].length) <= 45 && x.value !== null && x.granularity !== 'duration')
      .sort((a, b) => a.start - b.start)[0];
    if (!after) continue;
    const from = (after.value as string).split('/')[0] as string;
    const direct = after.start === m.index + m[0].length;
    const range: TimeExpression = {
      start: m.index,
      end: after.end,
      text: text.slice(m.index, after.end),
      value: `${from}/..`,
      granularity: 'range',
      derivation: `"since": from ${humanDate(from)} onwards (${after.derivation})`,
    };
    if (direct) out.splice(out.indexOf(after), 1, range);
    else out.push(range);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The weekday name of an ISO day, for derivations. */
export const weekdayOf = (day: string): string => WEEKDAYS[toDate(day).getUTCDay()] as string;

/** The anchor of an article: its publication day, described as the derivations say it. */
export function publicationAnchor(published: string): Anchor {
  const day = published.slice(0, 10);
  return { day, describe: `an article published ${humanDate(day)}` };
}
