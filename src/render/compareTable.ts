import type { Answer, Citation, OutletCoverage, Result } from '../answer/types.ts';
import { citationLines, type TerminalStyle } from './citationLines.ts';

/** The width the /compare table fits in: a terminal of 100 columns. */
export const TABLE_WIDTH = 100;

/** The table's columns: a heading and a width each; the last takes what the others leave. */
const COLUMNS = [
  { head: 'outlet', width: 20 },
  { head: '¶ on topic', width: 10 },
  { head: 'speakers quoted (quotes)', width: 26 },
  { head: 'only here', width: 9 },
] as const;
const GAP = '  ';
const LAST_WIDTH = TABLE_WIDTH - COLUMNS.reduce((n, c) => n + c.width + GAP.length, 0);

/** Text cut into lines of at most `width` characters at spaces (a longer word is cut where it must be). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      lines.push(w.slice(0, width));
      w = w.slice(width);
      line = '';
    }
    if (line === '') line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Rows of cells as text lines, each cell wrapped to its column's width and padded. */
function tableLines(rows: readonly string[][], widths: readonly number[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const cells = row.map((cell, i) => wrap(cell, widths[i] as number));
    const height = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < height; k += 1) {
      const parts = cells.map((c, i) => (c[k] ?? '').padEnd(widths[i] as number));
      out.push(parts.join(GAP).trimEnd());
    }
  }
  return out;
}

/** "government 3.22": a distinctive word with its z. */
const wordCell = (c: OutletCoverage): string => (c.words.length === 0 ? '–' : c.words.map((w) => `${w.word} (${w.z})`).join(', '));
const speakerCell = (c: OutletCoverage): string =>
  c.speakers.length === 0 ? '–' : c.speakers.map((s) => `${s.speaker} (${s.quotes})`).join(', ');

/** The longest quote shown whole under a claim; a longer one is cut at a word (its citation has it whole). */
const QUOTE_CHARS = 200;
const shorter = (text: string): string => {
  if (text.length <= QUOTE_CHARS) return text;
  const room = text.slice(0, QUOTE_CHARS - 1);
  return `${room.slice(0, Math.max(room.lastIndexOf(' '), QUOTE_CHARS / 2))} …`;
};

/** One claim and the citation it stands on: the claim, then the cited words, the citation and its link. */
function claimLines(label: string, words: string | null, c: Citation | undefined, style: TerminalStyle): string[] {
  const lines = [`   ${label}${words === null ? '' : `: “${words}”`}`];
  if (c) {
    const [cite, link] = citationLines(c);
    lines.push(`     — ${cite}`, style.dim(`       ${link}`));
  }
  return lines;
}

/** A word shown strong wherever it stands in a text, as a whole word. */
function strongWord(text: string, word: string, style: TerminalStyle): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), (m) => style.strong(m));
}

/** One outlet's claims, each with its citation. */
function outletLines(r: Result, c: OutletCoverage, n: number, style: TerminalStyle): string[] {
  const lines = [`${n}. ${r.text}`];
  const cited = (i: number): Citation | undefined => r.citations[i];
  if (c.best) lines.push(...claimLines(`best (score ${c.best.score})`, c.best.snippet, cited(c.best.citation), style));
  for (const s of c.speakers) {
    const quote = cited(s.citation)?.text;
    lines.push(
      ...claimLines(
        `${s.speaker}, ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`,
        quote === undefined ? null : shorter(quote),
        cited(s.citation),
        style,
      ),
    );
  }
  for (const q of c.onlyHere) lines.push(...claimLines(`only here, ${q.speaker}`, shorter(q.quote), cited(q.citation), style));
  if (c.onlyHereTotal > c.onlyHere.length) lines.push(`   only here: ${c.onlyHereTotal - c.onlyHere.length} more`);
  for (const w of c.words) {
    const sentence = cited(w.citation)?.text;
    const label = `word “${w.word}” (z ${w.z}; here ${w.count}, the others ${w.others})`;
    lines.push(...claimLines(label, sentence === undefined ? null : strongWord(sentence, w.word, style), cited(w.citation), style));
  }
  return lines;
}

/**
 * A /compare answer for a terminal: a table of the outlets side by side (readable at 100 columns), then each
 * outlet's claims with the citation each stands on.
 */
export function renderCompare(answer: Answer, style: TerminalStyle): string {
  const shown = answer.results.filter((r): r is Result & { coverage: OutletCoverage } => r.coverage !== undefined);
  const lines: string[] = [];
  if (shown.length > 0) {
    const widths = [...COLUMNS.map((c) => c.width), LAST_WIDTH];
    const head = [...COLUMNS.map((c) => c.head), 'distinctive words (z)'];
    const rows = shown.map(({ coverage: c }) => [
      c.outlet,
      c.paragraphs === 0 ? '–' : `${c.paragraphs} in ${c.articles}`,
      speakerCell(c),
      c.onlyHereTotal === 0 ? '–' : String(c.onlyHereTotal),
      wordCell(c),
    ]);
    lines.push(...tableLines([head], widths), '-'.repeat(TABLE_WIDTH), ...tableLines(rows, widths), '');
    shown.forEach((r, i) => lines.push(...outletLines(r, r.coverage, i + 1, style)));
  }
  for (const note of answer.notes ?? []) lines.push(`note: ${note}`);
  return lines.join('\n');
}
