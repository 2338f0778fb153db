/**
 * Text from the corpus and from users, made safe to print: a terminal acts on control characters instead of
 * showing them (ESC starts a sequence that can clear the screen or plant a hyperlink, U+009B does the same
 * alone, BEL rings), and bidi controls reorder what is shown. Every terminal rendering and every stderr line
 * goes through `terminalSafe`; the JSON writer escapes what `JSON.stringify` leaves raw (`jsonSafe`).
 */

/** C0 except newline and tab, DEL, C1, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Each unsafe character becomes one visible character, so that offsets into the text (highlights) still hold:
 * a C0 control its Unicode control picture (ESC shows as ␛), DEL ␡, anything else �.
 */
export const terminalSafe = (text: string): string =>
  text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });

/** Every string of a plain-data value (an answer) made terminal-safe; keys, numbers and shape unchanged. */
export function withTerminalSafeText<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withTerminalSafeText(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withTerminalSafeText(v)])) as T;
  }
  return value;
}

/** What JSON.stringify leaves raw in strings: DEL, C1, bidi controls, and the line and paragraph separators. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** A JSON text with those characters written as \u escapes: the same value, and nothing a naive reader prints raw. */
export const jsonSafe = (json: string): string => json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One value as one line of safe JSON. */
export const toJsonLine = (value: unknown): string => jsonSafe(JSON.stringify(value));

/**
 * A URL in text that labels a link (an outlet or a title in a citation) written so that nothing reads it as
 * a URL: `https[:]//evil.example`, the convention for a defanged link. Only the citation's own link is a link.
 */
export const defangUrls = (text: string): string => text.replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi, '$1[:]');
