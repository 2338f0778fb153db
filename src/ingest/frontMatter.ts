import { type Scalar, parse, parseDocument } from 'yaml';
import { NOT_ISO, impossibleDate } from './calendar.ts';

/** The keys a corpus file's front matter may carry. All optional. */
export interface FrontMatter {
  title?: string;
  outlet?: string;
  outlet_url?: string;
  url?: string;
  published?: string;
  author?: string;
  [key: string]: unknown;
}

export interface SplitFile {
  frontMatter: FrontMatter | null;
  /** Offset in the file where the article text begins (after the closing `---` line). */
  bodyStart: number;
}

export class FrontMatterError extends Error {
  override name = 'FrontMatterError';
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*(?:\r?\n|$)/m;

/** A line of the front matter every corpus file has: a key, then text in double quotes (no escapes) or an ISO date. */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_]*):[ ]+(?:"([^"\\\p{Cc}]*)"|(\d{4}-\d{2}-\d{2}))$/u;

/**
 * The front matter read without the YAML parser when every line is a simple `key: "text"` or `key: 2015-12-17`
 * (both are text to YAML, as the parser reads them), each key once; null for anything else, which the parser reads.
 * The parser takes longer than the rest of reading a short article's metadata.
 */
export function simpleMapping(yamlText: string): Record<string, string> | null {
  if (yamlText === '') return null;
  const out: Record<string, string> = {};
  // The block runs up to the closing `---` line: its last line ends with a line break.
  for (const line of yamlText.replace(/\n$/, '').split('\n')) {
    const m = SIMPLE_LINE.exec(line);
    const key = m?.[1];
    if (!m || key === undefined || key === '__proto__' || Object.hasOwn(out, key)) return null;
    out[key] = m[2] ?? (m[3] as string);
  }
  return out;
}

/**
 * Separates a YAML front-matter block (between `---` lines at the very top) from the article text.
 * A file without one is all text. A block that does not close or is not a YAML mapping throws.
 */
export function splitFrontMatter(raw: string): SplitFile {
  const open = OPEN.exec(raw);
  if (!open) return { frontMatter: null, bodyStart: 0 };
  const rest = raw.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new FrontMatterError('front matter opened with --- but never closed');
  const yamlText = rest.slice(0, close.index);
  let data: unknown = simpleMapping(yamlText);
  try {
    data ??= parse(yamlText);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new FrontMatterError(`front matter is not valid YAML: ${reason}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter must be a mapping of keys to values');
  }
  const fm = data as Record<string, unknown>;
  for (const key of ['title', 'outlet', 'outlet_url', 'url', 'author'] as const) {
    const value = fm[key];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new FrontMatterError(`front matter key "${key}" must be text`);
    }
  }
  const published = fm.published;
  if (published !== undefined && published !== null) {
    // A YAML 1.1 timestamp arrives as a Date, already rolled over (2015-02-30 as 2 March): its source is checked.
    const written = published instanceof Date ? (parseDocument(yamlText).get('published', true) as Scalar | undefined)?.source : published;
    const why = typeof written === 'string' ? impossibleDate(written) : NOT_ISO;
    if (why === NOT_ISO)
      throw new FrontMatterError(`front matter key "published" must be an ISO 8601 date, got ${JSON.stringify(written)}`);
    if (why) throw new FrontMatterError(`front matter key "published" is not a real date: ${String(written)} (${why})`);
    if (published instanceof Date) fm.published = published.toISOString();
  }
  for (const key of ['url', 'outlet_url'] as const) {
    const value = fm[key];
    if (typeof value === 'string' && !/^https?:\/\/\S+$/.test(value)) {
      throw new FrontMatterError(`front matter key "${key}" must be an http(s) URL, got ${JSON.stringify(value)}`);
    }
  }
  return { frontMatter: fm as FrontMatter, bodyStart: open[0].length + close.index + close[0].length };
}
