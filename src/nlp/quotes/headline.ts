/**
 * A statement whose speaker only the headline names: `Kerry says Russia must …`, `Putin: ‘…’`, `May warns …`
 * over an article whose quotation has no cue and follows no one's words. The headline is read only when it
 * names one person as the speaker, and the body only where nothing in it could name another.
 */
import { findNames, firstNamesAgree } from '../people.ts';
import { person } from './speaker.ts';
import {
  type ArticleState,
  type LocalPerson,
  type ParagraphState,
  type QuoteAt,
  addDirect,
  peopleBySurname,
  registerName,
} from './state.ts';

/** The verbs of saying a headline uses, in the present tense (either case: headlines are often set in title case). */
const HEADLINE_VERBS = [
  'says',
  'tells',
  'warns',
  'urges',
  'insists',
  'claims',
  'vows',
  'pledges',
  'promises',
  'admits',
  'denies',
  'argues',
  'stresses',
  'declares',
  'announces',
  'predicts',
]
  .map((v) => `[${v[0] as string}${(v[0] as string).toUpperCase()}]${v.slice(1)}`)
  .join('|');
/** A headline that opens with its speaker: up to five capitalised words, then a colon or a verb of saying. */
const HEADLINE_SPEAKER = new RegExp(
  `^\\s*(?<np>(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,4}?[\\p{Lu}][\\p{L}'’-]*)(?:\\s*:\\s|\\s+(?:${HEADLINE_VERBS})\\b)`,
  'u',
);
/** Words that join two speakers or more: "Kerry and Lavrov say", "Kerry, Lavrov: …". */
const JOINT = /\b(?:and|And|AND|or|Or|with|With)\b|[&,]/;

/**
 * The words that name the speaker of a headline (`Kerry` in "Kerry says Russia must act", `Putin` in "Putin:
 * ‘We will respond’"); null when the headline does not open with one speaker and a colon or a verb of saying.
 */
export function headlineSpeaker(headline: string | null): string | null {
  const np = headline ? HEADLINE_SPEAKER.exec(headline)?.groups?.np : undefined;
  return np && !JOINT.test(np) ? np : null;
}

/**
 * The one person of the article the headline's speaker is: the one person the body has named by that surname
 * (a first name, if the headline gives one, must agree), or, when the body names no one by it, a full name the
 * headline gives ("Vladimir Putin"). Null for anything else: two people of one surname, a role ("Trump
 * Campaign Manager"), a country.
 */
export function headlinePerson(state: ArticleState, np: string, at: number): LocalPerson | null {
  const surname = np.split(/\s+/).pop() as string;
  const named = findNames(np).filter((m) => m.end === np.length);
  const found = peopleBySurname(state, surname);
  if (found.length === 1) {
    const p = found[0] as LocalPerson;
    return np === surname || named.some((m) => m.key === p.key && firstNamesAgree(p.first, m.first)) ? p : null;
  }
  const full = named.length === 1 ? named[0] : undefined;
  if (found.length > 0 || !full || full.first === null || full.start !== 0) return null;
  const p = registerName(state, full, at);
  state.mentions.sort((x, y) => x.at - y.at);
  return p;
}

/** Someone other than `p` who has been the subject or a speaker in the body before a point. */
const someoneElseSalient = (state: ArticleState, p: LocalPerson, at: number): boolean =>
  state.mentions.some((m) => m.at < at && m.salient === true && !m.inQuote && m.person !== p);

/**
 * `Kerry says Russia must act` ¶ `"Russia must act now and end the bombing."`: a quotation with no cue gets the
 * one person the headline names as speaking, only where nothing in the body could make it another's: no one
 * has spoken before it (person or organisation), no one else has been the subject of a sentence, and it is a
 * statement of its own (it makes up its sentence). Else it stays as it was (no speaker).
 */
export function speakerInHeadline(state: ArticleState, para: ParagraphState, quote: QuoteAt): boolean {
  if (state.lastSpeaker || state.spoken.size > 0 || state.organisations.length > 0) return false;
  const { q, se, before } = quote;
  if (before.trim() !== '' || !/^[\s.!?]*$/.test(para.text.slice(q.close, se))) return false;
  const np = headlineSpeaker(state.headline);
  const speaker = np ? headlinePerson(state, np, quote.at) : null;
  if (!np || !speaker || someoneElseSalient(state, speaker, quote.at)) return false;
  addDirect(state, para, quote, person(speaker, np, 'headline'), '', 'no cue; the one speaker the headline names', 0.6);
  return true;
}
