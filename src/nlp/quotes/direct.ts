/**
 * Direct quotes told by a reporting cue next to them: `"…," X said`, `"…," said X`, `X said: "…"`,
 * `X told Press TV, "…"`, `…, saying "…"`, `X disagreed: "…"`. Each rule takes a quotation of the paragraph
 * and returns true when it has dealt with it (kept a quote, or decided it is none).
 */
import type { SpeakerRef } from '../../model/index.ts';
import { ADVERBS, AFTER_CUE, APPOSITION, AUD, BRACKETS, NP, PARTS, VERBS } from './grammar.ts';
import { isFragment, mixedAfterLeadingCue, mixedBeforeTrailingCue } from './mixed.ts';
import { confidenceOf, nobody, person, preferNamed, resolveMention } from './speaker.ts';
import { type ArticleState, type ParagraphState, type QuoteAt, addDirect, lastMentioned } from './state.ts';

/** A rule for one quotation: true when it has dealt with it, and no later rule is tried. */
export type QuoteRule = (state: ArticleState, para: ParagraphState, quote: QuoteAt) => boolean;

/** `Kerry disagreed: "…"`: a named subject, any verb, a colon, then the quote. */
const BEFORE_COLON = new RegExp(`(?:^|[,;]\\s*)(?<np>${NP})\\s+(?<verb>\\w+(?:\\s+\\w+)?)\\s*:\\s*$`, 'u');
const BEFORE_CUE = new RegExp(
  `(?:^|[,;]\\s*|\\band\\s+)(?<np>${NP})${APPOSITION},?\\s+${ADVERBS}(?<verb>${VERBS})(?:\\s+(?<aud>${AUD}))?\\s*[,:]?\\s*$`,
  'u',
);
const BEFORE_PART = new RegExp(`(?:(?<np>${NP})\\s+)?(?<part>${PARTS})(?:\\s+the following)?\\s*[,:]?\\s*$`, 'u');
/** The end `BEFORE_PART` needs (a participle cue last), without the subject it may have: cheap to ask first. */
const ENDS_WITH_PART = new RegExp(`(?:${PARTS})(?:\\s+the following)?\\s*[,:]?\\s*$`, 'u');

/** A dash and a name that end the paragraph after a quote: `“…” ― Ana Ruiz`. */
const DASH_NAME = new RegExp(`^["”]?[\\s,]*(?:[―—–]|--)\\s*(?<np>(?=[\\p{Lu}])${NP})${BRACKETS}[\\s.,]*$`, 'u');

/**
 * `“We deserve better than this.” ― Ana Ruiz`: a quote signed with a dash and a name that ends its paragraph,
 * as readers' or voters' words are set in a list. The name is the speaker; one not otherwise known stays
 * unattributed under its words.
 */
export function signedWithDash(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const m = DASH_NAME.exec(para.text.slice(quote.q.close));
  if (!m?.groups || !quote.q.closed) return false;
  const np = m.groups.np as string;
  const speaker = resolveMention(np, state, quote.at, para.index) ?? nobody(np);
  addDirect(state, para, quote, speaker, '―', `"…" ― ${np}`, confidenceOf(speaker, 0.9));
  return true;
}

/**
 * `"We will not give up," said Merkel.` / `"…," Kerry said`: a quote that ends as speech does, then a cue.
 * Its speaker is whoever the cue names, or no one we can tell, never a guess. Inside a sentence it is mixed.
 */
export function trailingCue(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const { q, after } = quote;
  const a = AFTER_CUE.exec(after);
  const startsSentence = para.text.slice(quote.ss, q.open).trim() === '';
  const endsLikeSpeech = /[,?!]\s*$/.test(q.content) || /^["”]?\s*,/.test(after) || !q.closed;
  if (!a?.groups || !(endsLikeSpeech || (startsSentence && cueEndsSentence(after.slice(a[0].length))))) return false;
  const np = (a.groups.np ?? a.groups.np2) as string;
  const verb = (a.groups.verb ?? a.groups.verb2) as string;
  const speaker = speakerNamedLast(np, state, quote.at, para.index) ?? nobody(np);
  if (startsSentence || q.open === 0) {
    const pattern = a.groups.np ? `"…," ${np} ${verb}` : `"…," ${verb} ${np}`;
    addDirect(state, para, quote, speaker, verb, pattern, confidenceOf(speaker, 0.95));
  } else mixedBeforeTrailingCue(state, para, quote, speaker, np, verb);
  return true;
}

/**
 * `White House press secretary Josh Earnest`, `Representative Jane B. Doe of Ohio`: a title of any words before
 * a person's name, which the speaker rules may not read as a whole. When the whole phrase names no one, the
 * last two or three capitalised words before any `of …` are tried as the name; the mention stays the phrase.
 */
export function speakerNamedLast(np: string, state: ArticleState, at: number, paragraph: number): SpeakerRef | null {
  const whole = resolveMention(np, state, at, paragraph);
  if (whole?.name) return whole;
  const tokens = np.replace(/\s+(?:of|from)\s+[\p{Lu}].*$/u, '').split(/\s+/);
  for (let n = Math.min(3, tokens.length - 1); n >= 2; n -= 1) {
    const tail = tokens.slice(-n);
    if (!tail.every((w) => /^[\p{Lu}]/u.test(w))) continue;
    const found = resolveMention(tail.join(' '), state, at, paragraph);
    if (found?.kind === 'person' && found.name) return { ...found, mention: np };
  }
  return whole;
}

/** What follows a cue that ends its sentence: `.`, or a time or place first (`on Monday.`, `in Iowa;`). */
const CUE_ENDS_SENTENCE =
  /^\s*(?:(?:on|in|at|during|after|before|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^.;"“”]{0,40})?[.;]/;

/**
 * `"The caucus is a battle of niches" Grubbs said.`: a quote without its comma is still speech when it opens
 * the sentence and its cue closes it.
 */
export const cueEndsSentence = (rest: string): boolean => CUE_ENDS_SENTENCE.test(rest);

/** Small words a title keeps in lower case: "Make Your Kid a Millionaire", "Fox and Friends". */
const TITLE_SMALL = /^(?:a|an|the|and|or|of|to|in|on|for|at|by|with|from|as)$/;
/** The opening of a sentence that places it, before a title: "On this weekend's broadcast of", "In his 2002 book,". */
const PLACING_OPENING = new RegExp(
  `^\\s*(?:On|In|At|During|From|Via|Speaking (?:on|to|at)|Appearing on|Writing in)\\s(?![^"“”]*\\b(?:${VERBS})\\b)[^"“”;,]{0,80},?\\s*$`,
  'u',
);

/** Words in capitals as a title has them (small words aside), up to eight. */
export const isTitle = (content: string): boolean => {
  const ws = content.replace(/[\s,.;:]+$/, '').split(/\s+/);
  return ws.length <= 8 && /^[\p{Lu}\d]/u.test(ws[0] ?? '') && ws.every((w) => /^[\p{Lu}\d("'‘“]/u.test(w) || TITLE_SMALL.test(w));
};

/**
 * `On this weekend's broadcast of "Fox News Sunday," Pence said …`, `In his 2002 book, ''Make Your Kid a
 * Millionaire,'' McKinley suggested …`: a title in the phrase that places a sentence is a name, not speech,
 * though a cue follows it.
 */
export function titleInOpening(_state: ArticleState, para: ParagraphState, { q, ss, content }: QuoteAt): boolean {
  return PLACING_OPENING.test(para.text.slice(ss, q.open)) && isTitle(content);
}

/** `the so-called "moderate" rebels`, `the "Islamic State"`: one word, or a short name in capitals, is not speech. */
export function scareQuote(_state: ArticleState, _para: ParagraphState, { content }: QuoteAt): boolean {
  return isFragment(content);
}

/** `Macron said: "Europe must act together."`, `Lavrov told Reuters, "…"`: a cue before the quote. */
export function leadingCue(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const b = BEFORE_CUE.exec(quote.before);
  if (!b?.groups) return false;
  const np = b.groups.np as string;
  const resolved = speakerNamedLast(np, state, quote.beforeStart + (b.index ?? 0) + para.base, para.index);
  const speaker = preferNamed(resolved, b[0], state);
  if (!speaker) return false;
  const from = quote.beforeStart + (b.index ?? 0) + b[0].length;
  if (mixedAfterLeadingCue(state, para, quote, { np, verb: b.groups.verb as string, from }, speaker)) return true;
  const pattern = `${b[0].replace(/^[\s,;]+/, '').trim()} "…"`;
  addDirect(state, para, quote, speaker, b.groups.verb as string, pattern, confidenceOf(speaker, 0.95));
  return true;
}

/** `…, saying "…"`, `Lavrov stressed, "…"`: a participle cue before the quote; without a subject, the last person named. */
export function participleCue(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const bp = ENDS_WITH_PART.test(quote.before) ? BEFORE_PART.exec(quote.before) : null;
  if (!bp?.groups) return false;
  const explicit = bp.groups.np ? resolveMention(bp.groups.np, state, quote.at, para.index) : null;
  const nearest = lastMentioned(state, quote.at);
  const speaker: SpeakerRef | null = explicit ?? (nearest ? person(nearest, '(subject of the sentence)', 'sentence-subject') : null);
  if (!speaker) return false;
  const pattern = `…, ${bp.groups.np ? `${bp.groups.np} ` : ''}${bp.groups.part} "…"`;
  addDirect(state, para, quote, speaker, bp.groups.part as string, pattern, confidenceOf(speaker, explicit ? 0.9 : 0.7));
  return true;
}

/** `Lavrov disagreed: "We have the outline of a deal."`: a person named before a colon, whatever the verb. */
export function namedBeforeColon(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const bc = BEFORE_COLON.exec(quote.before);
  const speaker = bc?.groups ? resolveMention(bc.groups.np as string, state, quote.at, para.index) : null;
  if (!bc?.groups || speaker?.kind !== 'person') return false;
  const { np, verb } = bc.groups;
  addDirect(state, para, quote, speaker, verb as string, `${np} ${verb}: "…"`, confidenceOf(speaker, 0.85));
  return true;
}

/** A person's name just before a colon: `Republican pollster Dana Ortiz:`, `More from Ortiz:`. */
const NAME_COLON = /(?<np>(?:[\p{Lu}][\p{L}.'’-]*\s+){0,3}[\p{Lu}][\p{L}'’-]+)\s*:\s*$/u;

/**
 * `The surge does not surprise pollster Dana Ortiz: "…"`, `Clinton: "…" Bush: "…"`: a person named just
 * before a colon, with no verb, speaks the quote after it. Only a person: `Washington: "…"` is a dateline or
 * a heading.
 */
export function personBeforeColon(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  const m = NAME_COLON.exec(quote.before);
  const np = m?.groups?.np;
  const speaker = np ? speakerNamedLast(np, state, quote.at, para.index) : null;
  if (!np || speaker?.kind !== 'person' || speaker.status !== 'attributed') return false;
  addDirect(state, para, quote, speaker, ':', `${np}: "…"`, confidenceOf(speaker, 0.8));
  return true;
}
