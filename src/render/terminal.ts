import type { Answer, Result } from '../answer/types.ts';
import { citationLines, type TerminalStyle } from './citationLines.ts';
import { renderCompare } from './compareTable.ts';
import { verdictLines } from './differences.ts';
import { withTerminalSafeText } from './safeText.ts';

export type { TerminalStyle } from './citationLines.ts';

export const plainStyle: TerminalStyle = { strong: (s) => `**${s}**`, dim: (s) => s };
export const ansiStyle: TerminalStyle = { strong: (s) => `\x1b[1m${s}\x1b[22m`, dim: (s) => `\x1b[2m${s}\x1b[22m` };

/** ANSI styling only on a terminal, and never when NO_COLOR is set. */
export const styleFor = (stream: NodeJS.WriteStream): TerminalStyle => (stream.isTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle);

function highlight(text: string, ranges: Array<[number, number]> | undefined, style: TerminalStyle): string {
  if (!ranges || ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at || b > text.length) continue;
    out += text.slice(at, a) + style.strong(text.slice(a, b));
    at = b;
  }
  return out + text.slice(at);
}

const sameWords = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

function resultLines(r: Result, n: number, style: TerminalStyle, withContext: boolean): string[] {
  const head = r.speaker ? `${r.speaker}: ` : '';
  const lines = [`${n}. ${head}${highlight(r.text, r.highlights, style)}`];
  for (const line of verdictLines(r)) lines.push(`   ${line}`);
  if (r.date) lines.push(`   date: ${r.date}${r.derivation ? ` (${r.derivation})` : ''}`);
  for (const [k, v] of Object.entries(r.details ?? {})) lines.push(style.dim(`   ${k}: ${v}`));
  if (r.wordingsDiffer) lines.push(style.dim('   wordings: the outlets word it differently; each citation shows its own'));
  for (const c of r.citations) {
    const [cite, link] = citationLines(c);
    lines.push(`   — ${cite}`);
    // Under each citation, only words its own paragraph has: where they are not the text above, they are shown.
    if (c.text !== undefined && !sameWords(c.text, r.text)) lines.push(`     “${c.text}”`);
    lines.push(style.dim(`     ${link}`));
  }
  // What Discord's Context button does, as the command to type: the first paragraph the result cites.
  const cited = r.citations.find((c) => c.paragraph !== null);
  if (withContext && cited) lines.push(style.dim(`   context: /context ${cited.article} ${cited.paragraph}`));
  return lines;
}

/** The number of an answer's first result: its place in the whole answer, not in the page. */
export const firstNumber = (answer: Answer): number => ((answer.page ?? 1) - 1) * (answer.perPage ?? 0) + 1;

/** "24 results; page 1 of 3 (page:2 for the next)": said when the answer has more than the results shown. */
export function pageLine(answer: Answer): string | null {
  const shown = answer.results.length;
  const total = answer.total ?? shown;
  if (shown === 0 || total <= shown) return null;
  const { page, pages } = answer;
  if (page === undefined || pages === undefined) return `${total} results; showing the first ${shown}`;
  const next = page < pages ? ` (page:${page + 1} for the next)` : '';
  return `${total} results; page ${page} of ${pages}${next}`;
}

/**
 * An answer as text for a person at a terminal. Every string of it is made safe first (control characters
 * from the corpus or the query shown, not acted on); only the style adds escape sequences.
 */
export function renderTerminal(unsafe: Answer, style: TerminalStyle = plainStyle): string {
  const answer = withTerminalSafeText(unsafe);
  if (answer.error) return `error: ${answer.error.message}`;
  // Outlets side by side: a table, then each outlet's claims with their citations.
  if (answer.command === 'compare') return renderCompare(answer, style);
  const lines: string[] = [];
  const head = pageLine(answer);
  if (head) lines.push(style.dim(head));
  const first = firstNumber(answer);
  answer.results.forEach((r, i) => {
    lines.push(...resultLines(r, first + i, style, answer.command !== 'context'));
  });
  for (const note of answer.notes ?? []) lines.push(`note: ${note}`);
  return lines.join('\n');
}
