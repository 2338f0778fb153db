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
  people: string[];
  places: string[];
  /** Who spoke the words, when the date is the day they were spoken ("We discussed today …," Kerry said): they were there. */
  speakers?: string[];
}
