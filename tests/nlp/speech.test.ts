import { describe, expect, it } from 'vitest';
import { namedPeople } from '../../src/nlp/coref.ts';
import { speechActs } from '../../src/nlp/speech.ts';

/** An invented article: an analyst and two diplomats, each named once with a role. */
const ARTICLE = [
  'Tom Reyes, a political analyst in Ohio, spoke to the radio on Monday.',
  'Secretary of State Anna Bell met Russian Foreign Minister Pavel Orlov.',
];
const people = namedPeople(ARTICLE);
/** The speakers and cues of a sentence read after the article's first two. */
const acts = (sentence: string) =>
  speechActs(sentence, people, 2).map((a) => [
    a.speaker,
    a.by,
    sentence.slice(a.cue[0], a.cue[1]),
    sentence.slice(a.subject[0], a.subject[1]),
  ]);

describe('speechActs', () => {
  it('finds a speaker by full name, by surname and by a description the article resolves', () => {
    expect(acts('Tom Reyes said the talks were late.')).toEqual([['Tom Reyes', 'name', 'said', 'Tom Reyes']]);
    expect(acts('Reyes further noted that the talks were late.')).toEqual([['Tom Reyes', 'name', 'noted', 'Reyes']]);
    expect(acts('The political analyst said the talks were late.')).toEqual([
      ['Tom Reyes', 'description', 'said', 'The political analyst'],
    ]);
  });

  it('reads the speaker past an apposition, and after the cue that follows a quote', () => {
    expect(acts('Tom Reyes, who runs a blog, made the remarks on the radio.')).toEqual([
      ['Tom Reyes', 'name', 'made the remarks', 'Tom Reyes'],
    ]);
    expect(acts('"It is late," said Bell.')).toEqual([['Anna Bell', 'name', 'said', 'Bell']]);
    expect(acts('Bell on Tuesday said the talks were late.')).toEqual([['Anna Bell', 'name', 'said', 'Bell']]);
  });

  it('takes no one whose words another speaks for', () => {
    expect(acts("Orlov's aide said the talks were late.")).toEqual([]);
  });

  it('takes no pronoun, no one the article has not named, and no one two people fit', () => {
    expect(acts('He said the talks were late.')).toEqual([]);
    expect(acts('Mary Stone said the talks were late.')).toEqual([]);
    expect(acts('The diplomat said the talks were late.')).toEqual([]);
  });

  it('leaves out an earlier or a denied act, two speakers together, and acts inside a quote or a report', () => {
    expect(acts('Reyes had said the talks were late.')).toEqual([]);
    expect(acts('Reyes never said the talks were late.')).toEqual([]);
    expect(acts('Bell and Orlov said the talks were late.')).toEqual([]);
    expect(acts('Orlov said, "Reyes told me so."')).toEqual([['Pavel Orlov', 'name', 'said', 'Orlov']]);
    expect(acts('Reports quote Orlov saying that Bell told him so.')).toEqual([]);
  });

  it('takes a belief or an estimate for no act of speaking', () => {
    expect(acts('Reyes believed the talks were late.')).toEqual([]);
    expect(acts('Reyes estimated that 400 people came.')).toEqual([]);
  });
});
