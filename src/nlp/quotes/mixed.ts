/**
 * Mixed quotes: quoted words set in a sentence of reported speech, so the quote is the reported sentence
 * with its quoted part (`Dujarric insisted the blockade was "a violation …" and called for access`).
 */
import type { SpeakerRef } from '../../model/index.ts';
import { FRAMING_LEMMAS, REPORTING_VERBS, verbForms } from '../cues.ts';
import { ADVERBS, AFTER_CUE, LONG_APPOSITION, NP, PART_AFTER, PARTS, PROGRESSIVE, VERBS, cleanClause, stripEnd, words } from './grammar.ts';
import { confidenceOf, person } from './speaker.ts';
import { indirectIn, indirectSpeaker, isReportedClause, participleAfter, thatAfterAdverbial } from './indirect.ts';
import { reportSubject, sentenceSubject } from './subject.ts';
import { type ArticleState, type ParagraphState, type QuoteAt, addDraft, lastMentioned } from './state.ts';
import { allMatches } from '../text.ts';

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
  const { q, ss } = quote;
  const found = mixedCue(state, para, quote, para.text.slice(ss, q.open));
  if (!found) return false;
  const { cue, np, speaker } = found;
  const g = cue.groups as Record<string, string | undefined>;
  const end = ss + (cue.index ?? 0) + cue[0].length;
  addReported(state, para, quote, { verb: g.verb ?? g.part ?? 'according to', np, end, speaker }, 0.85);
  return true;
}

/** Keeps the reported clause of a cue, from the cue (or the "that" after its adverbial) to the sentence's end, as a mixed quote. */
function addReported(state: ArticleState, para: ParagraphState, quote: QuoteAt, cue: FramedCue, base: number): void {
  const told = /^(?:told|tells|telling|warned|warning)$/.test(cue.verb);
  const from = cue.end + (thatAfterAdverbial(para.text.slice(cue.end, quote.q.open), told) ?? 0);
  const to = takeQuotationsOfSentence(para, quote);
  addDraft(state, para, {
    kind: 'mixed',
    text: cleanClause(para.text.slice(from, Math.min(para.text.length, to))),
    span: [from, to],
    sentence: quote.sentence,
    speaker: cue.speaker,
    cue: cue.verb,
    pattern: `${cue.np ?? ''} ${cue.verb} … "…"`.trim(),
    confidence: confidenceOf(cue.speaker, base),
    at: para.base + from,
  });
}

/**
 * `Clinton called half of Trump's supporters "deplorables."`, `Christie described Clinton as a "disgrace"`: a
 * word or two in quotation marks, which alone would be a scare quote, inside a sentence that reports someone's
 * words is their word: the reported sentence is a mixed quote. Without a cue before it (`the so-called
 * "moderate" rebels`) the rule leaves it to `scareQuote`.
 */
export function reportedFragment(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  if (!isFragment(quote.content) || readAsIndirect(para, quote)) return false;
  return (
    passiveAgent(state, para, quote) ||
    mixedQuote(state, para, quote) ||
    framedQuote(state, para, quote) ||
    reportedClause(state, para, quote)
  );
}

/**
 * `Russia says it is fighting "Islamic State" and other groups`: a clause of indirect speech that quotes only a
 * name or a term is left to the indirect rules, which read it whole (quotation marks and all).
 */
export function readAsIndirect(para: ParagraphState, { ss, se, q }: QuoteAt): boolean {
  return indirectIn(para.text.slice(ss, se)).some(
    (m) =>
      ss + m.clauseStart <= q.open && q.open < ss + m.clauseEnd && isReportedClause(para.text.slice(ss + m.clauseStart, ss + m.clauseEnd)),
  );
}

/** A word or two, or a short name in capitals: what stands in quotation marks without being a sentence. */
export const isFragment = (content: string): boolean =>
  words(content) < 2 || (words(content) <= 3 && content.split(/\s+/).every((w) => /^[\p{Lu}]/u.test(w)));

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

/** Every form of the framing verbs and of the reporting verbs, longest first, as one alternation. */
const FRAMING_FORMS = [...new Set([...FRAMING_LEMMAS.flatMap(verbForms), ...REPORTING_VERBS])]
  .sort((a, b) => b.length - a.length)
  .join('|');
const FRAMING_VERB = new RegExp(`(?<![\\p{L}'’-])(?:${FRAMING_FORMS})(?![\\p{L}'’-])`, 'gu');
/** What opens the clause a framing verb's subject stands in: the sentence, a comma, a conjunction or a relative word. */
const CLAUSE_OPENER =
  '(?:^|[,;:]\\s*|\\s(?:and|but|while|as|when|after|before|because|though|although|since|where|if|that|what|which)\\s+)';
/** Adverbs and auxiliaries between a subject and its verb: "has repeatedly", "openly", "on Friday". */
const VERB_ADVERBS = `(?:(?:[a-z]+ly|has|have|had|also|even|then|once|now|later|again|in \\w+|on \\w+|(?:is|are|was|were)(?=\\s+\\w+ing\\b))\\s+)*`;
const SUBJECT_BEFORE = new RegExp(`${CLAUSE_OPENER}(?<np>${NP})${LONG_APPOSITION}\\s+${VERB_ADVERBS}$`, 'u');

/** A framing verb before a quotation, its subject as written, and who that is. */
interface FramedCue {
  verb: string;
  np: string | undefined;
  /** Where the cue ends in the paragraph. */
  end: number;
  speaker: SpeakerRef;
}

/**
 * The framing verb nearest before a quotation in its sentence (outside earlier quotations) whose subject is a
 * speaker: the subject written before it, or, for a participle or an infinitive (`…, calling it "…"`, `took to
 * Twitter to accuse …`), the sentence's own speaker or subject.
 */
export function framedCue(state: ArticleState, para: ParagraphState, quote: QuoteAt): FramedCue | null {
  const { ss, q } = quote;
  const frame = maskQuotations(para, ss, q.open);
  const verbs = allMatches(FRAMING_VERB, frame).reverse();
  for (const m of verbs) {
    const before = frame.slice(0, m.index);
    const end = ss + m.index + m[0].length;
    // `…, calling it "…"`, `took to Twitter to accuse …`, `mocked his rivals and called him "…"`: no subject of its own.
    const nonFinite = m[0].endsWith('ing') || /\bto\s+$/.test(before);
    const subject = nonFinite ? null : SUBJECT_BEFORE.exec(before);
    const np = subject?.groups?.np && agrees(subject.groups.np, m[0]) ? subject.groups.np : undefined;
    const at = para.base + ss + (subject?.index ?? 0);
    const speaker = np ? (relativeAntecedent(np, before, state, at, para.index) ?? reportSubject(np, state, at, para.index)) : null;
    if (np && speaker) return { verb: m[0], np, end, speaker };
    if (nonFinite || (!speaker && COORDINATED.test(before))) {
      const infinitive = /\bto\s+$/.test(before);
      const guessed = infinitive ? sentenceSpeaker(state, para, quote) : mixedSpeaker(state, para, quote, undefined, m[0]);
      if (guessed) return { verb: m[0], np: undefined, end, speaker: guessed };
    }
  }
  return null;
}

/**
 * Whether a subject can go with a verb form: never a possessive (`Mr. Obama's remarks` is a noun, not a verb),
 * and a bare plural in lower case takes no verb in -s (`protests demands`: "demands" is a noun there).
 */
export function agrees(np: string, verb: string): boolean {
  const t = np.trim();
  if (/['’]s?$/.test(t)) return false;
  const bareLowerPlural =
    /^[\p{Ll}][\p{L}-]*s$/u.test(t.split(/\s+/).pop() ?? '') && !/^(?:the|a|an|his|her|its|their|our|this|that)\s/i.test(t);
  return !(bareLowerPlural && /[^s]s$/.test(verb) && !/(?:ss|us|is)$/.test(t));
}

/**
 * The speaker an infinitive goes with: the last speaker of its sentence, else the subject it opens with.
 * Never a person merely named before (`Russians want to maintain …` is no one's report), as a participle's
 * (`…, saying "…"`) may be.
 */
function sentenceSpeaker(state: ArticleState, para: ParagraphState, quote: QuoteAt): SpeakerRef | null {
  const prior = para.drafts.filter((d) => d.at >= para.base + quote.ss && d.speaker.status === 'attributed').pop();
  return prior?.speaker ?? sentenceSubject(para.text.slice(quote.ss, quote.q.open), state, para.base + quote.ss, para.index);
}

/** A verb joined to the one before it, sharing its subject: `mocked his rivals and called him`, `…, and urged`. */
const COORDINATED = new RegExp(`(?:,|\\b(?:and|but|then))\\s+${VERB_ADVERBS}$`, 'u');
/** A framing verb in the past participle just before a quotation: `was described as`, `been called`. */
const PASSIVE_BEFORE = new RegExp(`(?<![\\p{L}])(?<verb>${FRAMING_FORMS})\\s+(?:as\\s+)?(?:(?:a|an|the)\\s+)?$`, 'u');
/** The agent after the quotation: `by the mayor`, `, by Ruiz`. */
const AGENT_AFTER = new RegExp(
  `^["”'’]?\\s*,?\\s+by\\s+(?<np>${NP})(?=\\s*[,.;:!?)]|\\s+(?:in|on|at|during|after|before|while|last|this)\\b|\\s*$)`,
  'u',
);

/**
 * `The plan was described as "a disgrace" by the mayor`, `labelled 'reckless' by Ruiz`: a passive framing verb
 * before the quotation and its agent after it; the agent is the speaker, the sentence up to the agent the
 * mixed quote.
 */
export function passiveAgent(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const { q, ss } = quote;
  const cue = PASSIVE_BEFORE.exec(para.text.slice(ss, q.open));
  const agent = cue?.groups ? AGENT_AFTER.exec(para.text.slice(q.close)) : null;
  const np = agent?.groups?.np;
  const speaker = np ? reportSubject(np, state, quote.at, para.index) : null;
  if (!cue?.groups || !np || !speaker) return false;
  addDraft(state, para, {
    kind: 'mixed',
    text: cleanClause(para.text.slice(ss, q.close)),
    span: [ss, q.close],
    sentence: quote.sentence,
    speaker,
    cue: cue.groups.verb as string,
    pattern: `… ${cue.groups.verb} "…" by ${np}`,
    confidence: confidenceOf(speaker, 0.8),
    at: para.base + ss,
  });
  return true;
}

/**
 * Nouns of saying, the framing verbs made nouns: what a possessive before them claimed, stated or promised
 * (`Trump's claim that "…"`, `his repeated warning that "…"`).
 */
const SAYING_NOUNS =
  'claims?|assertions?|statements?|remarks?|comments?|words|promises?|pledges?|vows?|warnings?|predictions?|suggestions?|insistence|accusations?|allegations?|charges?|complaints?|descriptions?|characterizations?|tweets?|messages?|arguments?|contention|admission|boasts?|declarations?|announcements?|criticism|assurances?|denials?|response|reply|answer|missive|letter|emphasis|rhetoric|description';
const NOUN_CUE = new RegExp(
  `(?<![\\p{L}])(?<owner>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|(?:[\\p{Lu}][\\p{L}.-]*\\s+){0,3}[\\p{Lu}][\\p{L}.-]*['’]s?)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?<noun>${SAYING_NOUNS})\\s+(?:that\\s+|of\\s+|about\\s+|on\\s+|to\\s+)?`,
  'gu',
);
const POSSESSIVE_PRONOUN: Readonly<Record<string, string>> = { his: 'he', her: 'she', their: 'they', its: 'it' };

/**
 * `Trump's recent assertion that "thousands" celebrated`, `Contrary to his claim that people would "learn
 * nothing"`: a noun of saying owned by a speaker, before the quotation in its sentence; the owner is the speaker.
 */
export function nounCue(state: ArticleState, para: ParagraphState, quote: QuoteAt): FramedCue | null {
  const { ss, q } = quote;
  const frame = maskQuotations(para, ss, q.open);
  const m = allMatches(NOUN_CUE, frame).pop();
  if (!m?.groups) return null;
  const owner = m.groups.owner as string;
  const np = POSSESSIVE_PRONOUN[owner.toLowerCase()] ?? owner.replace(/['’]s?$/, '');
  const speaker = reportSubject(np, state, para.base + ss + m.index, para.index);
  if (!speaker || speaker.status !== 'attributed') return null;
  return { verb: m.groups.noun as string, np: owner, end: ss + m.index + m[0].length, speaker };
}

/**
 * `Franklin Graham, who has publicly vowed …`, `Trump, who proclaimed …`: a relative "who" as the subject
 * stands for the name just before it (past an apposition). Null when the subject is not "who".
 */
export function relativeAntecedent(np: string, before: string, state: ArticleState, at: number, paragraph: number): SpeakerRef | null {
  if (!/^who$/i.test(np.trim())) return null;
  const lead = before.replace(/,?\s*who\s+[^,]*$/i, '').replace(/,\s+[^,]{3,80},?$/, '');
  const name = /((?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}[\p{Lu}][\p{L}'’-]+)\s*,?\s*$/u.exec(lead)?.[1];
  const found = name ? reportSubject(name, state, at, paragraph) : null;
  return found?.kind === 'person' ? found : null;
}

/** The sentence from `from` to `to`, its quotations blanked out (their words are not the writer's cues). */
function maskQuotations(para: ParagraphState, from: number, to: number): string {
  let text = para.text.slice(from, to);
  for (const s of para.spans) {
    if (s.close <= from || s.open >= to) continue;
    const a = Math.max(0, s.open - from);
    const b = Math.min(text.length, s.close - from);
    text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}

/**
 * `Gingrich dismissed Estonia as being in the "suburbs of St. Petersburg"`, `Trump took to Twitter to accuse
 * the campaign of being "duped"`: a quotation in the clause of a framing verb (cues.ts: FRAMING_LEMMAS) whose
 * subject is a speaker. The quote runs from the verb to the sentence's end, as a mixed quote does.
 */
export function framedQuote(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const cue = framedCue(state, para, quote) ?? nounCue(state, para, quote);
  if (cue) addReported(state, para, quote, cue, 0.8);
  return cue !== null;
}

/**
 * `"You squeezed them to the breaking point" to drive up the price, she said`, `A cashier who "steals a handful
 * of $20s" is held accountable, Warren said`, `…, according to X`: the grammar of indirect speech (indirect.ts)
 * read over a sentence that holds quotations. A reported clause holding this quotation is a mixed quote, its
 * speaker the clause's reporter.
 */
export function reportedClause(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const { ss, se, q } = quote;
  const found = indirectIn(para.text.slice(ss, se)).find((m) => ss + m.clauseStart <= q.open && q.open < ss + m.clauseEnd);
  const speaker = found ? indirectSpeaker(state, para, found.np, ss, se) : null;
  if (!found || !speaker) return false;
  const from = ss + found.clauseStart;
  let to = ss + found.clauseEnd;
  para.spans.forEach((s, si) => {
    if (s.open >= q.open && s.open < to) {
      para.consumed.add(si);
      to = Math.max(to, s.close);
    }
  });
  addDraft(state, para, {
    kind: 'mixed',
    text: cleanClause(para.text.slice(from, to)),
    span: [from, to],
    sentence: quote.sentence,
    speaker,
    cue: found.cue,
    pattern: found.pattern,
    confidence: confidenceOf(speaker, 0.8),
    at: para.base + from,
  });
  return true;
}

/** A second report joined to the first: `…, and he urged …`, `… but warned …`, `…; Lavrov said …`. */
const SECOND_REPORT = new RegExp(
  `(?:[,;]\\s*|\\s)(?:and|but)\\s+(?:(?:he|she|they|it|we|I|${NP})\\s+)?${VERB_ADVERBS}(?:${FRAMING_FORMS})\\b`,
  'u',
);

/**
 * The quotations from this one to the end of its report become part of the mixed quote; returns where it
 * ends. The report ends with the sentence, or where a participle cue or a second verb opens another (`…,
 * adding that "…"`, `… and urged …`), whose quotations are left to be read as a report of their own.
 */
function takeQuotationsOfSentence(para: ParagraphState, { q, se }: QuoteAt): number {
  const rest = para.text.slice(q.close, se);
  const end = q.close + Math.min(participleAfter(rest)?.index ?? rest.length, SECOND_REPORT.exec(rest)?.index ?? rest.length);
  let to = end;
  para.spans.forEach((s, si) => {
    if (s.open >= q.open && s.open < end) {
      para.consumed.add(si);
      to = Math.max(to, s.close);
    }
  });
  return to;
}
