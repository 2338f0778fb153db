/**
 * Error classes for `npm run eval -- --polnear --verbose`: rough heuristics over the text around each miss,
 * false positive and wrong speaker, so that rule authors can see which shapes cost most. They are labels for a
 * tally, not a measure: one item can carry several, and a label can be wrong.
 */
import type { QuoteRecord } from '../../src/answer/export.ts';
import { type GoldAttribution, type Pair, matchScore } from './polnear.ts';
import { speakerShape } from './polnearSpeaker.ts';

/** [start, end) of an article's headline: the first line after the front matter. */
export function headlineOf(text: string): [number, number] {
  const fm = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  let start = fm ? fm[0].length : 0;
  while (text[start] === '\n' || text[start] === '\r') start += 1;
  const nl = text.indexOf('\n', start);
  return [start, nl === -1 ? text.length : nl];
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
const inside = (at: number, [s, e]: readonly [number, number]): boolean => at >= s && at < e;

/** The classes of a gold attribution Quotedesk did not find (`found`: the quotes found in its article). */
export function missClasses(g: GoldAttribution, text: string, found: readonly QuoteRecord[]): string[] {
  const out: string[] = [];
  const part = found.find((f) => f.quote.start < g.quote.end && g.quote.start < f.quote.end);
  if (part)
    out.push(
      matchScore(g, part.quote) > 0.3
        ? 'a found quote covers it, but is paired with another attribution'
        : 'a found quote covers 30% of it or less (a piece)',
    );
  const q = g.quote;
  const head = headlineOf(text);
  const lineHead = text.slice(lineStart(text, q.start), q.start);
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  if (/^\s*(?:[A-Z][A-Z.'’ -]{1,40}|Q|A)\s*:/.test(lineHead) || /^\s*(?:[A-Z][A-Z.'’ -]{1,40}|Q|A)\s*:/.test(q.text))
    out.push('transcript speaker label (NAME: …)');
  if (inside(q.start, head)) out.push('quote in the headline');
  else if (g.speaker && inside(g.speaker.start, head)) out.push('speaker named only in the headline');
  if (/\n/.test(q.text)) out.push('runs over several paragraphs');
  if (/''/.test(q.text)) out.push("two apostrophes as quotation marks (''…'')");
  else if (/^\s*['‘]/.test(q.text) || (/['‘][^'’]{8,}['’]/.test(q.text) && !/["“”]/.test(q.text))) out.push('single quotation marks');
  if (g.cue?.text.trim() === ':' || /:\s*$/.test(before)) out.push('colon before the quote');
  if (g.cue && g.speaker && /\bby\s*$/i.test(text.slice(g.cue.end, g.speaker.start))) out.push('passive attribution (… by X)');
  else if (g.cue && /\b(?:is|was|were|are|been|being)\s+\w+ed\b/i.test(g.cue.text)) out.push('passive attribution (… by X)');
  if (g.cue && /^\s*[―—–-]+\s*$/.test(g.cue.text)) out.push('a dash as the cue (“…” ― Name)');
  else if (g.cue && g.cue.start > q.start && /[—–]\s*$/.test(text.slice(Math.max(q.start, g.cue.start - 30), g.cue.start)))
    out.push('dash before the cue');
  if (g.cue && /according to/i.test(g.cue.text)) out.push('"according to"');
  if (g.speaker && g.cue && g.cue.start > g.speaker.end && /[(,]/.test(text.slice(g.speaker.start, g.cue.start)))
    out.push('brackets or an appositive between the source and the cue');
  if (g.cue === null) out.push('no cue in the annotation');
  const shape = speakerShape(g, text);
  if (shape === 'none') out.push('no source in the annotation');
  if (shape === 'pronoun' || shape === 'description') out.push(`source is a ${shape}`);
  if (g.cue && g.cue.start < q.start) out.push(`${g.kind}: cue before the content (X said …)`);
  else if (g.cue && g.cue.start > q.end) out.push(`${g.kind}: cue after the content (…, X said)`);
  else if (g.cue) out.push(`${g.kind}: cue inside the content (split)`);
  return out;
}

/** The classes of a found quote that paired with nothing. */
export function extraClasses(f: QuoteRecord, gold: readonly GoldAttribution[], paired: ReadonlySet<GoldAttribution>): string[] {
  const out: string[] = [];
  const touching = gold.filter((g) => g.article === f.article && g.quote.start < f.quote.end && f.quote.start < g.quote.end);
  if (touching.some((g) => paired.has(g))) out.push('a second piece of an attribution already paired');
  else if (touching.length > 0) out.push('overlaps an attribution, below the threshold');
  else out.push('no attribution annotated there');
  if (f.lastParagraph !== null) out.push('runs over several paragraphs');
  if (f.speakerName === null) out.push('no speaker found');
  out.push(`found as ${f.kind}`);
  return out;
}

/** The classes of a paired quote whose speaker is wrong (loosely). */
export function speakerClasses(p: Pair, text: string, antecedent: string | null): string[] {
  const shape = speakerShape(p.gold, text);
  const out: string[] = [`gold source is a ${shape}`];
  if (p.found.speakerName === null) out.push('no speaker found');
  if (p.found.speaker === null && p.found.speakerName !== null) out.push('a name, but no mention span in the export');
  if (p.gold.speaker && inside(p.gold.speaker.start, headlineOf(text))) out.push('gold source in the headline');
  const name = p.found.speakerName?.toLowerCase() ?? '';
  if (antecedent !== null && name.endsWith(antecedent) && shape !== 'pronoun')
    out.push('found = the last named source before (carried over)');
  if (p.speakerStrict && p.found.speakerName !== null) out.push('right mention, resolved to another person');
  return out;
}
