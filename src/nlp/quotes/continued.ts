/**
 * Direct quotes whose cue stands elsewhere: the second half of a split quote, a quote introduced at the end
 * of the paragraph before, a quote that carries on from the paragraph before, and a quote with no cue at all
 * that goes on from the speaker before.
 */
import type { Quote, SpeakerRef } from '../../model/index.ts';
import { findNames } from '../people.ts';
import { NP, PARTS, TRANSCRIPT_LABEL, VERBS, words } from './grammar.ts';
import { confidenceOf, nobody, person, resolveMention } from './speaker.ts';
import { type Span, innerSpan, sentenceBounds } from './spans.ts';
import { type ArticleState, type ParagraphState, type QuoteAt, addDirect, peopleBySurname } from './state.ts';

const INTRO_RELAY = new RegExp(`(?:reports|quotes|quoted|cites|cited)\\s+(?<np>${NP})\\s+\\w+ing\\b`, 'u');
const INTRO_SPEAKER = new RegExp(`\\b(?<np>we|he|she|[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)*)\\s+(?:${VERBS})\\b`, 'u');

/** A reporting verb or participle (two running together, "said argued", count as one): to count the cues between two pieces of a quote. */
const ANY_CUE = new RegExp(`\\b(?:${VERBS}|${PARTS})(?:\\s+(?:${VERBS}|${PARTS}))*\\b`, 'gu');

/**
 * `"The door stays open," Baerbock said. "But the terms are ours."`, `"A," said Kerry, a former senator, "B."`:
 * the second piece of a quote split around its one cue joins the first, and the quote's span covers both.
 * The second piece must have no cue of its own and either open the next sentence or follow the cue with a
 * comma or colon; the words between must hold no more than the one cue (`X said, adding: "…"` is two).
 */
export function splitQuote(_state: ArticleState, para: ParagraphState, { q, qi, content, before }: QuoteAt): boolean {
  const prev = para.drafts[para.drafts.length - 1];
  const prevQ = prev ? pieceBefore(para, qi, prev.span[1]) : undefined;
  if (!prev || !prevQ || prev.kind !== 'direct' || prev.span[1] !== innerSpan(para.text, prevQ)[1]) return false;
  const gap = para.text.slice(prevQ.close, q.open);
  const apart = sentenceIndex(para, q.open) - sentenceIndex(para, prevQ.close - 1);
  const joins = apart === 0 ? /[,:]\s*$/.test(gap) : apart === 1 && before.trim() === '';
  if (!joins || gap.length > 250 || (gap.match(ANY_CUE) ?? []).length > 1) return false;
  prev.text = `${prev.text} … ${content}`;
  prev.span = [prev.span[0], innerSpan(para.text, q)[1]];
  prev.pattern = `${prev.pattern} "…"`;
  para.used.push(prev.span);
  return true;
}

/**
 * The quotation before the `qi`-th that ends where the quote `end` does, looking past short titles in the cue
 * between them (`said Ruiz, who hosts "Morning Talk." "…"`); undefined when a longer quotation stands between.
 */
function pieceBefore(para: ParagraphState, qi: number, end: number): Span | undefined {
  for (let j = qi - 1; j >= 0; j -= 1) {
    const s = para.spans[j] as Span;
    if (innerSpan(para.text, s)[1] === end) return s;
    if (words(s.content) > 4) return undefined;
  }
  return undefined;
}

/** Which sentence of the paragraph an offset stands in. */
const sentenceIndex = (para: ParagraphState, at: number): number => para.sentenceStarts.filter((s) => s <= at).length - 1;

/** `Sputnik reports him saying the following:` ¶ `"…"`: a quote opening a paragraph after an introduction ending the one before. */
export function introducedInParagraphBefore(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const prevPara = para.previousText;
  if (quote.q.open !== 0 || prevPara === '' || (!/:\s*$/.test(prevPara) && /[.!?"”]\s*$/.test(prevPara))) return false;
  const lastSentence = prevPara.slice(sentenceBounds(prevPara).pop() ?? 0);
  const np = (INTRO_RELAY.exec(lastSentence) ?? INTRO_SPEAKER.exec(lastSentence))?.groups?.np;
  const speaker = np ? resolveMention(np, state, quote.at, para.index) : null;
  if (!speaker) return false;
  const cue = lastSentence.trim().slice(-40);
  addDirect(state, para, quote, speaker, cue, 'introduced at the end of the paragraph before', confidenceOf(speaker, 0.8));
  return true;
}

/**
 * `She added: "We will stay the course.` ¶ `"And we will win."`: news style leaves the closing mark off every
 * paragraph of a quotation but the last, and opens each paragraph after with a quotation mark. A paragraph that
 * opens with a quotation after one whose quote did not close carries that quote on: its words join the quote as
 * a part of their own (their paragraph, offsets and words), and the whole quote keeps its first paragraph's
 * speaker. After a paragraph whose quotation closed, a paragraph opening with a mark is a new quote; so is a
 * transcript's next turn (`"WALLACE: …`).
 */
export function quoteOverParagraphs(state: ArticleState, para: ParagraphState, { q, content }: QuoteAt): boolean {
  const open = state.pendingOpen;
  // `"WALLACE: …` opens a transcript's next turn: another speaker's words, whatever mark the turn before left open.
  if (!open || q.open !== 0 || TRANSCRIPT_LABEL.test(para.text)) return false;
  const [start, end] = innerSpan(para.text, q);
  const first = { paragraph: open.paragraph, start: open.span[0], end: open.span[1], text: open.text };
  open.parts = [...(open.parts ?? [first]), { paragraph: para.index, start, end, text: content }];
  open.text = `${open.text} ${content}`;
  open.lastParagraph = para.index;
  para.used.push([start, end]);
  return true;
}

/**
 * The quote whose quotation a paragraph leaves open (its last quotation has no closing mark), for the next
 * paragraph to carry on: the quote, among those found so far, whose piece in this paragraph reaches into that
 * quotation (which runs to the paragraph's end). Null when the last quotation closed, or when no rule took the open one as a quote (its
 * continuation is then read on its own, never joined to an earlier quote).
 */
export function quoteLeftOpen<Q extends Pick<Quote, 'paragraph' | 'span' | 'parts'>>(para: ParagraphState, quotes: readonly Q[]): Q | null {
  const last = para.spans[para.spans.length - 1];
  if (!last || last.closed) return null;
  const opensAt = innerSpan(para.text, last)[0];
  for (let i = quotes.length - 1; i >= 0; i -= 1) {
    const quote = quotes[i] as Q;
    const piece = quote.parts?.[quote.parts.length - 1] ?? { paragraph: quote.paragraph, start: quote.span[0], end: quote.span[1] };
    if (piece.paragraph === para.index && piece.end >= opensAt) return quote;
    if (piece.paragraph < para.index) return null;
  }
  return null;
}

/**
 * `"We are close," Kerry said. … "The rest is detail."`: no cue; the words of whoever was quoted just before,
 * in this or the previous paragraph, unless someone else is named as the subject before the quote.
 */
export function speakerOfQuoteBefore(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const last = state.lastSpeaker;
  if (!last || para.index - last.paragraph > 1 || someoneElseNamedBefore(state, para, quote)) return false;
  const { q, content: text, sentence, at } = quote;
  const speaker = continuedSpeaker(state, last, quote);
  const pattern = 'no cue; the speaker of the quote before';
  const span = innerSpan(para.text, q);
  para.drafts.push({
    kind: 'direct',
    text,
    span,
    sentence,
    speaker,
    cue: '',
    pattern,
    confidence: speaker.status === 'attributed' ? 0.5 : 0.3,
    at,
  });
  para.used.push(span);
  return true;
}

const BEFORE = '(the speaker of the quote before)';

/**
 * Whom a quotation with no cue continues: the one person who spoke the quotation before (`last`), when no one
 * else has been the subject of a sentence since its own (a name in passing, "about Assad", is a topic); when
 * someone has, either of them (ambiguous, both named). After a description's quotation ("the announcer said")
 * there is no `last` (see `addDraft`): the person who spoke before that is never guessed.
 */
export function continuedSpeaker(state: ArticleState, last: NonNullable<ArticleState['lastSpeaker']>, quote: QuoteAt): SpeakerRef {
  const others = state.mentions
    .filter((m) => m.at >= (last.sentenceEnd ?? 0) && m.at < quote.at && m.salient && !m.inQuote && m.person !== last.person)
    .map((m) => m.person.name);
  if (others.length === 0) return person(last.person, BEFORE, 'quote-before');
  return { ...nobody(BEFORE, 'ambiguous'), basis: 'quote-before', candidates: [last.person.name, ...new Set(others)] };
}

/**
 * Someone else named as the subject of the sentence before the quote ("Kerry replied …") makes it theirs to
 * tell, not the last speaker's; a name elsewhere in the sentence (a topic: "about Assad") does not.
 */
export function someoneElseNamedBefore(state: ArticleState, para: ParagraphState, { q, ss }: QuoteAt): boolean {
  const lead = para.text.slice(ss, q.open).replace(/^[^,]{0,80},\s+/, '');
  const subject = findNames(lead).find((n) => n.start <= 2) ?? null;
  const subjectWord = /^([\p{Lu}][\p{L}-]+)/u.exec(lead)?.[1];
  return (
    (subject !== null && subject.key !== state.lastSpeaker?.person.key) ||
    (subjectWord !== undefined && peopleBySurname(state, subjectWord).some((p) => p !== state.lastSpeaker?.person))
  );
}
