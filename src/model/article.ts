import type { EventMention } from './event.ts';
import type { Quote } from './quote.ts';

/** A span of the original file: `raw.slice(start, end)`. Offsets count UTF-16 code units, as JavaScript strings do. */
export interface Span {
  start: number;
  end: number;
}

/** Text with, for each of its characters, the offset in the original file it came from. */
export interface MappedText {
  text: string;
  /** `offsets[i]` is the file offset of `text[i]`; one extra entry holds the end offset. */
  offsets: number[];
}

export interface Sentence extends Span {
  text: string;
}

/** One paragraph of an article body, traceable to the file it came from. */
export interface Paragraph extends Span {
  /** 0-based position among the article's body paragraphs. */
  index: number;
  /** Cleaned text: inline markup removed, line breaks and runs of spaces folded to one space. */
  text: string;
  sentences: Sentence[];
}

/** Why a block of the file is not part of the article body. */
export type BlockRole = 'body' | 'title' | 'byline' | 'dateline' | 'label' | 'caption' | 'clutter';

/** A block of the file that the cleaner set aside, with the rule that did it. */
export interface SetAside extends Span {
  role: Exclude<BlockRole, 'body'>;
  rule: string;
  text: string;
}

/** Metadata of an article, from its front matter or inferred from its text. */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  outletUrl: string | null;
  /** The article's own URL; null when it is not known (never invented). */
  url: string | null;
  /** ISO 8601 date or date-time as given; null when unknown. */
  published: string | null;
  author: string | null;
  /** Where each field came from: front matter, or the text line it was inferred from. */
  provenance: Partial<Record<'title' | 'outlet' | 'published' | 'author', string>>;
}

export interface Article {
  /** File name without its extension. */
  id: string;
  file: string;
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  setAside: SetAside[];
  /** Every quote of the body, in order, with its speaker as the article gives it. */
  quotes: Quote[];
  /** Every dated sentence of the body and captions, with the date resolved from the article's own words. */
  events: EventMention[];
}
