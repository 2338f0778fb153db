/**
 * Who a noun phrase next to a reporting verb stands for, at that point of the article: one small rule a way
 * of naming a speaker (a pronoun, a full name, a surname, a description by role, an organisation…), tried in
 * the order of `SPEAKER_RULES`.
 */
import type { SpeakerBasis, SpeakerRef } from '../../model/index.ts';
import { ORG_HEADS } from '../cues.ts';
import { type Description, fitsDescription as fitsRoles, placeOf, placeServed, readDescription } from '../coref.ts';
import { type NameMention, findNames, firstNamesAgree } from '../people.ts';
import { words } from './grammar.ts';
import { type ArticleState, type LocalPerson, lastMentioned, lastSalient, peopleBySurname } from './state.ts';

/**
 * What a speaker rule says of a noun phrase: who it stands for, null when it cannot be a speaker at all (so
 * the pattern does not apply), or undefined when the rule does not decide and the next one is tried.
 */
export type Resolution = SpeakerRef | null | undefined;
/** A speaker rule: the noun phrase, the article so far, the absolute position of the mention and its paragraph. */
export type SpeakerRule = (np: string, state: ArticleState, at: number, paragraph: number) => Resolution;

const GENERIC_SOURCE =
  /^(?:(?:a|an|the|some|other|several|many)\s+)?(?:[\p{L}-]+\s+){0,2}(?:group|report|reports|analysts|experts|officials|sources|observers|monitor|agency|media|diplomats|critics|witnesses|residents|activists|statement|official|source|diplomat)$/iu;
const DESCRIPTION =
  /^(?:(?:the|a|an|one)\s+|(?<owner>[\p{L}.]+)['’]s\s+)(?<mods>(?:[\p{L}.-]+\s+){0,3})(?<head>analyst|diplomat|envoy|spokesman|spokeswoman|spokesperson|president|leader|minister|official|expert|editor|founder|commentator|secretary|senator|congressman|congresswoman|governor|mayor)$/iu;
const PLACE_NAMES: Record<string, string> = { us: 'United States', russia: 'Russia', syria: 'Syria', uk: 'United Kingdom' };
const SUBORDINATE = /^(?:though|although|while|as|when|if|because|since|after|before|once|until|whether)\s+/i;
/** Words that open a clause or a phrase, not an organisation's name ("In Geneva", "This"). */
const NOT_AN_ORGANISATION = /^(?:In|At|On|After|Before|As|If|When|While|Despite|To|For|From|By|With|This|That|These|Those|It|What|There)$/;

/** A speaker who is a person of the article, named here as `mention`. */
export const person = (p: LocalPerson, mention: string, basis?: SpeakerBasis): SpeakerRef => ({
  mention,
  name: p.name,
  members: [p.name],
  kind: 'person',
  status: 'attributed',
  role: p.role,
  ...(basis ? { basis } : {}),
});
/** A speaker the text does not tell (or could be more than one: `ambiguous`). */
export const nobody = (mention: string, status: SpeakerRef['status'] = 'unattributed'): SpeakerRef => ({
  mention,
  name: null,
  members: [],
  kind: 'unknown',
  status,
  role: null,
});

/** "But Kerry also" → "Kerry": the connective before a subject and the adverb after it are not part of it. */
export function trimConnectives(np: string): string {
  return np
    .trim()
    .replace(/^(?:but|and|however|yet|so|then|meanwhile|publicly|still)\s+/i, '')
    .replace(/\s+(?:also|further|now|later|then|publicly|again|previously|immediately)$/i, '');
}

/**
 * Who a noun phrase before or after a reporting verb stands for, in this article at this point; null when
 * it cannot be a speaker at all (so the pattern does not apply).
 */
export function resolveMention(npRaw: string, state: ArticleState, at: number, paragraph: number): SpeakerRef | null {
  const np = trimConnectives(npRaw);
  if (np === '' || words(np) > 10) return null;
  for (const rule of SPEAKER_RULES) {
    const found = rule(np, state, at, paragraph);
    // The rule that decided is the basis, unless a rule it handed the words on to has told it already.
    const basis = RULE_BASIS.get(rule);
    if (found !== undefined) return found && !found.basis && basis && found.status === 'attributed' ? { ...found, basis } : found;
  }
  return null;
}

/**
 * `"…," he said`: the last subject or speaker of the last paragraphs whose gender does not contradict the
 * pronoun (the person the text is about), else the last person named outside quotation marks.
 */
export function pronounToLastPerson(np: string, state: ArticleState, at: number): Resolution {
  const lower = np.toLowerCase();
  if (!/^(?:he|she|him|her)$/.test(lower)) return undefined;
  const g = /^(?:she|her)$/.test(lower) ? 'f' : 'm';
  const fits = (p: LocalPerson): boolean => p.gender === null || p.gender === g;
  const recent = lastSalient(state, at, fits) ?? lastMentioned(state, at, fits);
  if (!recent) return nobody(np, 'ambiguous');
  recent.gender ??= g;
  return person(recent, np);
}

/** `"…," we said`: the article's author, when the byline names one person. */
export function weIsTheAuthor(np: string, state: ArticleState): Resolution {
  if (np.toLowerCase() !== 'we') return undefined;
  return state.author
    ? { mention: np, name: state.author, members: [state.author], kind: 'person', status: 'attributed', role: 'author of the article' }
    : nobody(np);
}

/**
 * `The Detroit News said …` … `"…," it added`: "it" is the organisation that spoke within the last two
 * paragraphs; undecided when none did (then it is no speaker).
 */
export function itIsTheOrganisation(np: string, state: ArticleState, _at: number, paragraph: number): Resolution {
  if (np.toLowerCase() !== 'it') return undefined;
  const last = state.organisations[state.organisations.length - 1];
  return last && paragraph - last.paragraph <= 2 ? organisationNamed(np, last.name) : undefined;
}

/** `…, they said` / `which said`: a pronoun that names no one the article tells; not a speaker. */
export function pronounWithoutPerson(np: string): Resolution {
  return /^(?:they|it|this|that|which|who)$/.test(np.toLowerCase()) ? null : undefined;
}

/** `Kerry never said …`, `Kerry did not say …`, `no one said …`: a report that something was not said; not a speaker. */
export function negatedReport(np: string): Resolution {
  return /\b(?:not|never|n['’]t|neither|nor)$/i.test(np) || /^(?:no one|nobody|none)$/i.test(np) ? null : undefined;
}

/** `…, though Kerry said`: the subject after a subordinating word. */
export function subordinateSubject(np: string, state: ArticleState, at: number, paragraph: number): Resolution {
  return SUBORDINATE.test(np) ? resolveMention(np.replace(SUBORDINATE, ''), state, at, paragraph) : undefined;
}

/** `He and Kerry said`: a joint speaker of two different people, or of two organisations. */
export function jointSpeaker(np: string, state: ArticleState, at: number, paragraph: number): Resolution {
  const parts = np.split(/\s+and\s+/);
  if (parts.length !== 2) return undefined;
  const a = resolveMention(parts[0] as string, state, at, paragraph);
  const b = resolveMention(parts[1] as string, state, at, paragraph);
  if (a?.kind === 'person' && b?.kind === 'person' && a.name && b.name && a.name !== b.name) {
    return { mention: np, name: `${a.name} and ${b.name}`, members: [a.name, b.name], kind: 'person', status: 'attributed', role: null };
  }
  // "The teachers' union and the school district announced": two bodies speaking together.
  if (a?.kind === 'organisation' && b?.kind === 'organisation' && a.name && b.name && a.name !== b.name) {
    return { mention: np, name: `${a.name} and ${b.name}`, members: [], kind: 'organisation', status: 'attributed', role: null };
  }
  return undefined;
}

/** `Secretary of State John Kerry said`, `Mr. Jones said`: one name (with its title or honorific), merged with the person already named. */
export function fullName(np: string, state: ArticleState): Resolution {
  const named = findNames(np);
  if (named.length !== 1) return undefined;
  const m = named[0] as NameMention;
  const local = state.people.get(m.key)?.find((p) => firstNamesAgree(p.first, m.first));
  return person(local ?? { name: m.name, first: m.first, key: m.key, role: m.role, gender: null }, np);
}

/** `Kerry said`: the surname of someone already named; ambiguous when two people share it. */
export function surname(np: string, state: ArticleState, at: number): Resolution {
  const lastWord = np.split(/\s+/).pop() as string;
  if (!/^[\p{Lu}]/u.test(lastWord)) return undefined;
  const bySurname = peopleBySurname(state, lastWord);
  if (bySurname.length === 1 && words(np) <= 3) return person(bySurname[0] as LocalPerson, np);
  if (bySurname.length > 1) {
    const subject = words(np) <= 3 ? (sharedSurnameSubject(state, at, bySurname) ?? sharedSurnameSpeaker(state, bySurname)) : null;
    return subject ? person(subject, np) : nobody(np, 'ambiguous');
  }
  return undefined;
}

/**
 * `"…," Ted Cruz said. … Heidi Cruz … Rafael Cruz … "…," Cruz said`: of the people who share a surname, the one
 * who has spoken in the article when none of the others has; null otherwise.
 */
export function sharedSurnameSpeaker(state: ArticleState, sharers: readonly LocalPerson[]): LocalPerson | null {
  const spoke = sharers.filter((p) => state.spoken.has(p));
  return spoke.length === 1 ? (spoke[0] as LocalPerson) : null;
}

/**
 * `Former President Bill Clinton criticized …, for his wife Hillary Clinton. … "…," Clinton said`: a surname
 * two people share is the one who was the subject or speaker of the last paragraphs, when no other of them was
 * (`Tom Smith and Jane Smith met`) and none has been named since (then the text has moved on): else ambiguous.
 */
export function sharedSurnameSubject(state: ArticleState, at: number, sharers: readonly LocalPerson[]): LocalPerson | null {
  const subject = lastSalient(state, at, (p) => sharers.includes(p));
  if (!subject || lastSalient(state, at, (p) => p !== subject && sharers.includes(p))) return null;
  const since = state.mentions.filter((m) => m.at < at && !m.inQuote && sharers.includes(m.person));
  const lastOther = since.findLast((m) => m.person !== subject);
  const lastOwn = since.findLast((m) => m.person === subject && m.salient);
  return lastOwn && (!lastOther || lastOther.at < lastOwn.at) ? subject : null;
}

/** `a Western diplomat said`, `one official said`: someone new and unnamed, never a person already named. */
export function indefiniteSource(np: string): Resolution {
  return DESCRIPTION.test(np) && /^(?:a|an|one)\s/i.test(np) ? nobody(np) : undefined;
}

/**
 * `the Russian diplomat said`, `Putin's spokesman said`: the person whose role fits the description (see
 * src/nlp/coref.ts; the last speaker first, if recent); a description naming its owner stands for itself
 * when no one fits.
 */
export function descriptionByRole(np: string, state: ArticleState, at: number, paragraph: number): Resolution {
  const d = DESCRIPTION.exec(np);
  if (!d?.groups) return undefined;
  const description = readDescription(np);
  if (description) {
    const fits = fitsDescription(description);
    if (state.lastSpeaker && fits(state.lastSpeaker.person) && paragraph - state.lastSpeaker.paragraph <= 3)
      return person(state.lastSpeaker.person, np);
    const byRole = personByRole(np, state, at, fits, description.place);
    if (byRole !== undefined) return byRole;
  }
  if (d.groups.owner && /^[\p{Lu}]/u.test(d.groups.owner)) {
    return { mention: np, name: np, members: [], kind: 'description', status: 'attributed', role: null };
  }
  return nobody(np);
}

/** Does a person of the article so far fit a description (src/nlp/coref.ts: office, place served, gender)? */
export function fitsDescription(d: Description): (p: LocalPerson) => boolean {
  return (p) => fitsRoles(d, { name: p.name, roles: p.role === null ? [] : [p.role] });
}

/** Of the people whose role fits a description: the one of the same place, the only one, or the last named. */
function personByRole(np: string, state: ArticleState, at: number, fits: (p: LocalPerson) => boolean, place: string | null): Resolution {
  const candidates = [...state.people.values()].flat().filter(fits);
  const samePlace = place === null ? [] : candidates.filter((p) => (placeServed(p.role ?? '') ?? placeOf(p.name)) === place);
  if (samePlace.length === 1) return person(samePlace[0] as LocalPerson, np);
  if (candidates.length === 1) return person(candidates[0] as LocalPerson, np);
  if (candidates.length > 1) {
    const recent = lastMentioned(state, at, fits);
    return recent ? { ...person(recent, np) } : nobody(np, 'ambiguous');
  }
  return undefined;
}

/** An organisation speaking, named as the article names it. */
const organisationNamed = (mention: string, name: string): SpeakerRef => ({
  mention,
  name,
  members: [],
  kind: 'organisation',
  status: 'attributed',
  role: null,
});

/** Words for a person's organisation: "the Clinton campaign", "Trump's team". */
const OWNED_BODY =
  /^(?:[Tt]he\s+(?<owner>[\p{Lu}][\p{L}'’-]+)|(?<owner2>[\p{Lu}][\p{L}'’-]+)['’]s)\s+(?<head>campaign|team|camp|administration|foundation)$/u;

/**
 * `The Clinton campaign said`, `Trump's team said`: the organisation of the one person of the article with that
 * surname, named by their full name ("Hillary Clinton campaign"); undecided when the article names no one or two.
 */
export function personsOrganisation(np: string, state: ArticleState): Resolution {
  const m = OWNED_BODY.exec(np);
  const owner = m?.groups?.owner ?? m?.groups?.owner2;
  if (!m?.groups || !owner) return undefined;
  const people = peopleBySurname(state, owner);
  return people.length === 1 ? organisationNamed(np, `${(people[0] as LocalPerson).name} ${m.groups.head}`) : undefined;
}

/** Bodies that speak by their kind ("the ministry said") and the documents they speak through ("the statement said"). */
const INSTITUTION =
  /^the\s+(?<head>ministry|department|agency|committee|commission|council|campaign|office|network|company|statement|communiqu[eé]|release)$/i;
const DOCUMENTS = /^(?:statement|communiqu[eé]|release)$/i;

/**
 * `The Russian Foreign Ministry said …` … `"…," the ministry said`: the last organisation that spoke, within the
 * last three paragraphs, whose name has the head word ("the statement" is the last one's, whatever its name);
 * undecided when none did.
 */
export function institutionSpokeBefore(np: string, state: ArticleState, _at: number, paragraph: number): Resolution {
  const head = INSTITUTION.exec(np.trim())?.groups?.head;
  if (!head) return undefined;
  const recent = state.organisations.filter((o) => paragraph - o.paragraph <= 3);
  const fits = DOCUMENTS.test(head) ? recent : recent.filter((o) => new RegExp(`\\b${head}\\b`, 'i').test(o.name));
  const last = fits[fits.length - 1];
  return last ? organisationNamed(np, last.name) : undefined;
}

/** `officials said`, `the report said`, `Western diplomats said`: a generic source, never attributed. */
export function genericSource(np: string): Resolution {
  return GENERIC_SOURCE.test(np) ? nobody(np) : undefined;
}

/** `Washington said`, `Russia said`: a place of one or two words speaks for its government. */
export function placeAsOrganisation(np: string): Resolution {
  const place = placeOf(np);
  if (!place || words(np) > 2) return undefined;
  const name = PLACE_NAMES[place] ?? np;
  return { mention: np, name, members: [], kind: 'organisation', status: 'attributed', role: null };
}

/** A determiner or a quantifier, and up to three lower-case words: a description of someone, not a name. */
const COMMON_NOUN_PHRASE =
  /^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Bb]oth)\s+(?:[\p{Ll}\d][\p{L}\d'’-]*\s+){0,3}[\p{Ll}][\p{L}'’-]*$/u;

/** Verbs and function words that make a run of words a clause, not a noun phrase: "his best response was to". */
const NOT_IN_A_NOUN_PHRASE =
  /\b(?:is|was|are|were|be|been|has|have|had|do|does|did|to|that|which|who|of|in|on|at|for|with|and|or|but|not|would|will|could|should|can|may|might|must)\b/;

/**
 * `As a phone rang, the announcer said, "…"`, `his aides said`: a description the article gives no one for is
 * the speaker as written, unattributed; never the person who spoke before (a wrong speaker is the worst
 * answer). An adverb or a participle is no head of a description ("the only", "the following").
 */
export function unresolvedCommonNoun(np: string): Resolution {
  if (!COMMON_NOUN_PHRASE.test(np) || /(?:ly|ing)$/.test(np) || NOT_IN_A_NOUN_PHRASE.test(np)) return undefined;
  return nobody(np);
}

/**
 * `the 69-year-old said`, `Having said`, `Obama's America`: an age, a participle opening the sentence, a
 * possessive phrase or a surname of someone the article names; never an organisation.
 */
export function notAnOrganisation(np: string, state: ArticleState): Resolution {
  const name = np.replace(/^the\s+/i, '');
  if (/\b\d+-year-old\b/i.test(name)) return nobody(np);
  const first = name.split(/\s+/)[0] as string;
  if (/^[\p{Lu}][\p{Ll}]+ing$/u.test(first) || /['’]s\s/.test(name)) return null;
  if (!/\p{Lu}/u.test(name)) return null;
  return words(name) > 1 && peopleBySurname(state, first).length > 0 ? null : undefined;
}

/** `Press TV said`, `the Foreign Ministry said`: every word capitalised, or an organisation's word at the end. */
export function organisation(np: string): Resolution {
  const orgWords = np.replace(/^the\s+/i, '').split(/\s+/);
  const allCaps = orgWords.every((w) => /^[\p{Lu}][\p{L}\p{N}.&'’-]*$|^[\p{Lu}\p{N}]+$/u.test(w) || /^(?:of|and|for|the)$/.test(w));
  const orgHead = ORG_HEADS.has((orgWords[orgWords.length - 1] ?? '').toLowerCase()) && /^[\p{Lu}]/u.test(orgWords[0] ?? '');
  if (orgWords.length > 4 || !(allCaps || orgHead)) return undefined;
  const name = np.replace(/^the\s+/i, '');
  if (NOT_AN_ORGANISATION.test(name.split(/\s+/)[0] as string)) return null;
  return organisationNamed(np, name);
}

/** The speaker rules, in the order they are tried: the first that decides wins. */
export const SPEAKER_RULES: readonly SpeakerRule[] = [
  pronounToLastPerson,
  weIsTheAuthor,
  itIsTheOrganisation,
  pronounWithoutPerson,
  negatedReport,
  subordinateSubject,
  jointSpeaker,
  fullName,
  surname,
  indefiniteSource,
  descriptionByRole,
  personsOrganisation,
  institutionSpokeBefore,
  genericSource,
  placeAsOrganisation,
  unresolvedCommonNoun,
  notAnOrganisation,
  organisation,
];

/** The basis each speaker rule gives the speakers it finds (rules that hand the words on, or find no one, give none). */
const RULE_BASIS: ReadonlyMap<SpeakerRule, SpeakerBasis> = new Map<SpeakerRule, SpeakerBasis>([
  [pronounToLastPerson, 'pronoun'],
  [weIsTheAuthor, 'author'],
  [jointSpeaker, 'joint'],
  [fullName, 'name'],
  [surname, 'surname'],
  [descriptionByRole, 'description'],
  [placeAsOrganisation, 'place'],
  [itIsTheOrganisation, 'organisation'],
  [personsOrganisation, 'organisation'],
  [institutionSpokeBefore, 'organisation'],
  [organisation, 'organisation'],
]);

/**
 * "The minister, Mr. Jones, told reporters": when the subject is a description that names no one, the
 * person named in the same words (an apposition) is the speaker.
 */
export function preferNamed(speaker: SpeakerRef | null, text: string, state: ArticleState): SpeakerRef | null {
  if (speaker && speaker.status === 'attributed') return speaker;
  const named = findNames(text);
  if (named.length !== 1) return speaker;
  const m = named[0] as NameMention;
  const local = state.people.get(m.key)?.find((p) => firstNamesAgree(p.first, m.first));
  return local ? person(local, m.name, 'apposition') : speaker;
}

/** How sure an attribution is: the pattern's own figure, less for a pronoun or a description, at most 0.3 unattributed. */
export function confidenceOf(speaker: SpeakerRef, base: number): number {
  if (speaker.status !== 'attributed') return Math.min(base, 0.3);
  const lower = speaker.mention.toLowerCase();
  if (/^(?:he|she|him|her|we)$/.test(lower)) return Number((base * 0.85).toFixed(2));
  if (speaker.kind === 'description' || /^(?:the|a)\s/i.test(speaker.mention) || speaker.mention.startsWith('('))
    return Number((base * 0.8).toFixed(2));
  return base;
}
