/**
 * Words that place something in time without a date: "recently", "currently", "soon", "the future"
 * (TimeML's PAST_REF, PRESENT_REF, FUTURE_REF), and words of recurrence ("daily", "every week"), which
 * date nothing. Also a year written alone ("1990 results"), after chrono-node has read the full dates.
 */
import { addDays } from './calendar.ts';
import { type DateRule, NOTHING, anchored, aDay, lower, onlyWith, phraseRule } from './state.ts';
import { allMatches } from '../text.ts';

/** "recently", "more recently", "lately": some time before the anchor (the adjective "recent rounds" dates nothing). */
export const recentlyBefore: DateRule = anchored(/\b(?:more\s+|until\s+|only\s+)?(?:recently|lately)\b/gi, (_m, a) => ({
  value: `../${a.day}`,
  granularity: 'range',
  basis: { kind: 'open-range', side: 'before', anchor: a },
}));

/** "currently", "current", "nowadays", "these days", "at present": the present of the writing. */
export const currently: DateRule = onlyWith(
  /current|nowadays|these days|present/i,
  anchored(/\b(?:currently|current|nowadays|these days|at present|presently)\b/gi, (_m, a) =>
    aDay(a.day, { kind: 'present', anchor: a, form: 'now' }),
  ),
);

/**
 * "soon", "the near future", "for the future", "future quarters": any time after the anchor. Not the future of
 * something ("Assad's future", "discuss the future of Syria"): that is a fate, not a time.
 */
export const soonAfter: DateRule = onlyWith(
  /soon|future/i,
  anchored(
    /\b(?:soon|the\s+(?:near|foreseeable|immediate)\s+future|(?<=\b(?:for|into|to)\s+)the\s+future(?!\s+of\b)|future(?=\s+(?:quarters|years|months|weeks|periods)\b))\b/gi,
    (_m, a) => ({
      value: `${addDays(a.day, 1)}/..`,
      granularity: 'range',
      basis: { kind: 'open-range', side: 'after', anchor: a },
    }),
  ),
);

const EVERY: Record<string, string> = {
  daily: 'day',
  nightly: 'night',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
  annually: 'year',
  yearly: 'year',
};

/** "daily", "every week", "each month", "quarterly": something that recurs, not a date. */
export const recurring: DateRule = phraseRule(
  /\b(?:(daily|nightly|weekly|monthly|quarterly|annually|yearly)|(?:every|each)\s+(day|night|week|month|quarter|year|morning|evening))\b/gi,
  NOTHING,
  'no-anchor',
  (m) => ({
    value: null,
    granularity: 'duration',
    basis: { kind: 'recurring', unit: m[1] ? (EVERY[lower(m, 1)] as string) : lower(m, 2) },
  }),
);

/** What a number of four digits counts when it is not a year: "2000 troops". */
const COUNTED =
  /^\s+(?:people|persons|troops|soldiers|men|women|children|members|workers|jobs|employees|km|miles|meters|feet|tons|tonnes|dollars|euros|pounds|shares|cars|homes|units|points|votes|rounds|residents|refugees|cases|deaths|times)\b/i;

/** Four digits that may be a year written alone (see `yearWrittenAlone`). */
const YEAR_ALONE = /(?<![\d$£€.,/-]|\d[\s.,])\b(?:1[89]\d\d|20\d\d)\b(?![-–/]\d|[.,]\d|\s*%|['’]?s\b)/g;

/** A year written alone, "1990 results", "in fiscal 1989": the year as written (not "$1990", "1,990", "1990-91", "2000 troops"). */
export const yearWrittenAlone: DateRule = (state) => {
  for (const m of allMatches(YEAR_ALONE, state.text)) {
    const end = m.index + m[0].length;
    if (state.found.some((x) => m.index < x.end && end > x.start) || COUNTED.test(state.text.slice(end, end + 14))) continue;
    state.found.push({
      start: m.index,
      end,
      text: m[0],
      value: m[0],
      granularity: 'year',
      basis: { kind: 'as-written', form: 'year' },
    });
  }
};

/** The rules of vague words, after the set phrases ("in recent weeks", "in the future" are theirs). */
export const VAGUE_RULES: readonly DateRule[] = [recentlyBefore, currently, soonAfter, recurring];
