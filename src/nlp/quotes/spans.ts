/** Where the quotations and sentences of a paragraph stand. */
import { splitSentences } from '../sentences.ts';
import { allMatches, cleanSpan } from '../text.ts';
import { VERBS } from './grammar.ts';

export interface Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark (or the paragraph end when it never closes). */
  close: number;
  content: string;
  closed: boolean;
}

/**
 * How many characters the quotation mark at `i` takes: 2 for two apostrophes (`''This isn't reform,''`, as
 * some archives set a double quotation mark), else 1.
 */
export const markWidth = (text: string, i: number): number => (text.startsWith("''", i) ? 2 : 1);

/** A single-quoted span followed by a cue or a passive agent (see `singleQuoteSpans`). */
const SINGLE_QUOTED = new RegExp(
  `(?<=^|[\\s(—–])['‘](?=[\\p{L}\\d])(?:[^'‘’"“”\\n]|(?<=\\p{L})['’](?=\\p{L}))*?(?:[\\p{L}\\d][,.?!]?|[,.?!])['’](?=\\s*,?\\s+(?:(?:he|she|they|it|[\\p{Lu}][\\p{L}.'’-]*(?:\\s+[\\p{Lu}][\\p{L}.'’-]*){0,3})\\s+(?:${VERBS})\\b|(?:${VERBS})\\s+\\S|by\\s+\\S))`,
  'gu',
);

/** [start, end) of a quotation's words inside its marks; an unclosed one runs to the paragraph end, less one. */
export function innerSpan(text: string, q: Span): [number, number] {
  const start = q.open + markWidth(text, q.open);
  const end = q.closed && q.close >= 2 && text.startsWith("''", q.close - 2) ? q.close - 2 : q.close - 1;
  return [start, Math.max(start, end)];
}

/**
 * `He said ''we will win'' and left`: where two apostrophes stand for one double quotation mark, as some
 * archives set it. Which side of a word they stand on decides, as for any mark, whether they open or close.
 */
export function doubleApostrophes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (text[i] !== "'" || text[i + 1] !== "'") continue;
    out.push(i);
    i += 1;
  }
  return out;
}

/** Pairs quotation marks by which side of a word they stand on, so mixed straight and curly marks pair too. */
export function flanks(text: string, i: number): { opens: boolean; closes: boolean; leftFlank: boolean } {
  const ch = text[i] as string;
  const prev = text[i - 1];
  const next = text[i + markWidth(text, i)];
  const leftFlank = next !== undefined && /\S/.test(next) && (prev === undefined || /[\s([{—–-]/.test(prev));
  const rightFlank = prev !== undefined && /\S/.test(prev) && (next === undefined || /[\s.,;:!?)\]—–-]/.test(next));
  const opens = ch === '“' ? !rightFlank || leftFlank : ch === '”' ? false : leftFlank && !rightFlank;
  // `“It's odd,“ said Noble`: an opening curly mark set where a closing one belongs still closes.
  const closes = ch === '”' ? true : ch === '“' ? rightFlank && !leftFlank : rightFlank;
  return { opens, closes, leftFlank };
}

/**
 * The quotations of a paragraph, outermost only: a quote inside a quote ("what he called "subgroups"") is
 * part of the outer one. Where the marks do not nest cleanly, they are paired one after the other.
 */
export function quoteSpans(text: string): Span[] {
  // A paragraph's quotations are asked for again for each of its direct quotes (see `attributionSpans`).
  if (text !== spansSeen.text) spansSeen = { text, spans: spansOf(text) };
  return spansSeen.spans.map((s) => ({ ...s }));
}

/** The text `quoteSpans` read last, and its quotations (each call gets its own copies). */
let spansSeen: { text: string; spans: readonly Span[] } = { text: '', spans: [] };

function spansOf(text: string): Span[] {
  const marks: number[] = doubleApostrophes(text);
  // The marks QUOTE_MARK matches, by code: ", “ and ”.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x201c || code === 0x201d) marks.push(i);
  }
  marks.sort((a, b) => a - b);
  const double = nestedSpans(text, marks) ?? spansInOrder(text, marks);
  const single = singleQuoteSpans(text).filter((s) => !double.some((d) => s.open < d.close && d.open < s.close));
  return [...double, ...single].sort((a, b) => a.open - b.open);
}

/**
 * `'We will not give up,' he said`, `described as 'a disgrace' by the mayor`: words in single quotation marks
 * (straight or curly), as British copy sets speech. An apostrophe is far more often just that, so a single
 * mark counts only where speech is certain: it opens at a word, and the closing mark is followed by a cue
 * (`he said`, `said Ruiz`) or by the agent of a passive cue (`by the mayor`).
 */
export function singleQuoteSpans(text: string): Span[] {
  return allMatches(SINGLE_QUOTED, text).map((m) => ({
    open: m.index,
    close: m.index + m[0].length,
    content: m[0].slice(1, -1),
    closed: true,
  }));
}

/** The quotation from the mark at `open` to the one at `close`, both included. */
const closedSpan = (text: string, open: number, close: number): Span => ({
  open,
  close: close + markWidth(text, close),
  content: text.slice(open + markWidth(text, open), close),
  closed: true,
});

/** `He said "we call them "rebels" here"`: marks paired as they nest; null when more than one is left open. */
export function nestedSpans(text: string, marks: readonly number[]): Span[] | null {
  const nested: Span[] = [];
  const stack: number[] = [];
  for (const i of marks) {
    const f = flanks(text, i);
    if (f.closes && stack.length > 0 && !(f.opens && !f.closes)) {
      const open = stack.pop() as number;
      if (stack.length === 0) nested.push(closedSpan(text, open, i));
    } else if (f.opens || f.leftFlank) stack.push(i);
  }
  if (stack.length > 1) return null;
  if (stack.length === 1) {
    const open = stack[0] as number;
    nested.push({ open, close: text.length, content: text.slice(open + markWidth(text, open)), closed: false });
  }
  return nested;
}

/** Unbalanced marks (`"a "b" c`): each opening mark paired with the next closing one, in order. */
export function spansInOrder(text: string, marks: readonly number[]): Span[] {
  const flat: Span[] = [];
  let openAt = -1;
  for (const i of marks) {
    const f = flanks(text, i);
    if (openAt < 0 && (f.opens || (f.leftFlank && text[i] !== '”'))) openAt = i;
    else if (openAt >= 0 && f.closes) {
      flat.push(closedSpan(text, openAt, i));
      openAt = -1;
    } else if (openAt >= 0 && f.opens) openAt = i;
  }
  if (openAt >= 0) flat.push({ open: openAt, close: text.length, content: text.slice(openAt + markWidth(text, openAt)), closed: false });
  return flat;
}

/** Offsets where the sentences of a paragraph start, as the ingest splitter cuts them. */
export function sentenceBounds(text: string): number[] {
  const starts = splitSentences(cleanSpan(text, { start: 0, end: text.length })).map((x) => x.start);
  if (starts[0] !== 0) starts.unshift(0);
  return starts;
}

/** [start, end) of the sentence an offset stands in, given the sentence starts and the paragraph's length. */
export function sentenceOf(starts: readonly number[], length: number, i: number): [number, number] {
  let s = 0;
  let e = length;
  for (const b of starts) {
    if (b <= i) s = b;
    else {
      e = b;
      break;
    }
  }
  return [s, e];
}
