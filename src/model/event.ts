import type { TimeExpression } from './time.ts';

/** A dated sentence of an article: what happened when, with the words that date it. */
export interface EventMention {
  /** 0-based body paragraph, or null for a photo caption (see `caption`). */
  paragraph: number | null;
  /** The sentence's position in its paragraph or caption. */
  sentenceIndex: number;
  /** True when the sentence is a photo caption, set aside from the body but dated. */
  caption: boolean;
  sentence: string;
  /** [start, end) file offsets of the sentence. */
  sentenceOffsets: [number, number];
  /** The expression, with [start, end) file offsets. */
  time: TimeExpression & { offsets: [number, number] };
  /** The people the sentence names, by name or by description (see `described`). */
  people: string[];
  /** Of `people`, those the sentence names only by a description the article's roles resolve ("the U.S. envoy"). */
  described: DescribedMention[];
  places: string[];
  /** Who spoke the words, when the date is the day they were spoken ("We discussed today …," Kerry said): they were there. */
  speakers?: string[];
}

/** A person a sentence names only by description, resolved to the one person of the article in that role. */
export interface DescribedMention {
  name: string;
  /** The words that describe them: "the Kremlin leader". */
  description: string;
  /** [start, end) of the description in the sentence. */
  span: [number, number];
}
