/** The export's records written out: one JSON object a line, or CSV per RFC 4180 with nested spans flattened. */
import type { ExportRecord, ExportWhat } from '../answer/export.ts';
import { toJsonLine } from './safeText.ts';

const SPAN = (name: string): string[] => [`${name}_start`, `${name}_end`, `${name}_text`];

/** CSV columns: what every record has, then the dates', then the quotes' (a record leaves the others' empty). */
const COMMON = ['record', 'article', 'paragraph'];
const DATE_COLUMNS = ['start', 'end', 'text', 'timexType', 'value', 'mod', 'iso', 'granularity', 'derivation', 'words'];
const QUOTE_COLUMNS = [
  'lastParagraph',
  ...SPAN('quote'),
  'words',
  ...SPAN('speaker'),
  'speakerName',
  'speakerStatus',
  ...SPAN('cue'),
  'kind',
  'confidence',
  'pattern',
];

/** The CSV header for what is exported. */
export const csvColumns = (what: readonly ExportWhat[]): string[] => [
  ...new Set([...COMMON, ...(what.includes('dates') ? DATE_COLUMNS : []), ...(what.includes('quotes') ? QUOTE_COLUMNS : [])]),
];

/** A record with nested spans flattened: `quote: {start, …}` as `quote_start`, …; a null span as empty fields. */
export function flatten(record: ExportRecord): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, v] of Object.entries(record) as Array<[string, unknown]>) {
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out[`${key}_${k}`] = x as string | number;
    else out[key] = v as string | number | null;
  }
  return out;
}

/** One CSV field: quoted when it holds a comma, a double quote or a line break, its quotes doubled. */
export const csvField = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvRow = (fields: ReadonlyArray<string | number | null | undefined>): string => `${fields.map(csvField).join(',')}\r\n`;

/** A record as CSV under the given columns. */
export const csvRecord = (record: ExportRecord, columns: readonly string[]): string => {
  const flat = flatten(record);
  return csvRow(columns.map((c) => flat[c]));
};

/** A record as one line of JSON. */
export const jsonlRecord = (record: ExportRecord): string => `${toJsonLine(record)}\n`;
