import { describe, expect, it } from 'vitest';
import type { QuoteRecord } from '../../src/answer/export.ts';
import { missClasses } from './polnearClasses.ts';
import { type GoldAttribution, isSpeechCue, matchScore, scorePolnear } from './polnear.ts';
import { namesBeside, sameNamed, speakerJudge, speakerShape, surname } from './polnearSpeaker.ts';

const span = (text: string, all: string, from = 0) => {
  const start = all.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: ${text} not in text`);
  return { start, end: start + text.length, text };
};

const TEXT = [
  '---\ntitle: "t"\n---\nHeadline\n\n',
  '“We will win,” Jane Roe said. She added that taxes would fall.\n\n',
  'Officials believe the race is close.\n\n',
  'The spokeswoman, Ann Lee, said the plan was “bold.”\n\n',
  'Polls show the race is tied.',
].join('');

const gold = (quote: string, speaker: string | null, cue: string | null, kind: GoldAttribution['kind'], id = quote): GoldAttribution => ({
  article: 'a',
  id,
  quote: span(quote, TEXT),
  speaker: speaker === null ? null : span(speaker, TEXT),
  cue: cue === null ? null : span(cue, TEXT),
  kind,
});

const found = (quote: string, speaker: string | null, name: string | null, cue: string | null, kind: string): QuoteRecord => ({
  record: 'quote',
  article: 'a',
  paragraph: 1,
  lastParagraph: null,
  quote: span(quote, TEXT),
  words: quote,
  speaker: speaker === null ? null : span(speaker, TEXT),
  speakerName: name,
  speakerStatus: name === null ? 'unattributed' : 'attributed',
  cue: cue === null ? null : span(cue, TEXT),
  kind,
  confidence: 1,
  pattern: '',
});

const G = {
  win: gold('“We will win,”', 'Jane Roe', 'said', 'direct'),
  taxes: gold('taxes would fall', 'She', 'added that', 'indirect'),
  believe: gold('the race is close', 'Officials', 'believe', 'indirect'),
  plan: gold('the plan was “bold.”', 'The spokeswoman', 'said', 'mixed'),
  polls: gold('the race is tied', 'Polls', 'show', 'indirect'),
};
const texts = new Map([['a', TEXT]]);

describe('PolNeAR scoring (the Gender Gap Tracker way)', () => {
  it('takes a verb of saying as a speech cue, not one of thinking or evidence', () => {
    expect(['said', 'has told', 'According to', 'added that'].map(isSpeechCue)).toEqual([true, true, true, true]);
    expect(['believe', 'show', 'suggested', ':', null].map(isSpeechCue)).toEqual([false, false, false, false, false]);
  });

  it('scores the share of the gold span a found span covers, gold pieces apart', () => {
    const g = G.win;
    expect(matchScore(g, { start: g.quote.start + 1, end: g.quote.end - 1 })).toBeCloseTo((g.quote.text.length - 2) / g.quote.text.length);
    const split: GoldAttribution = {
      ...g,
      quote: {
        ...g.quote,
        spans: [
          { start: 0, end: 10, text: '' },
          { start: 20, end: 30, text: '' },
        ],
      },
    };
    expect(matchScore(split, { start: 0, end: 15 })).toBe(0.5);
  });

  it('counts precision and recall per kind, leaves unscored attributions out of precision, and needs more than the threshold', () => {
    const f = scorePolnear(
      Object.values(G),
      [
        found('We will win,', 'Jane Roe', 'Jane Roe', 'said', 'direct'),
        found('taxes would fall', 'She', 'Jane Roe', 'added', 'indirect'),
        found('the race is close', 'Officials', null, 'believe', 'indirect'),
        found('Polls show', 'Polls', null, null, 'indirect'),
      ],
      texts,
      0.3,
    );
    expect(f.byKind.all.gold).toBe(3);
    expect(f.unscored).toEqual({ gold: 2, found: 1 });
    expect([f.byKind.direct.precision, f.byKind.direct.recall]).toEqual([1, 1]);
    expect(f.byKind.mixed.recall).toBe(0);
    expect(f.missed.map((g) => g.id)).toEqual([G.plan.id]);
    expect(f.extra.map((x) => x.quote.text)).toEqual(['Polls show']);
    expect([f.byKind.all.precision, f.byKind.all.recall]).toEqual([2 / 3, 2 / 3]);
    expect(f.byKind.all.cue).toBe(1);
    expect(f.byKind.all.cueExact).toBe(0.5);
    const high = scorePolnear([G.win], [found('We will win,', null, null, null, 'direct')], texts, 0.8);
    expect(high.byKind.all.recall).toBe(1);
    expect(scorePolnear([G.win], [found('We will', null, null, null, 'direct')], texts, 0.8).byKind.all.recall).toBe(0);
  });

  it('pairs one to one: a second piece of one attribution is a false positive', () => {
    const f = scorePolnear(
      [G.win],
      [found('We will win,', null, null, null, 'direct'), found('“We will', null, null, null, 'direct')],
      texts,
      0.3,
    );
    expect([f.byKind.all.precision, f.byKind.all.recall]).toEqual([0.5, 1]);
  });
});

describe('PolNeAR speaker checks', () => {
  const judge = speakerJudge(Object.values(G), texts);

  it('reads the shape of a gold source', () => {
    expect([G.win, G.taxes, G.plan, G.believe].map((g) => speakerShape(g, TEXT))).toEqual([
      'name',
      'pronoun',
      'description',
      'description',
    ]);
    expect(surname('Rep. Gwen Moore (D-Wis.)')).toBe('moore');
    expect(surname('Douglas Holtz-Eakin, an economist')).toBe('holtz-eakin');
    expect(surname('Joseph R. Biden Jr.')).toBe('biden');
  });

  it('strict: the mention spans overlap', () => {
    expect(judge.strict(G.taxes, found('taxes would fall', 'She', 'Ann Lee', 'added', 'indirect'))).toBe(true);
    expect(judge.strict(G.win, found('We will win,', null, 'Jane Roe', 'said', 'direct'))).toBe(false);
  });

  it('loose: a name by surname, a pronoun by the named source before it, a description by the name beside it', () => {
    expect(judge.loose(G.win, found('We will win,', null, 'Roe', 'said', 'direct'))).toBe(true);
    expect(judge.antecedent(G.taxes)).toBe('roe');
    expect(judge.loose(G.taxes, found('taxes would fall', 'She', 'Jane Roe', 'added', 'indirect'))).toBe(true);
    expect(judge.loose(G.taxes, found('taxes would fall', 'She', 'Ann Lee', 'added', 'indirect'))).toBe(false);
    expect(namesBeside(TEXT, 'spokeswoman')).toEqual(new Set(['lee']));
    expect(judge.loose(G.plan, found('the plan was “bold.”', 'The spokeswoman', 'Ann Lee', 'said', 'mixed'))).toBe(true);
    expect(judge.loose(G.plan, found('the plan was “bold.”', 'The spokeswoman', 'Jane Roe', 'said', 'mixed'))).toBe(false);
  });

  it('loose: an anonymous description is right only with the right words and no invented name', () => {
    const anon = gold('the race is close', 'Officials', 'believe', 'indirect');
    expect(judge.loose(anon, found('the race is close', 'Officials', null, 'believe', 'indirect'))).toBe(true);
    expect(judge.loose(anon, found('the race is close', 'Officials', 'Jane Roe', 'believe', 'indirect'))).toBe(false);
  });
});

describe('speaker checks with a gold speakerName (tests/devpages)', () => {
  const judge = speakerJudge(Object.values(G), texts);

  it('compares names by full name or surname, a joint source by its parts', () => {
    expect(sameNamed('Henry McMaster', 'McMaster')).toBe(true);
    expect(sameNamed('Oakland Education Association', 'the Oakland Education Association')).toBe(true);
    expect(sameNamed('Oakland Education Association and Oakland Unified School District', 'Oakland Unified School District')).toBe(true);
    expect(sameNamed('Oakland Education Association', 'Oakland Unified School District')).toBe(false);
    expect(sameNamed('Roy Cooper', 'Karen Clark')).toBe(false);
    expect(sameNamed('Roy Cooper', null)).toBe(false);
  });

  it('judges a pronoun, a description or no mention by whom it was resolved to', () => {
    const named = (g: GoldAttribution, speakerName: string | null): GoldAttribution => ({ ...g, speakerName });
    // PolNeAR's shape check gives "She" to the named source before it; the gold name says it is someone else.
    expect(judge.loose(named(G.taxes, 'Ann Lee'), found('taxes would fall', 'She', 'Jane Roe', 'added', 'indirect'))).toBe(false);
    expect(judge.loose(named(G.taxes, 'Ann Lee'), found('taxes would fall', 'She', 'Lee', 'added', 'indirect'))).toBe(true);
    const bare = named({ ...G.win, speaker: null }, 'Jane Roe');
    expect(judge.loose(bare, found('We will win,', null, 'Jane Roe', null, 'direct'))).toBe(true);
    expect(judge.loose(bare, found('We will win,', null, null, null, 'direct'))).toBe(false);
    // Null: no one in particular, so the shape decides as without a name.
    const anon = named(G.believe, null);
    expect(judge.loose(anon, found('the race is close', 'Officials', null, 'believe', 'indirect'))).toBe(true);
  });
});

describe('PolNeAR error classes', () => {
  it('labels a transcript speaker label and a headline-only source', () => {
    const t = '---\ntitle: "t"\n---\nKERRY SAYS TALKS GO ON\n\nKERRY: We will talk.\n';
    const g: GoldAttribution = {
      article: 'a',
      id: 'x',
      quote: span('We will talk.', t),
      speaker: span('KERRY', t),
      cue: null,
      kind: 'indirect',
    };
    const classes = missClasses(g, t, []);
    expect(classes).toContain('transcript speaker label (NAME: …)');
    expect(classes).toContain('speaker named only in the headline');
  });
});
