import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';
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
