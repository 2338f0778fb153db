import type { Anchor, RecentDay, TimeExpression } from '../../model/index.ts';
import { chronoDates } from './chrono.ts';
import { PERIOD_RULES } from './periods.ts';
import { PHRASE_RULES } from './phrases.ts';
import { sinceRanges } from './since.ts';
import { type DateRule, type QuarterNamed, dateState } from './state.ts';
import { VAGUE_RULES, yearWrittenAlone } from './vague.ts';

/**
 * Every rule, in the order they take words: periods (quarters, seasons), set phrases, vague words, then
 * chrono's dates, years written alone, and "since …" over what they found.
 */
const RULES: readonly DateRule[] = [...PERIOD_RULES, ...PHRASE_RULES, ...VAGUE_RULES, chronoDates, yearWrittenAlone, sinceRanges];

/**
 * Finds and resolves the temporal expressions of a text. chrono-node reads dates, months and weekdays;
 * what it lacks for news is done by the rules: a bare weekday is the one before the anchor in past-tense prose and
 * the one after in future-tense prose ("this Friday" is the Friday of the anchor's week), a month without a
 * year is the nearest such month in the direction of the tense, "late September" is 20–30 September,
 * "since …" is an open range, and vague phrases are ranges or lengths, never a made-up day. Without an
 * anchor, only expressions that carry their own year are resolved.
 */
export function findTimeExpressions(
  text: string,
  anchor: Anchor | null,
  recent: RecentDay | null = null,
  quarter: QuarterNamed | null = null,
): TimeExpression[] {
  const state = dateState(text, anchor, recent, quarter);
  for (const rule of RULES) rule(state);
  return state.found.sort((a, b) => a.start - b.start);
}
