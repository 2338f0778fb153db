import { describe, expect, it } from 'vitest';
import {
  type MentionFacts,
  compatibleDates,
  continuesFrom,
  finestMention,
  groupEvents,
  outermostExpressions,
  sameEvent,
  samePersonAndPlaceOrAction,
  similarWords,
} from '../../src/answer/eventGroups.ts';
import { ask } from '../support/helpers.ts';

/** A mention's facts, with nothing but what a test gives. */
const mention = (id: number, value: string, facts: Partial<Omit<MentionFacts, 'id' | 'value'>> = {}): MentionFacts => ({
  id,
  value,
  sentence: id,
  span: [0, 1],
  words: new Set(),
  people: new Set(),
  places: new Set(),
  actions: new Set(),
  names: new Set(),
  ...facts,
});
const set = (words: string): Set<string> => new Set(words.split(' ').filter(Boolean));

describe('compatibleDates', () => {
  it('takes a date and the dates inside it for one date', () => {
    expect(compatibleDates('2015-12', '2015-12-15')).toBe(true);
    expect(compatibleDates('2015', '2015-12-15')).toBe(true);
    expect(compatibleDates('2015-12-15', '2015-12-18')).toBe(false);
    expect(compatibleDates('2015-01', '2015-12-01')).toBe(false);
    // Not a prefix of the text: 2015-1 is no month of 2015-12.
    expect(compatibleDates('2015-1', '2015-12')).toBe(false);
  });
  it('takes an open range with the point it starts from, or that holds its start', () => {
    expect(compatibleDates('2014-09', '2014-09/..')).toBe(true);
    expect(compatibleDates('2015-09-20/..', '2015-09')).toBe(true);
    expect(compatibleDates('2011/..', '2011-03/..')).toBe(true);
    expect(compatibleDates('2014-09/..', '2014-10')).toBe(false);
  });
  it('takes a closed range or a range before only with itself', () => {
    expect(compatibleDates('2016-05/2016-08', '2016-06')).toBe(false);
    expect(compatibleDates('2016-05/2016-08', '2016-05/2016-08')).toBe(true);
    expect(compatibleDates('../2015-12-16', '2015-12')).toBe(false);
  });
});

describe('outermostExpressions', () => {
  it('keeps of one sentence\'s overlapping expressions the widest ("since the start … in 2011" over "in 2011")', () => {
    const since = { sentence: 1, span: [46, 92] as const, value: '2011/..' };
    const year = { sentence: 1, span: [85, 92] as const, value: '2011' };
    expect(outermostExpressions([year, since])).toEqual([since]);
  });
  it('keeps the dates of other sentences and the dates apart in one sentence', () => {
    const a = { sentence: 1, span: [0, 7] as const };
    const b = { sentence: 1, span: [20, 30] as const };
    const c = { sentence: 2, span: [0, 40] as const };
    expect(outermostExpressions([a, b, c])).toEqual([a, b, c]);
  });
  it('keeps one of two expressions with the same span', () => {
    const a = { sentence: 1, span: [0, 7] as const };
    const b = { sentence: 1, span: [0, 7] as const };
    expect(outermostExpressions([a, b])).toEqual([a]);
  });
});

describe('sameEvent', () => {
  const caption = mention(1, '2015-12-15', {
    words: set('kerri shake hand lavrov moscow'),
    people: set('kerri lavrov'),
    places: set('moscow'),
  });
  const arrived = mention(2, '2015-12-15', {
    words: set('draitser interview kerri arriv moscow talk'),
    people: set('draitser kerri'),
    places: set('moscow'),
    actions: set('talk visit'),
  });
  const today = mention(3, '2015-12-15', { words: set('talk great detail accel effort'), people: set('kerri'), actions: set('talk') });
  const strikes = mention(4, '2015-12-15', {
    words: set('unitedstates envoi kremlin leader talk monitor group russian air strike kill civilian'),
    actions: set('talk bomb'),
    names: set('unitedstates kremlin russian'),
  });

  it('takes one person with one place or one action for one event', () => {
    expect(samePersonAndPlaceOrAction(caption, arrived)).toBe(true);
    expect(samePersonAndPlaceOrAction(arrived, today)).toBe(true);
    // Kerry in both, but neither a place nor an action in common.
    expect(samePersonAndPlaceOrAction(caption, today)).toBe(false);
  });
  it('does not merge different events because they share a day, nor the same words on other days', () => {
    expect(sameEvent(strikes, arrived)).toBe(false);
    expect(sameEvent(strikes, today)).toBe(false);
    expect(sameEvent({ ...caption, value: '2015-12-18' }, arrived)).toBe(false);
  });
  it('takes most of the same words for one event, named or not', () => {
    const a = mention(5, '2016-03', { words: set('ceasefir aleppo began') });
    const b = mention(6, '2016-03-07', { words: set('ceasefir aleppo began offici') });
    expect(similarWords(a, b)).toBe(true);
    expect(sameEvent(a, b)).toBe(true);
    expect(sameEvent(a, { ...b, value: '2016-04-01' })).toBe(false);
  });
  it('takes a "since" range for the event that started in the month it starts from, with an action and a name in common', () => {
    const started = mention(7, '2014-09', {
      words: set('unitedstates alli start conduct bomb syria isis'),
      actions: set('start bomb'),
      names: set('unitedstates syria isis'),
    });
    const since = mention(8, '2014-09/..', {
      words: set('unitedstates alli alleg bomb isis militant'),
      actions: set('bomb'),
      names: set('unitedstates isis'),
    });
    expect(continuesFrom(started, since)).toBe(true);
    expect(sameEvent(since, started)).toBe(true);
    // The same month, but another action: no campaign goes on from it.
    expect(continuesFrom({ ...started, actions: set('talk') }, since)).toBe(false);
    // Two points of one month with a name and an action in common are not enough.
    expect(continuesFrom(started, { ...since, value: '2014-09' })).toBe(false);
  });
});

describe('groupEvents', () => {
  const kerry = (id: number, facts: Partial<MentionFacts>): MentionFacts => mention(id, '2015-12-15', { people: set('kerri'), ...facts });
  const talks = kerry(1, { actions: set('talk') });
  const caption = kerry(2, { places: set('moscow') });
  const arrived = kerry(3, { places: set('moscow'), actions: set('talk') });
  const strikes = mention(4, '2015-12-15', { words: set('strike kill civilian'), actions: set('bomb') });

  it('puts the mentions linked by sameEvent in one event, whatever order they come in', () => {
    const ids = (order: MentionFacts[]): number[][] => groupEvents(order, (m) => m).map((g) => g.map((m) => m.id).sort());
    expect(ids([talks, caption, arrived, strikes])).toEqual([[1, 2, 3], [4]]);
    // "talks" and the caption share no place or action: only "arrived" links them, and it comes last.
    expect(ids([caption, talks, strikes, arrived])).toEqual([[1, 2, 3], [4]]);
  });
  it('never puts incompatible dates in one event, even through a coarser one', () => {
    const year = mention(5, '2015', { people: set('kerri'), actions: set('talk') });
    const dec = kerry(6, { value: '2015-12-15', actions: set('talk') });
    const sep = kerry(7, { value: '2015-09-01', actions: set('talk') });
    const groups = groupEvents([year, dec, sep], (m) => m);
    for (const g of groups) for (const a of g) for (const b of g) expect(compatibleDates(a.value, b.value)).toBe(true);
    expect(groups).toHaveLength(2);
  });
});

describe('finestMention', () => {
  it('shows an event by its finest date: a day before its month, a month before a range from it', () => {
    expect(finestMention([{ value: '2015-12' }, { value: '2015-12-15' }]).value).toBe('2015-12-15');
    expect(finestMention([{ value: '2014-09/..' }, { value: '2014-09' }]).value).toBe('2014-09');
  });

  it('keeps the first of equally fine dates, wherever the finest comes', () => {
    const group = [
      { id: 1, value: '2015' },
      { id: 2, value: '2015-12-15' },
      { id: 3, value: '2015-12' },
      { id: 4, value: '2015-12-16' },
      { id: 5, value: '2015-12-15' },
    ];
    expect(finestMention(group).id).toBe(2);
    expect(
      finestMention([
        { id: 1, value: '2015-12/..' },
        { id: 2, value: '../2015' },
      ]).id,
    ).toBe(1);
    expect(finestMention([{ id: 1, value: '2015' }]).id).toBe(1);
  });
});

describe('/timeline on the seeds', () => {
  it("lists Kerry's talks in Moscow on 15 Dec 2015 as one entry citing every outlet that reports them, the air strikes apart", () => {
    const a = ask('/timeline');
    const dec15 = a.results.filter((r) => r.date === '2015-12-15');
    expect(dec15).toHaveLength(2);
    const talks = dec15.find((r) => r.citations.some((c) => c.caption === true));
    // Al-Alam (the talks, the Kremlin news conference), LidTime ("Tuesday's talks", the photo in Moscow),
    // Daily Sabah ("We discussed today …", Kerry at the Kremlin).
    expect(new Set(talks?.citations.map((c) => c.outlet))).toEqual(new Set(['Al-Alam News Network', 'LidTime', 'Daily Sabah']));
    expect(talks?.details).toMatchObject({ mentions: 5, outlets: 3 });
    const strikes = dec15.find((r) => r !== talks);
    expect(strikes?.text).toMatch(/air strikes killed 34 Syrian civilians/);
  });
  it('shows "since the start of the Syrian conflict in 2011" once, as the range it is', () => {
    const entries = ask('/timeline').results.filter((r) => /since the start of the Syrian conflict/.test(r.text));
    expect(entries.map((r) => r.date)).toEqual(['2011/..']);
  });
  it('merges the US campaign of September 2014 with "targeting Daesh since September 2014", shown at the month', () => {
    const entry = ask('/timeline').results.find((r) => (r.date as string).startsWith('2014-09'));
    expect(entry).toMatchObject({ date: '2014-09', details: { mentions: 2, outlets: 2 } });
    expect(ask('/timeline').results.filter((r) => (r.date as string).startsWith('2014-09'))).toHaveLength(1);
  });
});
