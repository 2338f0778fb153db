/**
 * Mixed quotes: quoted words set in a sentence of reported speech, so the quote is the reported sentence
 * with its quoted part (`Dujarric insisted the blockade was "a violation …" and called for access`).
 */
import type { SpeakerRef } from '../../model/index.ts';
import { ADVERBS, AFTER_CUE, LONG_APPOSITION, NP, PART_AFTER, PARTS, PROGRESSIVE, VERBS, cleanClause, stripEnd, words } from './grammar.ts';
import { confidenceOf, person } from './speaker.ts';
import { thatAfterAdverbial } from './indirect.ts';
import { reportSubject, sentenceSubject } from './subject.ts';
import { type ArticleState, type ParagraphState, type QuoteAt, addDraft, lastMentioned } from './state.ts';

const MIXED_RELAY = new RegExp(`(?:reports|quotes|quoted|cites|cited)\\s+(?!that\\b)(?<np5>${NP})\\s+\\w+ing\\s+(?:that\\s+)?`, 'u');
/**
 * Verbs that frame a quoted fragment in news copy without being verbs of saying alone: `Cruz called Trump a
 * "pathological liar"`, `Christie described Clinton as a "disgrace"`, `Trump tweeted that Machado was "a con"`.
 * Only read with a quotation after them in the sentence.
 */
const FRAMING_VERBS =
  'called|calls|described|describes|condemned|condemns|blasted|blasts|criticized|criticised|criticizes|denounced|denounces|dismissed|likened|tweeted|tweets|praised|hailed|labeled|labelled|branded|cited|cites|promised|promises|vowed|vows|pledged|pledges';
const MIXED_CUE = new RegExp(
  `(?:^|[,;]\\s*|\\band\\s+|\\bwhile\\s+)(?<np>${NP})${LONG_APPOSITION}\\s+${ADVERBS}(?<verb>${PROGRESSIVE}|${VERBS}|${FRAMING_VERBS})\\s+(?:that\\s+)?|\\b(?<part>${PARTS})\\s+(?:that\\s+)?|\\b[Aa]ccording to\\s+(?<np3>${NP}),\\s+|\\b[Ff]rom\\s+(?<np4>${NP})['’]s\\s+(?:viewpoint|point of view|perspective),\\s+`,
  'u',
);

/** `The talks, he said, were "going nowhere", Kerry said`: words before the quote in its sentence, then a cue after it. */
export function mixedBeforeTrailingCue(
  state: ArticleState,
  para: ParagraphState,
  quote: QuoteAt,
  speaker: SpeakerRef,
  np: string,
  verb: string,
): void {
  const { q, ss, sentence } = quote;
  const text = stripEnd(para.text.slice(ss, q.close)).replace(/^(?:but|and)\s+/i, '');
  const confidence = confidenceOf(speaker, 0.85);
  addDraft(state, para, {
    kind: 'mixed',
    text,
    span: [ss, q.close],
    sentence,
    speaker,
    cue: verb,
    pattern: `… "…", ${np} ${verb}`,
    confidence,
    at: para.base + ss,
  });
}

/** A cue before a quote as written: its subject, its verb, and the offset where the cue ends. */
export interface LeadingCue {
  np: string;
  verb: string;
  from: number;
}

/**
 * `Kerry called it "a mistake" and left`: a cue before the quote with words after it in the same sentence
 * (and no cue of their own) makes it part of a reported sentence. False when the quote stands alone.
 */
export function mixedAfterLeadingCue(
  state: ArticleState,
  para: ParagraphState,
  quote: QuoteAt,
  cue: LeadingCue,
  speaker: SpeakerRef,
): boolean {
  const { q, se, sentence } = quote;
  const trailing = para.text.slice(q.close, se).replace(/^["”]/, '');
  const anotherCue = AFTER_CUE.test(trailing) || PART_AFTER.test(trailing);
  if (words(trailing) < 2 || anotherCue) return false;
  addDraft(state, para, {
    kind: 'mixed',
    text: cleanClause(para.text.slice(q.open, se)),
    span: [q.open, se],
    sentence,
    speaker,
    cue: cue.verb,
    pattern: `${cue.np} ${cue.verb} "…" …`,
    confidence: confidenceOf(speaker, 0.85),
    at: para.base + Math.min(cue.from, q.open),
  });
  return true;
}

/**
 * `Dujarric insisted the blockade was "a violation …"`, `according to Kerry, the plan is "dead"`, `Cruz called
 * Trump a "liar"`: a reporting cue earlier in the sentence, with words between it and the quote; the quote runs
 * from the cue (or the "that" after its adverbial: `said on Friday that …`) to the sentence's end.
 */
export function mixedQuote(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const { q, ss, sentence } = quote;
  const frame = para.text.slice(ss, q.open);
  const found = mixedCue(state, para, quote, frame);
  if (!found) return false;
  const { cue, np, speaker } = found;
  const g = cue.groups as Record<string, string | undefined>;
  const cueEnd = ss + (cue.index ?? 0) + cue[0].length;
  const verb = g.verb ?? g.part ?? 'according to';
  const from = cueEnd + (thatAfterAdverbial(para.text.slice(cueEnd, q.open), /^(?:told|tells|telling|warned|warning)$/.test(verb)) ?? 0);
  const to = takeQuotationsOfSentence(para, quote);
  addDraft(state, para, {
    kind: 'mixed',
    text: cleanClause(para.text.slice(from, Math.min(para.text.length, to))),
    span: [from, to],
    sentence,
    speaker,
    cue: verb,
    pattern: `${np ?? ''} ${verb} … "…"`.trim(),
    confidence: confidenceOf(speaker, 0.85),
    at: para.base + from,
  });
  return true;
}

/**
 * The cue of a mixed quote in the words before it, and its speaker: the outermost cue first ("Sputnik reports
 * Lavrov saying that Kerry told …" is Lavrov's), then the ordinary one when the relay names no speaker.
 */
export function mixedCue(
  state: ArticleState,
  para: ParagraphState,
  quote: QuoteAt,
  frame: string,
): { cue: RegExpExecArray; np: string | undefined; speaker: SpeakerRef } | null {
  for (const re of [MIXED_RELAY, MIXED_CUE]) {
    const cue = re.exec(frame);
    if (!cue?.groups) continue;
    const g = cue.groups;
    const np = g.np5 ?? g.np ?? g.np3 ?? g.np4;
    const speaker = mixedSpeaker(state, para, quote, np, g.part);
    if (speaker) return { cue, np, speaker };
  }
  return null;
}

/**
 * The cue's subject; for a participle cue without one, the last speaker of the sentence, else the subject the
 * sentence opens with, else the last person named.
 */
function mixedSpeaker(
  state: ArticleState,
  para: ParagraphState,
  quote: QuoteAt,
  np: string | undefined,
  part: string | undefined,
): SpeakerRef | null {
  const speaker = np ? reportSubject(np, state, quote.at, para.index) : null;
  if (speaker || !part) return speaker;
  const prior = para.drafts.filter((d) => d.at >= para.base + quote.ss && d.speaker.status === 'attributed').pop();
  if (prior) return prior.speaker;
  const subject = sentenceSubject(para.text.slice(quote.ss, quote.q.open), state, para.base + quote.ss, para.index);
  if (subject) return subject;
  const nearest = lastMentioned(state, quote.at);
  return nearest ? person(nearest, '(subject of the sentence)', 'sentence-subject') : null;
}

/** The quotations from this one to the sentence's end become part of the mixed quote; returns where it ends. */
function takeQuotationsOfSentence(para: ParagraphState, { q, se }: QuoteAt): number {
  let to = se;
  para.spans.forEach((s, si) => {
    if (s.open >= q.open && s.open < se) {
      para.consumed.add(si);
      to = Math.max(to, s.close);
    }
  });
  return to;
}
