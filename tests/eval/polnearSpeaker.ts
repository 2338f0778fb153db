/**
 * Speaker checks on a quote paired with a PolNeAR attribution.
 *
 * Strict (the Gender Gap Tracker's): the found speaker mention's span overlaps the gold source span; a gold
 * attribution without a source is right when Quotedesk gives no speaker either. It says whether the right words
 * were picked, not who they were taken to be: "he" is right as a mention even when resolved to the wrong person.
 *
 * Loose (who, not which words), by the shape of the gold source:
 * - a name ("Trump campaign manager Kellyanne Conway", "The New York Times"): right when a found speaker's
 *   surname (last word; suffixes, possessives and anything after a comma or in brackets dropped) is the gold
 *   name's. Two people with one surname would pass: PolNeAR has the Clintons, so "Clinton" for Bill is loose.
 * - a pronoun ("he", "they"): right when the found surname is that of the nearest gold source before it in the
 *   article that is a name. That is a crude coreference (no gender, no number), so without such a source the
 *   check falls back to strict; so does a first-person one ("I", "we": the writer, or a speaker on stage).
 * - a description ("the spokeswoman", "a Clinton aide"): right when the found surname is one the article puts
 *   right beside the description's head word ("spokeswoman Jennifer Palmieri", "Palmieri, the campaign's
 *   spokeswoman"); a campaign, team or administration named after a person ("the Clinton campaign") also
 *   accepts that person (loosely: the issue wants the campaign as an organisation), but "a Clinton aide" or
 *   "Trump's spokeswoman" never accepts Clinton or Trump. When the article names nobody beside it (anonymous "sources", "officials"), the
 *   check falls back to strict: the right words, and no invented name (a found name there is wrong).
 * - no source: right when Quotedesk names nobody.
 * Where the gold also says who the source is (`speakerName`, as tests/devpages gives it), that decides instead of
 * the shape: right when every person or body the found speaker names is one the gold names, by full name or by
 * surname ("McMaster" for "Henry McMaster"; one of "X and Y"), so a pronoun, a description or a quote with no
 * mention of its own is judged by whom it was resolved to. A null `speakerName` (forecasters, "some") says only
 * that no one is named, and the shape decides as in PolNeAR.
 */
import type { QuoteRecord } from '../../src/answer/export.ts';
import type { GoldAttribution } from './polnear.ts';

export type SpeakerShape = 'none' | 'name' | 'pronoun' | 'description';

const PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'him',
  'her',
  'them',
  'us',
  'his',
  'its',
  'their',
  'who',
  'which',
  'this',
  'that',
]);
const FIRST_PERSON = new Set(['i', 'we', 'me', 'us']);
const ORG_HEADS = new Set(['campaign', 'camp', 'team', 'administration']);
const COMMON_SOURCES = new Set(
  'officials sources aides critics analysts experts polls observers advisers people others some many most both several supporters voters residents researchers economists scientists lawmakers authorities reports documents records data surveys studies'.split(
    ' ',
  ),
);
/** Capitalised words that follow a description without being its name ("officials Tuesday"). */
const NOT_NAMES = [
  '',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'i',
];
const SUFFIX = /\s+(?:jr|sr|ii|iii|iv)\.?$/i;

/** The words that name: before a comma, without brackets or a suffix. */
const nameSegment = (text: string): string =>
  (text.split(/,|\s[-–—]\s/)[0] ?? '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.;:]+$/, '')
    .trim()
    .replace(SUFFIX, '')
    .trim();

const lastWord = (text: string): string => nameSegment(text).split(/\s+/).pop() ?? '';

/** "Kellyanne Conway" → "conway"; "Trump’s" → "trump". */
export const surname = (name: string): string =>
  lastWord(name)
    .replace(/['’]s$/i, '')
    .toLowerCase()
    .replace(/[^\p{L}-]/gu, '');

/**
 * Whether the gold source is a name, a pronoun, a description or absent. A lone capitalised word at the start
 * of a sentence ("Officials said") is a description when it is a common word for sources or the article also
 * writes it in lower case.
 */
export function speakerShape(g: GoldAttribution, text: string): SpeakerShape {
  if (g.speaker === null) return 'none';
  const head = lastWord(g.speaker.text).replace(/['’]s$/i, '');
  if (PRONOUNS.has(head.toLowerCase())) return 'pronoun';
  if (!/^\p{Lu}/u.test(head)) return 'description';
  const sentenceStart = /(?:^|[.!?]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, g.speaker.start - 5), g.speaker.start));
  const lone = nameSegment(g.speaker.text).split(/\s+/).length === 1;
  const lower = head.toLowerCase();
  const common = COMMON_SOURCES.has(lower) || new RegExp(String.raw`\b${escape(lower)}\b`, 'u').test(text);
  return lone && sentenceStart && common ? 'description' : 'name';
}

/** The surnames of a found speaker: "Trump and Pence" has two. */
const foundSurnames = (f: QuoteRecord): string[] =>
  f.speakerName === null
    ? []
    : f.speakerName
        .split(/\s+and\s+|\s*&\s*/)
        .map(surname)
        .filter((s) => s !== '');

const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+`;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Surnames the article puts beside a description's head word: "spokeswoman Hope Hicks", "Hicks, a spokeswoman". */
export function namesBeside(text: string, head: string): Set<string> {
  const h = `[${head[0]?.toUpperCase() ?? ''}${head[0] ?? ''}]${escape(head.slice(1))}`;
  const out = new Set<string>();
  for (const m of text.matchAll(new RegExp(String.raw`\b${h},?\s+(${NAME})`, 'gu'))) out.add(surname(m[1] ?? ''));
  // An appositive needs its determiner: "Hicks, a spokeswoman", "Hicks, Trump’s spokeswoman"; not "Ground Zero, sources said".
  const before = String.raw`(${NAME}),\s+(?:a|an|the|his|her|its|their|\p{Lu}[\p{L}.-]*['’]s)\s+(?:[\p{L}'’.-]+\s+){0,4}${h}\b`;
  for (const m of text.matchAll(new RegExp(before, 'gu'))) out.add(surname(m[1] ?? ''));
  for (const w of NOT_NAMES) out.delete(w);
  return out;
}

/** "the Oakland Education Association" → "oakland education association": case, a leading "the", stops. */
const fullName = (name: string): string =>
  nameSegment(name)
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\s'’-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

const nameParts = (name: string): string[] =>
  name
    .split(/\s+and\s+|\s*&\s*/)
    .map((n) => n.trim())
    .filter((n) => n !== '');

/**
 * Whether a found speaker name is the gold's `speakerName`: each found part (a joint "X and Y" has two) is one of
 * the gold's parts by full name or surname.
 */
export function sameNamed(goldName: string, foundName: string | null): boolean {
  if (foundName === null) return false;
  const gold = nameParts(goldName);
  const found = nameParts(foundName);
  return (
    found.length > 0 &&
    found.every((f) => gold.some((g) => fullName(f) === fullName(g) || (surname(f) !== '' && surname(f) === surname(g))))
  );
}

export interface SpeakerJudge {
  strict(g: GoldAttribution, f: QuoteRecord): boolean;
  loose(g: GoldAttribution, f: QuoteRecord): boolean;
  /** The surname a pronoun source stands for, as the loose check takes it (null when none is before it). */
  antecedent(g: GoldAttribution): string | null;
}

/** The speaker checks for attributions of these articles (`texts`: article id → corpus file text). */
export function speakerJudge(gold: readonly GoldAttribution[], texts: ReadonlyMap<string, string>): SpeakerJudge {
  const named = new Map<string, GoldAttribution[]>();
  const shape = (g: GoldAttribution): SpeakerShape => speakerShape(g, texts.get(g.article) ?? '');
  for (const g of gold)
    if (shape(g) === 'name')
      named.set(
        g.article,
        [...(named.get(g.article) ?? []), g].sort((a, b) => (a.speaker?.start ?? 0) - (b.speaker?.start ?? 0)),
      );
  const strict = (g: GoldAttribution, f: QuoteRecord): boolean =>
    g.speaker === null
      ? f.speaker === null && f.speakerName === null
      : f.speaker !== null && f.speaker.start < g.speaker.end && g.speaker.start < f.speaker.end;
  const antecedent = (g: GoldAttribution): string | null => {
    const at = g.speaker?.start ?? 0;
    const before = (named.get(g.article) ?? []).filter((x) => (x.speaker?.start ?? 0) < at);
    const last = before[before.length - 1];
    return last?.speaker ? surname(last.speaker.text) : null;
  };
  const loose = (g: GoldAttribution, f: QuoteRecord): boolean => {
    if (typeof g.speakerName === 'string') return sameNamed(g.speakerName, f.speakerName);
    const found = foundSurnames(f);
    const kind = shape(g);
    if (kind === 'none' || g.speaker === null) return f.speakerName === null;
    if (kind === 'name') return found.includes(surname(g.speaker.text));
    if (kind === 'pronoun') {
      // "I" and "we" are the writer or a speaker already on stage, not the last named source: the words decide.
      if (FIRST_PERSON.has(lastWord(g.speaker.text).toLowerCase())) return strict(g, f);
      const a = antecedent(g);
      return a === null ? strict(g, f) : found.includes(a);
    }
    const seg = nameSegment(g.speaker.text);
    const head = lastWord(seg).toLowerCase();
    const owners = ORG_HEADS.has(head) ? [...seg.matchAll(/\p{Lu}[\p{L}'’-]+/gu)].map((m) => surname(m[0])) : [];
    const beside = namesBeside(texts.get(g.article) ?? '', head);
    if (found.some((s) => beside.has(s) || owners.includes(s))) return true;
    return beside.size === 0 && owners.length === 0 && strict(g, f) && f.speakerName === null;
  };
  return { strict, loose, antecedent };
}
