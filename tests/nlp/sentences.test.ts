import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, runOnPieces, splitSentences } from '../../src/nlp/sentences.ts';
import { cleanSpan } from '../../src/nlp/text.ts';

const split = (text: string): string[] => splitSentences(cleanSpan(text, { start: 0, end: text.length })).map((s) => s.text);

describe('splitSentences', () => {
  it('does not end a sentence at U.S., Dec., Mr. or Sen.', () => {
    expect(split('U.S. Secretary of State John Kerry met Mr. Lavrov on Dec. 15 in Moscow. Sen. John McCain objected.')).toEqual([
      'U.S. Secretary of State John Kerry met Mr. Lavrov on Dec. 15 in Moscow.',
      'Sen. John McCain objected.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(split('He said, "I look forward to it." Then he left.')).toEqual(['He said, "I look forward to it."', 'Then he left.']);
    expect(split('“We support the idea,” Lavrov said. “This Friday.”')).toEqual(['“We support the idea,” Lavrov said.', '“This Friday.”']);
  });

  it('splits two sentences a page dump glued together', () => {
    expect(split('Syrians will choose their own leader.After a three-hour meeting, they left.')).toEqual([
      'Syrians will choose their own leader.',
      'After a three-hour meeting, they left.',
    ]);
  });

  it('does not split before a lower-case word or inside an ellipsis', () => {
    expect(split('The U.N. envoy spoke. It was the U.S. envoy who left… then came back.')).toEqual([
      'The U.N. envoy spoke.',
      'It was the U.S. envoy who left… then came back.',
    ]);
  });

  it('keeps file offsets through removed markup and folded white space', () => {
    const raw = 'Intro.\n\nA <u>linked</u>\n  phrase here. **Bold** end.';
    const spans = splitSentences(cleanSpan(raw, { start: 8, end: raw.length }));
    expect(spans.map((s) => s.text)).toEqual(['A linked phrase here.', 'Bold end.']);
    expect(raw.slice(spans[0]?.start, spans[0]?.end)).toBe('A <u>linked</u>\n  phrase here.');
    const second = spans[1];
    expect(second && cleanSpan(raw, second).text).toBe('Bold end.');
  });
});

describe('runOnPieces', () => {
  it('keeps a sentence within the limit whole', () => {
    expect(runOnPieces('Kerry met Lavrov.', 0, 17, 40)).toEqual([[0, 17]]);
  });

  it('cuts text that runs on after a clause mark in the second half of each piece, without the spaces', () => {
    const text = 'aaaa bbbb cccc, dddd eeee ffff; gggg hhhh iiii';
    const pieces = runOnPieces(text, 0, text.length, 20);
    expect(pieces.map(([a, b]) => text.slice(a, b))).toEqual(['aaaa bbbb cccc,', 'dddd eeee ffff;', 'gggg hhhh iiii']);
  });

  it('cuts at a space when there is no clause mark, and inside a word only when there is no space', () => {
    expect(runOnPieces('one two three four five', 0, 23, 10).map(([a, b]) => 'one two three four five'.slice(a, b))).toEqual([
      'one two',
      'three',
      'four five',
    ]);
    expect(runOnPieces('x'.repeat(25), 0, 25, 10)).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
  });

  it('bounds every sentence of a paragraph that never ends, with offsets into the file', () => {
    const raw = `${'Kerry said on Monday that the talks would go on, and officials told reporters that '.repeat(200)}end`;
    const sentences = splitSentences(cleanSpan(raw, { start: 0, end: raw.length }));
    expect(sentences.length).toBeGreaterThan(raw.length / MAX_SENTENCE_CHARS);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(raw.slice(s.start, s.end)).toBe(s.text);
    }
    expect(sentences.map((s) => s.text).join(' ')).toBe(raw);
  });
});
