import { describe, expect, it } from 'vitest';
import { attributionSpans, nearestOccurrence } from '../../../src/nlp/quotes/locate.ts';

const at = (text: string, words: string): [number, number] => [text.indexOf(words), text.indexOf(words) + words.length];

describe('where a quote’s speaker and cue stand', () => {
  const text = 'Kerry met Lavrov. "We are close," Kerry said, and Kerry left.';
  const span = at(text, 'We are close,');

  it('takes the mention nearest the quote, outside it, and the cue nearest the mention', () => {
    const s = attributionSpans(text, { span, speaker: { mention: 'Kerry' }, cue: 'said' });
    expect(s).toEqual({ speakerSpan: [34, 39], cueSpan: [40, 44] });
    expect(text.slice(...(s.speakerSpan as [number, number]))).toBe('Kerry');
  });

  it('matches whole words only, and never inside the quotation', () => {
    expect(nearestOccurrence('"He said he would," Heather said.', 'he', [0, 18], [[1, 17]])).toBeNull();
  });

  it('finds the speaker and cue of a direct quote split around them, between its pieces', () => {
    const split = '"We are close," Kerry said, "and we will finish."';
    const s = attributionSpans(split, { kind: 'direct', span: [1, split.length - 1], speaker: { mention: 'Kerry' }, cue: 'said' });
    expect(s).toEqual({ speakerSpan: at(split, 'Kerry'), cueSpan: at(split, 'said') });
  });

  it('leaves out a placeholder mention and an empty cue', () => {
    expect(attributionSpans(text, { span, speaker: { mention: '(the speaker of the quote before)' }, cue: '' })).toEqual({});
  });
});
