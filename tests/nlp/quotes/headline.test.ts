import { describe, expect, it } from 'vitest';
import { headlinePerson, headlineSpeaker, speakerInHeadline } from '../../../src/nlp/quotes/headline.ts';
import { findQuotes } from '../../../src/nlp/quotes/index.ts';
import { newArticleState } from '../../../src/nlp/quotes/state.ts';
import { NEXT, kept, reading } from './fixtures.ts';
import { quoteAt } from '../../../src/nlp/quotes/state.ts';

/** The quotes of an article of a paragraph a line under a headline: where they stand, their words and speaker. */
const quotes = (headline: string, text: string) =>
  findQuotes(
    text.split('\n').map((t) => ({ text: t })),
    null,
    headline,
  ).map((q) => [q.paragraph, q.text, q.speaker.name, q.speaker.basis ?? null]);

describe('headlineSpeaker', () => {
  it('reads the one speaker a headline opens with, before a verb of saying or a colon', () => {
    expect(headlineSpeaker('Okafor says the port will reopen by spring')).toBe('Okafor');
    expect(headlineSpeaker('Grace Okafor Warns Of Higher Fares')).toBe('Grace Okafor');
    expect(headlineSpeaker('Okafor: ‘The port will reopen’')).toBe('Okafor');
  });

  it('reads no speaker from two people, a headline without a verb of saying, or none', () => {
    expect(headlineSpeaker('Okafor and Lindqvist say the port will reopen')).toBeNull();
    expect(headlineSpeaker('Okafor, Lindqvist: the port will reopen')).toBeNull();
    expect(headlineSpeaker('Okafor visits the port')).toBeNull();
    expect(headlineSpeaker(null)).toBeNull();
  });
});

describe('headlinePerson', () => {
  it('is the one person of the article the surname names', () => {
    const { state } = reading('Harbour Minister Grace Okafor toured the docks.');
    expect(headlinePerson(state, 'Okafor', NEXT)?.name).toBe('Grace Okafor');
  });

  it('is no one when two people share the surname, or the words are a role or a country', () => {
    const { state } = reading('Harbour Minister Grace Okafor met her brother, the engineer Daniel Okafor.');
    expect(headlinePerson(state, 'Okafor', NEXT)).toBeNull();
    expect(headlinePerson(newArticleState(null), 'Port Authority Chief', 0)).toBeNull();
    expect(headlinePerson(newArticleState(null), 'Norway', 0)).toBeNull();
  });

  it('is a full name the headline gives when the body names no one by that surname', () => {
    expect(headlinePerson(newArticleState(null), 'Grace Okafor', 0)?.name).toBe('Grace Okafor');
    expect(headlinePerson(newArticleState(null), 'Okafor', 0)).toBeNull();
  });
});

describe('speakerInHeadline', () => {
  it('gives a statement with no cue to the one speaker the headline names', () => {
    const { state, para } = reading(
      'Harbour Minister Grace Okafor toured the docks on Monday.\n“The port will reopen before the spring storms.”',
    );
    const withHeadline = { ...state, headline: 'Okafor says the port will reopen' };
    expect(speakerInHeadline(withHeadline, para, quoteAt(para, para.spans[0]!, 0))).toBe(true);
    expect(kept(para)).toEqual([
      {
        kind: 'direct',
        text: 'The port will reopen before the spring storms.',
        speaker: 'Grace Okafor',
        cue: '',
        pattern: 'no cue; the one speaker the headline names',
      },
    ]);
  });

  it('finds the quote in an article whose headline quotes its speaker with a colon', () => {
    expect(quotes('Grace Okafor: ‘The port will reopen’', '“The port will reopen before the spring storms.”')).toEqual([
      [0, 'The port will reopen before the spring storms.', 'Grace Okafor', 'headline'],
    ]);
  });

  it('leaves the quote where someone spoke before it in the body, a person or an organisation', () => {
    const person = '“The docks are safe,” said Lars Lindqvist, the port engineer.\n“The port will reopen before the spring storms.”';
    expect(quotes('Okafor says the port will reopen', person).map((q) => q[2])).toEqual(['Lars Lindqvist', 'Lars Lindqvist']);
    const body = '“The docks are safe,” the Port Authority said.\n“The port will reopen before the spring storms.”';
    expect(quotes('Grace Okafor says the port will reopen', body).map((q) => q[1])).toEqual(['The docks are safe']);
  });

  it('leaves the quote where someone else is the subject before it', () => {
    const body =
      'Harbour Minister Grace Okafor met Lars Lindqvist. Lindqvist inspected the docks.\n“The port will reopen before the spring storms.”';
    expect(quotes('Okafor says the port will reopen', body)).toEqual([]);
  });

  it('leaves a quotation that is not a statement of its own: words set in a sentence, or a short title', () => {
    const body =
      'Harbour Minister Grace Okafor toured the docks.\nThe plan, “a port for the next century”, is costly.\n“Harbour Lights Forever”';
    expect(quotes('Okafor says the port will reopen', body)).toEqual([]);
  });

  it('leaves the quote when the headline names two speakers', () => {
    const body = 'Grace Okafor met Lars Lindqvist.\n“The port will reopen before the spring storms.”';
    expect(quotes('Okafor and Lindqvist say the port will reopen', body)).toEqual([]);
  });
});
