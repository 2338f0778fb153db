/**
 * Comparing two wordings of a quote word by word: the words of a text as a reader compares them, the part of a
 * quote a pasted wording stands for, and the differences between them (inserted, dropped, changed words).
 *
 * The differences themselves are jsdiff's (`diff` on npm, `diffArrays`): runs of kept, removed and added words,
 * a removal before the addition that replaces it. Written here: the words as a reader compares them, and the
 * local alignment that finds the stretch of a quote a pasted wording stands for, which jsdiff does not do.
 */
import { type ArrayChange, diffArrays } from 'diff';

/** A word as written (`text`, with its offsets) and as compared (`norm`): case, apostrophes and dots folded. */
export interface Word {
  text: string;
  norm: string;
  start: number;
  end: number;
  /** Joined to the word before by a hyphen ("called" of "so-called"): shown joined, compared apart. */
  hyphen?: true;
}

// "U.S." is one word; "so-called" two (a hyphen is punctuation); "can’t" one.
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The words of a text, ignoring case, punctuation, white space and the style of quotation marks and apostrophes. */
export function wordsOf(text: string): Word[] {
  const normal = text.normalize('NFKC');
  return [...normal.matchAll(WORD)].map((m) => ({
    text: m[0],
    norm: m[0].toLowerCase().replace(/['’.]/g, ''),
    start: m.index,
    end: m.index + m[0].length,
    ...(m.index > 0 && normal[m.index - 1] === '-' && /[\p{L}\p{N}]/u.test(normal[m.index - 2] ?? '') ? { hyphen: true as const } : {}),
  }));
}

/** Words as a reader sees them: hyphenated words joined again ("so-called"). */
function shown(words: readonly Word[]): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    if (w.hyphen && i > 0) out[out.length - 1] += `-${w.text}`;
    else out.push(w.text);
  });
  return out;
}

/** Local alignment scores: a kept word earns more than a word inserted, dropped or changed costs (Smith–Waterman's usual 2 and −1). */
const KEPT = 2;
const EDIT = -1;

/**
 * The stretch [start, end) of `quote` that `pasted` stands for, and the word edits between them: the quote's
 * words before and after it are free to leave out (a piece of a quote is still its words); within it, each word
 * kept in order earns 2 and each word inserted, dropped or changed costs 1, every pasted word counted, so a
 * stretch is taken as long as its kept words pay for the words it drops.
 */
export function bestWindow(quote: readonly string[], pasted: readonly string[]): { start: number; end: number; edits: number } {
  const n = pasted.length;
  const m = quote.length;
  if (m === 0 || n === 0) return { start: 0, end: 0, edits: n };
  // score[j], from[j], edits[j]: the best alignment of the pasted words so far ending at quote word j, where it
  // starts, and how many edits it has.
  let score = new Array<number>(m + 1).fill(0);
  let from = Array.from({ length: m + 1 }, (_, j) => j);
  let edits = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    const s = new Array<number>(m + 1);
    const f = new Array<number>(m + 1);
    const e = new Array<number>(m + 1);
    s[0] = i * EDIT;
    f[0] = 0;
    e[0] = i;
    for (let j = 1; j <= m; j += 1) {
      const same = pasted[i - 1] === quote[j - 1];
      const diagonal = (score[j - 1] as number) + (same ? KEPT : EDIT);
      const inserted = (score[j] as number) + EDIT;
      const dropped = (s[j - 1] as number) + EDIT;
      if (diagonal >= inserted && diagonal >= dropped) {
        s[j] = diagonal;
        f[j] = from[j - 1] as number;
        e[j] = (edits[j - 1] as number) + (same ? 0 : 1);
      } else if (inserted >= dropped) {
        s[j] = inserted;
        f[j] = from[j] as number;
        e[j] = (edits[j] as number) + 1;
      } else {
        s[j] = dropped;
        f[j] = f[j - 1] as number;
        e[j] = (e[j - 1] as number) + 1;
      }
    }
    score = s;
    from = f;
    edits = e;
  }
  let end = 1;
  // Of equally good stretches the one ending last, which takes in words swapped at its end ("energy and activity").
  for (let j = 2; j <= m; j += 1) if ((score[j] as number) >= (score[end] as number)) end = j;
  return { start: from[end] as number, end, edits: edits[end] as number };
}

/**
 * A difference of a pasted wording from the corpus's, word by word: `same` and `dropped` give the corpus's words,
 * `inserted` the pasted words the corpus does not have, `changed` the pasted words (`words`) in place of the
 * corpus's (`corpus`).
 */
export type WordChange = { op: 'same' | 'dropped' | 'inserted'; words: string[] } | { op: 'changed'; words: string[]; corpus: string[] };

/** The runs of kept, removed and added words from one wording to another, words compared as a reader does (jsdiff). */
export const diffWords = (from: readonly Word[], to: readonly Word[]): ArrayChange<Word>[] =>
  diffArrays([...from], [...to], { comparator: (a: Word, b: Word) => a.norm === b.norm });

/** The pasted words against a stretch of a quote's, as runs of kept, inserted, dropped and changed words. */
export function wordChanges(quote: readonly Word[], pasted: readonly Word[]): WordChange[] {
  const changes = diffWords(quote, pasted);
  const out: WordChange[] = [];
  for (let k = 0; k < changes.length; k += 1) {
    const c = changes[k] as ArrayChange<Word>;
    const next = changes[k + 1];
    const words = shown(c.value);
    if (c.removed && next?.added) {
      out.push({ op: 'changed', words: shown(next.value), corpus: words });
      k += 1;
    } else out.push({ op: c.added ? 'inserted' : c.removed ? 'dropped' : 'same', words });
  }
  return out;
}
