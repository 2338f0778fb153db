/**
 * Description coreference within one article: "the U.S. envoy", "the Kremlin leader", "the geopolitical
 * analyst" stand for the person the article names in that role. A description is read as an office (what the
 * person does) and a place (whom they serve); it stands for a person only when exactly one person the
 * article names fits both, since a wrong person is worse than none.
 */
import type { DescribedMention } from '../model/index.ts';
import { type NameMention, findNames, firstNamesAgree } from './people.ts';

/** What kind of office a title or a description names: descriptions and roles of one kind may be one person. */
export type Office = 'diplomat' | 'leader' | 'minister' | 'deputy' | 'spokesperson' | 'analyst';

/**
 * Titles and the office they name, most specific first: "Foreign Minister" is a diplomat before it is a
 * minister, "Vice President" a deputy before a leader, a spokesman for the president a spokesperson.
 */
const OFFICES: ReadonlyArray<readonly [RegExp, Office]> = [
  [/\bspokes(?:man|woman|person)\b/, 'spokesperson'],
  [/\bvice[- ]president\b|\bdeputy\b/, 'deputy'],
  [/\bsecretary of state\b|\bforeign (?:minister|secretary)\b|\bdiplomat\b|\benvoy\b|\bambassador\b/, 'diplomat'],
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

const MALE = /^(?:mr|sir|lord|king|prince)\b|\b(?:spokesman|chairman)\b/i;
const FEMALE = /^(?:mrs|ms|miss|madam|dame|lady|queen|princess)\b|\b(?:spokeswoman|chairwoman)\b/i;

/** The gender an honorific or a role word tells ("Mrs. May", "the spokesman"); null when none does. */
export const genderOf = (name: string, role: string | null): 'm' | 'f' | null =>
  FEMALE.test(name) || FEMALE.test(role ?? '') ? 'f' : MALE.test(name) || MALE.test(role ?? '') ? 'm' : null;

/** A person an article names, with every role it gives them. */
export interface NamedPerson {
  name: string;
  first: string | null;
  key: string;
  roles: string[];
}

/** The people a text names, one entry per person (merged by surname and agreeing first names), the fullest name kept. */
export function namedPeople(texts: readonly string[]): NamedPerson[] {
  const out: NamedPerson[] = [];
  const add = (m: NameMention): void => {
    const p = out.find((x) => x.key === m.key && firstNamesAgree(x.first, m.first));
    if (!p) {
      out.push({ name: m.name, first: m.first, key: m.key, roles: m.role ? [m.role] : [] });
      return;
    }
    if (!p.first && m.first) {
      p.first = m.first;
      p.name = m.name;
    }
    if (m.role && !p.roles.includes(m.role)) p.roles.push(m.role);
  };
  for (const t of texts) findNames(t).forEach(add);
  return out;
}

/** What a description says of whom it stands for: the office, the place served (if told), the gender (if told). */
export interface Description {
  office: Office;
  place: string | null;
  gender: 'm' | 'f' | null;
}

/** Words before a role noun that make it someone other than the one named: "the former president", "the new envoy". */
const ANOTHER = /^(?:former|late|new|next|then|other|another|previous|incoming|outgoing|acting|interim|future|ex-\S*)$/i;
/** Words that cannot stand between "the" and a role noun in one description. */
const NOT_A_MODIFIER = /^(?:and|or|but|of|to|with|as|in|on|at|for|by|from|that|which|who|a|an|the|his|her|their|its|our|two|three|both)$/i;
const ROLE_NOUNS =
  'spokesman|spokeswoman|spokesperson|diplomat|envoy|ambassador|president|leader|premier|chancellor|minister|secretary|analyst|founder|editor|expert|commentator|scholar|professor';

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
  return { office, place: placeServed(words), gender: genderOf('', words) };
}

/**
 * Does a person fit a description? One of their roles names the same office; where the description names a
 * place, one of their roles must name it too (a person whose place the article does not give fits no "U.S.
 * envoy"); a gender the description tells must not contradict theirs.
 */
export function fitsDescription(d: Description, p: Pick<NamedPerson, 'name' | 'roles'>): boolean {
  if (!p.roles.some((r) => officeOf(r) === d.office)) return false;
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

/** Is offset `at` of a sentence inside quotation marks (someone else's words, whose "the president" may be anyone)? */
function insideQuotation(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  return curly > 0 || (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

/**
 * The people a sentence names only by description, each the one person of the article who fits it. A title
 * before a name ("the Russian President Vladimir Putin") is not a description: the name says who.
 */
export function describedPeople(sentence: string, people: readonly NamedPerson[]): DescribedMention[] {
  const out: DescribedMention[] = [];
  for (const m of sentence.matchAll(DESCRIPTION_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^\s+(?:[\p{Lu}]|of\b)/u.test(sentence.slice(end)) || insideQuotation(sentence, start)) continue;
    const who = personDescribed(m[0], people);
    if (who) out.push({ name: who.name, description: m[0], span: [start, end] });
  }
  return out;
}
