import { describe, expect, it } from 'vitest';
import {
  agrees,
  framedCue,
  framedQuote,
  isFragment,
  mixedAfterLeadingCue,
  mixedBeforeTrailingCue,
  mixedQuote,
  nounCue,
  passiveAgent,
  readAsIndirect,
  reportedClause,
  reportedFragment,
  relativeAntecedent,
} from '../../../src/nlp/quotes/mixed.ts';
import { nobody } from '../../../src/nlp/quotes/speaker.ts';
import { applyRule, kept, quotation, reading } from './fixtures.ts';

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
  it('keeps reported speech with a quoted part, from its cue to the end of its report', () => {
    const { took, kept } = applyRule(
      mixedQuote,
      'UN spokesman Stephane Dujarric spoke.\nDujarric insisted the blockade was "a violation of every agreement we have" and called for access.',
    );
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.text, q.speaker, q.pattern])).toEqual([
      ['mixed', 'the blockade was "a violation of every agreement we have"', 'Stephane Dujarric', 'Dujarric insisted … "…"'],
    ]);
  });

  it('takes in the later quotations of the sentence, so no rule reads them again', () => {
    const { state, para, quote } = quotation('Kerry said the plan was "dead" and the talks "going nowhere at all" now.');
    expect(mixedQuote(state, para, quote)).toBe(true);
    expect([...para.consumed]).toEqual([0, 1]);
  });

  it('ends the report where a participle cue opens another, whose quotation it leaves', () => {
    const { state, para, quote } = quotation(
      'Kerry said the plan was "dead on arrival," adding that the talks were "going nowhere at all."',
    );
    expect(mixedQuote(state, para, quote)).toBe(true);
    expect(para.drafts.map((d) => d.text)).toEqual(['the plan was "dead on arrival,"']);
    expect([...para.consumed]).toEqual([0]);
  });

  it('ends the report where a second verb of saying opens another', () => {
    const { state, para, quote } = quotation(
      'Kerry said the steps were "robust and overdue," and he urged Lavrov to resume the "frozen talks."',
    );
    expect(mixedQuote(state, para, quote)).toBe(true);
    expect(para.drafts.map((d) => d.text)).toEqual(['the steps were "robust and overdue,"']);
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

describe('isFragment', () => {
  it('is a word, or a short name in capitals', () => {
    expect(isFragment('deplorables.')).toBe(true);
    expect(isFragment('Islamic State')).toBe(true);
    expect(isFragment('a betrayal')).toBe(false);
  });
});

describe('readAsIndirect', () => {
  it('is true for a clause of indirect speech that quotes only a term', () => {
    const { para, quote } = quotation('Russia says it is fighting "Islamic State" and other groups.');
    expect(readAsIndirect(para, quote)).toBe(true);
  });

  it('is false when no indirect rule reads the clause', () => {
    const { para, quote } = quotation('Clinton called half of his supporters "deplorables."');
    expect(readAsIndirect(para, quote)).toBe(false);
  });
});

describe('reportedFragment', () => {
  it('keeps a one-word quote in a reported sentence as the speaker’s word, the sentence as a mixed quote', () => {
    const { took, kept } = applyRule(reportedFragment, 'Hillary Clinton spoke.\nClinton called half of his supporters "deplorables."');
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.speaker, q.text])).toEqual([['mixed', 'Hillary Clinton', 'half of his supporters "deplorables."']]);
  });

  it('leaves a scare quote of the writer’s, with no speaker in its sentence', () => {
    expect(applyRule(reportedFragment, 'The so-called "moderate" rebels crossed the river.')).toEqual({ took: false, kept: [] });
  });

  it('leaves a longer quotation to the other rules', () => {
    expect(applyRule(reportedFragment, 'Hillary Clinton spoke.\nClinton called it "a basket of deplorables" today.').took).toBe(false);
  });
});

describe('framedCue', () => {
  it('finds the framing verb nearest the quote whose subject is a speaker, past an adverb', () => {
    const { state, para, quote } = quotation(
      'Mayor Ana Ruiz spoke.\nIn July, Ruiz cynically dismissed the valley as being in the "suburbs of the capital."',
    );
    expect(framedCue(state, para, quote)).toMatchObject({ verb: 'dismissed', np: 'Ruiz', speaker: { name: 'Ana Ruiz' } });
  });

  it('reads the reporting verbs too, after another clause', () => {
    const { state, para, quote } = quotation(
      'Mayor Ana Ruiz spoke.\nRuiz said she owned no jet, but agreed that it had "promotional value."',
    );
    expect(framedCue(state, para, quote)).toMatchObject({ verb: 'agreed', speaker: { name: 'Ana Ruiz' } });
  });

  it('gives an infinitive the subject of its sentence', () => {
    const { state, para, quote } = quotation(
      'Donald Trump spoke.\nTrump took to Twitter to accuse the campaign of being "duped by a con."',
    );
    expect(framedCue(state, para, quote)).toMatchObject({ verb: 'accuse', np: undefined, speaker: { name: 'Donald Trump' } });
  });

  it('gives an infinitive no one merely named before its sentence', () => {
    const { state, para, quote } = quotation(
      'Mayor Ana Ruiz spoke.\nWhat we said was that voters want to maintain the "independent" council of the valley.',
    );
    expect(framedCue(state, para, quote)).toBeNull();
  });

  it('does not read a verb inside an earlier quotation', () => {
    const { state, para, quote } = quotation('"They called it off," the weather was "far too cold to go on."', 1);
    expect(framedCue(state, para, quote)).toBeNull();
  });
});

describe('framedQuote', () => {
  it('keeps the clause from the verb to the sentence end as a mixed quote', () => {
    const { took, kept } = applyRule(
      framedQuote,
      'Judge Tom Hale spoke.\nHale described the mayor as "a disgrace to the office" on the radio.',
    );
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.speaker, q.cue, q.text])).toEqual([
      ['mixed', 'Judge Tom Hale', 'described', 'the mayor as "a disgrace to the office" on the radio'],
    ]);
  });

  it('leaves a quotation with no framing verb before it', () => {
    expect(applyRule(framedQuote, 'The storm was "far too cold to go on" in March.').took).toBe(false);
  });
});

describe('reportedClause', () => {
  it('reads a sentence with a quotation and its cue at the end as a mixed quote', () => {
    const { took, kept } = applyRule(
      reportedClause,
      'Mayor Ana Ruiz spoke.\nA cashier who "steals a handful of coins" is held to account, Ruiz said.',
    );
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.speaker, q.cue, q.text])).toEqual([
      ['mixed', 'Ana Ruiz', 'said', 'A cashier who "steals a handful of coins" is held to account'],
    ]);
  });

  it('leaves a quotation in a sentence that reports no one', () => {
    expect(applyRule(reportedClause, 'A cashier who "steals a handful of coins" is held to account.').took).toBe(false);
  });
});

describe('framedCue, subjects', () => {
  it('gives a verb joined to the one before it the subject of the sentence', () => {
    const { state, para, quote } = quotation('Mayor Ana Ruiz spoke.\nRuiz mocked her rivals and called the plan "a fraud on the valley."');
    expect(framedCue(state, para, quote)).toMatchObject({ verb: 'called', np: undefined, speaker: { name: 'Ana Ruiz' } });
  });

  it('reads a relative "who" as the name before it', () => {
    const { state, para, quote } = quotation('Mayor Ana Ruiz spoke.\nIt began with Ruiz, who in May vowed "to fight it to the end."');
    expect(framedCue(state, para, quote)).toMatchObject({ verb: 'vowed', np: 'who', speaker: { name: 'Ana Ruiz' } });
  });
});

describe('relativeAntecedent', () => {
  it('is the person named before "who", past an apposition', () => {
    const { state } = reading('Mayor Ana Ruiz spoke.');
    expect(relativeAntecedent('who', 'He met Ruiz, the mayor, who ', state, 2_000_000, 2)?.name).toBe('Ana Ruiz');
  });

  it('is null for any other subject', () => {
    const { state } = reading('Mayor Ana Ruiz spoke.');
    expect(relativeAntecedent('Ruiz', 'He met Ruiz ', state, 2_000_000, 2)).toBeNull();
  });
});

describe('nounCue', () => {
  it('reads a noun of saying owned by a speaker as the cue, the owner as the speaker', () => {
    const { state, para, quote } = quotation(
      'Mayor Ana Ruiz spoke.\nRuiz’s repeated claim that the bridge was "falling into the river" went unanswered.',
    );
    expect(nounCue(state, para, quote)).toMatchObject({ verb: 'claim', speaker: { name: 'Ana Ruiz' } });
  });

  it('reads a possessive pronoun as the person it stands for', () => {
    const { state, para, quote } = quotation(
      'Mayor Ana Ruiz spoke.\nContrary to her claim that people would "learn nothing," the files were opened.',
    );
    expect(nounCue(state, para, quote)?.speaker.name).toBe('Ana Ruiz');
  });

  it('is null without a noun of saying', () => {
    const { state, para, quote } = quotation('Mayor Ana Ruiz spoke.\nRuiz’s bridge was "falling into the river" by May.');
    expect(nounCue(state, para, quote)).toBeNull();
  });
});

describe('passiveAgent', () => {
  it('gives a quote framed by a passive verb to the agent after it', () => {
    const { took, kept } = applyRule(passiveAgent, "Mayor Ana Ruiz spoke.\nThe plan was described as 'reckless' by Ruiz on Monday.");
    expect(took).toBe(true);
    expect(kept.map((q) => [q.kind, q.speaker, q.cue, q.text])).toEqual([
      ['mixed', 'Ana Ruiz', 'described', "The plan was described as 'reckless'"],
    ]);
  });

  it('leaves "by" after a quotation with no framing verb before it', () => {
    expect(applyRule(passiveAgent, 'Mayor Ana Ruiz spoke.\nThe bridge was built by "the best crew around" by May.').took).toBe(false);
  });
});

describe('agrees', () => {
  it('takes a name or a description with any form', () => {
    expect(agrees('Ruiz', 'calls')).toBe(true);
    expect(agrees('the officials', 'say')).toBe(true);
    expect(agrees('experts', 'say')).toBe(true);
  });

  it('refuses a possessive, and a bare plural with a verb in -s', () => {
    expect(agrees('called Mr. Obama’s', 'remarks')).toBe(false);
    expect(agrees('protests', 'demands')).toBe(false);
  });
});
