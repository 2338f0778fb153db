import { AUDIENCE_WORDS, ORG_HEADS, PARTICIPLE_CUES, REPORTING_VERBS, SOURCE_PHRASES } from './cues.ts';
import type { Quote, SpeakerRef } from '../model/index.ts';
import { splitSentences } from './sentences.ts';
import { cleanSpan } from './text.ts';
import { type NameMention, findNames, firstNamesAgree, placeOf, roleClass, surnameKey } from './people.ts';

const VERBS = REPORTING_VERBS.join('|');
const PARTS = PARTICIPLE_CUES.join('|');
/** A word of a noun phrase: "Mr.", "U.S.", "Washington's", "al-Assad". */
const W = `(?:(?:[A-Z]\\.){2,}|[A-Z][a-z]{0,2}\\.(?=\\s[A-Z])|[\\p{L}\\p{N}][\\p{L}\\p{N}’'.-]*[\\p{L}\\p{N}]|[\\p{L}])`;
const NP = `${W}(?:\\s+${W}){0,9}?`;
const ADVERBS = '(?:(?:has|have|had|also|further|now|later|publicly|again|reportedly|then|previously|immediately|in \\w+|on \\w+)\\s+)*';
const QUOTE_MARK = /["“”]/;
const GENERIC_SOURCE =
  /^(?:(?:a|an|the|some|other|several|many)\s+)?(?:[\p{L}-]+\s+){0,2}(?:group|report|reports|analysts|experts|officials|sources|observers|monitor|agency|media|diplomats|critics|witnesses|residents|activists|statement|official|source|diplomat)$/iu;
const DESCRIPTION =
  /^(?:(?:the|a|an|one)\s+|(?<owner>[\p{L}.]+)['’]s\s+)(?<mods>(?:[\p{L}.-]+\s+){0,3})(?<head>analyst|diplomat|envoy|spokesman|spokeswoman|spokesperson|president|leader|minister|official|expert|editor|founder|commentator|secretary)$/iu;

interface LocalPerson {
  name: string;
  first: string | null;
  key: string;
  role: string | null;
  /** Known from an honorific, a gendered role word or a pronoun already resolved to them; else null. */
  gender: 'm' | 'f' | null;
}

const MALE = /^(?:mr|sir|lord|king|prince)\b|\b(?:spokesman|chairman)\b/i;
const FEMALE = /^(?:mrs|ms|miss|madam|dame|lady|queen|princess)\b|\b(?:spokeswoman|chairwoman)\b/i;
const genderOf = (m: NameMention): 'm' | 'f' | null =>
  FEMALE.test(m.name) || FEMALE.test(m.role ?? '') ? 'f' : MALE.test(m.name) || MALE.test(m.role ?? '') ? 'm' : null;

interface Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when it never closes). */
  close: number;
  content: string;
  closed: boolean;
}

/** Pairs quotation marks by which side of a word they stand on, so mixed straight and curly marks pair too. */
function flanks(text: string, i: number): { opens: boolean; closes: boolean; leftFlank: boolean } {
  const ch = text[i] as string;
  const prev = text[i - 1];
  const next = text[i + 1];
  const leftFlank = next !== undefined && /\S/.test(next) && (prev === undefined || /[\s([{—–-]/.test(prev));
  const rightFlank = prev !== undefined && /\S/.test(prev) && (next === undefined || /[\s.,;:!?)\]—–-]/.test(next));
  const opens = ch === '“' ? !rightFlank || leftFlank : ch === '”' ? false : leftFlank && !rightFlank;
  const closes = ch === '”' ? true : ch === '“' ? false : rightFlank;
  return { opens, closes, leftFlank };
}

/**
 * The quotations of a paragraph, outermost only: a quote inside a quote ("what he called "subgroups"") is
 * part of the outer one. Where the marks do not nest cleanly, they are paired one after the other.
 */
export function quoteSpans(text: string): Span[] {
  const marks: number[] = [];
  for (let i = 0; i < text.length; i += 1) if (QUOTE_MARK.test(text[i] as string)) marks.push(i);
  const nested: Span[] = [];
  const stack: number[] = [];
  for (const i of marks) {
    const f = flanks(text, i);
    if (f.closes && stack.length > 0 && !(f.opens && !f.closes)) {
      const open = stack.pop() as number;
      if (stack.length === 0) nested.push({ open, close: i + 1, content: text.slice(open + 1, i), closed: true });
    } else if (f.opens || f.leftFlank) stack.push(i);
  }
  if (stack.length <= 1) {
    if (stack.length === 1) {
      const open = stack[0] as number;
      nested.push({ open, close: text.length, content: text.slice(open + 1), closed: false });
    }
    return nested;
  }
  // Unbalanced: pair marks in order.
  const flat: Span[] = [];
  let openAt = -1;
  for (const i of marks) {
    const f = flanks(text, i);
    if (openAt < 0 && (f.opens || (f.leftFlank && text[i] !== '”'))) openAt = i;
    else if (openAt >= 0 && f.closes) {
      flat.push({ open: openAt, close: i + 1, content: text.slice(openAt + 1, i), closed: true });
      openAt = -1;
    } else if (openAt >= 0 && f.opens) openAt = i;
  }
  if (openAt >= 0) flat.push({ open: openAt, close: text.length, content: text.slice(openAt + 1), closed: false });
  return flat;
}

const words = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const stripEnd = (s: string): string => s.replace(/[\s,;:]+$/, '').trim();
const cleanClause = (s: string): string =>
  s
    .replace(/^[\s,:;]+/, '')
    .replace(/^publicly\s+/i, '')
    .replace(/[\s.,;:]+$/, '')
    .trim();

/**
 * "The minister, Mr. Jones, told reporters": when the subject is a description that names no one, the
 * person named in the same words (an apposition) is the speaker.
 */
function preferNamed(speaker: SpeakerRef | null, words: string, ctx: ArticleContext): SpeakerRef | null {
  if (speaker && speaker.status === 'attributed') return speaker;
  const named = findNames(words);
  if (named.length !== 1) return speaker;
  const m = named[0] as NameMention;
  const local = ctx.people.get(m.key)?.find((p) => firstNamesAgree(p.first, m.first));
  return local ? person(local, m.name) : speaker;
}

/** Per-article state: the people named so far and who spoke last, for pronouns and descriptions. */
class ArticleContext {
  readonly people = new Map<string, LocalPerson[]>();
  /** People in order of mention, and whether the mention stands inside a quotation. */
  readonly mentions: Array<{ person: LocalPerson; at: number; inQuote: boolean }> = [];
  lastSpeaker: { person: LocalPerson; paragraph: number } | null = null;
  constructor(readonly author: string | null) {}

  register(m: NameMention, at: number): LocalPerson {
    const list = this.people.get(m.key) ?? [];
    let p = list.find((x) => firstNamesAgree(x.first, m.first));
    if (!p) {
      p = { name: m.name, first: m.first, key: m.key, role: m.role, gender: genderOf(m) };
      list.push(p);
      this.people.set(m.key, list);
    } else {
      if (!p.first && m.first) {
        p.first = m.first;
        p.name = m.name;
      }
      p.role ??= m.role;
      p.gender ??= genderOf(m);
    }
    this.mentions.push({ person: p, at, inQuote: false });
    return p;
  }

  /** A bare surname ("Kerry", "Lavrov's") of someone already named; ambiguous when two share it. */
  bySurname(word: string): LocalPerson[] {
    return this.people.get(surnameKey(word.replace(/['’]s$/, ''))) ?? [];
  }

  /** The last person named before a point, outside quotations (words quoted are someone else's). */
  lastMentioned(before: number, accept: (p: LocalPerson) => boolean = () => true): LocalPerson | null {
    for (let i = this.mentions.length - 1; i >= 0; i -= 1) {
      const m = this.mentions[i] as { person: LocalPerson; at: number; inQuote: boolean };
      if (m.at < before && !m.inQuote && accept(m.person)) return m.person;
    }
    return null;
  }
}

const person = (p: LocalPerson, mention: string): SpeakerRef => ({
  mention,
  name: p.name,
  members: [p.name],
  kind: 'person',
  status: 'attributed',
  role: p.role,
});
const nobody = (mention: string, status: SpeakerRef['status'] = 'unattributed'): SpeakerRef => ({
  mention,
  name: null,
  members: [],
  kind: 'unknown',
  status,
  role: null,
});
const PLACE_NAMES: Record<string, string> = { us: 'United States', russia: 'Russia', syria: 'Syria', uk: 'United Kingdom' };

/**
 * Who a noun phrase before or after a reporting verb stands for, in this article at this point; null when
 * it cannot be a speaker at all (so the pattern does not apply).
 */
function resolveMention(npRaw: string, ctx: ArticleContext, at: number, paragraph: number): SpeakerRef | null {
  const np = npRaw
    .trim()
    .replace(/^(?:but|and|however|yet|so|then|meanwhile|publicly|still)\s+/i, '')
    .replace(/\s+(?:also|further|now|later|then|publicly|again|previously|immediately)$/i, '');
  if (np === '' || words(np) > 10) return null;
  const lower = np.toLowerCase();
  if (/^(?:he|she|him|her)$/.test(lower)) {
    // The last person named outside quotation marks whose gender does not contradict the pronoun.
    const g = /^(?:she|her)$/.test(lower) ? 'f' : 'm';
    const recent = ctx.lastMentioned(at, (p) => p.gender === null || p.gender === g);
    if (!recent) return nobody(np, 'ambiguous');
    recent.gender ??= g;
    return person(recent, np);
  }
  if (lower === 'we') {
    return ctx.author
      ? { mention: np, name: ctx.author, members: [ctx.author], kind: 'person', status: 'attributed', role: 'author of the article' }
      : nobody(np);
  }
  if (/^(?:they|it|this|that|which|who)$/.test(lower)) return null;
  // "Kerry never said …", "Kerry did not say …": a report that something was not said.
  if (/\b(?:not|never|n['’]t|neither|nor)$/i.test(np) || /^(?:no one|nobody|none)$/i.test(np)) return null;
  const subordinate = /^(?:though|although|while|as|when|if|because|since|after|before|once|until|whether)\s+/i;
  if (subordinate.test(np)) return resolveMention(np.replace(subordinate, ''), ctx, at, paragraph);
  // "He and Kerry", "Kerry and Lavrov": a joint speaker.
  const parts = np.split(/\s+and\s+/);
  if (parts.length === 2) {
    const a = resolveMention(parts[0] as string, ctx, at, paragraph);
    const b = resolveMention(parts[1] as string, ctx, at, paragraph);
    if (a?.kind === 'person' && b?.kind === 'person' && a.name && b.name && a.name !== b.name) {
      return { mention: np, name: `${a.name} and ${b.name}`, members: [a.name, b.name], kind: 'person', status: 'attributed', role: null };
    }
  }
  const named = findNames(np);
  if (named.length === 1) {
    const m = named[0] as NameMention;
    const local = ctx.people.get(m.key)?.find((p) => firstNamesAgree(p.first, m.first));
    return person(local ?? { name: m.name, first: m.first, key: m.key, role: m.role, gender: null }, np);
  }
  const lastWord = np.split(/\s+/).pop() as string;
  if (/^[\p{Lu}]/u.test(lastWord)) {
    const bySurname = ctx.bySurname(lastWord);
    if (bySurname.length === 1 && words(np) <= 3) return person(bySurname[0] as LocalPerson, np);
    if (bySurname.length > 1) return nobody(np, 'ambiguous');
  }
  const d = DESCRIPTION.exec(np);
  // "a Western diplomat", "one official": someone new and unnamed, never a person already named.
  if (d?.groups && /^(?:a|an|one)\s/i.test(np)) return nobody(np);
  if (d?.groups) {
    const cls = roleClass(d.groups.head as string);
    const place = placeOf(`${d.groups.owner ?? ''} ${d.groups.mods ?? ''}`);
    // The role's class must agree; a place in the description ("the Russian diplomat") must not contradict
    // the person's ("Russian Foreign Minister"), where the article gives one.
    const fits = (p: LocalPerson): boolean => {
      if (p.role === null || roleClass(p.role) !== cls) return false;
      const theirs = placeOf(p.role) ?? placeOf(p.name);
      return place === null || theirs === null || theirs === place;
    };
    if (ctx.lastSpeaker && fits(ctx.lastSpeaker.person) && paragraph - ctx.lastSpeaker.paragraph <= 3)
      return person(ctx.lastSpeaker.person, np);
    const candidates = [...ctx.people.values()].flat().filter(fits);
    const samePlace = place === null ? [] : candidates.filter((p) => (placeOf(p.role ?? '') ?? placeOf(p.name)) === place);
    if (samePlace.length === 1) return person(samePlace[0] as LocalPerson, np);
    if (candidates.length === 1) return person(candidates[0] as LocalPerson, np);
    if (candidates.length > 1) {
      const recent = ctx.lastMentioned(at, fits);
      return recent ? { ...person(recent, np) } : nobody(np, 'ambiguous');
    }
    if (d.groups.owner && /^[\p{Lu}]/u.test(d.groups.owner)) {
      return { mention: np, name: np, members: [], kind: 'description', status: 'attributed', role: null };
    }
    return nobody(np);
  }
  if (GENERIC_SOURCE.test(np)) return nobody(np);
  const place = placeOf(np);
  if (place && words(np) <= 2) {
    const name = PLACE_NAMES[place] ?? np;
    return { mention: np, name, members: [], kind: 'organisation', status: 'attributed', role: null };
  }
  // An organisation: every word capitalised ("Press TV", "Sputnik"), or an organisation's word ("Western nations").
  const orgWords = np.replace(/^the\s+/i, '').split(/\s+/);
  const allCaps = orgWords.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|and|for|the)$/.test(w));
  const orgHead = ORG_HEADS.has((orgWords[orgWords.length - 1] ?? '').toLowerCase()) && /^[\p{Lu}]/u.test(orgWords[0] ?? '');
  if (orgWords.length <= 4 && (allCaps || orgHead)) {
    const name = np.replace(/^the\s+/i, '');
    if (
      /^(?:In|At|On|After|Before|As|If|When|While|Despite|To|For|From|By|With|This|That|These|Those|It|What|There)$/.test(
        name.split(/\s+/)[0] as string,
      )
    )
      return null;
    return { mention: np, name, members: [], kind: 'organisation', status: 'attributed', role: null };
  }
  return null;
}

interface Draft extends Omit<Quote, 'article' | 'paragraph'> {
  /** Absolute position for ordering (paragraph * 1e6 + offset). */
  at: number;
}

const AFTER_CUE = new RegExp(
  `^["”]?\\s*,?\\s*(?:(?<np>${NP})\\s+${ADVERBS}(?<verb>${VERBS})\\b|(?<verb2>${VERBS})\\s+(?<np2>${NP})(?=\\s*[,.;]|\\s+(?:in|at|on|after|before|while|during|to)\\b|\\s*$))`,
  'u',
);
/** Whom a speaker tells, between the verb and the quote: "told Press TV", "told reporters". */
const AUD = `(?:${AUDIENCE_WORDS.join('|')}|[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*){0,2})`;
/** An apposition between a speaker and the verb: "Kerry, speaking in Geneva, said", "Smith, a professor at Oxford, said". */
const APPOSITION = '(?:,\\s+[^,"“”]{3,80},)?';
/** `Kerry disagreed: "…"`: a named subject, any verb, a colon, then the quote. */
const BEFORE_COLON = new RegExp(`(?:^|[,;]\\s*)(?<np>${NP})\\s+(?<verb>\\w+(?:\\s+\\w+)?)\\s*:\\s*$`, 'u');
const BEFORE_CUE = new RegExp(
  `(?:^|[,;]\\s*|\\band\\s+)(?<np>${NP})${APPOSITION},?\\s+${ADVERBS}(?<verb>${VERBS})(?:\\s+(?<aud>${AUD}))?\\s*[,:]?\\s*$`,
  'u',
);
const BEFORE_PART = new RegExp(`(?:(?<np>${NP})\\s+)?(?<part>${PARTS})(?:\\s+the following)?\\s*[,:]?\\s*$`, 'u');
const MIXED_RELAY = new RegExp(`(?:reports|quotes|quoted|cites|cited)\\s+(?<np5>${NP})\\s+\\w+ing\\s+(?:that\\s+)?`, 'u');
const MIXED_CUE = new RegExp(
  `(?:^|[,;]\\s*|\\band\\s+|\\bwhile\\s+)(?<np>${NP})\\s+${ADVERBS}(?<verb>${VERBS})\\s+(?:that\\s+)?|\\b(?<part>${PARTS})\\s+that\\s+|\\b[Aa]ccording to\\s+(?<np3>${NP}),\\s+|\\b[Ff]rom\\s+(?<np4>${NP})['’]s\\s+(?:viewpoint|point of view|perspective),\\s+`,
  'u',
);
const INTRO_RELAY = new RegExp(`(?:reports|quotes|quoted|cites|cited)\\s+(?<np>${NP})\\s+\\w+ing\\b`, 'u');
const INTRO_SPEAKER = new RegExp(`\\b(?<np>we|he|she|[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*)*)\\s+(?:${VERBS})\\b`, 'u');

/**
 * Finds the quotes of one article, paragraph by paragraph, and attributes each to a speaker.
 *
 * Direct quotes are told by a reporting verb next to them (`"…," X said`, `"…," said X`, `X said: "…"`,
 * `X told Press TV, "…"`, `…, saying "…"`), by an introduction that ends the paragraph before (`Sputnik
 * reports him saying the following:`), or as the second half of a quote split around its cue. A quote set in
 * a sentence whose reporting verb stands apart from it is mixed. Indirect speech is a reporting verb with its
 * subject and clause (`X said (that) …`, `…, X said.`, `according to X, …`, `Noting that …, X …`). Pronouns
 * go to the last speaker; descriptions ("the analyst") to the one person of the article whose role fits.
 * One- and two-word quotes with no cue (scare quotes, names) are not quotes.
 */
export function findQuotes(paragraphs: ReadonlyArray<{ text: string }>, author: string | null): Array<Quote & { paragraph: number }> {
  const ctx = new ArticleContext(author && /^[\p{Lu}][\p{L}-]+\s+[\p{Lu}][\p{L}-]+$/u.test(author) ? author : null);
  const out: Array<Omit<Quote, 'article'>> = [];
  let pendingOpen: Omit<Quote, 'article'> | null = null;
  paragraphs.forEach((p, pi) => {
    const T = p.text;
    const base = pi * 1_000_000;
    for (const m of findNames(T)) ctx.register(m, base + m.start);
    // Bare surnames of people already named count as mentions too ("Kerry arrived").
    for (const m of T.matchAll(/\b[\p{Lu}][\p{L}-]+(?:['’]s)?\b/gu)) {
      const found = ctx.bySurname(m[0]);
      if (found.length === 1) ctx.mentions.push({ person: found[0] as LocalPerson, at: base + m.index, inQuote: false });
    }
    ctx.mentions.sort((a, b) => a.at - b.at);
    const sentenceStarts = sentenceBounds(T);
    const sentenceOf = (i: number): [number, number] => {
      let s = 0;
      let e = T.length;
      for (const b of sentenceStarts) {
        if (b <= i) s = b;
        else {
          e = b;
          break;
        }
      }
      return [s, e];
    };
    const drafts: Draft[] = [];
    const used: Array<[number, number]> = [];
    const consumed = new Set<number>();
    const spans = quoteSpans(T);
    for (const m of ctx.mentions) {
      if (m.at >= base && spans.some((q) => m.at >= base + q.open && m.at < base + q.close)) m.inQuote = true;
    }
    const add = (d: Draft): void => {
      drafts.push(d);
      used.push(d.span);
      if (d.speaker.kind === 'person' && d.speaker.members.length === 1) {
        const key = surnameKey(d.speaker.members[0] as string);
        const lp = ctx.people.get(key)?.[0];
        if (lp) {
          ctx.lastSpeaker = { person: lp, paragraph: pi };
          // "Washington's top diplomat said": the person is now the last one spoken of.
          ctx.mentions.push({ person: lp, at: d.at, inQuote: false });
          ctx.mentions.sort((x, y) => x.at - y.at);
        }
      }
    };
    const handleSpan = (q: Span, qi: number): void => {
      if (consumed.has(qi)) return;
      const [ss, se] = sentenceOf(q.open);
      const content = q.content.replace(/[\s,]+$/, '').trim();
      const after = T.slice(q.close, Math.min(T.length, q.close + 160));
      const beforeStart = Math.max(ss, qi > 0 ? (spans[qi - 1] as Span).close : 0);
      const before = T.slice(beforeStart, q.open);
      const sentence = T.slice(ss, Math.max(se, q.close)).trim();
      const at = base + q.open;
      const addDirect = (speaker: SpeakerRef, cue: string, pattern: string, confidence: number): void =>
        add({ kind: 'direct', text: content, span: [q.open + 1, q.close - 1], sentence, speaker, cue, pattern, confidence, at });
      const endsLikeSpeech = /[,?!]\s*$/.test(q.content) || /^["”]?\s*,/.test(after) || !q.closed;
      // `"…," X said` / `"…," said X`
      const a = AFTER_CUE.exec(after);
      if (a?.groups && endsLikeSpeech) {
        const np = (a.groups.np ?? a.groups.np2) as string;
        const verb = (a.groups.verb ?? a.groups.verb2) as string;
        // A cue follows the quote: its speaker is whoever the cue names, or no one we can tell, never a guess.
        const speaker = resolveMention(np, ctx, at, pi) ?? nobody(np);
        if (speaker) {
          const startsSentence = T.slice(ss, q.open).trim() === '';
          if (startsSentence || q.open === 0) {
            addDirect(speaker, verb, a.groups.np ? `"…," ${np} ${verb}` : `"…," ${verb} ${np}`, confidenceOf(speaker, 0.95));
          } else {
            const text = stripEnd(T.slice(ss, q.close)).replace(/^(?:but|and)\s+/i, '');
            add({
              kind: 'mixed',
              text,
              span: [ss, q.close],
              sentence,
              speaker,
              cue: verb,
              pattern: `… "…", ${np} ${verb}`,
              confidence: confidenceOf(speaker, 0.85),
              at: base + ss,
            });
          }
          return;
        }
      }
      // One word, or a short name in capitals ("moderate", "Islamic State"): a scare quote, not speech.
      if (words(content) < 2 || (words(content) <= 3 && content.split(/\s+/).every((w) => /^[\p{Lu}]/u.test(w)))) return;
      // `X said: "…"`, `X told Press TV, "…"`, `…, saying "…"`
      const b = BEFORE_CUE.exec(before);
      if (b?.groups) {
        const speaker = preferNamed(resolveMention(b.groups.np as string, ctx, beforeStart + (b.index ?? 0) + base, pi), b[0], ctx);
        // Words after the quote in the same sentence make it part of a reported sentence: mixed.
        const trailing = T.slice(q.close, se).replace(/^["”]/, '');
        const anotherCue =
          AFTER_CUE.test(trailing) || new RegExp(`^\\s*,?\\s*(?:before\\s+(?:immediately\\s+)?)?(?:${PARTS})\\b`, 'u').test(trailing);
        if (speaker && words(trailing) >= 2 && !anotherCue) {
          const from = beforeStart + (b.index ?? 0) + b[0].length;
          const text = cleanClause(T.slice(q.open, se));
          add({
            kind: 'mixed',
            text,
            span: [q.open, se],
            sentence,
            speaker,
            cue: b.groups.verb as string,
            pattern: `${b.groups.np} ${b.groups.verb} "…" …`,
            confidence: confidenceOf(speaker, 0.85),
            at: base + Math.min(from, q.open),
          });
          return;
        }
        if (speaker) {
          addDirect(speaker, b.groups.verb as string, `${b[0].replace(/^[\s,;]+/, '').trim()} "…"`, confidenceOf(speaker, 0.95));
          return;
        }
      }
      const bp = BEFORE_PART.exec(before);
      if (bp?.groups) {
        const explicit = bp.groups.np ? resolveMention(bp.groups.np, ctx, at, pi) : null;
        const nearest = ctx.lastMentioned(at);
        const speaker = explicit ?? (nearest ? person(nearest, '(subject of the sentence)') : null);
        if (speaker) {
          addDirect(
            speaker,
            bp.groups.part as string,
            `…, ${bp.groups.np ? `${bp.groups.np} ` : ''}${bp.groups.part} "…"`,
            confidenceOf(speaker, explicit ? 0.9 : 0.7),
          );
          return;
        }
      }
      // Mixed: a reporting cue earlier in the sentence, with words between it and the quote.
      const frame = T.slice(ss, q.open);
      // The outermost cue: "Sputnik reports Lavrov saying that Kerry told …" is Lavrov's.
      const cue = MIXED_RELAY.exec(frame) ?? MIXED_CUE.exec(frame);
      if (cue?.groups) {
        const np = cue.groups.np5 ?? cue.groups.np ?? cue.groups.np3 ?? cue.groups.np4;
        let speaker = np ? resolveMention(np, ctx, at, pi) : null;
        if (!speaker && cue.groups.part) {
          const prior = drafts.filter((d) => d.at >= base + ss && d.speaker.status === 'attributed').pop();
          const subject =
            prior?.speaker ?? (ctx.lastMentioned(at) ? person(ctx.lastMentioned(at) as LocalPerson, '(subject of the sentence)') : null);
          speaker = subject;
        }
        if (speaker) {
          const from = ss + (cue.index ?? 0) + cue[0].length;
          let to = se;
          spans.forEach((s, si) => {
            if (s.open >= q.open && s.open < se) {
              consumed.add(si);
              to = Math.max(to, s.close);
            }
          });
          const text = cleanClause(T.slice(from, Math.min(T.length, to)));
          add({
            kind: 'mixed',
            text,
            span: [from, to],
            sentence,
            speaker,
            cue: (cue.groups.verb ?? cue.groups.part ?? 'according to') as string,
            pattern: `${np ?? ''} ${cue.groups.verb ?? cue.groups.part ?? 'according to'} … "…"`.trim(),
            confidence: confidenceOf(speaker, 0.85),
            at: base + from,
          });
          return;
        }
      }
      // The second half of a quote split around its cue: `"…," Preston said. "…"`.
      const prev = drafts[drafts.length - 1];
      if (prev && prev.kind === 'direct' && before.trim() === '' && prev.span[1] < q.open && T.slice(prev.span[1], q.open).length < 60) {
        prev.text = `${prev.text} … ${content}`;
        prev.span = [prev.span[0], q.close - 1];
        prev.pattern = `${prev.pattern} "…"`;
        return;
      }
      // A quote that opens a paragraph after an introduction ending the one before ("… saying the following:").
      const prevPara = paragraphs[pi - 1]?.text ?? '';
      if (q.open === 0 && prevPara !== '' && (/:\s*$/.test(prevPara) || !/[.!?"”]\s*$/.test(prevPara))) {
        const lastSentence = prevPara.slice(sentenceBounds(prevPara).pop() ?? 0);
        const np = (INTRO_RELAY.exec(lastSentence) ?? INTRO_SPEAKER.exec(lastSentence))?.groups?.np;
        const speaker = np ? resolveMention(np, ctx, at, pi) : null;
        if (speaker) {
          addDirect(speaker, lastSentence.trim().slice(-40), 'introduced at the end of the paragraph before', confidenceOf(speaker, 0.8));
          return;
        }
      }
      // A quote that carries on from the paragraph before (it opened there and did not close).
      if (pendingOpen && q.open === 0) {
        pendingOpen.text = `${pendingOpen.text} ${content}`;
        pendingOpen.lastParagraph = pi;
        return;
      }
      // `Kerry disagreed: "…"`: a person named before a colon.
      const bc = BEFORE_COLON.exec(before);
      const colonSpeaker = bc?.groups ? resolveMention(bc.groups.np as string, ctx, at, pi) : null;
      if (bc?.groups && colonSpeaker?.kind === 'person') {
        addDirect(colonSpeaker, bc.groups.verb as string, `${bc.groups.np} ${bc.groups.verb}: "…"`, confidenceOf(colonSpeaker, 0.85));
        return;
      }
      // No cue: the words of whoever was quoted just before, in this or the previous paragraph, unless
      // someone else is named in the sentence before the quote.
      // Someone else named as the subject of the sentence before the quote ("Kerry replied …") makes it theirs
      // to tell, not the last speaker's; a name elsewhere in the sentence (a topic: "about Assad") does not.
      const lead = T.slice(ss, q.open).replace(/^[^,]{0,80},\s+/, '');
      const subject = findNames(lead).find((n) => n.start <= 2) ?? null;
      const subjectWord = /^([\p{Lu}][\p{L}-]+)/u.exec(lead)?.[1];
      const namedBefore =
        (subject !== null && subject.key !== ctx.lastSpeaker?.person.key) ||
        (subjectWord !== undefined && ctx.bySurname(subjectWord).some((p) => p !== ctx.lastSpeaker?.person));
      if (ctx.lastSpeaker && pi - ctx.lastSpeaker.paragraph <= 1 && !namedBefore) {
        const speaker = person(ctx.lastSpeaker.person, '(the speaker of the quote before)');
        drafts.push({
          kind: 'direct',
          text: content,
          span: [q.open + 1, q.close - 1],
          sentence,
          speaker,
          cue: '',
          pattern: 'no cue; the speaker of the quote before',
          confidence: 0.5,
          at,
        });
        used.push([q.open + 1, q.close - 1]);
      }
    };
    // Indirect speech in one sentence, where no quote above used the same words.
    const handleSentence = (si: number): void => {
      const ss = sentenceStarts[si] as number;
      const se = sentenceStarts[si + 1] ?? T.length;
      const s = T.slice(ss, se);
      for (const found of indirectIn(s)) {
        const from = ss + found.clauseStart;
        const to = ss + found.clauseEnd;
        if (used.some(([u0, u1]) => from < u1 && to > u0)) continue;
        const clause = cleanClause(T.slice(from, to));
        // Quotation marks in reported speech are fine when they only set off a name or a word ("moderate").
        const inner = quoteSpans(clause).filter((q) => words(q.content) >= 2 && !q.content.split(/\s+/).every((w) => /^[\p{Lu}]/u.test(w)));
        if (words(clause) < 3 || inner.length > 0) continue;
        const speaker =
          found.np === null
            ? (drafts.filter((d) => d.at >= base + ss && d.at < base + se && d.speaker.status === 'attributed').pop()?.speaker ?? null)
            : preferNamed(resolveMention(found.np, ctx, base + ss + Math.max(0, s.indexOf(found.np)), pi), found.np, ctx);
        if (!speaker) continue;
        add({
          kind: 'indirect',
          text: clause,
          span: [from, to],
          sentence: s.trim(),
          speaker,
          cue: found.cue,
          pattern: found.pattern,
          confidence: confidenceOf(speaker, 0.8),
          at: base + from,
        });
      }
    };
    // In the order of the text, so that "he" is whoever spoke last before it.
    for (let si = 0; si < sentenceStarts.length; si += 1) {
      const ss = sentenceStarts[si] as number;
      const se = sentenceStarts[si + 1] ?? T.length;
      spans.forEach((q, qi) => {
        if (q.open >= ss && q.open < se) handleSpan(q, qi);
      });
      handleSentence(si);
    }
    drafts.sort((x, y) => x.at - y.at);
    for (const d of drafts) {
      const { at: _at, ...quote } = d;
      out.push({ ...quote, paragraph: pi });
    }
    const last = spans[spans.length - 1];
    pendingOpen = last && !last.closed ? (out[out.length - 1] ?? null) : null;
  });
  return out as Array<Quote & { paragraph: number }>;
}

function confidenceOf(speaker: SpeakerRef, base: number): number {
  if (speaker.status !== 'attributed') return Math.min(base, 0.3);
  const lower = speaker.mention.toLowerCase();
  if (/^(?:he|she|him|her|we)$/.test(lower)) return Number((base * 0.85).toFixed(2));
  if (speaker.kind === 'description' || /^(?:the|a)\s/i.test(speaker.mention) || speaker.mention.startsWith('('))
    return Number((base * 0.8).toFixed(2));
  return base;
}

/** Offsets where the sentences of a paragraph start, as the ingest splitter cuts them. */
function sentenceBounds(text: string): number[] {
  const starts = splitSentences(cleanSpan(text, { start: 0, end: text.length })).map((x) => x.start);
  if (starts[0] !== 0) starts.unshift(0);
  return starts;
}

/** The longest sentence read for indirect speech, and how many reports one sentence may chain. */
const MAX_SENTENCE_CHARS = 3000;
const MAX_CLAUSES = 4;

interface IndirectMatch {
  np: string | null;
  cue: string;
  pattern: string;
  clauseStart: number;
  clauseEnd: number;
}

const LEAD = '(?:(?:But|And|However|Yet|Meanwhile|Publicly|Still|Now),?\\s+)?';
const SUBJECT_VERB = new RegExp(
  `^(?<lead>${LEAD}(?:[^,"“”]{0,160}?(?:,|\\s[–—])\\s+)??)(?<np>${NP})${APPOSITION}\\s+${ADVERBS}(?<verb>${VERBS}|respond|respond(?:s|ed))\\b(?<aud>(?<=told|tells|tell)\\s+${AUD})?(?<rest>.*)$`,
  'su',
);
const SOURCE = SOURCE_PHRASES.join('|');
const ACCORDING_LEAD = new RegExp(`^\\s*(?:${LEAD})?(?:${SOURCE}) (?<np>${NP}),\\s+(?<clause>.+)$`, 'isu');
const ACCORDING_TAIL = new RegExp(`^(?<clause>.+?),\\s+(?:${SOURCE}) (?<np>${NP})(?:,.*)?[.!?]?$`, 'su');
const INVERTED = new RegExp(
  `^(?<clause>.{15,}?)[,;]\\s+(?<np>${NP})(?:,\\s+[^,"“”]{3,100},)?\\s+(?:has\\s+|have\\s+)?(?<verb>${VERBS})\\b(?<tail>[^"“”]*)$`,
  'su',
);
const PART_LEAD = new RegExp(
  `^\\s*(?<part>Noting|Stressing|Insisting|Warning|Arguing|Adding|Saying) that (?<clause>[^,]+),\\s+(?<np>${NP})\\s+\\w+`,
  'su',
);
const PART_TAIL = new RegExp(
  `,?\\s+(?:before\\s+(?:immediately\\s+)?|while\\s+)?(?<part>adding|noting|stressing|warning|insisting) that (?<clause>.+)$`,
  'su',
);

const PARENTHETICAL = new RegExp(`^(?<a>.{8,}?),\\s+(?<np>${NP})\\s+(?<verb>${VERBS}),\\s+(?<b>.+)$`, 'su');
const PREPOSITION_START = /^\s*(?:on|in|at|while|during|after|before|to|by|with|for|about|of|from|\.|$)/i;

/** Indirect speech in one sentence: where the reported clause is, and who (as written) reports it. */
export function indirectIn(s: string, depth = 0): IndirectMatch[] {
  // A "sentence" this long is a dump without punctuation, not prose: reading it clause by clause would
  // take time for nothing.
  if (s.length > MAX_SENTENCE_CHARS) return [];
  const out: IndirectMatch[] = [];
  const lead = /^\s*/.exec(s)?.[0].length ?? 0;
  const body = s.slice(lead);
  const end = lead + body.replace(/[\s.]+$/, '').length;
  // "The Russian campaign, analysts say, has broken …": one clause around a parenthetical cue.
  const par = PARENTHETICAL.exec(body);
  if (par?.groups && !QUOTE_MARK.test(body)) {
    return [{ np: par.groups.np as string, cue: par.groups.verb as string, pattern: '…, X said, …', clauseStart: lead, clauseEnd: end }];
  }
  const pl = PART_LEAD.exec(body);
  if (pl?.groups) {
    const c0 = lead + body.indexOf(pl.groups.clause as string);
    out.push({
      np: pl.groups.np as string,
      cue: `${pl.groups.part} that`,
      pattern: `${pl.groups.part} that …, X …`,
      clauseStart: c0,
      clauseEnd: c0 + (pl.groups.clause as string).length,
    });
  }
  const al = ACCORDING_LEAD.exec(body);
  if (al?.groups) {
    const c0 = lead + body.lastIndexOf(al.groups.clause as string);
    out.push({ np: al.groups.np as string, cue: 'according to', pattern: 'according to X, …', clauseStart: c0, clauseEnd: end });
    return out;
  }
  const at = ACCORDING_TAIL.exec(body);
  if (at?.groups) {
    out.push({
      np: at.groups.np as string,
      cue: 'according to',
      pattern: '…, according to X',
      clauseStart: lead,
      clauseEnd: lead + (at.groups.clause as string).length,
    });
    return out;
  }
  const sv = SUBJECT_VERB.exec(body);
  if (sv?.groups) {
    const rest = sv.groups.rest as string;
    const clause = rest.replace(/^\s*(?:publicly\s+)?(?:that\s+)?/i, '');
    const startsClause = !/^(?:in|on|at|while|during|after|before|to|by|with|for|about|of)\b/i.test(clause.trim()) && clause.trim() !== '';
    if (startsClause) {
      const c0 = lead + body.length - rest.length + (rest.length - clause.length);
      const tail = PART_TAIL.exec(clause);
      // Another speaker's cue ("…, and Putin's spokesman said") or a second verb of the same one
      // ("admitted … but stressed …") ends the clause.
      const other = new RegExp(`[,;]\\s+(?:(?:and|but)\\s+)?${NP}\\s+${ADVERBS}(?:${VERBS})\\b`, 'u').exec(clause);
      const second = new RegExp(`\\s+(?:but|and)\\s+(?:also\\s+)?(?<verb>${VERBS})\\s+(?:that\\s+)?`, 'u').exec(clause);
      const cut = Math.min(tail?.index ?? clause.length, other?.index ?? clause.length, second?.index ?? clause.length);
      out.push({
        np: sv.groups.np as string,
        cue: sv.groups.verb as string,
        pattern: 'X said (that) …',
        clauseStart: c0,
        clauseEnd: Math.min(end, c0 + cut),
      });
      if (other && other.index === cut && depth < MAX_CLAUSES) {
        // The other speaker's own report: "…, Western nations have accused Moscow of …".
        const o0 = c0 + other.index + (/^[,;]\s+(?:(?:and|but)\s+)?/.exec(other[0])?.[0].length ?? 0);
        for (const m of indirectIn(s.slice(o0), depth + 1))
          out.push({ ...m, clauseStart: m.clauseStart + o0, clauseEnd: m.clauseEnd + o0 });
      }
      if (second?.groups && second.index < (tail?.index ?? clause.length)) {
        const s0 = c0 + second.index + second[0].length;
        out.push({
          np: sv.groups.np as string,
          cue: second.groups.verb as string,
          pattern: 'X said … and said …',
          clauseStart: s0,
          clauseEnd: end,
        });
      }
    }
  }
  const inv = INVERTED.exec(body);
  const tailFits = (tail: string, verb: string): boolean =>
    words(tail) <= 2 || PREPOSITION_START.test(tail) || (/^(?:told|tells)$/.test(verb) && new RegExp(`^\\s*${AUD}`, 'u').test(tail));
  if (inv?.groups && tailFits(inv.groups.tail as string, inv.groups.verb as string)) {
    const clauseText = (inv.groups.clause as string).replace(/^(?:But|And|However|Yet)\s+/, '');
    const c0 = lead + (inv.groups.clause as string).length - clauseText.length;
    out.push({
      np: inv.groups.np as string,
      cue: inv.groups.verb as string,
      pattern: '…, X said',
      clauseStart: c0,
      clauseEnd: lead + (inv.groups.clause as string).length,
    });
  }
  const pt = PART_TAIL.exec(body);
  if (pt?.groups) {
    const c0 = lead + body.lastIndexOf(pt.groups.clause as string);
    out.push({ np: null, cue: `${pt.groups.part} that`, pattern: '…, adding that …', clauseStart: c0, clauseEnd: end });
  }
  return out;
}
