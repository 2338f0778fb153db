import { describe, expect, it } from 'vitest';
import {
  accordingToLead,
  accordingToTail,
  type IndirectMatch,
  type IndirectSentence,
  indirectIn,
  indirectSentence,
  indirectSpeaker,
  indirectSpeech,
  invertedCue,
  isReportedClause,
  otherSpeakerReport,
  parentheticalCue,
  participleLead,
  participleAfter,
  participleTail,
  subjectVerb,
  thatAfterAdverbial,
} from '../../../src/nlp/quotes/indirect.ts';
import { kept, reading } from './fixtures.ts';

/** The reported clause of a match, as text. */
const clauseOf = (s: string, m: { clauseStart: number; clauseEnd: number }): string => s.slice(m.clauseStart, m.clauseEnd);
/** What a one-match rule finds in a sentence: who, the cue, the shape and the clause as text; null for nothing. */
const read = (rule: (sentence: IndirectSentence) => IndirectMatch | null, s: string) => {
  const m = rule(indirectSentence(s));
  return m && { np: m.np, cue: m.cue, pattern: m.pattern, clause: clauseOf(s, m) };
};

describe('indirectIn', () => {
  it('finds every report of a sentence, in order', () => {
    const s = 'Lavrov said the talks stalled, adding that they would resume.';
    expect(indirectIn(s).map((m) => [m.np, m.cue, clauseOf(s, m)])).toEqual([
      ['Lavrov', 'said', 'the talks stalled'],
      [null, 'adding that', 'they would resume'],
    ]);
  });

  it('reads no sentence longer than 3,000 characters', () => {
    const s = `Lavrov said ${'the talks stalled and '.repeat(150)}ended.`;
    expect(s.length).toBeGreaterThan(3000);
    expect(indirectIn(s)).toEqual([]);
  });
});

describe('indirectSentence', () => {
  it('sets the leading space apart and ends before the full stop', () => {
    expect(indirectSentence('  Kerry left.  ')).toEqual({ s: '  Kerry left.  ', body: 'Kerry left.  ', lead: 2, end: 12, depth: 0 });
  });
});

describe('parentheticalCue', () => {
  it('reads `…, analysts say, …` as one clause around its cue', () => {
    const s = 'The Russian campaign, analysts say, has broken the rebels.';
    expect(parentheticalCue(indirectSentence(s))).toEqual({
      np: 'analysts',
      cue: 'say',
      pattern: '…, X said, …',
      clauseStart: 0,
      clauseEnd: 57,
    });
  });

  it('leaves a sentence with quotation marks', () => {
    expect(read(parentheticalCue, 'The campaign, analysts say, has "broken the rebels".')).toBeNull();
  });
});

describe('participleLead', () => {
  it('reads `Noting that …, X …`', () => {
    expect(read(participleLead, 'Noting that the talks had stalled, Lavrov left Geneva.')).toEqual({
      np: 'Lavrov',
      cue: 'Noting that',
      pattern: 'Noting that …, X …',
      clause: 'the talks had stalled',
    });
  });

  it('needs "that" after the participle', () => {
    expect(read(participleLead, 'Noting the date, Lavrov left Geneva.')).toBeNull();
  });
});

describe('accordingToLead', () => {
  it('reads `According to X, …`', () => {
    expect(read(accordingToLead, 'According to Kerry, the convoy reached Aleppo.')).toEqual({
      np: 'Kerry',
      cue: 'according to',
      pattern: 'according to X, …',
      clause: 'the convoy reached Aleppo',
    });
  });

  it('leaves `…, according to X` to the tail rule', () => {
    expect(read(accordingToLead, 'The convoy reached Aleppo, according to Kerry.')).toBeNull();
  });
});

describe('accordingToTail', () => {
  it('reads `…, according to X`', () => {
    expect(read(accordingToTail, 'The convoy reached Aleppo, according to Kerry.')).toEqual({
      np: 'Kerry',
      cue: 'according to',
      pattern: '…, according to X',
      clause: 'The convoy reached Aleppo',
    });
  });

  it('leaves a sentence with no source phrase', () => {
    expect(read(accordingToTail, 'The convoy reached Aleppo, Kerry said.')).toBeNull();
  });
});

describe('subjectVerb', () => {
  it('reads `X told Reuters (that) …`', () => {
    const s = 'Lavrov told Reuters the ceasefire would hold.';
    expect(subjectVerb(indirectSentence(s)).map((m) => [m.np, m.cue, m.pattern, clauseOf(s, m)])).toEqual([
      ['Lavrov', 'told', 'X said (that) …', 'the ceasefire would hold'],
    ]);
  });

  it('ends the clause at a second verb of the same speaker, and reads that too', () => {
    const s = 'Lavrov admitted the talks had stalled but stressed that they would resume.';
    expect(subjectVerb(indirectSentence(s)).map((m) => [m.cue, m.pattern, clauseOf(s, m)])).toEqual([
      ['admitted', 'X said (that) …', 'the talks had stalled'],
      ['stressed', 'X said … and said …', 'they would resume'],
    ]);
  });

  it('ends the clause at another speaker’s cue, and reads their report', () => {
    const s = 'Kerry said the talks had failed, and Western nations have accused Moscow of stalling.';
    expect(subjectVerb(indirectSentence(s)).map((m) => [m.np, clauseOf(s, m)])).toEqual([
      ['Kerry', 'the talks had failed'],
      ['Western nations', 'Moscow of stalling'],
    ]);
  });

  it('leaves a verb followed by a preposition, not a clause', () => {
    expect(subjectVerb(indirectSentence('Kerry said on Monday.'))).toEqual([]);
  });

  it('reads a clause after a place, a time or an audience and "that"', () => {
    const clauses = (s: string) => subjectVerb(indirectSentence(s)).map((m) => [m.np, m.cue, clauseOf(s, m)]);
    expect(clauses('The mayor said at a rally in Dayton, Ohio, that the bridge would reopen in May.')).toEqual([
      ['The mayor', 'said', 'the bridge would reopen in May'],
    ]);
    expect(clauses('Ruiz announced in a statement on Friday that she would run again.')).toEqual([
      ['Ruiz', 'announced', 'she would run again'],
    ]);
  });

  it('reads a verb in the progressive', () => {
    const s = 'The governor is warning drivers that the pass will close tonight.';
    expect(subjectVerb(indirectSentence(s)).map((m) => [m.np, m.cue, clauseOf(s, m)])).toEqual([
      ['The governor', 'is warning', 'the pass will close tonight'],
    ]);
  });

  it('reads past a party in brackets and a long apposition between the speaker and the verb', () => {
    const a = 'Sen. Ann Cole (D-Ore.) said the bill would pass.';
    expect(subjectVerb(indirectSentence(a)).map((m) => [m.np, clauseOf(a, m)])).toEqual([['Sen. Ann Cole', 'the bill would pass']]);
    const b =
      'Ann Cole, a professor of constitutional law at the state university in the capital and a former judge, said the bill would pass.';
    expect(subjectVerb(indirectSentence(b)).map((m) => [m.np, clauseOf(b, m)])).toEqual([['Ann Cole', 'the bill would pass']]);
  });
});

describe('participleAfter', () => {
  it('reads a participle cue without "that" after a comma', () => {
    expect(participleAfter('Ruiz attacked the plan, saying it would ruin the town.')).toMatchObject({
      cue: 'saying',
      clause: 'it would ruin the town.',
    });
    expect(participleAfter('Ruiz spoke, promising to fight on.')).toMatchObject({ cue: 'promising', clause: 'to fight on.' });
  });

  it('takes the first of two cues, and no bare participle that is not a report', () => {
    expect(participleAfter('Ruiz spoke, saying it was over, adding that she was tired.')?.clause).toBe(
      'it was over, adding that she was tired.',
    );
    expect(participleAfter('Ruiz left, promising nothing.')).toBeNull();
    expect(participleAfter('The vote was close, adding to the confusion.')).toBeNull();
  });
});

describe('thatAfterAdverbial', () => {
  it('gives where the clause starts after an adverbial and "that"', () => {
    const rest = ' in a statement this month that the deal was done.';
    expect(rest.slice(thatAfterAdverbial(rest) ?? 0)).toBe('the deal was done.');
  });

  it('gives nothing when the verb is followed by its clause, or "that" is far or past a full stop', () => {
    expect(thatAfterAdverbial(' the bridge said that it would open.')).toBeNull();
    expect(thatAfterAdverbial(' on Monday. Later that day it opened.')).toBeNull();
    expect(thatAfterAdverbial(` on ${'a very long day '.repeat(10)}that it opened.`)).toBeNull();
  });
});

describe('otherSpeakerReport', () => {
  it('reads the report that starts at another speaker’s subject', () => {
    const s = 'Kerry said the talks had failed, and Western nations have accused Moscow of stalling.';
    const from = s.indexOf('Western');
    expect(otherSpeakerReport(indirectSentence(s), from).map((m) => [m.np, m.cue, clauseOf(s, m)])).toEqual([
      ['Western nations', 'accused', 'Moscow of stalling'],
    ]);
  });

  it('finds nothing where no report starts', () => {
    const s = 'Kerry said the talks had failed, and the rain fell on Geneva.';
    expect(otherSpeakerReport(indirectSentence(s), s.indexOf('the rain'))).toEqual([]);
  });
});

describe('invertedCue', () => {
  it('reads `…, X said in Geneva`', () => {
    const s = 'The talks have failed, Kerry said in Geneva.';
    expect(invertedCue(indirectSentence(s))).toEqual({ np: 'Kerry', cue: 'said', pattern: '…, X said', clauseStart: 0, clauseEnd: 21 });
  });

  it('leaves a cue followed by a clause of its own', () => {
    expect(read(invertedCue, 'The talks have failed, Kerry said the ceasefire was over.')).toBeNull();
  });
});

describe('participleTail', () => {
  it('reads `…, adding that …` with no subject of its own', () => {
    expect(read(participleTail, 'Lavrov said the talks stalled, adding that they would resume.')).toEqual({
      np: null,
      cue: 'adding that',
      pattern: '…, adding that …',
      clause: 'they would resume',
    });
  });

  it('leaves a sentence with no participle cue', () => {
    expect(read(participleTail, 'Lavrov said the talks stalled.')).toBeNull();
  });
});

describe('indirectSpeech', () => {
  const text = 'Foreign Minister Sergei Lavrov told Reuters the ceasefire would hold.';

  it('keeps the reported clause with its speaker', () => {
    const { state, para } = reading(text);
    indirectSpeech(state, para, 0);
    expect(kept(para)).toEqual([
      { kind: 'indirect', text: 'the ceasefire would hold', speaker: 'Sergei Lavrov', cue: 'told', pattern: 'X said (that) …' },
    ]);
    // The one spoken of (for a pronoun after it), not the last speaker a cue-less quotation would continue.
    expect(state.mentions.at(-1)).toMatchObject({ person: { name: 'Sergei Lavrov' }, salient: true });
    expect(state.lastSpeaker).toBeNull();
  });

  it('leaves words a quote has used already', () => {
    const { state, para } = reading(text);
    para.used.push([0, text.length]);
    indirectSpeech(state, para, 0);
    expect(para.drafts).toHaveLength(0);
  });
});

describe('indirectSpeaker', () => {
  it('resolves the subject as written', () => {
    const { state, para } = reading('Foreign Minister Sergei Lavrov met the press. Lavrov said the talks stalled.');
    expect(indirectSpeaker(state, para, 'Lavrov', 46, para.text.length)?.name).toBe('Sergei Lavrov');
  });

  it('has the subject the sentence opens with for `…, adding that …` when it has no attributed quote yet', () => {
    const { state, para } = reading('Foreign Minister Sergei Lavrov met the press, adding that talks would resume.');
    expect(indirectSpeaker(state, para, null, 0, para.text.length)?.name).toBe('Sergei Lavrov');
  });

  it('has no one for `…, adding that …` when the sentence opens with no subject either', () => {
    const { state, para } = reading('Foreign Minister Sergei Lavrov arrived.\nIn Geneva on a cold day, adding that talks would resume.');
    expect(indirectSpeaker(state, para, null, 0, para.text.length)).toBeNull();
  });
});

describe('isReportedClause', () => {
  it('takes three words or more, with a quoted word or name in them', () => {
    expect(isReportedClause('the ceasefire would hold')).toBe(true);
    expect(isReportedClause('the "moderate" rebels had won')).toBe(true);
  });

  it('refuses a quotation of speech inside, and a clause too short', () => {
    expect(isReportedClause('it was "a grave mistake"')).toBe(false);
    expect(isReportedClause('it failed')).toBe(false);
  });
});
