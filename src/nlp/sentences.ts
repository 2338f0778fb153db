import type { MappedText, Sentence } from '../model/index.ts';

/**
 * Words that end with a period without ending a sentence. Lower-cased, without the final period.
 * Single capital letters (initials, "U.S.", "U.N.") are handled by rule, not listed.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'pres',
  'amb',
  'sec',
  'rev',
  'hon',
  'st',
  'jr',
  'sr',
  'messrs',
  // months and days
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  // common shortenings in news copy
  'govt',
  'dept',
  'corp',
  'inc',
  'ltd',
  'co',
  'no',
  'nos',
  'vs',
  'etc',
  'approx',
  'est',
  'vol',
  'fig',
  'ft',
  'mt',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
]);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = /[A-Z0-9"“‘'([«]/;

/** Is the period at `i` part of an abbreviation or an initial rather than the end of a sentence? */
function isAbbreviationPeriod(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && /[A-Za-z.]/.test(text[j - 1] as string)) j -= 1;
  const word = text.slice(j, i);
  if (word.length === 0) return false;
  const bare = word.toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // Initials and dotted acronyms: "J.", "U.S", "U.N".
  if (/^(?:[A-Za-z]\.)*[A-Z]$/.test(word)) return true;
  return false;
}

/**
 * The longest sentence kept whole, in characters. No news sentence comes near it (the seeds' longest is a few
 * hundred); text that runs on without a sentence end (a dump, a list, an attack) is cut into pieces of at
 * most this length, so that the work and the storage of every dated mention and quote, which keep their
 * sentence, stay in proportion to the text rather than to its square.
 */
export const MAX_SENTENCE_CHARS = 2000;

/**
 * `[start, end)` pieces of the sentence `text[s, e)`: the whole of it when it is short enough, else pieces of
 * at most MAX_SENTENCE_CHARS cut after the last "; " or ", " of the second half of each piece, else at its
 * last space, else (one unbroken word) at the limit.
 */
export function runOnPieces(text: string, s: number, e: number, max = MAX_SENTENCE_CHARS): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let a = s;
  while (e - a > max) {
    const window = text.slice(a + Math.floor(max / 2), a + max);
    const clause = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
    const space = window.lastIndexOf(' ');
    const at = clause >= 0 ? clause + 1 : space >= 0 ? space : window.length;
    let b = a + Math.floor(max / 2) + at;
    pieces.push([a, b]);
    while (b < e && text[b] === ' ') b += 1;
    a = b;
  }
  if (e > a) pieces.push([a, e]);
  return pieces;
}

/**
 * Splits cleaned paragraph text into sentences, keeping the file offsets of each.
 *
 * A sentence ends at `.`, `!`, `?` or `…` followed by closing quotes or brackets and then a space and a
 * capital letter, digit or opening quote; also at a period glued to the next sentence ("leader.After"),
 * which page dumps produce. A period after an abbreviation or an initial ("U.S.", "Dec.", "Mr.", "Sen.")
 * does not end a sentence. Text that runs on past MAX_SENTENCE_CHARS is cut into pieces (see `runOnPieces`).
 */
export function splitSentences(mapped: MappedText): Sentence[] {
  const { text, offsets } = mapped;
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    while (s < end && text[s] === ' ') s += 1;
    let e = end;
    while (e > s && text[e - 1] === ' ') e -= 1;
    for (const [a, b] of runOnPieces(text, s, e)) {
      sentences.push({ text: text.slice(a, b), start: offsets[a] as number, end: (offsets[b - 1] as number) + 1 });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let k = i + 1;
    while (k < text.length && (text[k] === '.' || text[k] === '!' || text[k] === '?' || text[k] === '…')) k += 1;
    while (k < text.length && CLOSERS.has(text[k] as string)) k += 1;
    const next = text[k];
    if (next === ' ') {
      const after = text[k + 1];
      if (after === undefined || !OPENERS.test(after)) continue;
      if (ch === '.' && k === i + 1 && isAbbreviationPeriod(text, i)) continue;
      push(k);
      i = k;
    } else if (
      next !== undefined &&
      ch === '.' &&
      k === i + 1 &&
      /[a-z]/.test(text[i - 1] ?? '') &&
      /[A-Z]/.test(next) &&
      /[a-z]/.test(text[k + 1] ?? '')
    ) {
      // "leader.After": a page dump lost the space between two sentences.
      if (isAbbreviationPeriod(text, i)) continue;
      push(k);
      i = k - 1;
    }
  }
  push(text.length);
  return sentences;
}
