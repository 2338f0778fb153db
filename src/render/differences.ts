import type { Result, WordChange } from '../answer/types.ts';
import { verdictLabel } from '../answer/verify.ts';

/** How dropped and inserted words are marked: git's word diff at a terminal, strike-through and bold in Discord. */
export interface DiffMarks {
  dropped: (words: string) => string;
  inserted: (words: string) => string;
  /** Words as they are shown (escaped for Discord). */
  plain: (words: string) => string;
}

/** `git diff --word-diff=plain`'s marks: `[-the corpus's words-]{+the pasted words+}`. */
export const WORD_DIFF_MARKS: DiffMarks = { dropped: (w) => `[-${w}-]`, inserted: (w) => `{+${w}+}`, plain: (w) => w };

/**
 * The pasted words against the corpus's, one line: kept words as they are, the corpus's words the paste lacks
 * marked dropped, the paste's words the corpus lacks marked inserted, a changed word as both.
 */
export function differencesLine(changes: readonly WordChange[], marks: DiffMarks = WORD_DIFF_MARKS): string {
  return changes
    .map((c) => {
      const words = c.words.join(' ');
      if (c.op === 'changed') return `${marks.dropped(c.corpus.join(' '))}${marks.inserted(words)}`;
      if (c.op === 'same') return marks.plain(words);
      return c.op === 'dropped' ? marks.dropped(words) : marks.inserted(words);
    })
    .join(' ');
}

/** A /verify result's verdict and differences, as lines under it (none for other commands' results). */
export function verdictLines(r: Result, marks: DiffMarks = WORD_DIFF_MARKS): string[] {
  if (r.verdict === undefined) return [];
  const lines = [`verdict: ${verdictLabel(r.verdict)}`];
  if (r.differences && r.verdict !== 'not-found') lines.push(`differences: ${differencesLine(r.differences, marks)}`);
  return lines;
}
