import { describe, expect, it } from 'vitest';
import {
  introducedInParagraphBefore,
  quoteLeftOpen,
  quoteOverParagraphs,
  someoneElseNamedBefore,
  speakerOfQuoteBefore,
  splitQuote,
} from '../../../src/nlp/quotes/continued.ts';
import { trailingCue } from '../../../src/nlp/quotes/direct.ts';
import { findQuotes } from '../../../src/nlp/quotes/index.ts';

const lines = (text: string) => text.split('\n').map((t) => ({ text: t }));
import { quoteAt } from '../../../src/nlp/quotes/state.ts';
import { applyRule, kept, lastSpoke, quotation, reading } from './fixtures.ts';

/** Reads the first quotation of the last paragraph with `trailingCue`, and gives the second to a test. */
function secondHalf(text: string) {
  const { state, para, quote } = quotation(text, 0);
  expect(trailingCue(state, para, quote)).toBe(true);
  return { state, para, quote: quoteAt(para, para.spans[1]!, 1) };
}

describe('splitQuote', () => {
  it('joins `"…," X said. "…"` into one quote', () => {
    const { state, para, quote } = secondHalf('"The door stays open," Baerbock said. "But the terms are ours."');
    expect(splitQuote(state, para, quote)).toBe(true);
    expect(kept(para)).toEqual([
      {
        kind: 'direct',
        text: 'The door stays open … But the terms are ours.',
        speaker: 'Baerbock',
        cue: 'said',
        pattern: '"…," Baerbock said "…"',
      },
    ]);
  });

  it('joins `"…," said X, an appositive, "…"` around a long cue in one sentence, its span covering both pieces', () => {
    const text = '"The door stays open," said Annalena Baerbock, the German foreign minister, "but the terms are ours."';
    const { state, para, quote } = secondHalf(text);
    expect(splitQuote(state, para, quote)).toBe(true);
    expect(para.drafts.map((d) => [d.text, text.slice(...d.span)])).toEqual([
      ['The door stays open … but the terms are ours.', text.slice(1, -1)],
    ]);
  });

  it('looks past a short title quoted in the cue between the pieces', () => {
    const text = '"It is too early," said Ana Ruiz, who hosts "Morning Talk." "We will know in May."';
    const { state, para, quote: title } = secondHalf(text);
    expect(splitQuote(state, para, title)).toBe(false);
    expect(splitQuote(state, para, quoteAt(para, para.spans[2]!, 2))).toBe(true);
    expect(para.drafts.map((d) => d.text)).toEqual(['It is too early … We will know in May.']);
  });

  it('does not join a second piece with a cue of its own between them', () => {
    const { state, para, quote } = secondHalf('"The door stays open," Baerbock said, adding: "the terms are ours."');
    expect(splitQuote(state, para, quote)).toBe(false);
  });

  it('does not join a quotation in the sentence after next', () => {
    const { state, para, quote } = secondHalf('"The door stays open," Baerbock said. Then she left. "The terms are ours."');
    expect(splitQuote(state, para, quote)).toBe(false);
  });

  it('does not join a quote with its own words before it', () => {
    const { state, para, quote } = secondHalf('"The door stays open," Baerbock said. She added "but the terms are ours."');
    expect(splitQuote(state, para, quote)).toBe(false);
    expect(para.drafts.map((d) => d.text)).toEqual(['The door stays open']);
  });
});

describe('introducedInParagraphBefore', () => {
  it('gives a quote opening a paragraph to whoever the paragraph before introduced', () => {
    const { took, kept } = applyRule(
      introducedInParagraphBefore,
      'Foreign Minister Sergei Lavrov spoke on Monday. Sputnik reports Lavrov saying the following:\n"We will not leave Syria."',
    );
    expect(took).toBe(true);
    expect(kept.map((q) => [q.text, q.speaker, q.pattern])).toEqual([
      ['We will not leave Syria.', 'Sergei Lavrov', 'introduced at the end of the paragraph before'],
    ]);
  });

  it('does not look back past a paragraph that ends with a full stop', () => {
    const { state, para, quote } = quotation(
      'Foreign Minister Sergei Lavrov spoke on Monday. Sputnik reports Lavrov saying so.\n"We will not leave Syria."',
    );
    expect(introducedInParagraphBefore(state, para, quote)).toBe(false);
    expect(para.drafts).toHaveLength(0);
  });
});

describe('quoteOverParagraphs', () => {
  const open = () => ({
    paragraph: 0,
    kind: 'direct' as const,
    text: 'We will stay the course.',
    span: [1, 25] as [number, number],
    sentence: '',
    speaker: { mention: 'he', name: null, members: [], kind: 'unknown' as const, status: 'unattributed' as const, role: null },
    cue: 'told',
    pattern: '',
    confidence: 0.3,
  });

  it('adds a paragraph that opens with a quotation to the quote left open before it', () => {
    const { state, para, quote } = quotation('The minister spoke: "We will stay the course.\n"And we will win the war."');
    state.pendingOpen = open();
    expect(quoteOverParagraphs(state, para, quote)).toBe(true);
    expect(state.pendingOpen).toMatchObject({ text: 'We will stay the course. And we will win the war.', lastParagraph: 1 });
  });

  it('keeps each paragraph’s piece with its own offsets and words', () => {
    const { state, para, quote } = quotation('The minister spoke: "We will stay the course.\n"And we will win the war."');
    state.pendingOpen = open();
    quoteOverParagraphs(state, para, quote);
    expect(state.pendingOpen.parts).toEqual([
      { paragraph: 0, start: 1, end: 25, text: 'We will stay the course.' },
      { paragraph: 1, start: 1, end: 25, text: 'And we will win the war.' },
    ]);
    expect(para.text.slice(1, 25)).toBe('And we will win the war.');
  });

  it('leaves a quotation that does not open its paragraph', () => {
    const { state, para, quote } = quotation('The minister spoke: "We will stay the course.\nHe went on: "And we will win the war."');
    state.pendingOpen = open();
    expect(quoteOverParagraphs(state, para, quote)).toBe(false);
    expect(state.pendingOpen.text).toBe('We will stay the course.');
  });
});

describe('quoteLeftOpen', () => {
  const found = (text: string) => findQuotes(lines(text), null);

  it('is the quote whose quotation the paragraph leaves open, not the paragraph’s last quote', () => {
    const { para } = reading('"We will stay," Ana Ruiz said. Then: "And we');
    const quotes = [
      { paragraph: 0, span: [1, 13] as [number, number], text: 'We will stay' },
      { paragraph: 0, span: [38, 44] as [number, number], text: 'And we' },
    ];
    expect(quoteLeftOpen(para, [...quotes].reverse())).toBe(quotes[1]);
  });

  it('is null when the open quotation was taken as no quote, even if a quote stands before it', () => {
    const { para } = reading('"We will stay," Ana Ruiz said. Later, a "nice');
    expect(quoteLeftOpen(para, [{ paragraph: 0, span: [1, 13] as [number, number] }])).toBeNull();
  });

  it('is null when the paragraph’s last quotation closed', () => {
    const { para } = reading('Ana Ruiz said: "We will stay."');
    expect(quoteLeftOpen(para, [{ paragraph: 0, span: [16, 29] as [number, number] }])).toBeNull();
  });

  it('carries a quote over three paragraphs after `X said:`, one speaker for all of it', () => {
    const q = found(
      'Mayor Ana Ruiz said:\n“The bridge will reopen in May.\n“The repairs cost less than we feared.\n“Nobody will pay a toll.”',
    );
    expect(q.map((x) => [x.paragraph, x.lastParagraph, x.speaker.name, x.parts?.map((p) => [p.paragraph, p.text])])).toEqual([
      [
        1,
        3,
        'Ana Ruiz',
        [
          [1, 'The bridge will reopen in May.'],
          [2, 'The repairs cost less than we feared.'],
          [3, 'Nobody will pay a toll.'],
        ],
      ],
    ]);
  });

  it('carries on a quote whose speaker is named after its first words in the first paragraph', () => {
    const q = found('“The bridge will reopen,” Mayor Ana Ruiz said. “It will be in May.\n“Nobody will pay a toll.”');
    expect(q.map((x) => [x.paragraph, x.lastParagraph, x.text, x.speaker.name])).toEqual([
      [0, 1, 'The bridge will reopen … It will be in May. Nobody will pay a toll.', 'Ana Ruiz'],
    ]);
  });

  it('reads a transcript’s next turn as another speaker’s, though the turn before left its mark open', () => {
    const q = found('Mayor Ana Ruiz spoke to the host.\n"RUIZ: The bridge will reopen in May.\n"HOST: And the toll?');
    expect(q.map((x) => [x.paragraph, x.lastParagraph, x.text])).toEqual([[1, undefined, 'The bridge will reopen in May.']]);
  });

  it('reads a paragraph opening with a quotation after one whose quote closed as a new quote', () => {
    const q = found('Mayor Ana Ruiz said: “The bridge will reopen in May.”\n“Nobody will pay a toll.”');
    expect(q.map((x) => [x.paragraph, x.lastParagraph, x.text])).toEqual([
      [0, undefined, 'The bridge will reopen in May.'],
      [1, undefined, 'Nobody will pay a toll.'],
    ]);
  });
});

describe('speakerOfQuoteBefore', () => {
  it('gives a quote with no cue to the speaker of the quote just before', () => {
    const { state, para, quote } = quotation('Secretary of State John Kerry spoke.\n"The rest is detail."');
    lastSpoke(state, 'kerry', 0);
    expect(speakerOfQuoteBefore(state, para, quote)).toBe(true);
    expect(kept(para)).toEqual([
      { kind: 'direct', text: 'The rest is detail.', speaker: 'John Kerry', cue: '', pattern: 'no cue; the speaker of the quote before' },
    ]);
  });

  it('is ambiguous, naming both, when someone else was named after the quote before', () => {
    const q = findQuotes(
      lines('"We are close," said Secretary of State John Kerry.\nLater, Sergei Lavrov met Adel al-Jubeir. "The rest is detail."'),
      null,
    );
    expect(q[1]?.speaker).toMatchObject({ name: null, status: 'ambiguous', candidates: ['John Kerry', 'Sergei Lavrov'] });
  });

  it('still continues the speaker before past a name in passing, a topic rather than a subject', () => {
    const q = findQuotes(
      lines('"We are close," said Secretary of State John Kerry.\nIn regard to President Bashar al-Assad, there is "no consensus."'),
      null,
    );
    expect(q[1]?.speaker).toMatchObject({ name: 'John Kerry', status: 'attributed', basis: 'quote-before' });
  });

  it('never carries a quote past a description’s quotation to the person who spoke before it', () => {
    const text =
      '"We are close," said Secretary of State John Kerry.\nAs a phone rang, the announcer said, "It is 3 a.m."\n"Who do you want answering?"';
    expect(findQuotes(lines(text), null).map((q) => [q.text, q.speaker.name])).toEqual([
      ['We are close', 'John Kerry'],
      ['It is 3 a.m.', null],
    ]);
  });

  it('does not reach back more than one paragraph', () => {
    const { state, para, quote } = quotation('Secretary of State John Kerry spoke.\nThe talks went on.\n"The rest is detail."');
    lastSpoke(state, 'kerry', 0);
    expect(speakerOfQuoteBefore(state, para, quote)).toBe(false);
    expect(para.drafts).toHaveLength(0);
  });
});

describe('someoneElseNamedBefore', () => {
  const text = 'Secretary of State John Kerry met Foreign Minister Sergei Lavrov.';

  it('is true when another person is the subject of the sentence before the quote', () => {
    const { state, para, quote } = quotation(`${text}\nLavrov then added "it is over for now."`);
    lastSpoke(state, 'kerry', 0);
    expect(someoneElseNamedBefore(state, para, quote)).toBe(true);
  });

  it('is false for a name that is only the topic of the sentence', () => {
    const { state, para, quote } = quotation(`${text}\nHe spoke about Lavrov "at some length today."`);
    lastSpoke(state, 'kerry', 0);
    expect(someoneElseNamedBefore(state, para, quote)).toBe(false);
  });

  it('is false for the last speaker named again', () => {
    const { state, para, quote } = quotation(`${text}\nKerry then added "it is over for now."`);
    lastSpoke(state, 'kerry', 0);
    expect(someoneElseNamedBefore(state, para, quote)).toBe(false);
  });
});
