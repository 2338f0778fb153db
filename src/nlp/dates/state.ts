import type { Anchor, DateBasis, RecentDay, TimeExpression } from '../../model/index.ts';
import { type Resolved, timeExpression } from './explain.ts';
import { allMatches } from '../text.ts';

/**
 * What the rules of one text share: the text, what it is read against, and the expressions found so far
 * (a later rule does not take words an earlier one took). Made by `dateState`, passed to every rule.
 */
export interface DateState {
  readonly text: string;
  /** The article's date, that relative expressions count from; null when the article has none. */
  readonly anchor: Anchor | null;
  /** The day the text dated just before: what "the previous day" and "ten days before" count from. */
  readonly recent: RecentDay | null;
  /** The quarter the text named last before (this paragraph or the one before): what "a year earlier" may be said of. */
  readonly quarter: QuarterNamed | null;
  readonly found: TimeExpression[];
}

/** A rule: finds its own expressions in the state's text and adds them to `found`. */
export type DateRule = (state: DateState) => void;

/** A quarter of a year as the text named it: "the third quarter" of 1989. */
export interface QuarterNamed {
  year: number;
  quarter: number;
}

export const dateState = (
  text: string,
  anchor: Anchor | null,
  recent: RecentDay | null = null,
  quarter: QuarterNamed | null = null,
): DateState => ({
  text,
  anchor,
  recent,
  quarter,
  found: [],
});

/** Have earlier rules taken any of the words [start, end)? */
export const taken = (state: DateState, start: number, end: number): boolean => state.found.some((x) => start < x.end && end > x.start);

export const expressionAt = (state: DateState, start: number, end: number, r: Resolved): TimeExpression =>
  timeExpression(state.text, start, end, r);

export const unresolvedAt = (state: DateState, start: number, end: number, reason: 'no-anchor' | 'no-day-before'): TimeExpression =>
  expressionAt(state, start, end, { value: null, granularity: 'unresolved', basis: { kind: 'unresolved', reason } });

/** A resolved day, the granularity most rules give. */
export const aDay = (day: string, basis: DateBasis): Resolved => ({ value: day, granularity: 'day', basis });

/**
 * A rule of set words: every match of `re` that earlier rules left free becomes an expression, resolved from
 * what `needs` takes of the state (the anchor, the day dated just before), or unresolved for `reason` without it;
 * a rule whose `resolve` gives null leaves those words to later rules.
 */
export function phraseRule<T>(
  re: RegExp,
  needs: (s: DateState) => T | null,
  reason: 'no-anchor' | 'no-day-before',
  resolve: (m: RegExpExecArray, base: T, state: DateState) => Resolved | null,
): DateRule {
  return (state) => {
    for (const m of allMatches(re, state.text)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (taken(state, start, end)) continue;
      const base = needs(state);
      if (base === null) {
        state.found.push(unresolvedAt(state, start, end, reason));
        continue;
      }
      const resolved = resolve(m as RegExpExecArray, base, state);
      if (resolved) state.found.push(expressionAt(state, start, end, resolved));
    }
  };
}

/**
 * A rule asked only of texts that hold words every match of its expression holds (`mustHave`, read with the same
 * flags): a cheap test first, for a rule whose expression is slow to fail on a sentence without them.
 */
export const onlyWith =
  (mustHave: RegExp, rule: DateRule): DateRule =>
  (state) => {
    if (mustHave.test(state.text)) rule(state);
  };

/** Needs nothing: a length, a year as written. */
export const NOTHING = (): true => true;
const ANCHOR = (s: DateState): Anchor | null => s.anchor;
export const anchored = (re: RegExp, resolve: (m: RegExpExecArray, a: Anchor, s: DateState) => Resolved | null): DateRule =>
  phraseRule(re, ANCHOR, 'no-anchor', resolve);
export const lower = <T extends string>(m: RegExpExecArray, group: number): T => (m[group] as string).toLowerCase() as T;
export const yearAndMonth = (a: Anchor): [number, number] => a.day.split('-').map(Number) as [number, number];
