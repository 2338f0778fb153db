/**
 * Description coreference within one article: "the U.S. envoy", "the Kremlin leader", "the geopolitical
 * analyst" stand for the person the article names in that role. A description is read as an office (what the
 * person does) and a place (whom they serve); it stands for a person only when exactly one person the
 * article names fits both, since a wrong person is worse than none.
 */
import type { DescribedMention } from '../model/index.ts';
import { ROLE_WORDS } from './cues.ts';
import { englishStopwords } from './natural.ts';
import { type NameMention, findNames, firstNamesAgree, givenNameGender, surnameKey } from './people.ts';
import { allMatches } from './text.ts';

const STOP = new Set(englishStopwords);

/** What kind of office a title or a description names: descriptions and roles of one kind may be one person. */
export type Office = 'diplomat' | 'leader' | 'minister' | 'deputy' | 'spokesperson' | 'analyst' | 'legislator' | 'governor' | 'mayor';

/**
 * Titles and the office they name, most specific first: "Foreign Minister" is a diplomat before it is a
 * minister, "Vice President" a deputy before a leader, a spokesman for the president a spokesperson.
 */
const OFFICES: ReadonlyArray<readonly [RegExp, Office]> = [
  [/\bspokes(?:man|woman|person)\b/, 'spokesperson'],
  [/\bvice[- ]president\b|\bdeputy\b/, 'deputy'],
  [/\bsecretary of state\b|\bforeign (?:minister|secretary)\b|\bdiplomat\b|\benvoy\b|\bambassador\b/, 'diplomat'],
  [/\bsenator\b|\bsen\.|\bcongress(?:man|woman)\b|\brep\.|\brepresentative\b|\blawmaker\b/, 'legislator'],
  [/\bgovernor\b|\bgov\./, 'governor'],
  [/\bmayor\b/, 'mayor'],
  [/\bprime minister\b|\bpremier\b|\bpresident\b|\bleader\b|\bchancellor\b|\bking\b/, 'leader'],
  [/\bminister\b|\bsecretary\b/, 'minister'],
  [/\banalyst\b|\bfounder\b|\beditor\b|\bexpert\b|\bcommentator\b|\bscholar\b|\bprofessor\b|\bdirector\b/, 'analyst'],
];

/** The office a role or a description names ("U.S. Secretary of State" → diplomat, "the Kremlin leader" → leader), or null. */
export function officeOf(text: string): Office | null {
  const t = text.toLowerCase();
  for (const [words, office] of OFFICES) if (words.test(t)) return office;
  return null;
}

/** Places, with the nationalities and capitals that stand for them: "Washington's", "the American", "the Kremlin". */
const PLACE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  us: ['us', 'u.s.', 'american', 'americans', 'washington', 'united states'],
  russia: ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  syria: ['syria', 'syrian', 'syrians', 'damascus'],
  uk: ['uk', 'british', 'britain', 'london'],
};

/** Institutions and titles that belong to one country: a "Secretary of State" is the US's foreign minister. */
const INSTITUTIONS: Readonly<Record<string, readonly string[]>> = {
  us: ['white house', 'state department', 'pentagon', 'secretary of state'],
  uk: ['downing street', 'foreign office'],
  un: ['u.n.', 'united nations'],
};

/** Each word of a table as a whole-word pattern, with the place it stands for. */
const wordPatterns = (table: Readonly<Record<string, readonly string[]>>): ReadonlyArray<readonly [string, RegExp]> =>
  Object.entries(table).flatMap(([place, words]) =>
    words.map((w) => [place, new RegExp(`(?:^|[^\\p{L}])${w.replace(/\./g, '\\.')}(?:$|[^\\p{L}])`, 'u')] as const),
  );
const PLACE_WORDS = wordPatterns(PLACE_ALIASES);
const INSTITUTION_WORDS = wordPatterns(INSTITUTIONS);

const firstPlace = (words: ReadonlyArray<readonly [string, RegExp]>, text: string): string | null => {
  const t = text.toLowerCase().replace(/['’]s\b/g, '');
  for (const [place, word] of words) if (word.test(t)) return place;
  return null;
};

/** The place a word names, folded ("Washington's", "American", "U.S." → "us"), or null. */
export const placeOf = (text: string): string | null => firstPlace(PLACE_WORDS, text);

/**
 * The place a role or a description serves: a place it names ("the Kremlin leader"), or the country its
 * institution or title belongs to ("State Department spokesman", "Secretary of State" → "us").
 */
export const placeServed = (text: string): string | null => placeOf(text) ?? firstPlace(INSTITUTION_WORDS, text);

const MALE = /^(?:mr|sir|lord|king|prince)\b|\b(?:spokesman|chairman|congressman)\b/i;
const FEMALE = /^(?:mrs|ms|miss|madam|dame|lady|queen|princess)\b|\b(?:spokeswoman|chairwoman|congresswoman)\b/i;

/**
 * The gender an honorific or a role word tells ("Mrs. May", "the spokesman"), else the given name's ("Hillary
 * Clinton": see `givenNameGender`); null when none does.
 */
export const genderOf = (name: string, role: string | null): 'm' | 'f' | null =>
  FEMALE.test(name) || FEMALE.test(role ?? '')
    ? 'f'
    : MALE.test(name) || MALE.test(role ?? '')
      ? 'm'
      : givenNameGender(/^([\p{Lu}][\p{L}-]+)\s+\S/u.exec(name)?.[1] ?? null);

/** A person an article names, with every role it gives them. */
export interface NamedPerson {
  name: string;
  first: string | null;
  key: string;
  roles: string[];
  /** The index of the first text that names them (see `namedPeople`). */
  firstSeen: number;
}

/**
 * A title before a surname alone: "President Obama", "Russian Foreign Minister Lavrov". `findNames` wants a
 * first name or an honorific; a title says as much that a person is meant.
 */
const TITLED_SURNAME =
  /(?<![\p{L}.])((?:[\p{Lu}][\p{L}.]*\s+){0,3})(President|Prime Minister|Premier|Chancellor|Secretary of State|Secretary|Foreign Minister|Minister|Ambassador|King)\s+([\p{Lu}][\p{L}-]+)(?:['’]s)?(?![\p{L}'’-]|\s+[\p{Lu}])/gu;

/** The titles of `TITLED_SURNAME`, each of which holds one of these words: a text without any has no match. */
const ANY_TITLE = /President|Premier|Chancellor|Secretary|Minister|Ambassador|King/u;

/** The people named by a title and a surname alone, each as a name mention (no first name). */
export function titledSurnames(text: string): NameMention[] {
  const out: NameMention[] = [];
  if (!ANY_TITLE.test(text)) return out;
  for (const m of allMatches(TITLED_SURNAME, text)) {
    const surname = m[3] as string;
    if (ROLE_WORDS.has(surname.toLowerCase()) || STOP.has(surname.toLowerCase())) continue;
    const role = `${m[1] ?? ''}${m[2] as string}`.replace(/^(?:The|A|An)\s+/, '');
    const start = m.index + m[0].lastIndexOf(surname);
    out.push({ start, end: start + surname.length, name: surname, role, key: surnameKey(surname), first: null });
  }
  return out;
}

/**
 * The people texts name, one entry per person (merged by surname and agreeing first names), the fullest
 * name kept, with the index of the text that first names them. A surname named only with a title joins the
 * one person of that surname, or stands alone when no one has it; when two people share it, it joins neither.
 */
export function namedPeople(texts: readonly string[]): NamedPerson[] {
  const out: NamedPerson[] = [];
  const add = (m: NameMention, at: number): void => {
    const same = out.filter((x) => x.key === m.key && firstNamesAgree(x.first, m.first));
    if (m.first === null && same.length > 1) return;
    const p = same[0];
    if (!p) {
      out.push({ name: m.name, first: m.first, key: m.key, roles: m.role ? [m.role] : [], firstSeen: at });
      return;
    }
    if (!p.first && m.first) {
      p.first = m.first;
      p.name = m.name;
    }
    if (m.role && !p.roles.includes(m.role)) p.roles.push(m.role);
  };
  texts.forEach((t, at) => {
    const full = findNames(t);
    full.forEach((m) => add(m, at));
    for (const m of titledSurnames(t)) if (!full.some((f) => f.start <= m.start && m.end <= f.end)) add(m, at);
  });
  return out;
}

/**
 * What a description says of whom it stands for: the office, the title where the description names one
 * ("the president", not "the leader"), the place served (if told), the gender (if told), and whether the
 * office is a past one ("the former president").
 */
export interface Description {
  office: Office;
  title: string | null;
  place: string | null;
  gender: 'm' | 'f' | null;
  former: boolean;
}

/**
 * Role nouns that are titles: "the president" is someone whose title is president, never a "civil rights
 * leader". The others ("leader", "envoy", "diplomat", "analyst", "spokesman") name the office in general:
 * "the Kremlin leader" may be the Russian President, "the U.S. envoy" the Secretary of State.
 */
const TITLES: ReadonlySet<string> = new Set([
  'president',
  'premier',
  'chancellor',
  'ambassador',
  'minister',
  'secretary',
  'editor',
  'founder',
  'professor',
  'scholar',
  'senator',
  'congressman',
  'congresswoman',
  'governor',
  'mayor',
]);

/** How a role writes a title: "the senator" is a "Sen.", "the congressman" a "Rep.", "the governor" a "Gov.". */
const TITLE_FORMS: Readonly<Record<string, string>> = {
  senator: 'senator|sen\\.',
  congressman: 'congress(?:man|woman)|representative|rep\\.',
  congresswoman: 'congress(?:man|woman)|representative|rep\\.',
  governor: 'governor|gov\\.',
};

/** A role that holds a title, in any of the ways it is written. */
export const titlePattern = (title: string): RegExp => new RegExp(`\\b(?:${TITLE_FORMS[title] ?? title})(?![\\p{L}])`, 'iu');

/** Words before a role noun that make it someone other than the one the article names in it: "the new envoy", "the next president". */
const ANOTHER = /^(?:late|new|next|then|other|another|previous|incoming|outgoing|acting|interim|future|first|last|most|recent)$/i;
/** A description after a copula or a verb of appointing names a role, not a person: "she should be the president", "was named the envoy". */
const PREDICATIVE = /\b(?:be|is|was|were|been|being|become|becomes|became|elected|named|appointed)\s+$/i;
/** A past office: "the former president" is the one named "Former President …", never the president. */
const FORMER = /\bformer\b/i;
/** Words that cannot stand between "the" and a role noun in one description. */
const NOT_A_MODIFIER = /^(?:and|or|but|of|to|with|as|in|on|at|for|by|from|that|which|who|a|an|the|his|her|their|its|our|two|three|both)$/i;
const ROLE_NOUNS =
  'spokesman|spokeswoman|spokesperson|diplomat|envoy|ambassador|president|leader|premier|chancellor|minister|secretary|analyst|founder|editor|expert|commentator|scholar|professor|senator|congressman|congresswoman|governor|mayor';

/**
 * Reads a noun phrase as a definite description of one person ("the U.S. envoy", "Washington's top
 * diplomat", "the secretary of state"), or null: an indefinite ("a Western diplomat"), a plural, a
 * description of someone else ("the former president", "Putin's spokesman", "the country's leader"), or
 * words that name no office.
 */
export function readDescription(np: string): Description | null {
  const m = new RegExp(
    `^(?:the\\s+|(?<owner>[\\p{Lu}][\\p{L}.]*)['’]s\\s+)(?<mods>(?:[\\p{L}.-]+\\s+){0,3})(?<head>${ROLE_NOUNS})(?<of>\\s+of\\s+state)?$`,
    'iu',
  ).exec(np.trim());
  if (!m?.groups) return null;
  const mods = (m.groups.mods ?? '').split(/\s+/).filter((w) => w !== '');
  if (mods.some((w) => ANOTHER.test(w) || NOT_A_MODIFIER.test(w))) return null;
  const owner = m.groups.owner ?? null;
  // An owner that is not a place is a person or a body the description belongs to, not the one it names.
  if (owner !== null && placeOf(owner) === null) return null;
  const words = `${owner ?? ''} ${m.groups.mods ?? ''}${m.groups.head ?? ''}${m.groups.of ?? ''}`;
  const office = officeOf(words);
  if (office === null) return null;
  const head = (m.groups.head ?? '').toLowerCase();
  const title = TITLES.has(head) ? head : null;
  return { office, title, place: placeServed(words), gender: genderOf('', words), former: FORMER.test(words) };
}

/**
 * Does a person fit a description? One of their roles names the same office (with the same title, where the
 * description names one), past or present as the description's is; where the description names a place, one
 * of their roles must name it too (a person whose place the article does not give fits no "U.S. envoy"); a
 * gender the description tells must not contradict theirs.
 */
export function fitsDescription(d: Description, p: Pick<NamedPerson, 'name' | 'roles'>): boolean {
  const title = d.title === null ? null : titlePattern(d.title);
  if (!p.roles.some((r) => officeOf(r) === d.office && FORMER.test(r) === d.former && (title === null || title.test(r)))) return false;
  if (d.place !== null && !p.roles.some((r) => placeServed(r) === d.place) && placeOf(p.name) !== d.place) return false;
  if (d.gender === null) return true;
  const theirs = p.roles.map((r) => genderOf(p.name, r)).find((g) => g !== null) ?? genderOf(p.name, null);
  return theirs === null || theirs === d.gender;
}

/** The one person of the article a description stands for; null when no one or more than one fits. */
export function personDescribed<P extends Pick<NamedPerson, 'name' | 'roles'>>(np: string, people: readonly P[]): P | null {
  const d = readDescription(np);
  if (d === null) return null;
  const fit = people.filter((p) => fitsDescription(d, p));
  return fit.length === 1 ? (fit[0] as P) : null;
}

const DESCRIPTION_IN_TEXT = new RegExp(
  `(?<![\\p{L}.])(?:the|[\\p{Lu}][\\p{L}.]*['’]s)\\s+(?:[\\p{L}.-]+\\s+){0,3}?(?:${ROLE_NOUNS})(?:\\s+of\\s+state)?(?![\\p{L}-])`,
  'giu',
);
/** A role noun anywhere in the text, read as `DESCRIPTION_IN_TEXT` reads one: a text without one has no description. */
const ANY_ROLE_NOUN = new RegExp(`(?:${ROLE_NOUNS})`, 'iu');

/** Is offset `at` of a sentence inside quotation marks (someone else's words, whose "the president" may be anyone)? */
export function insideQuotation(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  return curly > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

/**
 * The people a sentence names only by description, each the one person of the article who fits it, named
 * before it (`at` is the sentence's index among the texts `people` were read from: see `namedPeople`). A
 * title before a name ("the Russian President Vladimir Putin") is not a description: the name says who; nor
 * is a role after a copula ("she would be the president").
 */
export function describedPeople(sentence: string, people: readonly NamedPerson[], at: number): DescribedMention[] {
  const out: DescribedMention[] = [];
  if (!ANY_ROLE_NOUN.test(sentence)) return out;
  for (const m of allMatches(DESCRIPTION_IN_TEXT, sentence)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^\s+(?:[\p{Lu}]|of\b)/u.test(sentence.slice(end)) || insideQuotation(sentence, start)) continue;
    if (PREDICATIVE.test(sentence.slice(Math.max(0, start - 20), start))) continue;
    const who = personDescribed(m[0], people);
    if (who && who.firstSeen <= at) out.push({ name: who.name, description: m[0], span: [start, end] });
  }
  return out;
}
