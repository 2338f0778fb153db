/** How precise a resolved date is. */
export type Granularity = 'day' | 'month' | 'year' | 'range' | 'duration' | 'unresolved';

/** A temporal expression of a sentence, resolved against the article's own date where it can be. */
export interface TimeExpression {
  /** [start, end) in the sentence or paragraph text it was found in. */
  start: number;
  end: number;
  text: string;
  /** ISO 8601 at its own granularity ("2015-12-15", "2015-09", "2014", "2015-09-20/..", "PT10H"), or null. */
  value: string | null;
  granularity: Granularity;
  /**
   * How it was resolved, as facts: what rules and ranking read. The words a reader sees (an answer's
   * `derivation`) are rendered from it when an answer is made (`explainDate` in src/nlp/dates/explain.ts).
   */
  basis: DateBasis;
  /** The time of the day the words give with a day ("10 p.m. Wednesday", "Friday evening"); absent when they give none. */
  clock?: Clock;
}

/** A time of day: a clock time, or a part of the day as TimeML names it (evening: EV). */
export type Clock = { hour: number; minute: number } | { part: 'MO' | 'AF' | 'EV' | 'NI' };

/** The date relative expressions are resolved against, and where it came from. */
export interface Anchor {
  /** YYYY-MM-DD */
  day: string;
  /** "an article published Wed 16 Dec 2015", "the date 'Tuesday, Dec. 15, 2015' in the article" */
  describe: string;
}

/** A day the text dated just before an expression, with the words that dated it: what "the previous day" counts from. */
export interface RecentDay {
  day: string;
  text: string;
}

export type Tense = 'past' | 'future';

/** A month named without a year ("in December"), put in the year the tense of its clause points to. */
export interface MonthByTense {
  tense: Tense;
  /** 1–12 */
  month: number;
  anchor: Anchor;
}

/**
 * How a temporal expression was resolved. Each member carries the facts its explanation is said from, so
 * that the words (`derivation`) are rendered from it and nothing ever reads the words back.
 */
export type DateBasis =
  /** The words give the date whole: "Dec. 15, 2015", "September 2014", "2014". */
  | { kind: 'as-written'; form: 'full-date' | 'month' | 'year' }
  /** A year after a preposition: "in 2011", "since 2014". */
  | { kind: 'as-written'; form: 'year-after-preposition'; year: string }
  /** Day and month without a year ("Dec. 18"): the year that puts it nearest the anchor. */
  | { kind: 'nearest-year'; anchor: Anchor; day: string }
  /** Day and month without a year, the nearest months away against the tense ("March 31" said in the past in October): the year of the tense. */
  | { kind: 'year-by-tense'; tense: Tense; anchor: Anchor; day: string }
  /** "this Friday", "next Monday", "last Thursday". */
  | { kind: 'weekday-by-word'; word: 'this' | 'next' | 'last'; anchor: Anchor; day: string }
  /** A bare weekday: the one on or before the anchor in past-tense prose, the one after in future-tense prose. */
  | { kind: 'weekday-by-tense'; tense: Tense; anchor: Anchor; day: string }
  /** A bare weekday that is the article's own, in future-tense prose: "said Friday it will…" in Friday's paper. */
  | { kind: 'weekday-of-anchor'; anchor: Anchor; day: string }
  /** A month without a year or a day: "in December". */
  | ({ kind: 'month-by-tense' } & MonthByTense)
  /** "early March", "late September": a third of the month; `byTense` when the year came from the tense. */
  | { kind: 'part-of-month'; firstDay: number; lastDay: number; byTense: MonthByTense | null }
  /** Counted from the article's anchor: "two days ago", "yesterday" (`counted`); "last month", "next year" (`calendar`). */
  | { kind: 'from-anchor'; step: 'counted' | 'calendar'; anchor: Anchor; result: string }
  /** Counted from a day the text dated just before: "the previous day", "the day after", "ten days before". */
  | { kind: 'from-text-day'; step: 'day-before' | 'day-after' | 'counted'; recent: RecentDay; result: string }
  /** "in recent weeks/months/years": the three of them up to the anchor. */
  | { kind: 'vague-range'; phrase: 'recent'; unit: 'weeks' | 'months' | 'years'; anchor: Anchor }
  /** "the coming days/weeks/months": so many days after the anchor. */
  | { kind: 'vague-range'; phrase: 'coming'; days: number; anchor: Anchor }
  /** "later this week": the rest of the anchor's week. */
  | { kind: 'vague-range'; phrase: 'rest-of-week'; anchor: Anchor }
  /** "this/last/next week": Monday to Sunday. */
  | { kind: 'vague-range'; phrase: 'calendar-week'; anchor: Anchor }
  /** "earlier this year/month"; `unit` as written. */
  | { kind: 'vague-range'; phrase: 'earlier-this'; unit: string; anchor: Anchor }
  /** "previously", "in the past" (before) and "in the future" (after): open on one side. */
  | { kind: 'open-range'; side: 'before' | 'after'; anchor: Anchor }
  /** "since …": from the start of the date that follows, onwards. */
  | { kind: 'since'; from: string; after: { text: string; value: string | null; granularity: Granularity; basis: DateBasis } }
  /** "now" (the present, TimeML's PRESENT_REF) or "today" (the anchor's day): the present of the writing. */
  | { kind: 'present'; anchor: Anchor; form: 'now' | 'today' }
  /** "for nearly 10 hours": a length of time; `unit` as written. */
  | { kind: 'length'; count: number; unit: string }
  /** "for many years": a length the text does not give; `unit` as written, plural. */
  | { kind: 'untold-length'; unit: string }
  /** "five years after the conflict began", counted from where the article dated that start before. */
  | { kind: 'years-after-event'; event: string; began: number; beganText: string; years: number }
  /** "today" or "now" inside a quote: the day the words were spoken, a day dated just before. */
  | { kind: 'day-spoken'; spoken: RecentDay }
  /**
   * No expression of its own: the words of a speaker whose remarks the article dated shortly before ("X made
   * the remarks … on Tuesday", then "the analyst said …"), taken for the same interview. `speaker` as the
   * article names them; `described` the description that names them here (null for a name); `remarks` the
   * day and the words that dated the remarks, in body paragraph `paragraph` (0-based).
   */
  | { kind: 'remarks-dated'; speaker: string; described: string | null; remarks: RecentDay; paragraph: number }
  /**
   * A quarter of a year: "the third quarter", "fiscal second-quarter" (`how`: its year as written, or the
   * nearest in the direction of the tense), "the latest quarter" (the last one ended by the anchor), "the current
   * quarter", or "a year earlier" said of a quarter the sentence names (the same quarter the year before).
   */
  | {
      kind: 'quarter';
      year: number;
      quarter: number;
      how: 'as-written' | 'by-tense' | 'latest' | 'current' | 'year-before';
      anchor: Anchor | null;
    }
  /** A season: "last fall", "this summer", "the winter of 1994"; `year` as written or from the anchor. */
  | { kind: 'season'; season: 'SP' | 'SU' | 'FA' | 'WI'; year: number; anchor: Anchor | null }
  /** "the weekend", "last weekend": the Saturday and Sunday nearest the anchor in the direction the words say. */
  | { kind: 'weekend'; saturday: string; anchor: Anchor }
  /** "the 1990s", "the nineties": a decade as written; `decade` is its first three digits (199). */
  | { kind: 'decade'; decade: number }
  /** "daily", "every week", "quarterly": something that recurs, not a date; `unit` the period (day, week, month, quarter, year). */
  | { kind: 'recurring'; unit: string }
  /** Not resolved: no anchor to count from, or no day dated just before. */
  | { kind: 'unresolved'; reason: 'no-anchor' | 'no-day-before' };
