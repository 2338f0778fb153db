/**
 * Links that open the source at the quoted words: a URL text fragment (`#:~:text=…`, the URL Fragment Text
 * Directives specification, WICG scroll-to-text-fragment). A browser that supports it scrolls to the first
 * match of the words on the page and highlights them; one that does not opens the page as usual. Matching is
 * case-insensitive, on whole words, and within one block of the page, so the words are always taken from the
 * one paragraph cited.
 */

/** Over this many characters, the words are given by their start and end (`text=start,end`), not whole. */
export const WHOLE_TEXT_CHARS = 80;
/** How many words the start and the end of a long text each have, at least. */
export const EDGE_WORDS = 4;

/**
 * One part of a text directive, percent-encoded. `&`, `,` and `-` are the directive's own syntax and must be
 * encoded (the specification says so); `!'()*` are encoded too, because a terminal's or Discord's link
 * detection stops at them.
 */
export const encodeDirectivePart = (text: string): string =>
  encodeURIComponent(text).replace(/[-!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Words as the page shows them to a reader: white space folded. */
const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `piece` stands in `block` as whole words (not inside a longer word), case-insensitively; -1 if nowhere. */
export function wholeWordsAt(block: string, piece: string, from = 0): number {
  if (piece === '') return -1;
  const hay = block.toLowerCase();
  const needle = piece.toLowerCase();
  for (let at = hay.indexOf(needle, from); at !== -1; at = hay.indexOf(needle, at + 1)) {
    const before = block[at - 1] ?? ' ';
    const after = block[at + piece.length] ?? ' ';
    const startsWord = WORD_CHAR.test(piece[0] ?? '');
    const endsWord = WORD_CHAR.test(piece[piece.length - 1] ?? '');
    if ((!startsWord || !WORD_CHAR.test(before)) && (!endsWord || !WORD_CHAR.test(after))) return at;
  }
  return -1;
}

/** The words of a text directive: the text whole, or its start and end. */
export type DirectiveWords = { text: string } | { start: string; end: string };

/**
 * The words a link should open at, taken from the cited words as they stand in their paragraph: the text
 * whole when it is short, else its first and its last `EDGE_WORDS` words. A quote split around its cue ("A
 * … B") gives its start from the first part and its end from the last. The start is lengthened while it also
 * stands earlier on the page (`earlier`: the title and the paragraphs before), since a browser opens at the
 * first match. Null when the words are not the paragraph's own whole words (the link then has no fragment:
 * one that matched nothing would only confuse).
 */
export function directiveWords(cited: string, paragraph: string, earlier = ''): DirectiveWords | null {
  const block = fold(paragraph);
  const parts = fold(cited)
    .split(/\s*…\s*/)
    .filter((p) => p !== '');
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined) return null;
  if (parts.length === 1 && first.length <= WHOLE_TEXT_CHARS) return wholeWordsAt(block, first) === -1 ? null : { text: first };
  const head = first.split(' ');
  const tail = last.split(' ');
  if (parts.length === 1 && head.length <= 2 * EDGE_WORDS) return wholeWordsAt(block, first) === -1 ? null : { text: first };
  const page = fold(earlier);
  let k = Math.min(EDGE_WORDS, parts.length === 1 ? head.length - EDGE_WORDS : head.length);
  while (k < (parts.length === 1 ? head.length - EDGE_WORDS : head.length) && wholeWordsAt(page, head.slice(0, k).join(' ')) !== -1) k += 1;
  const start = head.slice(0, k).join(' ');
  const end = tail.slice(-Math.min(EDGE_WORDS, tail.length)).join(' ');
  const at = wholeWordsAt(block, start);
  if (at === -1 || wholeWordsAt(block, end, at + start.length) === -1) return null;
  return { start, end };
}

/** A text directive, `:~:text=…`, for words of one block of the page. */
export function textDirective(words: DirectiveWords): string {
  return 'text' in words
    ? `:~:text=${encodeDirectivePart(words.text)}`
    : `:~:text=${encodeDirectivePart(words.start)},${encodeDirectivePart(words.end)}`;
}

/**
 * The URL with the text directive: after the URL's own fragment where it has one (`#section:~:text=…`),
 * else as the whole fragment (`#:~:text=…`).
 */
export const withTextFragment = (url: string, words: DirectiveWords): string =>
  `${url}${url.includes('#') ? '' : '#'}${textDirective(words)}`;
