/**
 * The article model: the types every layer reads (an article and its paragraphs and sentences, the quotes
 * and speakers found in it, its temporal expressions and dated event mentions). Types only; it imports
 * nothing, so a change to one of them is seen by every layer at once and travels no loop.
 */
export type * from './article.ts';
export type * from './event.ts';
export type * from './quote.ts';
export type * from './time.ts';
