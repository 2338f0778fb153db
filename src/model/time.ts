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
  /** How it was resolved, in words. */
  derivation: string;
}

/** The date relative expressions are resolved against, and where it came from. */
export interface Anchor {
  /** YYYY-MM-DD */
  day: string;
  /** "an article published Wed 16 Dec 2015", "the date 'Tuesday, Dec. 15, 2015' in the article" */
  describe: string;
}
