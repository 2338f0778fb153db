import { describe, expect, it } from 'vitest';
import { mixedAfterLeadingCue, mixedBeforeTrailingCue, mixedQuote } from '../../../src/nlp/quotes/mixed.ts';
import { nobody } from '../../../src/nlp/quotes/speaker.ts';
import { applyRule, kept, quotation } from './fixtures.ts';

describe('mixedBeforeTrailingCue', () => {
  it('keeps the sentence up to the quote, with its cue after it, as a mixed quote', () => {
    const { state, para, quote } = quotation('The talks were "going nowhere," Kerry said.');
    mixedBeforeTrailingCue(state, para, quote, nobody('Kerry'), 'Kerry', 'said');
    expect(kept(para)).toEqual([
      { kind: 'mixed', text: 'The talks were "going nowhere,"', speaker: null, cue: 'said', pattern: '… "…", Kerry said' },
    ]);
    expect(para.drafts[0]?.span).toEqual([0, 31]);
  });

  it('drops a connective that opens the sentence', () => {
    const { state, para, quote } = quotation('But the talks were "going nowhere," Kerry said.');
    mixedBeforeTrailingCue(state, para, quote, nobody('Kerry'), 'Kerry', 'said');
    expect(para.drafts.map((d) => d.text)).toEqual(['the talks were "going nowhere,"']);
  });
});

describe('mixedAfterLeadingCue', () => {
  const text = 'Kerry said "a grave mistake" had been made in Geneva.';

  it('keeps the quote and the words after it in its sentence as a mixed quote', () => {
    const { state, para, quote } = quotation(text);
    expect(mixedAfterLeadingCue(state, para, quote, { np: 'Kerry', verb: 'said', from: 11 }, nobody('Kerry'))).toBe(true);
    expect(kept(para)).toEqual([
      { kind: 'mixed', text: '"a grave mistake" had been made in Geneva', speaker: null, cue: 'said', pattern: 'Kerry said "…" …' },
    ]);
  });

  it('leaves a quote whose words after it are another cue', () => {
    const { state, para, quote } = quotation('Kerry said "we are close," adding nothing more.');
    expect(mixedAfterLeadingCue(state, para, quote, { np: 'Kerry', verb: 'said', from: 11 }, nobody('Kerry'))).toBe(false);
    expect(para.drafts).toHaveLength(0);
  });
});

describe('mixedQuote', () => {
  it('keeps reported speech with a quoted part, from its cue to the end of the sentence', () => {
    const { took, kept } = applyRule(
      mixedQuote,
      'UN spokesman Stephane Dujarric spoke.\nDujarric insisted the blockade was "a violation of every agreement we have" and called for access.',
    );
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.text, q.speaker, q.pattern])).toEqual([
      [
        'mixed',
        'the blockade was "a violation of every agreement we have" and called for access',
        'Stephane Dujarric',
        'Dujarric insisted … "…"',
      ],
    ]);
  });

  it('takes in the later quotations of the sentence, so no rule reads them again', () => {
    const { state, para, quote } = quotation('Kerry said the plan was "dead" and the talks "going nowhere at all" now.');
    expect(mixedQuote(state, para, quote)).toBe(true);
    expect([...para.consumed]).toEqual([0, 1]);
  });

  it('reads `X reports that … "…"` as X’s report, not a relay of whoever comes after "that"', () => {
    const { kept } = applyRule(mixedQuote, 'The Daily Courier reports that the mayor is hiding "the real cost of the bridge" from voters.');
    expect(kept.map((q) => [q.speaker, q.text])).toEqual([
      ['Daily Courier', 'the mayor is hiding "the real cost of the bridge" from voters'],
    ]);
  });

  it('reads a framing verb before a quoted fragment: `X called Y a "…"`', () => {
    const { kept } = applyRule(mixedQuote, 'Mayor Ana Ruiz spoke.\nRuiz called the council vote "a betrayal of the valley" on Monday.');
    expect(kept.map((q) => [q.speaker, q.text, q.pattern])).toEqual([
      ['Ana Ruiz', 'the council vote "a betrayal of the valley" on Monday', 'Ruiz called … "…"'],
    ]);
  });

  it('reads past an apposition, and starts at "that" after an adverbial', () => {
    const { kept } = applyRule(
      mixedQuote,
      'Mayor Ana Ruiz spoke.\nRuiz, who has led the town for a decade, said on Friday that the vote was "a betrayal".',
    );
    expect(kept.map((q) => [q.speaker, q.text])).toEqual([['Ana Ruiz', 'the vote was "a betrayal"']]);
  });

  it('gives a participle cue without a subject to the subject the sentence opens with', () => {
    const { kept } = applyRule(
      mixedQuote,
      'Mayor Ana Ruiz and Judge Tom Hale spoke.\nRuiz attacked Hale on Friday, saying his ruling was "a betrayal of the valley".',
    );
    expect(kept.map((q) => [q.speaker, q.text])).toEqual([['Ana Ruiz', 'his ruling was "a betrayal of the valley"']]);
  });

  it('leaves a quote with no reporting cue before it in the sentence', () => {
    expect(applyRule(mixedQuote, 'The blockade was "a violation of every agreement we have" in March.')).toEqual({ took: false, kept: [] });
  });
});
