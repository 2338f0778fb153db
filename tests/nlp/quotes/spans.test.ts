import { describe, expect, it } from 'vitest';
import {
  doubleApostrophes,
  flanks,
  innerSpan,
  nestedSpans,
  quoteSpans,
  singleQuoteSpans,
  sentenceBounds,
  sentenceOf,
  spansInOrder,
} from '../../../src/nlp/quotes/spans.ts';
import { QUOTE_MARK } from '../../../src/nlp/quotes/grammar.ts';

const contents = (text: string) => quoteSpans(text).map((s) => [s.content, s.closed]);
const marksOf = (text: string) => [...text].flatMap((c, i) => (/["“”]/.test(c) ? [i] : []));

describe('flanks', () => {
  it('opens a straight mark before a word and closes one after it', () => {
    expect(flanks('say "yes" now', 4)).toEqual({ opens: true, closes: false, leftFlank: true });
    expect(flanks('say "yes" now', 8)).toEqual({ opens: false, closes: true, leftFlank: false });
  });

  it('never opens with a closing curly mark', () => {
    expect(flanks('say ”yes', 4).opens).toBe(false);
  });
});

describe('quoteSpans', () => {
  it('finds the outermost quotations, with a quote inside a quote part of the outer one', () => {
    expect(contents('He said "we call them "rebels" here" and left.')).toEqual([['we call them "rebels" here', true]]);
  });

  it('pairs mixed straight and curly marks, and runs an unclosed quote to the paragraph end', () => {
    expect(contents('“We will stay," he said. "And win')).toEqual([
      ['We will stay,', true],
      ['And win', false],
    ]);
  });

  it('closes a quotation at an opening curly mark set after the words', () => {
    expect(contents('“It is odd,“ said Noble. “Very odd.”')).toEqual([
      ['It is odd,', true],
      ['Very odd.', true],
    ]);
  });

  it('finds none in text without quotation marks', () => {
    expect(quoteSpans('He said we would win.')).toEqual([]);
  });
});

describe('doubleApostrophes', () => {
  it('finds two apostrophes as one mark, and a lone apostrophe as none', () => {
    expect(doubleApostrophes("''It isn't over,'' she said.")).toEqual([0, 16]);
  });
});

describe('two apostrophes as quotation marks', () => {
  it("reads ''…'' as one quotation, an apostrophe inside it part of the words", () => {
    const text = "''We can't wait,'' said the mayor. ''Not now.''";
    expect(contents(text)).toEqual([
      ["We can't wait,", true],
      ['Not now.', true],
    ]);
    const [first] = quoteSpans(text);
    expect(first && text.slice(...innerSpan(text, first))).toBe("We can't wait,");
  });

  it('leaves a possessive apostrophe alone', () => {
    expect(quoteSpans("The players' union met.")).toEqual([]);
  });
});

describe('nestedSpans', () => {
  it('pairs marks as they nest', () => {
    const text = 'He said "a "b" c" then.';
    expect(nestedSpans(text, marksOf(text))?.map((s) => s.content)).toEqual(['a "b" c']);
  });

  it('gives up (null) when more than one mark is left open', () => {
    const text = 'He said "a "b c';
    expect(nestedSpans(text, marksOf(text))).toBeNull();
  });
});

describe('spansInOrder', () => {
  it('pairs each opening mark with the next closing one, a later opening mark starting afresh', () => {
    const text = 'He said "a "b c" d.';
    expect(spansInOrder(text, marksOf(text)).map((s) => s.content)).toEqual(['b c']);
  });

  it('pairs nothing without marks', () => {
    expect(spansInOrder('no marks', [])).toEqual([]);
  });
});

describe('sentenceBounds', () => {
  it('gives the offset of each sentence, the first at 0', () => {
    expect(sentenceBounds('Kerry arrived. Lavrov left.')).toEqual([0, 15]);
  });

  it('does not cut after an abbreviation', () => {
    expect(sentenceBounds('Mr. Kerry arrived.')).toEqual([0]);
  });
});

describe('sentenceOf', () => {
  it('gives the sentence an offset stands in', () => {
    expect(sentenceOf([0, 15, 30], 40, 20)).toEqual([15, 30]);
  });

  it('runs the last sentence to the paragraph end', () => {
    expect(sentenceOf([0, 15], 40, 20)).toEqual([15, 40]);
  });
});

describe('singleQuoteSpans', () => {
  it('finds single-quoted speech before a cue, apostrophes inside it kept', () => {
    expect(singleQuoteSpans("'Nobody's perfect,' said Ruiz.").map((s) => s.content)).toEqual(["Nobody's perfect,"]);
    expect(singleQuoteSpans('Ruiz spoke. ‘We will not give up,’ she said.').map((s) => s.content)).toEqual(['We will not give up,']);
  });

  it('finds single-quoted words before the agent of a passive cue', () => {
    expect(singleQuoteSpans("The plan was described as 'a disgrace' by Ruiz.").map((s) => s.content)).toEqual(['a disgrace']);
  });

  it('leaves apostrophes that are only apostrophes', () => {
    expect(singleQuoteSpans("It's the voters' choice, and the '90s were good, Ruiz said.")).toEqual([]);
  });
});

describe('quoteSpans with single quotation marks', () => {
  it('adds single-quoted speech outside the double quotation marks, in order', () => {
    expect(quoteSpans('"We are close," Kerry said. \'It is done,\' said Lavrov.').map((s) => s.content)).toEqual([
      'We are close,',
      'It is done,',
    ]);
  });
});

describe('quoteSpans read again', () => {
  it('finds the marks QUOTE_MARK matches, and no other', () => {
    const marks: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) if (QUOTE_MARK.test(String.fromCharCode(code))) marks.push(String.fromCharCode(code));
    expect(marks).toEqual(['"', '“', '”']);
    for (const mark of marks) expect(quoteSpans(`He said ${mark}no${mark === '“' ? '”' : mark} and left.`), mark).toHaveLength(1);
  });

  it('gives each call its own copies of the same quotations', () => {
    const text = 'He said "we will win" and "we will stay" before he left.';
    const first = quoteSpans(text);
    (first[0] as { content: string }).content = 'changed';
    first.pop();
    expect(quoteSpans(text)).toEqual([
      { open: 8, close: 21, content: 'we will win', closed: true },
      { open: 26, close: 40, content: 'we will stay', closed: true },
    ]);
    expect(quoteSpans('Another "one" here.')).toHaveLength(1);
    expect(quoteSpans(text)).toHaveLength(2);
  });
});
