/**
 * Finds the quotes of one article, paragraph by paragraph, and attributes each to a speaker. The rules
 * stand one a function: direct quotes in `direct.ts`, mixed ones in `mixed.ts`, quotes whose cue stands
 * elsewhere in `continued.ts`, indirect speech in `indirect.ts`, who a speaker is in `speaker.ts`; what
 * they share as they read an article in `state.ts`.
 */
import type { Quote } from '../../model/index.ts';
import { findNames } from '../people.ts';
import { introducedInParagraphBefore, quoteLeftOpen, quoteOverParagraphs, speakerOfQuoteBefore, splitQuote } from './continued.ts';
import {
  type QuoteRule,
  leadingCue,
  namedBeforeColon,
  participleCue,
  personBeforeColon,
  scareQuote,
  signedWithDash,
  titleInOpening,
  trailingCue,
} from './direct.ts';
import { speakerInHeadline } from './headline.ts';
import { TRANSCRIPT_LABEL } from './grammar.ts';
import { indirectSpeech } from './indirect.ts';
import { confidenceOf, resolveMention } from './speaker.ts';
import { attributionSpans } from './locate.ts';
import { framedQuote, mixedQuote, passiveAgent, reportedClause, reportedFragment } from './mixed.ts';
import { type Span, quoteSpans, sentenceBounds } from './spans.ts';
import {
  type ArticleState,
  type LocalPerson,
  type ParagraphState,
  isSubjectAt,
  newArticleState,
  peopleBySurname,
  quoteAt,
  registerName,
} from './state.ts';
import { allMatches } from '../text.ts';

export type { Span } from './spans.ts';

/** The rules for a quotation, in the order they are tried: the first that deals with it wins. */
export const QUOTE_RULES: readonly QuoteRule[] = [
  titleInOpening,
  trailingCue,
  signedWithDash,
  reportedFragment,
  scareQuote,
  splitQuote,
  passiveAgent,
  leadingCue,
  participleCue,
  mixedQuote,
  framedQuote,
  reportedClause,
  introducedInParagraphBefore,
  quoteOverParagraphs,
  namedBeforeColon,
  personBeforeColon,
  speakerOfQuoteBefore,
  speakerInHeadline,
];

/**
 * Finds the quotes of one article, paragraph by paragraph, and attributes each to a speaker.
 *
 * Direct quotes are told by a reporting verb next to them (`"…," X said`, `"…," said X`, `X said: "…"`,
 * `X told Press TV, "…"`, `…, saying "…"`), by an introduction that ends the paragraph before (`Sputnik
 * reports him saying the following:`), or as the second half of a quote split around its cue. A quote set in
 * a sentence whose reporting verb stands apart from it is mixed. Indirect speech is a reporting verb with its
 * subject and clause (`X said (that) …`, `…, X said.`, `according to X, …`, `Noting that …, X …`). Pronouns
 * go to the last speaker; descriptions ("the analyst") to the one person of the article whose role fits.
 * One- and two-word quotes with no cue (scare quotes, names) are not quotes. A statement with no cue that
 * follows no one's words goes to the one person the headline names as speaking (`headline`, when given).
 */
export function findQuotes(
  paragraphs: ReadonlyArray<{ text: string }>,
  author: string | null,
  headline: string | null = null,
): Array<Quote & { paragraph: number }> {
  const state = newArticleState(author, headline);
  const out: Array<Omit<Quote, 'article'>> = [];
  paragraphs.forEach((p, pi) => {
    const para = readParagraph(state, p.text, paragraphs[pi - 1]?.text ?? '', pi);
    transcriptLabel(state, para);
    // In the order of the text, so that "he" is whoever spoke last before it.
    for (let si = 0; si < para.sentenceStarts.length; si += 1) {
      const ss = para.sentenceStarts[si] as number;
      const se = para.sentenceStarts[si + 1] ?? para.text.length;
      para.spans.forEach((q, qi) => {
        if (q.open >= ss && q.open < se) readQuotation(state, para, q, qi);
      });
      indirectSpeech(state, para, si);
    }
    para.drafts.sort((x, y) => x.at - y.at);
    for (const d of para.drafts) {
      const { at: _at, ...quote } = d;
      out.push({ ...quote, paragraph: pi, ...attributionSpans(p.text, quote) });
    }
    state.pendingOpen = quoteLeftOpen(para, out);
  });
  return out as Array<Quote & { paragraph: number }>;
}

/**
 * `TAPPER: Do you think …` in a transcript: the words after a person's name in capitals are that person's. The
 * label must name a person (a first and last name, or the surname of someone the article names): `UPDATE:`,
 * `BYLINE:` and `LOOK:` name no one. The paragraph's own quotations are part of the words.
 */
export function transcriptLabel(state: ArticleState, para: ParagraphState): boolean {
  const m = TRANSCRIPT_LABEL.exec(para.text);
  const label = m?.groups?.label;
  if (!m || !label) return false;
  const titled = label.toLowerCase().replace(/(^|[\s'’-])\p{Ll}/gu, (c) => c.toUpperCase());
  for (const n of findNames(titled)) registerName(state, n, para.base + n.start);
  const speaker = resolveMention(titled, state, para.base, para.index);
  if (speaker?.kind !== 'person' || speaker.status !== 'attributed') return false;
  const from = m[0].length;
  const to = para.text.replace(/\s+$/, '').length;
  para.spans.forEach((_, si) => para.consumed.add(si));
  para.drafts.push({
    kind: 'direct',
    text: para.text.slice(from, to).replace(/["”]$/, ''),
    span: [from, to],
    sentence: para.text.slice(0, to),
    speaker: { ...speaker, mention: label },
    cue: ':',
    pattern: 'NAME: … (transcript)',
    confidence: confidenceOf(speaker, 0.9),
    at: para.base + from,
  });
  return true;
}

/** Registers the people a paragraph names and finds its sentences and quotations, before any rule reads it. */
export function readParagraph(state: ArticleState, text: string, previousText: string, index: number): ParagraphState {
  const base = index * 1_000_000;
  const sentenceStarts = sentenceBounds(text);
  registerMentions(state, text, base, sentenceStarts);
  const spans = quoteSpans(text);
  markQuotedMentions(state, spans, base);
  return { index, text, previousText, base, sentenceStarts, spans, drafts: [], used: [], consumed: new Set() };
}

/** A capitalised word, perhaps possessive: a surname alone ("Kerry arrived"). */
const CAPITALISED_WORD = /\b[\p{Lu}][\p{L}-]+(?:['’]s)?\b/gu;

/** The people a paragraph names, and bare surnames of people already named ("Kerry arrived"), as mentions. */
export function registerMentions(state: ArticleState, text: string, base: number, sentenceStarts: readonly number[] = [0]): void {
  const subject = (start: number, end: number): boolean =>
    isSubjectAt(text, sentenceStarts.filter((s) => s <= start).pop() ?? 0, start, end);
  const names = findNames(text);
  for (const m of names) registerName(state, m, base + m.start, subject(m.start, m.end));
  for (const m of allMatches(CAPITALISED_WORD, text)) {
    if (names.some((n) => n.start <= m.index && m.index < n.end)) continue;
    const found = peopleBySurname(state, m[0]);
    const end = m.index + m[0].length;
    if (found.length === 1)
      state.mentions.push({ person: found[0] as LocalPerson, at: base + m.index, inQuote: false, salient: subject(m.index, end) });
  }
  state.mentions.sort((a, b) => a.at - b.at);
}

/** Mentions inside the paragraph's quotations are someone else's words: pronouns do not go to them. */
export function markQuotedMentions(state: ArticleState, spans: readonly Span[], base: number): void {
  for (const m of state.mentions) {
    if (m.at >= base && spans.some((q) => m.at >= base + q.open && m.at < base + q.close)) m.inQuote = true;
  }
}

/** Tries the quote rules on one quotation, unless a mixed quote has already taken it in. */
function readQuotation(state: ArticleState, para: ParagraphState, q: Span, qi: number): void {
  if (para.consumed.has(qi)) return;
  const quote = quoteAt(para, q, qi);
  for (const rule of QUOTE_RULES) if (rule(state, para, quote)) return;
}
