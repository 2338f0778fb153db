/** The longest snippet shown for one paragraph, in characters. */
export const SNIPPET_CHARS = 320;

/**
 * A window of the text around its first highlight, cut at word boundaries and marked with "…" where cut,
 * with the highlight ranges moved to match.
 */
export function snippet(
  text: string,
  highlights: Array<[number, number]> = [],
  max = SNIPPET_CHARS,
): { text: string; highlights: Array<[number, number]> } {
  if (text.length <= max) return { text, highlights };
  const focus = highlights[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(focus - Math.floor(max / 4), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < focus ? space + 1 : start;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  const moved = highlights.filter(([a, b]) => a >= start && b <= end).map(([a, b]): [number, number] => [a + shift, b + shift]);
  return { text: prefix + text.slice(start, end) + suffix, highlights: moved };
}
