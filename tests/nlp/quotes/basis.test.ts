import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../src/nlp/quotes/index.ts';

/** The basis each quote's speaker was found on, in order. */
const bases = (...paragraphs: string[]) =>
  findQuotes(
    paragraphs.map((text) => ({ text })),
    null,
  ).map((q) => q.speaker.basis ?? null);

describe('the basis of a speaker', () => {
  it('is the full name or the surname when the cue names the speaker', () => {
    expect(bases('"We will stay the course," Secretary of State John Kerry said.')).toEqual(['name']);
    expect(bases('Secretary of State John Kerry arrived.', '"We will stay the course," Kerry said.')).toEqual(['surname']);
  });

  it('is the pronoun after a named person, and the quote before when there is no cue', () => {
    expect(
      bases('Secretary of State John Kerry arrived.', '"We will stay the course," he said. "The rest is detail and more detail."'),
    ).toEqual(['pronoun']);
    expect(
      bases('"We will stay the course," Secretary of State John Kerry said.', '"The talks will go on into the night in Geneva."'),
    ).toEqual(['name', 'quote-before']);
  });

  it('is the description for a role that fits one person, and none for a speaker the text does not give', () => {
    expect(bases('Eric Draitser, a geopolitical analyst, spoke.', '"The plan will fail in the end," the analyst said.')).toEqual([
      'description',
    ]);
    expect(bases('"The ceasefire will hold for a week," officials said.')).toEqual([null]);
  });
});
