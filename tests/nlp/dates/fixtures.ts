import type { Anchor, EventMention, RecentDay, TimeExpression } from '../../../src/model/index.ts';
import { publicationAnchor } from '../../../src/nlp/dates/article.ts';
import { type ChronoRule, chronoHits } from '../../../src/nlp/dates/chrono.ts';
import { type DateRule, dateState } from '../../../src/nlp/dates/state.ts';

/** Tiny fixtures for the date rules: a sentence, an anchor, and what a rule makes of them. */
export const wed16Dec2015: Anchor = publicationAnchor('2015-12-16T09:34:26');
export const mon4Jan2016: Anchor = publicationAnchor('2016-01-04');
export const sat12Dec: RecentDay = { day: '2015-12-12', text: 'on Saturday' };

/** text, value, granularity and basis kind: what a test reads of an expression. */
export type Brief = [string, string | null, string, string];
export const brief = (e: TimeExpression): Brief => [e.text, e.value, e.granularity, e.basis.kind];

/** The expressions one rule finds on its own in a sentence. */
export function run(rule: DateRule, text: string, anchor: Anchor | null = wed16Dec2015, recent: RecentDay | null = null): TimeExpression[] {
  const state = dateState(text, anchor, recent);
  rule(state);
  return state.found;
}

/** What a chrono rule makes of the one date chrono reads in a sentence (null: not its kind). */
export function read(
  rule: ChronoRule,
  text: string,
  anchor: Anchor | null = wed16Dec2015,
  recent: RecentDay | null = null,
): TimeExpression | null {
  const state = dateState(text, anchor, recent);
  const hits = chronoHits(state);
  if (hits.length !== 1) throw new Error(`chrono reads ${hits.length} dates in ${JSON.stringify(text)}, not one`);
  return rule(state, hits[0] as (typeof hits)[number]);
}

/** A dated sentence of an article, as ingest makes it. */
export function mention(paragraph: number | null, sentenceIndex: number, sentence: string, time: TimeExpression): EventMention {
  return {
    paragraph,
    sentenceIndex,
    caption: paragraph === null,
    sentence,
    sentenceOffsets: [0, sentence.length],
    time: { ...time, offsets: [time.start, time.end] },
    people: [],
    described: [],
    places: [],
  };
}
