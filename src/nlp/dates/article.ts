import type { Anchor, DateBasis, EventMention, RecentDay, TimeExpression } from '../../model/index.ts';
import { isFullDateAsWritten, readsThePresent } from './basis.ts';
import { addDays } from './calendar.ts';
import { timeExpression } from './explain.ts';
import { findTimeExpressions } from './find.ts';
import type { QuarterNamed } from './state.ts';
import { NUMBER_WORDS, humanDate } from './words.ts';

/** The anchor of an article: its publication day, described as the derivations say it. */
export function publicationAnchor(published: string): Anchor {
  const day = published.slice(0, 10);
  return { day, describe: `an article published ${humanDate(day)}` };
}

/**
 * The article's anchor: its publication day; else the latest full date its own text gives (an article is
 * written on or after every day it names: a caption's "Tuesday, Dec. 15, 2015"); else none, and relative
 * expressions stay unresolved.
 */
export function anchorOf(published: string | null, texts: readonly string[]): Anchor | null {
  if (published) return publicationAnchor(published);
  let best: RecentDay | null = null;
  for (const text of texts) {
    for (const e of findTimeExpressions(text, null)) {
      if (e.granularity === 'day' && e.value && isFullDateAsWritten(e.basis) && (best === null || e.value > best.day))
        best = { day: e.value, text: e.text };
    }
  }
  return best ? { day: best.day, describe: `an undated article whose text gives the date "${best.text}" (${humanDate(best.day)})` } : null;
}

/** The day dated last in this paragraph (or caption), in this sentence or the one before: what "the previous day" counts from. */
export function recentDayOf(earlier: readonly EventMention[], paragraph: number | null, sentenceIndex: number): RecentDay | null {
  const near = earlier.findLast(
    (x) => x.time.granularity === 'day' && x.time.value !== null && x.paragraph === paragraph && x.sentenceIndex >= sentenceIndex - 1,
  );
  return near ? { day: near.time.value as string, text: near.time.text } : null;
}

/** The quarter named last in this paragraph or the one before ("Third-quarter net fell."): what "a year earlier" is said of. */
export function quarterNamedBefore(earlier: readonly EventMention[], paragraph: number | null): QuarterNamed | null {
  const b = earlier.findLast(
    (x) =>
      x.time.basis.kind === 'quarter' &&
      x.time.basis.how !== 'year-before' &&
      paragraph !== null &&
      x.paragraph !== null &&
      paragraph - x.paragraph <= 1,
  )?.time.basis;
  return b?.kind === 'quarter' ? { year: b.year, quarter: b.quarter } : null;
}

/**
 * "five years after the conflict began": counted from the start of that event where the article dated it
 * before ("since the start of the Syrian conflict in 2011"); null when it did not.
 */
export function yearsAfterEvent(sentence: string, earlier: readonly EventMention[]): TimeExpression | null {
  const m =
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (years?|months?) (?:after|since) the ([a-z]+(?: [a-z]+)?) (?:began|started|broke out)\b/i.exec(
      sentence,
    );
  if (!m) return null;
  const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS[(m[1] as string).toLowerCase()] ?? 0);
  const event = (m[3] as string).split(' ').pop() as string;
  const started = new RegExp(`\\b(?:start|beginning|outbreak) of the (?:\\w+ )?${event}\\b|\\b${event} (?:began|started)`, 'i');
  const start = earlier.findLast((e) => e.time.value !== null && /^\d{4}/.test(e.time.value) && started.test(e.sentence));
  if (!start?.time.value) return null;
  const began = Number(start.time.value.slice(0, 4));
  const years = /^year/i.test(m[2] as string) ? n : Math.floor(n / 12);
  return timeExpression(sentence, m.index, m.index + m[0].length, {
    value: String(began + years),
    granularity: 'year',
    basis: { kind: 'years-after-event', event, began, beganText: start.time.text, years },
  });
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };

/**
 * "12 days after the vote", "two weeks before the election": counted from the day the article dated that
 * event before (the last dated sentence naming it), not from whatever day was dated just before. Unresolved
 * when the article did not date it; null when the words are not of this shape.
 */
export function countedFromEvent(sentence: string, earlier: readonly EventMention[]): TimeExpression | null {
  const m =
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a) (days?|weeks?) (after|before) the ([a-z]+)\b/i.exec(
      sentence,
    );
  if (!m) return null;
  const n = /^\d+$/.test(m[1] as string) ? Number(m[1]) : (NUMBER_WORDS[(m[1] as string).toLowerCase()] ?? 1);
  const days = n * (UNIT_DAYS[(m[2] as string).replace(/s$/, '').toLowerCase()] ?? 1) * (/after/i.test(m[3] as string) ? 1 : -1);
  // "the vote" is named by "voted", "voting" too.
  const names = new RegExp(`\\b${(m[4] as string).replace(/e$/, '')}`, 'i');
  const event = earlier.findLast((e) => e.time.granularity === 'day' && e.time.value !== null && names.test(e.sentence));
  const [start, end] = [m.index, m.index + (m[0].length - (m[4] as string).length - 5)];
  if (!event?.time.value) {
    return timeExpression(sentence, start, end, {
      value: null,
      granularity: 'unresolved',
      basis: { kind: 'unresolved', reason: 'no-day-before' },
    });
  }
  const recent = { day: event.time.value, text: event.time.text };
  const result = addDays(recent.day, days);
  return timeExpression(sentence, start, end, {
    value: result,
    granularity: 'day',
    basis: { kind: 'from-text-day', step: 'counted', recent, result },
  });
}

/**
 * The dates of one sentence of an article: its expressions, counted from the day dated just before where
 * they need one, and "N years after the X began" where the article dated that start.
 */
export function datesOfSentence(
  sentence: string,
  anchor: Anchor | null,
  earlier: readonly EventMention[],
  paragraph: number | null,
  sentenceIndex: number,
): TimeExpression[] {
  const found = findTimeExpressions(
    sentence,
    anchor,
    recentDayOf(earlier, paragraph, sentenceIndex),
    quarterNamedBefore(earlier, paragraph),
  );
  const since = yearsAfterEvent(sentence, earlier);
  if (since && !found.some((e) => e.start < since.end && e.end > since.start)) found.push(since);
  const counted = countedFromEvent(sentence, earlier);
  if (!counted) return found;
  return [...found.filter((e) => e.end <= counted.start || e.start >= counted.end), counted].sort((a, b) => a.start - b.start);
}

/**
 * "today" or "now" inside a quote is the day the words were spoken: the day dated last in this or the
 * previous paragraph, within the week before the anchor. Null when the expression is not the present or no
 * such day is dated (it keeps the anchor's day).
 */
export function daySpoken(
  time: TimeExpression,
  anchor: Anchor | null,
  earlier: readonly EventMention[],
  paragraph: number,
): TimeExpression | null {
  if (!anchor || !readsThePresent(time.basis)) return null;
  const weekBefore = addDays(anchor.day, -7);
  const spoken = earlier.findLast(
    (x) =>
      x.time.granularity === 'day' &&
      x.time.value !== null &&
      x.time.value < anchor.day &&
      x.time.value >= weekBefore &&
      x.paragraph !== null &&
      paragraph - x.paragraph <= 1,
  );
  if (!spoken?.time.value) return null;
  const basis: DateBasis = { kind: 'day-spoken', spoken: { day: spoken.time.value, text: spoken.time.text } };
  return { ...time, value: spoken.time.value, basis };
}
