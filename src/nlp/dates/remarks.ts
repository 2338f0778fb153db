import type { EventMention, TimeExpression } from '../../model/index.ts';
import { insideQuotation } from '../coref.ts';
import type { SpeechAct } from '../speech.ts';
import { datesSomething, isRemarksDated, isWeakBasis } from './basis.ts';

/** How many paragraphs after a speaker's dated remarks their undated words are still taken for the same interview. */
export const REMARKS_REACH = 3;

/** A speaker's remarks the text dates to a day: "Eric Draitser … made the remarks … on Tuesday". */
export interface DatedRemarks {
  speaker: string;
  /** The body paragraph they stand in (0-based). */
  paragraph: number;
  /** The expression that dates them, resolved to a day. */
  time: TimeExpression;
  /** Its mention's place among the article's mentions of expressions (what dates were told after it). */
  mention: number;
}

/**
 * Words that put a speaker's words at another time than the interview, though no rule dates them: "at the
 * time", "said then", "the following morning", "earlier", "years ago".
 */
const ANOTHER_TIME =
  /\b(?:at the time|then|earlier|previously|formerly|ago|in the past|(?:the )?(?:following|next|previous|same) (?:day|morning|afternoon|evening|night|week|month|year))\b/i;

/**
 * The words of a speech act's setting, all that may stand between the act and its date: whom it was told,
 * where and how ("told Press TV on Sunday", "made the remarks in an interview with Press TV on Tuesday").
 * A verb or a clause between them ("said Russia launched strikes on Tuesday") makes the date another event's.
 */
const SETTING_WORD =
  /^(?:\p{Lu}[\p{L}.'’&-]*|the|a|an|in|at|to|with|during|on|from|by|his|her|their|its|reporters|journalists|interview|news|conference|briefing|press|statement|remarks|comments|speech|televised|television|radio|telephone|phone|call|session|channel|website)$/u;
const MAX_SETTING_WORDS = 12;

const isSetting = (text: string): boolean => {
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  return words.length <= MAX_SETTING_WORDS && words.every((w) => SETTING_WORD.test(w));
};

/**
 * Does an expression of a sentence date a speech act of it, so that the act's speaker spoke that day? The
 * expression is resolved to a day (not "now" or "today", the writing's, nor a day counted from another the text
 * dated: "ten days before"), stands outside quotation marks, and
 * modifies the act: before its subject ("On Tuesday, Kerry said"), between subject and cue ("Kerry on Tuesday
 * said"), or after the act with only its setting between ("told Press TV on Sunday").
 */
export function datesTheAct(sentence: string, act: SpeechAct, time: TimeExpression): boolean {
  if (time.granularity !== 'day' || time.value === null || !datesSomething(time.basis)) return false;
  if (isWeakBasis(time.basis) || isRemarksDated(time.basis) || insideQuotation(sentence, time.start)) return false;
  // "Yet, ten days before, Kerry said …": a day counted from another the text dated is an occasion set apart
  // from the one the article tells, not the interview its next sentences go on with.
  if (time.basis.kind === 'from-text-day') return false;
  const [subject, cue] = [act.subject, act.cue];
  const first = Math.min(subject[0], cue[0]);
  if (time.end <= first) return /^\s*,?\s*$/.test(sentence.slice(time.end, first));
  if (subject[1] <= time.start && time.end <= cue[0]) return true;
  const after = Math.max(cue[1], subject[0] > cue[0] ? subject[1] : 0);
  return time.start >= after && isSetting(sentence.slice(after, time.start));
}

/**
 * The date of a speech act its sentence does not date ("The geopolitical analyst said …"): the day of the same
 * speaker's last remarks the article dated before it, at most REMARKS_REACH paragraphs back, when the article
 * has told of no other time since (`earlier`: the mentions of expressions so far; "now" and lengths tell of
 * none) and the sentence has no words of another time ("at the time", "earlier"). An expression of no words at
 * the act's cue, with a `remarks-dated` basis; null otherwise.
 */
export function remarksDated(
  sentence: string,
  act: SpeechAct,
  remarks: readonly DatedRemarks[],
  earlier: readonly EventMention[],
  paragraph: number,
): TimeExpression | null {
  const dated = remarks.findLast((r) => r.speaker === act.speaker);
  if (!dated || paragraph < dated.paragraph || paragraph - dated.paragraph > REMARKS_REACH || ANOTHER_TIME.test(sentence)) return null;
  const day = dated.time.value as string;
  const otherTime = (e: EventMention): boolean => e.time.value !== day && datesSomething(e.time.basis) && !isWeakBasis(e.time.basis);
  if (earlier.slice(dated.mention + 1).some(otherTime)) return null;
  return {
    start: act.cue[0],
    end: act.cue[0],
    text: '',
    value: day,
    granularity: 'day',
    basis: {
      kind: 'remarks-dated',
      speaker: act.speaker,
      described: act.description,
      remarks: { day, text: dated.time.text },
      paragraph: dated.paragraph,
    },
  };
}
