import type { MappedText, Span } from '../model/index.ts';

export type { MappedText };

const TAG = /^<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?>/;

/**
 * Cleans a span of the file for reading and indexing: drops inline HTML tags and markdown emphasis markers,
 * folds every run of white space (line breaks included) to one space, and trims the ends, keeping the file
 * offset of every character so a snippet can always be traced back to the exact place it stands.
 */
export function cleanSpan(raw: string, span: Span): MappedText {
  let text = '';
  let length = 0;
  const offsets: number[] = [];
  let pendingSpace = -1;
  // Characters kept as they are, from `run` on, are added to the text together, when something else comes.
  let run = -1;
  const flush = (to: number): void => {
    if (run >= 0) text += raw.slice(run, to);
    run = -1;
  };
  for (let i = span.start; i < span.end;) {
    const code = raw.charCodeAt(i);
    if (code === LESS_THAN) {
      const tag = TAG.exec(raw.slice(i, Math.min(span.end, i + 200)));
      if (tag) {
        flush(i);
        i += tag[0].length;
        continue;
      }
    }
    if ((code === ASTERISK || code === UNDERSCORE) && raw.charCodeAt(i + 1) === code) {
      flush(i);
      i += 2;
      continue;
    }
    if (isSpace(code)) {
      flush(i);
      if (pendingSpace < 0) pendingSpace = i;
      i += 1;
      continue;
    }
    if (pendingSpace >= 0 && length > 0) {
      text += ' ';
      length += 1;
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    if (run < 0) run = i;
    length += 1;
    offsets.push(i);
    i += 1;
  }
  flush(span.end);
  const last = offsets.length > 0 ? (offsets[offsets.length - 1] as number) + 1 : span.start;
  offsets.push(last);
  return { text, offsets };
}

const [LESS_THAN, ASTERISK, UNDERSCORE] = [60, 42, 95];

/** Is the UTF-16 code unit white space as a regular expression's `\s` reads it? */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Lower case, every run of non-letters one space: for comparing names ("Daily Sabah" / "daily-sabah"). */
export const foldText = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Every match of a global regular expression in the text, as `[...text.matchAll(re)]` gives them, without the copy of
 * the expression `matchAll` makes on each call (the rules call this for every sentence). All are found before any is
 * returned, so the caller may use `re` again meanwhile.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global expression: ${re.source}`);
  const unicode = re.unicode || re.flags.includes('v');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match: step over it (a whole character where the expression reads code points), as matchAll does.
    if (m[0] === '') re.lastIndex = stepOver(text, re.lastIndex, unicode);
  }
  return out;
}

/** The index after the one at `i`: one code unit, or a surrogate pair where code points are read. */
function stepOver(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? i + 2 : i + 1;
}
