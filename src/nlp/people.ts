import { HONORIFICS, NAME_PARTICLES, ORG_HEADS, ROLE_WORDS } from './cues.ts';
import { createRequire } from 'node:module';
import { englishStopwords } from './natural.ts';
import { allMatches } from './text.ts';

const require = createRequire(import.meta.url);

const STOP = new Set(englishStopwords);
const MONTHS_DAYS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** A person named in a text: "U.S. Secretary of State John Kerry" is role "U.S. Secretary of State", name "John Kerry". */
export interface NameMention {
  start: number;
  end: number;
  name: string;
  /** The words of title or role before the name, or an apposition after it (", a political analyst in Virginia"). */
  role: string | null;
  /** Lower-case surname without particles: the key people are merged by ("al-Assad" → "assad"). */
  key: string;
  first: string | null;
}

const bare = (w: string): string => w.toLowerCase().replace(/[.’']/g, '');

/** The key of a name: its last word, lower case, without a particle prefix ("al-Assad" → "assad"). */
export function surnameKey(name: string): string {
  const words = name.split(/\s+/).filter((w) => !HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
  const last = words[words.length - 1] ?? name;
  return last
    .toLowerCase()
    .replace(/^(?:al|el|bin|ibn)-/, '')
    .replace(/[.’']/g, '');
}

// A capitalised word keeps inner periods ("U.S.") but not a sentence's final one ("Putin.").
const TOKEN = /(?:[\p{Lu}]\.){2,}|(?:al|el|bin|ibn|abu)-[\p{Lu}][\p{L}’'-]*|[\p{Lu}][\p{L}’'-]*[\p{L}]|[\p{Lu}]\.|[\p{Ll}][\p{L}-]*/gu;
/** Capitalised, or a name with an Arabic article ("al-Jubeir"). */
const isCap = (w: string): boolean => /^(?:[\p{Lu}]|(?:al|el|bin|ibn|abu)-[\p{Lu}])/u.test(w);

type Token = { w: string; start: number; end: number };

/**
 * Abbreviated titles, stopped by a full stop, that stand before a name as its role and are no part of it:
 * "Rep. G.K. Butterfield", "Sen. Ted Cruz", "Lt. Gov. Dan Patrick".
 */
// prettier-ignore
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(['sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'atty', 'adm', 'cmdr']);
/** An honorific that belongs to the name as it is written ("Mr. Trump", "Dr. Oz"), not a title. */
const isHonorific = (w: string): boolean => HONORIFICS.has(bare(w)) && !TITLE_ABBREVIATIONS.has(bare(w));

/**
 * Titles after which a surname alone names a person: "President Obama", "Gov. Pence", "Secretary of State
 * Kerry". Not "General", which opens the names of firms and bodies ("General Motors").
 */
const SURNAME_TITLES =
  /^(?:president|premier|chancellor|secretary|state|minister|ambassador|king|queen|prince|princess|senator|sen|rep|representative|congressman|congresswoman|gov|governor|mayor|judge|justice|speaker)$/;

/** The end of a run of capitalised words from token `i`, with particles ("de", "al-") and "of"/"for" inside titles. */
function capitalisedRun(text: string, tokens: Token[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length) {
    const next = tokens[j + 1] as Token;
    const gap = text.slice((tokens[j] as Token).end, next.start);
    const cur = (tokens[j] as Token).w;
    if (!/^\s$/.test(gap) && !(/^\.\s$/.test(gap) && (HONORIFICS.has(bare(cur)) || TITLE_ABBREVIATIONS.has(bare(cur))))) break;
    // "Mr. Trump's RT": a possessive ends a name.
    if (/['’]s$/.test(cur)) break;
    const lower = next.w.toLowerCase();
    // "Secretary of State" is one title; "Elijah Cummings of Maryland" is a name and a place.
    const ofTitle = (lower === 'of' || lower === 'for') && ROLE_WORDS.has(bare(cur));
    if (isCap(next.w) || ((NAME_PARTICLES.has(lower) || ofTitle) && tokens[j + 2] && isCap(tokens[j + 2]!.w))) j += 1;
    else break;
  }
  return j;
}

/** Lower-case role words just before a name: "analyst Keith Preston", "spokesman John Kirby". */
const LOWER_ROLE_WORDS =
  'analyst|spokesman|spokeswoman|spokesperson|envoy|official|minister|editor|founder|commentator|expert|director|diplomat|leader|president|nominee|candidate|senator|congressman|congresswoman|governor|mayor|chairman|chairwoman|secretary|lawyer|attorney|adviser|advisor|aide|host|anchor|strategist|pollster|manager';
const LOWER_ROLE = new RegExp(
  `(?<![\\p{L}.])((?:(?!(?:to|of|the|a|an|and|by|for|with|from|in|on|at|as)\\s)[\\p{L}.-]+\\s+){0,2}(?:${LOWER_ROLE_WORDS}))\\s+$`,
  'u',
);
/** The end `LOWER_ROLE` needs, a role word last, without the words before it: cheap to ask first. */
const ENDS_WITH_LOWER_ROLE = new RegExp(`(?:${LOWER_ROLE_WORDS})\\s+$`, 'u');

/** Capitalised words that open a clause or tell a time, never a title before a name. */
const NOT_A_TITLE =
  /^(?:yesterday|today|tomorrow|tonight|earlier|later|meanwhile|now|then|but|and|while|when|as|if|after|before|since|though|although|because|so|yet|also|in|on|at|for|with|by|from|to|the|a|an|this|that|of)$/i;

/** An apposition that describes a body, not a person: "Peabody Energy, the nation's largest coal company". */
const BODY_APPOSITION =
  /\b(?:company|companies|firm|group|corporation|organization|organisation|agency|network|newspaper|website|channel|union|party|committee|foundation|institute|university|bank|station|magazine|paper|outlet|fund|charity|association|council|court)$/i;

/** The role a run of words gives its name: the title before it, lower-case role words before that, or an apposition after. */
function roleOf(text: string, run: Token[], roleTokens: Token[], end: number): string | null {
  const first = run[0] as Token;
  const lead = text.slice(Math.max(0, first.start - 60), first.start);
  const lowerRole = ENDS_WITH_LOWER_ROLE.test(lead) ? LOWER_ROLE.exec(lead) : null;
  const titleRun = roleTokens.filter((x) => !isHonorific(x.w));
  // "While Mr Davis", "Yesterday Hillary Clinton": a word that opens the clause is no title.
  while (titleRun.length > 0 && NOT_A_TITLE.test(titleRun[0]!.w)) titleRun.shift();
  const titleEnd = titleRun.length > 0 ? titleRun[titleRun.length - 1]!.end : 0;
  // "Rep.": an abbreviated title keeps its full stop.
  let role: string | null = titleRun.length > 0 ? text.slice(titleRun[0]!.start, titleEnd + (text[titleEnd] === '.' ? 1 : 0)) : null;
  // "U.S. Secretary of State": the run stops at "of"; take the capitalised words before it too.
  if (role && /^(?:of|for)\b/i.test(role) === false) {
    const ext = /((?:[\p{Lu}][\p{L}.]*\s+)*)$/u.exec(text.slice(Math.max(0, first.start - 40), first.start));
    if (ext?.[1] && ext[1].trim() !== '' && /\bof\s+$/.test(text.slice(0, first.start)) === false) role = `${ext[1]}${role}`.trim();
  }
  if (lowerRole) role = role ? `${lowerRole[1]} ${role}` : (lowerRole[1] as string);
  const apposition = /^,\s+((?:the|a|an)\s+[^,.;"“”]{3,80}?)(?:,|\.|;|$| told| said| says)/.exec(text.slice(end, end + 120));
  if (!role && apposition && !BODY_APPOSITION.test(apposition[1] as string)) role = apposition[1] as string;
  return role;
}

/**
 * Where the name starts in a run of capitalised words: after the title words ("Italian Prime Minister Matteo
 * Renzi", "Republican Donald Trump"), at the first known given name when the words before it are not one, else
 * after the last role word.
 */
function nameStart(run: Token[]): number {
  let k = 0;
  // "Martin Luther King": after a given name, a role word that ends the run is a surname.
  const last = run.length >= 3 && givenNameGender(run[0]!.w) !== null ? run.length - 1 : run.length;
  for (let i = 0; i < last; i += 1) {
    const b = bare(run[i]!.w);
    if (ROLE_WORDS.has(b) || TITLE_ABBREVIATIONS.has(b) || STOP.has(run[i]!.w.toLowerCase())) k = i + 1;
  }
  const given = run.findIndex((t, i) => i >= k && i < run.length - 1 && givenNameGender(t.w) !== null);
  const before = run.slice(k, given);
  const joined = before.some((t) => NAME_PARTICLES.has(t.w.toLowerCase()));
  return given > k && !joined && givenNameGender(run[k]!.w) === null ? given : k;
}

/**
 * A name of more than four words is kept whole when name particles join it ("Bandar bin Sultan bin Abdulaziz
 * Al Saud"); a longer run without them is words in capitals around a name (a headline), of which the last two
 * are the likeliest name.
 */
function longNameOrLastTwo(nameTokens: Token[]): Token[] {
  if (nameTokens.length <= 4) return nameTokens;
  return nameTokens.slice(1, -1).some((t) => NAME_PARTICLES.has(t.w.toLowerCase())) ? nameTokens : nameTokens.slice(-2);
}

/** Words that make a first word a place's, not a given name: "West Virginia", "North Carolina", "Sierra Leone". */
const PLACE_FIRST_WORDS =
  /^(?:North|South|East|West|New|Saint|San|Santa|Los|Las|Fort|Port|Mount|Lake|Cape|Sierra|Georgia|Virginia|Carolina|Jordan|Israel|Christian|Colorado|Nevada|Montana|Florida|Arizona|Dakota|Indiana|Texas|Kansas|Washington|Palm|Grand|Silicon|Beverly)$/;

/** Last words of the names of bodies and places, never of a person: "Oakland Education Association", "Chicago Avenue". */
const BODY_OR_PLACE_HEADS =
  /^(?:Association|District|League|Court|School|Schools|Stadium|Avenue|Street|Road|Roads|Area|Heights|Board|Foods|Sports|Management|Isle|Island|Islands|Scholars|Police|Unified|Teachers|County|City|Park|Center|Centre|Hospital|Airport|Bridge|Square|Hall|Church|Club|Company|Corp|Inc|Bank|Fund|Foundation|Commission|Authority|Service|Services)$/;
/** First words of places: "New Bern", "San Francisco", "Fort Worth". */
const PLACE_OPENERS = /^(?:New|North|South|East|West|San|Santa|Los|Las|Fort|Port|Mount|Lake|Cape)$/;

/**
 * `Oakland Education Association`, `New Bern`: words in capitals that end as a body's or a place's name, or
 * open as a place's, are no person, unless an honorific says one is meant ("Mr. Park").
 */
function namesAPlaceOrBody(nameTokens: Token[], honorific: boolean): boolean {
  if (honorific) return false;
  return BODY_OR_PLACE_HEADS.test(nameTokens[nameTokens.length - 1]!.w) || PLACE_OPENERS.test(nameTokens[0]!.w);
}

/** "Donald Trump", "Hillary Clinton": a run of two or three words opening with a known given name names a person. */
function startsWithGivenName(nameTokens: Token[]): boolean {
  const first = nameTokens[0]!.w;
  return nameTokens.length >= 2 && nameTokens.length <= 3 && !PLACE_FIRST_WORDS.test(first) && givenNameGender(first) !== null;
}

/**
 * `"…," said 9/11 widow Terry Strada.`, `…, noted NBC’s Dante Chinni.`: the words after a quote or a clause and
 * an inverted cue, behind an owner and at most a few lower-case words of description, are the speaker's name.
 */
function afterInvertedCue(text: string, start: number): boolean {
  return /[,"”'’],?\s+(?:said|says|added|noted|wrote|asked|continued|explained|argued)\s+(?:[\p{Lu}][\p{L}.&-]*['’]s\s+)?(?:[\p{Ll}\d/.-]+\s+){0,3}$/u.test(
    text.slice(Math.max(0, start - 80), start),
  );
}

/**
 * `"I would," Melanie said to the TV.`: a known given name alone, as the subject of a speech verb, is a person
 * the article names by first name only (a voter, a child). Not a place's name ("Virginia said").
 */
function givenNameSpeaking(text: string, nameTokens: Token[], end: number): boolean {
  const only = nameTokens[0]!.w;
  return (
    nameTokens.length === 1 &&
    !PLACE_FIRST_WORDS.test(only) &&
    givenNameGender(only) !== null &&
    /^\s+(?:said|says|told|added|asked|replied|continued)\b/.test(text.slice(end, end + 20))
  );
}

/** Suffixes after a name: "Martin Luther King Jr.", "Harry Connick III". */
const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)$/;

/** The person a run of capitalised words names, or null when nothing marks it as a person's name. */
function personOfRun(text: string, whole: Token[]): NameMention | null {
  // "King Jr.": the suffix is no part of the key a person is merged by.
  const run = whole.length > 1 && NAME_SUFFIX.test(whole[whole.length - 1]!.w) ? whole.slice(0, -1) : whole;
  const k = nameStart(run);
  let nameTokens = run.slice(k);
  const roleTokens = run.slice(0, k);
  const lastRole = roleTokens[roleTokens.length - 1];
  const honorific = lastRole !== undefined && isHonorific(lastRole.w);
  const titled = lastRole !== undefined && SURNAME_TITLES.test(bare(lastRole.w));
  if (nameTokens.length === 0) return null;
  // A title after a name ("Putin Kerry talks") or a date: not a person's name.
  // "Theresa May": a month after a known given name is a surname.
  const month = (x: Token, i: number): boolean =>
    MONTHS_DAYS.has(x.w.toLowerCase()) && !(i > 0 && givenNameGender(nameTokens[i - 1]!.w) !== null);
  const surnameAfterGiven = (i: number): boolean => i === nameTokens.length - 1 && i >= 2 && givenNameGender(nameTokens[0]!.w) !== null;
  if (nameTokens.some((x, i) => (ROLE_WORDS.has(bare(x.w)) && !surnameAfterGiven(i)) || month(x, i) || STOP.has(x.w.toLowerCase())))
    return null;
  if (ORG_HEADS.has(nameTokens[nameTokens.length - 1]!.w.toLowerCase()) || namesAPlaceOrBody(nameTokens, honorific)) return null;
  nameTokens = longNameOrLastTwo(nameTokens);
  const start = (honorific ? roleTokens[roleTokens.length - 1]! : nameTokens[0]!).start;
  const last = nameTokens[nameTokens.length - 1]!;
  // "Barack Obama’s": the possessive is not part of the name.
  const end = last.end - (/['’]s$/.test(last.w) ? 2 : 0);
  // One word with neither honorific nor title names a person only as the subject of a speech verb: asked first,
  // as it settles most runs ("Syria", "Obama") before the role is looked for.
  if (!honorific && !titled && nameTokens.length < 2 && !givenNameSpeaking(text, nameTokens, end)) return null;
  const role = roleOf(text, run, roleTokens, end);
  const isPerson =
    honorific ||
    role !== null ||
    /^\s+(?:said|says|told|added|noted|argued)\b/.test(text.slice(end, end + 120)) ||
    afterInvertedCue(text, run[0]!.start) ||
    startsWithGivenName(nameTokens);
  if (!isPerson) return null;
  const name = text.slice(start, end);
  return {
    start,
    end,
    name,
    role: role ? role.replace(/\s+/g, ' ').trim() : null,
    key: surnameKey(name),
    first: honorific || nameTokens.length < 2 ? null : nameTokens[0]!.w,
  };
}

/**
 * Finds the people named in a sentence: a run of capitalised words whose last words are not role words and
 * which a title, an honorific or an apposition marks as a person ("Russian President Vladimir Putin",
 * "Mr Hammond", "Eric Draitser, the founder of"). Places and organisations ("New York", "Security Council")
 * carry no such mark and are not taken.
 */
export function findNames(text: string): NameMention[] {
  // The rules read a sentence three or four times over (quotes, people, speech acts, dates): each call gets its own copies.
  let found = namesSeen.get(text);
  if (found === undefined) {
    found = namesOf(text);
    if (namesSeen.size >= NAMES_SEEN_MAX) namesSeen.clear();
    namesSeen.set(text, found);
  }
  return found.map((n) => ({ ...n }));
}

/** The texts `findNames` read last (sentences, paragraphs), with what it found; forgotten when it grows large. */
const namesSeen = new Map<string, readonly NameMention[]>();
const NAMES_SEEN_MAX = 20_000;

function namesOf(text: string): NameMention[] {
  const tokens: Token[] = allMatches(TOKEN, text).map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
  const out: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !isCap(t.w)) {
      i += 1;
      continue;
    }
    const j = capitalisedRun(text, tokens, i);
    const person = personOfRun(text, tokens.slice(i, j + 1));
    i = j + 1;
    if (person) out.push(person);
  }
  return out;
}

/** Do two first names stand for the same person ("Sergey" / "Sergei")? Unknown first names agree. */
export function firstNamesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  // One letter apart ("Sergey" / "Sergei"), never another name ("Mary" / "Michael").
  if (Math.abs(x.length - y.length) > 1 || x[0] !== y[0]) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i += 1;
  const rest = (s: string, k: number): string => s.slice(k);
  return rest(x, i + 1) === rest(y, i + 1) || rest(x, i + 1) === rest(y, i) || rest(x, i) === rest(y, i + 1);
}

let nameLists: ReadonlyArray<ReadonlyMap<string, string>> | null = null;

/** The given-name lists of gender-detection-from-name, English first: English, Italian, Spanish, French, German, Turkish. */
const readNameLists = (): ReadonlyArray<ReadonlyMap<string, string>> =>
  [
    require('gender-detection-from-name/names/en.js'),
    require('gender-detection-from-name/names/it.js'),
    require('gender-detection-from-name/names/es.js'),
    require('gender-detection-from-name/names/fr.js'),
    require('gender-detection-from-name/names/de.js'),
    require('gender-detection-from-name/names/tr.js'),
  ] as ReadonlyArray<ReadonlyMap<string, string>>;

/**
 * The gender a given name tells ("Hillary" f, "Donald" m): the one three quarters of the lists that have the
 * name agree on, the English list counting twice (the news is in English); null for a name the lists split on
 * ("Andrea" is a woman's name in English, a man's in Italian) or do not have. Loaded on first use: the lists
 * take a tenth of a second to read, which an answer from a cached index should not pay.
 */
export function givenNameGender(first: string | null): 'm' | 'f' | null {
  if (!first) return null;
  let gender = genders.get(first);
  if (gender === undefined) {
    gender = CAPITALISED_NAME.test(first) ? genderOfName(first) : null;
    if (genders.size >= GENDERS_MAX) genders.clear();
    genders.set(first, gender);
  }
  return gender;
}

/** A given name is written with a capital and then a small letter. */
const CAPITALISED_NAME = /^[\p{Lu}][\p{Ll}]/u;
/** The words `givenNameGender` was asked about, with its answers (the lists do not change). */
const genders = new Map<string, 'm' | 'f' | null>();
const GENDERS_MAX = 100_000;

function genderOfName(first: string): 'm' | 'f' | null {
  nameLists ??= readNameLists();
  let male = 0;
  let female = 0;
  nameLists.forEach((list, i) => {
    const g = list.get(first.toLowerCase());
    const weight = i === 0 ? 2 : 1;
    if (g === 'male') male += weight;
    else if (g === 'female') female += weight;
  });
  if (male >= 3 * female && male > 0) return 'm';
  if (female >= 3 * male && female > 0) return 'f';
  return null;
}
