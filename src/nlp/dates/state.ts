import type { Anchor, DateBasis, RecentDay, TimeExpression } from '../../model/index.ts';
import { type Resolved, timeExpression } from './explain.ts';

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
  readonly found: TimeExpression[];
}

/** A rule: finds its own expressions in the state's text and adds them to `found`. */
export type DateRule = (state: DateState) => void;

export const dateState = (text: string, anchor: Anchor | null, recent: RecentDay | null = null): DateState => ({
  text,
  anchor,
  recent,
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
