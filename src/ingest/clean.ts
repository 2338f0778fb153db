import { englishStopwords } from '../nlp/natural.ts';
import { BOILERPLATE_RULES, CAPTION_RULES, type ClutterRule, FULL_DATE, GALLERY_COUNTER, LISTING_ENTRY } from './clutterRules.ts';
import { cleanSpan, foldText as compareKey } from '../nlp/text.ts';
import type { BlockRole, Span } from '../model/index.ts';

/** A unit of the page: one line, or several lines that the dump broke apart and that belong together. */
export interface Block extends Span {
  text: string;
  role: BlockRole;
  rule: string;
}

const STOPWORDS = new Set(englishStopwords);
const NOT_A_TO_Z = /[^a-z']/g;
const TERMINAL = /[.!?…:;]["”’'»)\]]*$/;
/** The words of a text; the rules ask for those of one block several times over, so the page's are kept (see `segment`). */
function words(s: string): readonly string[] {
  let found = wordsSeen.get(s);
  if (found === undefined) {
    found = s.split(/\s+/).filter((w) => LETTER_OR_DIGIT.test(w));
    if (wordsSeen.size >= WORDS_SEEN_MAX) wordsSeen.clear();
    wordsSeen.set(s, found);
  }
  return found;
}
/** The texts `words` read, with their words: those of the page being segmented (forgotten when it is done). */
const wordsSeen = new Map<string, readonly string[]>();
const WORDS_SEEN_MAX = 10_000;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Does the text read like a sentence of prose (ends as a sentence does, enough words)? */
function isProse(text: string): boolean {
  const n = words(text).length;
  return (TERMINAL.test(text) && n >= 4) || n >= 20;
}

/** A line of text in a language other than English: almost none of its words are English function words. */
function isForeign(text: string): boolean {
  const ws = words(text);
  if (ws.length < 5) return false;
  // Counted until there are enough of them: prose has a function word in every few.
  let common = 0;
  for (const w of ws) {
    if (STOPWORDS.has(w.toLowerCase().replace(NOT_A_TO_Z, ''))) common += 1;
    if (common / ws.length >= 0.08) return false;
  }
  return common / ws.length < 0.08;
}

/**
 * An image's alt text and its caption dumped on one line: the same words twice over ("Governor Ralph Northam
 * Governor Ralph Northam"), a caption's length at most and not a sentence (prose can be pasted twice).
 */
export function isDoubledLine(text: string): boolean {
  const half = (text.length - 1) / 2;
  const once = text.slice(0, half);
  const caption = words(once).length <= 40 && !TERMINAL.test(once);
  return Number.isInteger(half) && half >= 8 && caption && text[half] === ' ' && once === text.slice(half + 1);
}

/** A dateline that gives a place and the outlet but no date, standing alone above the body: "RICHMOND, Va. (WVIR) -". */
export const isPlaceDateline = (text: string): boolean =>
  /^\p{Lu}{2,}[\p{Lu} .'-]*(?:,\s*[\p{L}.]+(?:\s[\p{L}.]+){0,2})?\s*\([\p{L}\p{N} .&-]+\)\s*[-–—]+$/u.test(text);

/**
 * The last line of an excerpt cut off mid-sentence ("McMaster also encouraged residents t"): no sentence end, and
 * words in lower case after the first, as prose has and a footer label ("Press TV News Roku") does not.
 */
export const isCutOffProse = (text: string): boolean =>
  !TERMINAL.test(text) &&
  words(text).length >= 2 &&
  words(text)
    .slice(1)
    .some((w) => /^\p{Ll}/u.test(w));

/** Cuts the text into lines with their offsets, noting which ones follow a blank line. */
function lines(raw: string, from: number): Array<Span & { text: string; afterBlank: boolean }> {
  const out: Array<Span & { text: string; afterBlank: boolean }> = [];
  let afterBlank = true;
  let pos = from;
  while (pos <= raw.length) {
    let nl = raw.indexOf('\n', pos);
    if (nl < 0) nl = raw.length;
    const text = raw.slice(pos, nl).replace(/\r$/, '');
    if (text.trim() === '') afterBlank = true;
    else {
      const lead = text.length - text.trimStart().length;
      out.push({ start: pos + lead, end: pos + text.trimEnd().length, text: text.trim(), afterBlank });
      afterBlank = false;
    }
    pos = nl + 1;
  }
  return out;
}

/**
 * Joins lines that the dump broke inside a paragraph. A line continues the one before when that one does not
 * end a sentence and this one starts in lower case ("…a direct result of a" / "very incompetent…"), which
 * holds across a blank line too. A lower-case "by …" line is a byline, not a continuation.
 */
function joinBrokenLines(raw: string, ls: ReturnType<typeof lines>): Span[] {
  const spans: Span[] = [];
  let prevText = '';
  for (const line of ls) {
    const last = spans[spans.length - 1];
    if (last && !TERMINAL.test(prevText) && /^[a-z]/.test(line.text) && !/^by\s/.test(line.text)) last.end = line.end;
    else spans.push({ start: line.start, end: line.end });
    prevText = line.text;
  }
  return spans.filter((s) => raw.slice(s.start, s.end).trim() !== '');
}

/** Does the rule's pattern match the text? (Its cheap test first, where it has one.) */
const matches = (r: ClutterRule, text: string): boolean => (r.mustHave === undefined || r.mustHave.test(text)) && r.pattern.test(text);

function classify(text: string, title: string | null): { role: BlockRole; rule: string } {
  if (/^string\(\d+\)\s*"/.test(text)) return { role: 'clutter', rule: 'serialized widget data' };
  if (/^[[{]\s*["{[]/.test(text) && /[\]}]"?$/.test(text)) return { role: 'clutter', rule: 'serialized widget data' };
  if (!/[\p{L}\p{N}]/u.test(text)) return { role: 'clutter', rule: 'bullet or rule line' };
  if (LISTING_ENTRY.test(text)) return { role: 'clutter', rule: 'listing of another post' };
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(text)) return { role: 'clutter', rule: 'bare link' };
  for (const r of BOILERPLATE_RULES) if (matches(r, text)) return { role: 'clutter', rule: r.name };
  for (const r of CAPTION_RULES) if (matches(r, text)) return { role: 'caption', rule: r.name };
  const n = words(text).length;
  if (title && keyOf(text) === keyOf(title)) return { role: 'title', rule: 'same as the title' };
  if (/^by\s+\S/i.test(text) && n <= 8 && !TERMINAL.test(text)) return { role: 'byline', rule: 'byline' };
  if (n <= 12 && !/[.!?]["”’]?$/.test(text) && FULL_DATE.test(text)) return { role: 'dateline', rule: 'dateline' };
  if (isPlaceDateline(text)) return { role: 'dateline', rule: 'dateline without a date' };
  if (isDoubledLine(text)) return { role: 'caption', rule: 'doubled line (alt text and caption)' };
  if (n <= 10 && /^[\p{Lu}][\p{L}-]*(?:\s[\p{L}-]+){0,2}:\s+\S/u.test(text) && !/[.!?]$/.test(text)) {
    return { role: 'label', rule: 'label line' };
  }
  if (isForeign(text)) return { role: 'clutter', rule: 'text in another language' };
  if (n <= 6 && /\s[/>»|]\s/.test(text) && !TERMINAL.test(text)) return { role: 'clutter', rule: 'navigation breadcrumb' };
  if (n === 1 && !TERMINAL.test(text)) return { role: 'clutter', rule: 'lone word' };
  return { role: 'body', rule: '' };
}

/**
 * Splits an article's text into blocks and tells the article body from the page around it.
 *
 * Rules, in order: each block is tested against the kinds of page furniture in `clutterRules.ts`, and for
 * bylines, datelines, label lines ("Region: …"), breadcrumbs and lone words. Then the body is taken to run
 * from the first to the last block that reads as prose: short fragments before it are page header (the
 * first of them that is not a byline or dateline is the title, unless the front matter gives one), and
 * fragments after it are page footer ("SHARE THIS ARTICLE", "Press TV News Roku"). Short lines inside the
 * body ("What we said about this proposal was") stay body.
 */
export function segment(raw: string, from: number, knownTitle: string | null): Block[] {
  keys.clear();
  wordsSeen.clear();
  try {
    return segmentPage(raw, from, knownTitle);
  } finally {
    keys.clear();
    wordsSeen.clear();
  }
}

/**
 * The compare keys (`foldText`) of the page being segmented, by text: the title's is asked for every block, and a
 * block's again when repeats are looked for.
 */
const keys = new Map<string, string>();
function keyOf(s: string): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = compareKey(s);
    keys.set(s, key);
  }
  return key;
}

function segmentPage(raw: string, from: number, knownTitle: string | null): Block[] {
  const spans = joinBrokenLines(raw, lines(raw, from));
  const blocks: Block[] = spans.map((span) => {
    const text = cleanSpan(raw, span).text;
    return { ...span, text, ...classify(text, knownTitle) };
  });
  markRepeats(raw, blocks);
  markTeasers(blocks);
  const prose = blocks.map((b) => b.role === 'body' && isProse(b.text));
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  let title = knownTitle;
  blocks.forEach((b, i) => {
    if (b.role !== 'body') return;
    if (first < 0 || i < first) {
      if (title === null && words(b.text).length <= 25) {
        title = b.text;
        b.role = 'title';
        b.rule = 'first heading of the page';
      } else if (title !== null && keyOf(b.text) === keyOf(title)) {
        b.role = 'title';
        b.rule = 'same as the title';
      } else {
        b.role = 'clutter';
        b.rule = 'page header fragment';
      }
    } else if (i > last) {
      if (i === blocks.length - 1 && i === last + 1 && isCutOffProse(b.text)) return;
      b.role = 'clutter';
      b.rule = 'page footer fragment';
    }
  });
  return blocks;
}

const REPEAT_MIN = 60;

/** A block's words, without a gallery counter or a kicker in capitals ("LIVE: ", "UPDATE: "). */
const repeatKey = (b: Block): string => keyOf(b.text.replace(GALLERY_COUNTER, '').replace(/^\p{Lu}{2,}:\s+/u, ''));

/**
 * A caption or video teaser that the page prints twice, close together (under the image and again in the player,
 * or once more with a gallery counter or a "LIVE:" kicker, one copy sometimes cut short), above the article or
 * below it: a long block whose copy, whole or as the start of the other, stands within two blocks of it with no
 * blank line between (one widget of the page, not two paragraphs) is set aside, each copy, when no other prose
 * comes before them or none after. A paragraph the body itself repeats (a quote given again, longer) stays.
 */
function markRepeats(raw: string, blocks: Block[]): void {
  const keys = blocks.map(repeatKey);
  const sameText = (i: number, j: number): boolean => {
    const [a, b] = [keys[i] ?? '', keys[j] ?? ''];
    if (a.length < REPEAT_MIN || b.length < REPEAT_MIN || !(a.startsWith(b) || b.startsWith(a))) return false;
    const [first, second] = [blocks[Math.min(i, j)], blocks[Math.max(i, j)]];
    return first !== undefined && second !== undefined && !/\n[^\S\n]*\n/.test(raw.slice(first.end, second.start));
  };
  const copied = blocks.map(
    (b, i) => b.role === 'body' && [i - 2, i - 1, i + 1, i + 2].some((j) => j >= 0 && j < blocks.length && sameText(i, j)),
  );
  const otherProse = blocks.map((b, i) => b.role === 'body' && !copied[i] && isProse(b.text));
  copied.forEach((c, i) => {
    const b = blocks[i];
    if (!c || !b) return;
    const atEdge = !otherProse.slice(0, i).includes(true) || !otherProse.slice(i + 1).includes(true);
    if (atEdge) {
      b.role = 'caption';
      b.rule = 'text repeated on the page (caption or teaser)';
    }
  });
}

const VIDEO_LABEL = /^(?:watch|video|watch live)\s*:\s+\S/i;

/**
 * A block right before a continue-reading link is the teaser of the post it links to; one sentence right after a
 * video's label ("WATCH: …") is that video's caption.
 */
function markTeasers(blocks: Block[]): void {
  blocks.forEach((b, i) => {
    if (b.role !== 'body') return;
    if (blocks[i + 1]?.rule === 'continue-reading link') {
      b.role = 'clutter';
      b.rule = 'teaser of another post';
    } else if (VIDEO_LABEL.test(blocks[i - 1]?.text ?? '') && words(b.text).length <= 30 && !/[.!?]\s+\S/.test(b.text)) {
      b.role = 'caption';
      b.rule = 'caption of the video before';
    }
  });
}
