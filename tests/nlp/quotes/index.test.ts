import { describe, expect, it } from 'vitest';
import {
  QUOTE_RULES,
  findQuotes,
  markQuotedMentions,
  readParagraph,
  registerMentions,
  transcriptLabel,
} from '../../../src/nlp/quotes/index.ts';
import { titleInOpening } from '../../../src/nlp/quotes/direct.ts';
import { speakerOfQuoteBefore } from '../../../src/nlp/quotes/continued.ts';
import { speakerInHeadline } from '../../../src/nlp/quotes/headline.ts';
import { newArticleState } from '../../../src/nlp/quotes/state.ts';
import { reading } from './fixtures.ts';

describe('findQuotes', () => {
  it('keeps a quote left open at a paragraph’s end, and adds the next paragraph to it', () => {
    const q = findQuotes([{ text: 'Secretary of State John Kerry told reporters: "We will stay.' }, { text: '"And we will win."' }], null);
    expect(q.map((x) => [x.paragraph, x.lastParagraph, x.text, x.speaker.name])).toEqual([
      [0, 1, 'We will stay. And we will win.', 'John Kerry'],
    ]);
  });

  it('finds nothing in an article without speech', () => {
    expect(findQuotes([{ text: 'The convoy reached Aleppo on Monday.' }], null)).toEqual([]);
  });
});

describe('QUOTE_RULES', () => {
  it('tries a cue after the quote first, then the speaker before, and the headline’s speaker last', () => {
    expect(QUOTE_RULES[0]).toBe(titleInOpening);
    expect(QUOTE_RULES.slice(-2)).toEqual([speakerOfQuoteBefore, speakerInHeadline]);
  });
});

describe('readParagraph', () => {
  it('registers the paragraph’s people and finds its sentences and quotations', () => {
    const state = newArticleState(null);
    const para = readParagraph(state, 'Secretary of State John Kerry arrived. "We are close," he said.', '', 2);
    expect([...state.people.keys()]).toEqual(['kerry']);
    expect(para).toMatchObject({ index: 2, base: 2_000_000, sentenceStarts: [0, 39], drafts: [], used: [] });
    expect(para.spans.map((s) => s.content)).toEqual(['We are close,']);
  });
});

describe('registerMentions', () => {
  it('counts a bare surname of someone already named as a mention', () => {
    const state = newArticleState(null);
    registerMentions(state, 'Secretary of State John Kerry arrived.', 0);
    registerMentions(state, 'Kerry left.', 1_000_000);
    // The full name counts once (its surname inside it is not a second mention).
    expect(state.mentions.map((m) => [m.person.name, m.at])).toEqual([
      ['John Kerry', 19],
      ['John Kerry', 1_000_000],
    ]);
  });

  it('does not count a capitalised word that is no one’s surname', () => {
    const state = newArticleState(null);
    registerMentions(state, 'Geneva was cold.', 0);
    expect(state.mentions).toEqual([]);
  });
});

describe('markQuotedMentions', () => {
  it('marks the mentions inside a quotation of the paragraph', () => {
    const state = newArticleState(null);
    const text = 'Kerry said "Foreign Minister Sergei Lavrov agrees."';
    registerMentions(state, text, 0);
    markQuotedMentions(state, [{ open: 11, close: text.length, content: '', closed: true }], 0);
    expect(state.mentions.map((m) => [m.person.name, m.inQuote])).toEqual([['Sergei Lavrov', true]]);
  });

  it('leaves the mentions of earlier paragraphs alone', () => {
    const state = newArticleState(null);
    registerMentions(state, 'Foreign Minister Sergei Lavrov arrived.', 0);
    markQuotedMentions(state, [{ open: 0, close: 100, content: '', closed: true }], 1_000_000);
    expect(state.mentions.map((m) => m.inQuote)).toEqual([false]);
  });
});

describe('transcriptLabel', () => {
  it('gives the words after a person’s name in capitals to that person, quotations and all', () => {
    const { state, para } = reading(
      'Mayor Ana Ruiz spoke to the host.\n"RUIZ: Well, look, it is not an episode of “Shark Tank.” It is serious.',
    );
    expect(transcriptLabel(state, para)).toBe(true);
    expect(para.drafts.map((d) => [d.kind, d.speaker.name, d.text, d.cue])).toEqual([
      ['direct', 'Ana Ruiz', 'Well, look, it is not an episode of “Shark Tank.” It is serious.', ':'],
    ]);
    expect([...para.consumed]).toEqual([0]);
  });

  it('reads a first and last name in capitals as a new person', () => {
    const { state, para } = reading('The show aired.\nKATE BOULDUAN: Why not debate?');
    expect(transcriptLabel(state, para)).toBe(true);
    expect(para.drafts[0]?.speaker.name).toBe('Kate Boulduan');
  });

  it('leaves a heading in capitals that names no one', () => {
    const { state, para } = reading('The show aired.\nUPDATE: the show was cut short.');
    expect(transcriptLabel(state, para)).toBe(false);
    expect(para.drafts).toHaveLength(0);
  });
});
