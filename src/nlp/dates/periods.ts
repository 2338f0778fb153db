/**
 * Periods news names that are neither days nor months: quarters of a (fiscal) year, "a year earlier" said of
 * a quarter, seasons, weekends and decades. One named rule each; `PERIOD_RULES` runs them before the set phrases.
 */
import type { Anchor, DateBasis } from '../../model/index.ts';
import { addDays, lastDayOf, pad } from './calendar.ts';
import type { Resolved } from './explain.ts';
import { type DateRule, type DateState, NOTHING, anchored, lower, onlyWith, phraseRule, yearAndMonth } from './state.ts';
import { tenseAround } from './tense.ts';
import { toDate } from './words.ts';

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const quarterOf = (a: Anchor): number => Math.ceil(yearAndMonth(a)[1] / 3);

/** A quarter as Quotedesk's ISO range (first to last day) with its basis. */
export function quarterResolved(
  year: number,
  quarter: number,
  how: Extract<DateBasis, { kind: 'quarter' }>['how'],
  anchor: Anchor | null,
): Resolved {
  const [m0, m1] = [quarter * 3 - 2, quarter * 3];
  return {
    value: `${year}-${pad(m0)}-01/${year}-${pad(m1)}-${pad(lastDayOf(year, m1))}`,
    granularity: 'range',
    basis: { kind: 'quarter', year, quarter, how, anchor },
  };
}

/**
 * The year of a quarter named without one: in past-tense prose this year's if it has begun, else last year's;
 * in future-tense prose this year's if it is under way or the one just ended (a company "expects to report
 * third-quarter results" in October of that year), else next year's.
 */
export function quarterYearByTense(quarter: number, a: Anchor, future: boolean): number {
  const [ay] = yearAndMonth(a);
  if (future) return quarter >= quarterOf(a) - 1 ? ay : ay + 1;
  return quarter <= quarterOf(a) ? ay : ay - 1;
}

/**
 * "the third quarter", "third-quarter", "fiscal second-quarter", "the 1988 third quarter", "the third quarter of
 * 1990", "next year's first quarter": the year as written, else the nearest such quarter in the direction of the
 * tense (`quarterYearByTense`); "the year-ago third quarter" the same quarter a year before that.
 */
export const namedQuarter: DateRule = onlyWith(
  /quarter/i,
  phraseRule(
    /\b(?:(?:the|its|a|(this|last|next) year's)\s+)?(year[\s-]ago\s+|year[\s-]earlier\s+)?(?:((?:19|20)\d\d)\s+)?(?:fiscal[\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?:fiscal\s+)?((?:19|20)\d\d))?/gi,
    NOTHING,
    'no-anchor',
    (m, _n, state) => {
      const quarter = ORDINAL[lower(m, 4)] as number;
      const written = m[3] ?? m[5];
      if (written) return quarterResolved(Number(written), quarter, 'as-written', state.anchor);
      const a = state.anchor;
      if (!a) return { value: null, granularity: 'unresolved', basis: { kind: 'unresolved', reason: 'no-anchor' } };
      const [ay] = yearAndMonth(a);
      const shift = m[1] ? { this: 0, last: -1, next: 1 }[lower<'this' | 'last' | 'next'>(m, 1)] : null;
      if (shift !== null) return quarterResolved(ay + shift, quarter, 'as-written', a);
      const future = tenseAround(state.text, m.index, m.index + m[0].length) === 'future';
      const year = quarterYearByTense(quarter, a, future);
      // "the year-ago third quarter": the same quarter the year before the one the tense points to.
      return m[2] ? quarterResolved(year - 1, quarter, 'year-before', a) : quarterResolved(year, quarter, 'by-tense', a);
    },
  ),
);

/** "the latest quarter", "the quarter", "the latest period": the last quarter ended by the anchor; "the current quarter", "this quarter": the one under way. */
export const latestQuarter: DateRule = anchored(
  /\b(?:the|this)\s+(?:(latest|most recent|just-ended|current)\s+)?(?:fiscal\s+)?(quarter|period)\b/gi,
  (m, a) => {
    const word = (m[1] ?? '').toLowerCase();
    if (lower(m, 2) === 'period' && !/latest|recent|just/.test(word)) return null;
    const [ay] = yearAndMonth(a);
    if (word === 'current' || /^this/i.test(m[0])) return quarterResolved(ay, quarterOf(a), 'current', a);
    const q = quarterOf(a) - 1;
    return q === 0 ? quarterResolved(ay - 1, 4, 'latest', a) : quarterResolved(ay, q, 'latest', a);
  },
);

/**
 * "a year earlier", "a year ago", "the year-earlier period", "the year-ago quarter" said of a quarter the
 * sentence names, or the text named just before: the same quarter the year before. Without one, "year-earlier"
 * and "a year earlier" (with no day dated before to count from) are the year before the anchor's, and "a year
 * ago" is left to the counted dates.
 */
export const yearEarlierPeriod: DateRule = onlyWith(
  /year/i,
  anchored(
    /\b(?:(?:the|a)\s+)?(?:comparable\s+)?(?:a year (?:earlier|ago|before)|year[\s-](?:earlier|ago)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))?|last year's (?:quarter|period))\b/gi,
    (m, a, state) => {
      const b = state.found.filter((e) => e.basis.kind === 'quarter').at(-1)?.basis;
      const q = b?.kind === 'quarter' ? { year: b.year, quarter: b.quarter } : state.quarter;
      if (q) return quarterResolved(q.year - 1, q.quarter, 'year-before', a);
      if (/^a year ago/i.test(m[0].trim()) || (/^a year/i.test(m[0].trim()) && state.recent)) return null;
      const value = String(yearAndMonth(a)[0] - 1);
      return { value, granularity: 'year', basis: { kind: 'from-anchor', step: 'calendar', anchor: a, result: value } };
    },
  ),
);

const SEASON: Record<string, 'SP' | 'SU' | 'FA' | 'WI'> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** The first month of each season (winter runs from December into the next year). */
const SEASON_START = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** A season as Quotedesk's ISO range of months, with its basis. */
function seasonResolved(season: 'SP' | 'SU' | 'FA' | 'WI', year: number, anchor: Anchor | null): Resolved {
  const m0 = SEASON_START[season];
  const end = season === 'WI' ? `${year + 1}-02` : `${year}-${pad(m0 + 2)}`;
  return { value: `${year}-${pad(m0)}/${end}`, granularity: 'range', basis: { kind: 'season', season, year, anchor } };
}

/** The year of a season named without one: "this" the anchor's, "last" the last one ended, "next" the next to begin, else by tense. */
function seasonYear(s: 'SP' | 'SU' | 'FA' | 'WI', word: string, a: Anchor, state: DateState, at: number): number {
  const [ay, am] = yearAndMonth(a);
  const start = SEASON_START[s];
  if (word === 'this') return s === 'WI' && am <= 2 ? ay - 1 : ay;
  if (word === 'next') return start > am ? ay : ay + 1;
  if (word === 'last' || word === 'this past') return s === 'WI' ? (am > 2 ? ay - 1 : ay - 2) : start + 2 < am ? ay : ay - 1;
  if (tenseAround(state.text, at, at + 1) === 'future') return start >= am ? ay : ay + 1;
  return start <= am ? ay : ay - 1;
}

/**
 * "last fall", "this summer", "in the spring", "the winter of 1994", "summer 1990": a season. "fall" and
 * "spring" are common words, so a season needs a word that makes it one (last, this, next, early, late, in the,
 * during the, a year). Without a year: "last" the one before the season under way, "next" the one after, and
 * otherwise the nearest in the direction of the tense.
 */
export const season: DateRule = onlyWith(
  /spring|summer|fall|autumn|winter/i,
  phraseRule(
    /\b(?:(last|this|next|this past|early|late)\s+|(?:in|during|over|through|by)\s+(?:the\s+)?(?:(?:early|late)\s+)?|the\s+(?=\w+\s+of\s+(?:19|20)\d\d))(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?((?:19|20)\d\d))?/gi,
    NOTHING,
    'no-anchor',
    (m, _n, state) => {
      const s = SEASON[lower(m, 2)] as 'SP' | 'SU' | 'FA' | 'WI';
      if (m[3]) return seasonResolved(s, Number(m[3]), state.anchor);
      const a = state.anchor;
      if (!a) return { value: null, granularity: 'unresolved', basis: { kind: 'unresolved', reason: 'no-anchor' } };
      return seasonResolved(s, seasonYear(s, (m[1] ?? '').toLowerCase(), a, state, m.index), a);
    },
  ),
);

/** "the weekend", "last weekend", "this weekend": the Saturday and Sunday before the anchor in past-tense prose, after it in future. */
export const weekend: DateRule = anchored(/\b(?:(this|last|next|this past|the)\s+)weekend\b/gi, (m, a, state) => {
  const word = lower(m, 1);
  const dow = toDate(a.day).getUTCDay();
  const future =
    word === 'next' ||
    (word === 'this' && dow !== 0) ||
    (word === 'the' && tenseAround(state.text, m.index, m.index + m[0].length) === 'future');
  const saturday = future
    ? addDays(a.day, (6 - dow + 7) % 7 || (word === 'next' ? 7 : 0))
    : addDays(a.day, -((dow + 1) % 7) || (dow === 6 ? 0 : -7));
  return { value: `${saturday}/${addDays(saturday, 1)}`, granularity: 'range', basis: { kind: 'weekend', saturday, anchor: a } };
});

const DECADE_WORDS: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};

/** "the 1990s", "the mid-1980s", "the nineties": the decade as written (the nineties of the 20th century; "his fifties" is an age). */
export const decade: DateRule = phraseRule(
  /\b(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?(?:(?:the\s+)?((?:1[89]|20)\d)0['’]?s\b|the\s+(?:(?:early|mid|late)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)/gi,
  NOTHING,
  'no-anchor',
  (m) => {
    const d = m[1] ? Number(m[1]) : 190 + (DECADE_WORDS[lower(m, 2)] as number);
    return { value: `${d}0/${d}9`, granularity: 'range', basis: { kind: 'decade', decade: d } };
  },
);

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * "this September" (the anchor's year's), "last May" (the last one before the anchor's month), "next June" (the
 * next one after it): a month a word places. chrono-node reads none of "this May", "last May".
 */
export const monthAfterWord: DateRule = anchored(
  /\b(this|last|next)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/gi,
  (m, a) => {
    const [ay, am] = yearAndMonth(a);
    const month = MONTH_NAMES.indexOf(lower(m, 2)) + 1;
    const year = { this: ay, last: month < am ? ay : ay - 1, next: month > am ? ay : ay + 1 }[lower<'this' | 'last' | 'next'>(m, 1)];
    const value = `${year}-${pad(month)}`;
    return { value, granularity: 'month', basis: { kind: 'from-anchor', step: 'calendar', anchor: a, result: value } };
  },
);

/** The rules of periods, in the order they take words: a quarter before "a year earlier" said of it. */
export const PERIOD_RULES: readonly DateRule[] = [namedQuarter, latestQuarter, yearEarlierPeriod, season, weekend, decade, monthAfterWord];
