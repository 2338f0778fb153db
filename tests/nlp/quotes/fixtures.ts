/** Tiny articles for the rule tests: a paragraph a line, read up to the rules (names registered, quotations found). */
import { readParagraph } from '../../../src/nlp/quotes/index.ts';
import type { QuoteRule } from '../../../src/nlp/quotes/direct.ts';
import {
  type ArticleState,
  type Draft,
  type ParagraphState,
  type QuoteAt,
  newArticleState,
  quoteAt,
} from '../../../src/nlp/quotes/state.ts';

/** The state after reading the paragraphs of `text` (no rule run yet); the last paragraph is the one being read. */
export function reading(text: string, author: string | null = null): { state: ArticleState; para: ParagraphState } {
  const paragraphs = text.split('\n');
  const state = newArticleState(author);
  const paras = paragraphs.map((t, i) => readParagraph(state, t, paragraphs[i - 1] ?? '', i));
  return { state, para: paras[paras.length - 1] as ParagraphState };
}

/** As `reading`, with the `qi`-th quotation of the last paragraph as the one a rule is given. */
export function quotation(
  text: string,
  qi = 0,
  author: string | null = null,
): { state: ArticleState; para: ParagraphState; quote: QuoteAt } {
  const { state, para } = reading(text, author);
  const q = para.spans[qi];
  if (!q) throw new Error(`no quotation ${qi} in the last paragraph of: ${text}`);
  return { state, para, quote: quoteAt(para, q, qi) };
}

/** The quotes kept in a paragraph, in the few fields a test looks at. */
export const kept = (para: ParagraphState) =>
  para.drafts.map((d: Draft) => ({ kind: d.kind, text: d.text, speaker: d.speaker.name, cue: d.cue, pattern: d.pattern }));

/** After the paragraph `text`'s names are registered, a position past it: where a mention in the next paragraph stands. */
export const NEXT = 1_000_000;

/** Makes the person of a surname key, already named, the last speaker (as a quote of theirs in `paragraph` would). */
export function lastSpoke(state: ArticleState, key: string, paragraph: number): void {
  const person = state.people.get(key)?.[0];
  if (!person) throw new Error(`no one named ${key}`);
  state.lastSpeaker = { person, paragraph };
}

/** Gives the `qi`-th quotation of the last paragraph to one rule: whether it took it, and the quotes kept. */
export function applyRule(rule: QuoteRule, text: string, qi = 0): { took: boolean; kept: ReturnType<typeof kept> } {
  const { state, para, quote } = quotation(text, qi);
  const took = rule(state, para, quote);
  return { took, kept: kept(para) };
}
