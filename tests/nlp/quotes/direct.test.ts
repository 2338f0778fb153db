import { describe, expect, it } from 'vitest';
import {
  leadingCue,
  namedBeforeColon,
  participleCue,
  personBeforeColon,
  isTitle,
  scareQuote,
  titleInOpening,
  signedWithDash,
  speakerNamedLast,
  trailingCue,
} from '../../../src/nlp/quotes/direct.ts';
import { applyRule, reading } from './fixtures.ts';

const NOTHING = { took: false, kept: [] };

describe('trailingCue', () => {
  it('keeps `"…," said X` as a direct quote of the person the cue names', () => {
    expect(applyRule(trailingCue, 'German Chancellor Angela Merkel met the press. "We will not give up," said Merkel.')).toEqual({
      took: true,
      kept: [{ kind: 'direct', text: 'We will not give up', speaker: 'Angela Merkel', cue: 'said', pattern: '"…," said Merkel' }],
    });
  });

  it('keeps a cue that names no one it can tell as unattributed, never a guess', () => {
    const { kept } = applyRule(trailingCue, 'Secretary of State John Kerry spoke. "It is a mistake," said one senior official.');
    expect(kept.map((q) => [q.speaker, q.pattern])).toEqual([[null, '"…," said one senior official']]);
  });

  it('reads past a party and state in brackets, or appositions, between the name and the verb', () => {
    const bracketed = applyRule(trailingCue, '"We cannot wait any longer," Rep. Jane Okafor (D-Ore.) said on Monday.');
    expect(bracketed.kept.map((q) => [q.speaker, q.cue])).toEqual([['Jane Okafor', 'said']]);
    const apposed = applyRule(
      trailingCue,
      '"It is a land grab," Tom Ferris, the attorney general of Nevada, one of the states suing, told reporters.',
    );
    expect(apposed.kept.map((q) => [q.speaker, q.cue])).toEqual([['Tom Ferris', 'told']]);
  });

  it('reads past brackets after the name that follows the verb', () => {
    const { kept } = applyRule(trailingCue, '"This is a sad day," said Rep. K.L. Marsh (D-N.C.), who chairs the caucus.');
    expect(kept.map((q) => q.speaker)).toEqual(['K.L. Marsh']);
  });

  it('reads the verbs of rallies and social media as cues', () => {
    const { kept } = applyRule(trailingCue, 'Senator Ada Moreno was online. "The polls are wrong again!" Moreno tweeted.');
    expect(kept.map((q) => [q.speaker, q.cue])).toEqual([['Ada Moreno', 'tweeted']]);
  });

  it('keeps a quote without its comma when it opens the sentence and the cue closes it', () => {
    const { kept } = applyRule(trailingCue, 'Senator Ada Moreno spoke. "The race is a battle of niches" Moreno said on Monday.');
    expect(kept.map((q) => [q.kind, q.speaker])).toEqual([['direct', 'Ada Moreno']]);
  });

  it('leaves a quote without its comma when the sentence goes on past the verb', () => {
    expect(applyRule(trailingCue, 'Senator Ada Moreno spoke. "The deal" Moreno said was dead.')).toEqual(NOTHING);
  });

  it('reads a dash before the cue', () => {
    const { kept } = applyRule(trailingCue, 'Mayor Lena Brandt spoke. "We will rebuild the bridge," — she said.');
    expect(kept.map((q) => [q.speaker, q.cue])).toEqual([['Lena Brandt', 'said']]);
  });

  it('leaves a quote that ends with a full stop and no cue after it', () => {
    expect(applyRule(trailingCue, 'German Chancellor Angela Merkel met the press. "We will not give up." Merkel left.')).toEqual(NOTHING);
  });
});

describe('signedWithDash', () => {
  it('gives a quote signed with a dash and a name ending the paragraph to that name', () => {
    const { took, kept } = applyRule(signedWithDash, '“He never listens to people like us. We deserve better.” ― Ana Ruiz.');
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.text, q.speaker, q.cue])).toEqual([
      ['direct', 'He never listens to people like us. We deserve better.', 'Ana Ruiz', '―'],
    ]);
  });

  it('leaves a dash followed by more of the sentence', () => {
    const text = 'He called it “a disgrace” — a word Ana Ruiz repeated on Monday.';
    expect(applyRule(signedWithDash, text)).toEqual(NOTHING);
  });
});

describe('titleInOpening', () => {
  it('takes a title in the phrase that opens a sentence: a name, not speech', () => {
    expect(
      applyRule(titleInOpening, 'On this weekend’s broadcast of “Morning Talk Live,” Mayor Ana Ruiz said the vote was off.').took,
    ).toBe(true);
    expect(applyRule(titleInOpening, "In her 2002 book, ''Make Your Town a Garden,'' Ruiz argued for parks.").took).toBe(true);
  });

  it('leaves a quote after a cue, and words that are no title', () => {
    expect(applyRule(titleInOpening, 'In his speech, Ruiz proclaimed a goal of "Parks For All."').took).toBe(false);
    expect(applyRule(titleInOpening, 'On Monday, "we will not give up," Ruiz said.').took).toBe(false);
  });
});

describe('isTitle', () => {
  it('is words in capitals, small words aside', () => {
    expect(isTitle('Make Your Kid a Millionaire,')).toBe(true);
    expect(isTitle('we will not give up')).toBe(false);
  });
});

describe('scareQuote', () => {
  it('takes one quoted word, or a short name in capitals, for no speech at all', () => {
    expect(applyRule(scareQuote, 'The so-called "moderate" rebels fought.').took).toBe(true);
    expect(applyRule(scareQuote, 'They fought the "Islamic State" near the border.').took).toBe(true);
  });

  it('does not take a sentence in quotation marks for a scare quote', () => {
    expect(applyRule(scareQuote, '"We will stay the course," he said.').took).toBe(false);
  });
});

describe('leadingCue', () => {
  it('keeps `X said: "…"` as a direct quote', () => {
    const { took, kept } = applyRule(leadingCue, 'French President Emmanuel Macron said: "Europe must act together."');
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.text, q.speaker, q.pattern])).toEqual([
      ['direct', 'Europe must act together.', 'Emmanuel Macron', 'French President Emmanuel Macron said: "…"'],
    ]);
  });

  it('hands a quote with words after it in the sentence to the mixed shape', () => {
    const { kept } = applyRule(leadingCue, 'Secretary of State John Kerry said "a grave mistake" had been made in Geneva.');
    expect(kept.map((q) => [q.kind, q.text])).toEqual([['mixed', '"a grave mistake" had been made in Geneva']]);
  });

  it('leaves a quote that opens its sentence', () => {
    expect(applyRule(leadingCue, 'President Emmanuel Macron left Paris. "Europe must act together."')).toEqual(NOTHING);
  });
});

describe('participleCue', () => {
  it('gives `…, saying "…"` to the subject of the sentence', () => {
    const { kept } = applyRule(participleCue, 'Foreign Minister Sergei Lavrov spoke in Geneva, saying "the talks are over for now."');
    expect(kept.map((q) => [q.speaker, q.cue, q.pattern])).toEqual([['Sergei Lavrov', 'saying', '…, saying "…"']]);
  });

  it('takes `…, asserting "…"` as a participle cue', () => {
    const { kept } = applyRule(participleCue, 'Governor Ted Albers stood firm, asserting "we pay every tax we owe."');
    expect(kept.map((q) => [q.speaker, q.cue])).toEqual([['Ted Albers', 'asserting']]);
  });

  it('leaves a quote with no participle before it', () => {
    expect(applyRule(participleCue, 'Foreign Minister Sergei Lavrov spoke in Geneva. "The talks are over for now."')).toEqual(NOTHING);
  });
});

describe('namedBeforeColon', () => {
  it('gives `X disagreed: "…"` to the person named, whatever the verb', () => {
    const { kept } = applyRule(
      namedBeforeColon,
      'Foreign Minister Sergei Lavrov replied. Lavrov disagreed: "We have the outline of a deal."',
    );
    expect(kept.map((q) => [q.speaker, q.cue, q.pattern])).toEqual([['Sergei Lavrov', 'disagreed', 'Lavrov disagreed: "…"']]);
  });

  it('does not take a thing before a colon for a speaker', () => {
    expect(applyRule(namedBeforeColon, 'Foreign Minister Sergei Lavrov replied. The plan was simple: "we wait and see."')).toEqual(NOTHING);
  });
});

describe('speakerNamedLast', () => {
  it('finds the person whose name ends a title the speaker rules do not read as a whole', () => {
    const { state } = reading('"We are ready," City Hall press officer Mara Lindqvist said.');
    const found = speakerNamedLast('City Hall press officer Mara Lindqvist', state, 10, 0);
    expect([found?.name, found?.mention]).toEqual(['Mara Lindqvist', 'City Hall press officer Mara Lindqvist']);
  });

  it('does not make a person of an organisation', () => {
    const { state } = reading('"We are ready," the town council said.');
    expect(speakerNamedLast('the town council', state, 10, 0)?.kind).not.toBe('person');
  });
});

describe('personBeforeColon', () => {
  it('gives a quote after `pollster X:` to the person named before the colon', () => {
    const { kept } = applyRule(
      personBeforeColon,
      'Dana Ortiz, a pollster, said little. The surge does not surprise pollster Dana Ortiz: "Late deciders broke one way."',
    );
    expect(kept.map((q) => [q.speaker, q.cue])).toEqual([['Dana Ortiz', ':']]);
  });

  it('does not take a place before a colon for a speaker', () => {
    expect(applyRule(personBeforeColon, 'WASHINGTON: "The vote is close," an aide said.')).toEqual(NOTHING);
  });
});
