/**
 * The shared pieces of the quote patterns: reporting verbs, noun phrases, whom a speaker tells, and the word
 * counts and trims the rules apply to what they match.
 */
import { AUDIENCE_WORDS, PARTICIPLE_CUES, REPORTING_VERBS } from '../cues.ts';

export const VERBS = REPORTING_VERBS.join('|');
export const PARTS = PARTICIPLE_CUES.join('|');
/** A word of a noun phrase: "Mr.", "U.S.", "Washington's", "al-Assad". */
const W = `(?:(?:[A-Z]\\.){2,}|[A-Z][a-z]{0,2}\\.(?=\\s[A-Z])|[\\p{L}\\p{N}][\\p{L}\\p{N}’'.-]*[\\p{L}\\p{N}]|[\\p{L}])`;
export const NP = `${W}(?:\\s+${W}){0,9}?`;
export const ADVERBS =
  '(?:(?:has|have|had|also|further|now|later|publicly|again|reportedly|then|previously|immediately|in \\w+|on \\w+)\\s+)*';
export const QUOTE_MARK = /["“”]/;
/** A speaker's name in capitals opening a paragraph, then a colon: `PENCE: Well, look, …`, `"KATE BOULDUAN: Why …`. */
export const TRANSCRIPT_LABEL = /^\s*["“]?(?<label>(?:[A-Z][A-Z.'’-]*\s+){0,2}[A-Z][A-Z'’-]+)\s*:\s+(?=\S)/;
/** Whom a speaker tells, between the verb and the quote: "told Press TV", "told reporters". */
export const AUD = `(?:${AUDIENCE_WORDS.join('|')}|[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*){0,2})`;
/** An apposition between a speaker and the verb: "Kerry, speaking in Geneva, said", "Smith, a professor at Oxford, said". */
export const APPOSITION = '(?:,\\s+[^,"“”]{3,80},)?';

/**
 * A reporting verb in the progressive, as running news copy writes it: "Trump is warning voters that …",
 * "The White House is saying that …".
 */
export const PROGRESSIVE =
  '(?:is|are|was|were)\\s+(?:saying|telling|warning|claiming|arguing|insisting|stressing|noting|confirming|announcing|predicting|explaining|reporting|promising|vowing|pledging|acknowledging|admitting|maintaining|declaring|asserting|contending)';
/**
 * What may stand between a speaker in reported speech and the verb: a party and state in brackets ("Sen. Ann
 * Cole (D-Ore.)"), then an apposition of up to 160 characters set off by commas or paired dashes ("Ann Cole, a
 * professor of law at the state university, said").
 */
export const LONG_APPOSITION = '(?:\\s*\\([^()"“”]{1,40}\\))?(?:,\\s+[^"“”]{3,160}?,|\\s+(?:--|[–—])\\s+[^"“”]{3,160}?\\s+(?:--|[–—]))?';

/** The words of a text that hold a letter or digit. */
export const words = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
/** The text without the commas, colons and spaces that end it. */
export const stripEnd = (s: string): string => s.replace(/[\s,;:]+$/, '').trim();
/** A reported clause without the punctuation around it and a leading "publicly". */
export const cleanClause = (s: string): string =>
  s
    .replace(/^[\s,:;]+/, '')
    .replace(/^publicly\s+/i, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();

/** A party and state, or an age, in brackets after a name: "Rep. Jane Doe (D-Wis.)". */
export const BRACKETS = '(?:\\s*\\([^()"“”]{1,40}\\))?';
/**
 * Up to three appositions between a speaker named after a quote and the verb: `"…," Jane Doe, the attorney
 * general of Oklahoma, one of the states suing, said`.
 */
export const APPOSITIONS_AFTER = '(?:,\\s+[^,"“”]{2,100}?(?:,\\s+[^,"“”]{2,100}?){0,2},)?';

/**
 * A cue just after a quote: `"…," Kerry said` (np, verb) or `"…," said Kerry` (verb2, np2). A party and state
 * in brackets, and appositions, may stand between the name and the verb, or after the name that follows it; a
 * dash may stand before the cue (`"…," — he said`).
 */
export const AFTER_CUE = new RegExp(
  `^["”]?\\s*,?\\s*(?:(?:[—–―]|--)\\s*)?(?:(?<np>${NP})${BRACKETS}${APPOSITIONS_AFTER}\\s+${ADVERBS}(?<verb>${VERBS})\\b|(?<verb2>${VERBS})\\s+(?<np2>${NP})(?=\\s*[,.;(]|\\s+(?:in|at|on|after|before|while|during|to)\\b|\\s*$))`,
  'u',
);
/** A participle cue just after a quote: `"…," before adding …`. */
export const PART_AFTER = new RegExp(`^\\s*,?\\s*(?:before\\s+(?:immediately\\s+)?)?(?:${PARTS})\\b`, 'u');
