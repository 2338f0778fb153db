import type { Tense } from '../../model/index.ts';

const FUTURE =
  /\b(?:will|shall|going to|is to|are to|to be held|to take place|scheduled for|expected to|upcoming|coming|later this|next|(?:is|are) (?:due|set) to|plans? to)\b|['’]ll\b/i;

/**
 * Words of a plan, an expectation or a deadline, which point ahead even beside a verb in the past: "was
 * scheduled to close Monday", "planned a march on Saturday", "would be paid in January", "could arrive as
 * early as Tuesday", "postponed until Tuesday", "is expected in December". Not "would have", which looks back,
 * nor "expected" as an adjective ("lower-than-expected").
 */
const PLANNED =
  /\b(?:scheduled|planned|planning|plans? to|(?:is|are|was|were|be|been) expected|(?<!than )expected (?:to|in|on|by|for)|expects? to|likely to|would(?! have)|as (?:soon|early) as|(?:postponed|delayed|adjourned|put off|deferred) until)\b/i;

/** A plan already overtaken: "as previously planned", "had been scheduled to expire". */
const PLAN_OF_THE_PAST = /\b(?:previously|originally|had been)\b/i;

/** "Wednesday's ruling": a day already named for what happened on it, whatever is planned around it. */
const isPossessive = (sentence: string, start: number): boolean => /^[\w.-]+['’]s\b/.test(sentence.slice(start, start + 20));

/**
 * A plan, an expectation or a deadline that reaches the expression: said before it in its clause ("is
 * scheduled to close Monday"), not after ("said Friday it would", where the day is the saying's).
 */
export function isPlannedFor(sentence: string, start: number): boolean {
  const from = clauseStart(sentence, start);
  const before = sentence.slice(from, start);
  return PLANNED.test(before) && !PLAN_OF_THE_PAST.test(before) && !isPossessive(sentence, start);
}

/**
 * The tense that picks a weekday or a month: future when a plan reaches it ("was scheduled to close Monday"),
 * else the clause's tense.
 */
export const tenseOfPlan = (sentence: string, start: number, end: number): Tense =>
  isPlannedFor(sentence, start) ? 'future' : tenseAround(sentence, start, end);

/** A verb in the present that news uses for what is planned: "Leaders meet on Thursday", "the summit opens Monday". */
const SCHEDULED_PRESENT =
  /\b(?:meets?|begins?|starts?|opens?|holds?|travels?|visits?|arrives?|leaves?|hosts?|gathers?|convenes?|resumes?|takes place|(?:is|are) (?:on|due|set|scheduled|planned|expected))\b/i;

/** Words of the past: "was", "met", "said", a verb in -ed. */
const PAST =
  /\b(?:was|were|had|did|said|says|told|met|went|came|left|took|held|began|gave|made|saw|spoke|fell|rose|won|lost|[a-z]{3,}ed)\b/i;

/** Where the clause of an expression at `start` begins: the comma or semicolon before it, at most 80 characters back. */
const clauseStart = (sentence: string, start: number): number =>
  Math.max(sentence.lastIndexOf(',', start - 1), sentence.lastIndexOf(';', start - 1), start - 80, 0);

/**
 * The clause an expression stands in: back to the nearest comma or semicolon (at most 80 characters), on to
 * the next one (or 40 characters), so that "Kerry, who arrived on Monday, will leave" reads "who arrived on Monday".
 */
export function clauseAround(sentence: string, start: number, end: number): string {
  const from = clauseStart(sentence, start);
  const comma = sentence.slice(end).search(/[,;]/);
  return sentence.slice(from, comma < 0 ? Math.min(sentence.length, end + 40) : end + comma);
}

/**
 * Future when a word of the clause says so ("will", "is to", "next", …), or when its verb is a present of
 * what is planned ("Leaders meet at a summit on Thursday") and no word of it is past; past otherwise.
 */
export function tenseAround(sentence: string, start: number, end: number): Tense {
  const clause = clauseAround(sentence, start, end);
  if (FUTURE.test(clause)) return 'future';
  return SCHEDULED_PRESENT.test(clause) && !PAST.test(clause) ? 'future' : 'past';
}

/** The tense the clause's words say, or null when none does ("We support convening … this Saturday"): what a guess must not override. */
export function statedTense(sentence: string, start: number, end: number): Tense | null {
  const clause = clauseAround(sentence, start, end);
  if (tenseAround(sentence, start, end) === 'future') return 'future';
  return PAST.test(clause) ? 'past' : null;
}
