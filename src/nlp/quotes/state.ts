/**
 * What the rules share while they read an article: the people named so far and who spoke last (for pronouns
 * and descriptions), and, for the paragraph being read, its quotations and the quotes found in it so far.
 */
import type { Quote, SpeakerRef } from '../../model/index.ts';
import { genderOf as genderFrom } from '../coref.ts';
import { type NameMention, firstNamesAgree, surnameKey } from '../people.ts';
import { type Span, innerSpan, sentenceOf } from './spans.ts';

export interface LocalPerson {
  name: string;
  first: string | null;
  key: string;
  role: string | null;
  /** Known from an honorific, a gendered role word or a pronoun already resolved to them; else null. */
  gender: 'm' | 'f' | null;
}

/** A person spoken of at a point of the article, and whether the mention stands inside a quotation. */
export interface Mention {
  person: LocalPerson;
  /** Absolute position (paragraph * 1e6 + offset). */
  at: number;
  inQuote: boolean;
  /** The subject of its sentence or the speaker of a quote: whom a later "he" or "she" most likely continues. */
  salient?: boolean;
}

/** Per-article state: the people named so far and who spoke last, for pronouns and descriptions. */
export interface ArticleState {
  /** The byline's author, for "we"; null unless the byline is a plain "First Last". */
  readonly author: string | null;
  /** The article's headline (null when it has none): it may name the speaker of a statement the body leaves bare. */
  readonly headline: string | null;
  /** The people named so far, by surname key. */
  readonly people: Map<string, LocalPerson[]>;
  /** People in order of mention. */
  readonly mentions: Mention[];
  /**
   * The one person who spoke the last quotation, the paragraph it stands in, and where its sentence ends (an
   * absolute position); null when the last quotation's speaker is no one person (a description, no one).
   */
  lastSpeaker: { person: LocalPerson; paragraph: number; sentenceEnd?: number } | null;
  /** The people who spoke so far (the speaker of a quote, direct or reported). */
  readonly spoken: Set<LocalPerson>;
  /** The organisations that spoke so far ("the Russian Foreign Ministry said"), in order, with their paragraph. */
  readonly organisations: Array<{ name: string; paragraph: number }>;
  /** The last quote of the paragraph before, when its quotation opened there and did not close. */
  pendingOpen: Omit<Quote, 'article'> | null;
}

/** A quote found in the paragraph being read, before it is given its paragraph. */
export interface Draft extends Omit<Quote, 'article' | 'paragraph'> {
  /** Absolute position for ordering (paragraph * 1e6 + offset). */
  at: number;
}

/** The paragraph being read: its text and quotations, and what the rules have found in it so far. */
export interface ParagraphState {
  /** 0-based paragraph index. */
  readonly index: number;
  readonly text: string;
  /** The text of the paragraph before ('' for the first). */
  readonly previousText: string;
  /** index * 1e6: added to an offset, a position in the article. */
  readonly base: number;
  readonly sentenceStarts: readonly number[];
  readonly spans: readonly Span[];
  readonly drafts: Draft[];
  /** The spans of the text the quotes found so far cover, so that indirect speech does not read them again. */
  readonly used: Array<[number, number]>;
  /** Quotations a mixed quote has taken in already (by index in `spans`). */
  readonly consumed: Set<number>;
}

/** The state at the start of an article: no one named yet, no one has spoken. */
export function newArticleState(byline: string | null, headline: string | null = null): ArticleState {
  const author = byline && /^[\p{Lu}][\p{L}-]+\s+[\p{Lu}][\p{L}-]+$/u.test(byline) ? byline : null;
  return { author, headline, people: new Map(), mentions: [], lastSpeaker: null, spoken: new Set(), organisations: [], pendingOpen: null };
}

/** The gender an honorific or a role word tells ("Mrs. May", "the spokesman"); null when none does. */
export const genderOf = (m: NameMention): 'm' | 'f' | null => genderFrom(m.name, m.role);

/**
 * Records a name found in the text: a new person, or more about one already named (first name, role, gender).
 * A name without a first name that two people of the article share is recorded as a mention of neither.
 */
export function registerName(state: ArticleState, m: NameMention, at: number, salient = false): LocalPerson {
  const list = state.people.get(m.key) ?? [];
  const agreeing = list.filter((x) => firstNamesAgree(x.first, m.first));
  // "Clinton said" where Bill and Hillary Clinton are named: a mention of neither (the speaker rules decide).
  if (m.first === null && agreeing.length > 1) return agreeing[0] as LocalPerson;
  let p = agreeing[0];
  if (!p) {
    p = { name: m.name, first: m.first, key: m.key, role: m.role, gender: genderOf(m) };
    list.push(p);
    state.people.set(m.key, list);
  } else {
    if (!p.first && m.first) {
      p.first = m.first;
      p.name = m.name;
    }
    p.role ??= m.role;
    p.gender ??= genderOf(m);
  }
  state.mentions.push({ person: p, at, inQuote: false, salient });
  return p;
}

/** A bare surname ("Kerry", "Lavrov's") of someone already named; ambiguous when two share it. */
export function peopleBySurname(state: ArticleState, word: string): LocalPerson[] {
  return state.people.get(surnameKey(word.replace(/['’]s$/, ''))) ?? [];
}

/** The last person named before a point, outside quotations (words quoted are someone else's). */
export function lastMentioned(state: ArticleState, before: number, accept: (p: LocalPerson) => boolean = () => true): LocalPerson | null {
  for (let i = state.mentions.length - 1; i >= 0; i -= 1) {
    const m = state.mentions[i] as Mention;
    if (m.at < before && !m.inQuote && accept(m.person)) return m.person;
  }
  return null;
}

/** How many paragraphs back a subject or a speaker stays the one a pronoun continues. */
const SALIENT_PARAGRAPHS = 2;

/**
 * The last subject or speaker before a point, within the last paragraphs, that `accept` takes: `"…," Kerry said
 * after meeting Putin. "…," he added` continues Kerry, the subject, not Putin, the last name.
 */
export function lastSalient(state: ArticleState, before: number, accept: (p: LocalPerson) => boolean = () => true): LocalPerson | null {
  const from = (Math.floor(before / 1_000_000) - SALIENT_PARAGRAPHS) * 1_000_000;
  for (let i = state.mentions.length - 1; i >= 0; i -= 1) {
    const m = state.mentions[i] as Mention;
    if (m.at < from) return null;
    if (m.at < before && m.salient && !m.inQuote && accept(m.person)) return m.person;
  }
  return null;
}

/** Lower-case words of a title before a name: "Trump lawyer Marc Kasowitz", "White House press secretary Josh Earnest". */
const TITLE_WORDS =
  'the|of|for|and|former|presidential|vice|nominee|candidate|running|mate|lawyer|attorney|spokesman|spokeswoman|spokesperson|press|secretary|senator|president|chairman|chairwoman|chair|adviser|advisor|aide|director|manager|governor|mayor|leader|minister|host|anchor|analyst|professor|rival|opponent|campaign|chief|general|rep|sen|gov';
/** Words that may open a sentence before its subject: a connective, a phrase closed by a comma, title words. */
const BEFORE_SUBJECT = new RegExp(
  `^\\s*["“]?\\s*(?:(?:But|And|So|Yet|Still|Meanwhile|However|Then|Now|Later|Also|Instead),?\\s+)?(?:[^"“”]{0,90}?,\\s+)?(?:(?:[\\p{Lu}][\\p{L}.'’-]*|${TITLE_WORDS})\\s+){0,7}$`,
  'u',
);

/**
 * Does a name at [start, end) of a text stand as the subject of the sentence that opens at `sentenceStart`:
 * nothing but a connective, an opening phrase or title words before it, and no possessive after it ("Trump’s
 * campaign said" is the campaign speaking)?
 */
export function isSubjectAt(text: string, sentenceStart: number, start: number, end: number): boolean {
  return BEFORE_SUBJECT.test(text.slice(sentenceStart, start)) && !/^['’]s\b/.test(text.slice(end, end + 3));
}

/**
 * Keeps a quote, and makes its speaker (one person) the last one spoken of and, for words in quotation marks,
 * the last speaker: a later quotation without a cue continues quoted words, not a report in the writer's words.
 */
export function addDraft(state: ArticleState, para: ParagraphState, draft: Draft): void {
  const d = draft.speaker.basis === 'sentence-subject' && draft.kind === 'direct' ? participleSubject(state, para, draft) : draft;
  para.drafts.push(d);
  para.used.push(d.span);
  const one = d.speaker.kind === 'person' && d.speaker.members.length === 1 && d.speaker.status === 'attributed';
  // A quotation of a description ("the announcer said") or of no one tells that someone else spoke: the quote
  // after it does not continue the person before.
  if (!one && d.kind !== 'indirect') state.lastSpeaker = null;
  if (d.speaker.kind === 'organisation' && d.speaker.name) state.organisations.push({ name: d.speaker.name, paragraph: para.index });
  if (one) {
    const key = surnameKey(d.speaker.members[0] as string);
    const lp = state.people.get(key)?.find((p) => p.name === d.speaker.name) ?? state.people.get(key)?.[0];
    if (lp) {
      state.spoken.add(lp);
      const sentenceEnd = para.base + (para.sentenceStarts.find((s) => s >= d.span[1]) ?? para.text.length);
      if (d.kind !== 'indirect') state.lastSpeaker = { person: lp, paragraph: para.index, sentenceEnd };
      // "Washington's top diplomat said": the person is now the last one spoken of.
      state.mentions.push({ person: lp, at: d.at, inQuote: false, salient: true });
      state.mentions.sort((x, y) => x.at - y.at);
    }
  }
}

/** A subordinating word just before a name: `as Kerry arrived`, `after Lavrov spoke`. */
const SUBORDINATE_BEFORE =
  /\b(?:as|when|while|after|before|because|since|although|though|if|until|once|where)\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}$/u;

/**
 * `Trump attacked Clinton …, saying "…"`: a participle cue with no subject of its own is the subject's of its
 * sentence, not the last person named (an object). When the last person named is the subject of a clause of
 * its own (`Draitser made the remarks … as Kerry arrived in Moscow …, saying "…"`), either could have said the
 * words: ambiguous, that person first (the nearer reading), the sentence's subject second.
 */
export function participleSubject(state: ArticleState, para: ParagraphState, d: Draft): Draft {
  const ss = para.base + (para.sentenceStarts.filter((s) => s <= d.span[0]).pop() ?? 0);
  const inSentence = state.mentions.filter((m) => m.at >= ss && m.at < d.at && !m.inQuote);
  const subject = inSentence.find((m) => m.salient);
  const nearest = inSentence[inSentence.length - 1];
  if (!subject || !nearest || subject.person === nearest.person) return d;
  const ownClause = SUBORDINATE_BEFORE.test(para.text.slice(0, nearest.at - para.base));
  const speaker = (p: LocalPerson): SpeakerRef => ({ ...d.speaker, name: p.name, members: [p.name], role: p.role });
  if (!ownClause) return { ...d, speaker: speaker(subject.person) };
  return {
    ...d,
    speaker: { ...speaker(nearest.person), status: 'ambiguous', candidates: [nearest.person.name, subject.person.name] },
    confidence: Math.min(d.confidence, 0.3),
  };
}

/** The quotation being read, and the text around it that the rules look at. */
export interface QuoteAt {
  readonly q: Span;
  /** Its index in the paragraph's `spans`. */
  readonly qi: number;
  /** [ss, se): the sentence the quotation opens in. */
  readonly ss: number;
  readonly se: number;
  /** The quoted words, without a trailing comma. */
  readonly content: string;
  /** Up to 160 characters after the closing mark. */
  readonly after: string;
  /** Where `before` starts: the sentence's start, or the end of the quotation before if later. */
  readonly beforeStart: number;
  /** The words between the sentence's start (or the quotation before) and the opening mark. */
  readonly before: string;
  /** The sentence(s) the quotation stands in. */
  readonly sentence: string;
  /** Absolute position of the opening mark. */
  readonly at: number;
}

/** Sets out the quotation `qi` of the paragraph for the rules. */
export function quoteAt(para: ParagraphState, q: Span, qi: number): QuoteAt {
  const T = para.text;
  const [ss, se] = sentenceOf(para.sentenceStarts, T.length, q.open);
  const beforeStart = Math.max(ss, qi > 0 ? (para.spans[qi - 1] as Span).close : 0);
  return {
    q,
    qi,
    ss,
    se,
    content: q.content.replace(/[\s,]+$/, '').trim(),
    after: T.slice(q.close, Math.min(T.length, q.close + 160)),
    beforeStart,
    before: T.slice(beforeStart, q.open),
    sentence: T.slice(ss, Math.max(se, q.close)).trim(),
    at: para.base + q.open,
  };
}

/** Keeps the quotation's words as a direct quote of a speaker. */
export function addDirect(
  state: ArticleState,
  para: ParagraphState,
  quote: QuoteAt,
  speaker: SpeakerRef,
  cue: string,
  pattern: string,
  confidence: number,
): void {
  const { q, content: text, sentence, at } = quote;
  addDraft(state, para, { kind: 'direct', text, span: innerSpan(para.text, q), sentence, speaker, cue, pattern, confidence, at });
}
