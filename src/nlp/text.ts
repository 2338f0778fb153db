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
  const offsets: number[] = [];
  let pendingSpace = -1;
  for (let i = span.start; i < span.end;) {
    const ch = raw[i] as string;
    if (ch === '<') {
      const tag = TAG.exec(raw.slice(i, Math.min(span.end, i + 200)));
      if (tag) {
        i += tag[0].length;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && raw[i + 1] === ch) {
      i += 2;
      continue;
    }
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      i += 1;
      continue;
    }
    if (pendingSpace >= 0 && text.length > 0) {
      text += ' ';
      offsets.push(pendingSpace);
    }
    pendingSpace = -1;
    text += ch;
    offsets.push(i);
    i += 1;
  }
  const last = offsets.length > 0 ? (offsets[offsets.length - 1] as number) + 1 : span.start;
  offsets.push(last);
  return { text, offsets };
}

/** Lower case, every run of non-letters one space: for comparing names ("Daily Sabah" / "daily-sabah"). */
export const foldText = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
