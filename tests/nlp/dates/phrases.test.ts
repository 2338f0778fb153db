import { describe, expect, it } from 'vitest';
import type { Anchor, DateBasis, RecentDay } from '../../../src/model/index.ts';
import * as phrases from '../../../src/nlp/dates/phrases.ts';
import type { DateRule } from '../../../src/nlp/dates/state.ts';
import { type Brief, brief, run, sat12Dec, wed16Dec2015 } from './fixtures.ts';

/** A sentence read against an anchor (Wed 16 Dec 2015 unless said) and the day dated before it (none unless said). */
interface Reading {
  text: string;
  anchor?: Anchor | null;
  recent?: RecentDay;
}
/** What a rule finds on its own in a sentence: text, value, granularity and basis kind, and the facts of the basis. */
interface Takes extends Reading {
  want: Brief[];
  basis: Array<Partial<DateBasis>>;
}

/** A rule read on one sentence, with the anchor of Wed 16 Dec 2015. */
const single = (text: string, want: Brief, basis: Partial<DateBasis>, leaves: string) => ({
  takes: [{ text, want: [want], basis: [basis] }],
  leaves: { text: leaves },
});

/** One entry per rule: what it resolves, and a sentence it must leave alone. */
const RULES: Record<keyof typeof phrases & string, { takes: Takes[]; leaves: Reading } | null> = {
  lengthOfTime: {
    takes: [
      {
        text: 'They talked for nearly 10 hours.',
        anchor: null,
        want: [['for nearly 10 hours', 'PT10H', 'duration', 'length']],
        basis: [{ count: 10, unit: 'hour' }],
      },
      { text: 'It was a two-week visit.', want: [['two-week', 'P2W', 'duration', 'length']], basis: [{ count: 2, unit: 'week' }] },
      {
        text: 'Sales rose in the past three months.',
        want: [['in the past three months', 'P3M', 'duration', 'length']],
        basis: [{ count: 3, unit: 'month' }],
      },
    ],
    leaves: { text: 'He left two days ago.' },
  },
  untoldLength: {
    takes: [
      { text: 'The siege lasted many months.', anchor: null, want: [['many months', null, 'duration', 'untold-length']], basis: [{}] },
      {
        text: 'Talks go on for the next few days.',
        anchor: null,
        want: [['the next few days', null, 'duration', 'untold-length']],
        basis: [{ unit: 'days' }],
      },
    ],
    leaves: { text: 'The siege lasted three months.' },
  },
  recentPeriod: {
    takes: [
      {
        text: 'Prices rose in recent months.',
        want: [['in recent months', '2015-09/2015-12', 'range', 'vague-range']],
        basis: [{ phrase: 'recent', unit: 'months', anchor: wed16Dec2015 }],
      },
      {
        text: 'In recent weeks the town fell.',
        want: [['In recent weeks', '2015-11-25/2015-12-16', 'range', 'vague-range']],
        basis: [{ unit: 'weeks' }],
      },
      {
        text: 'Prices rose in recent months.',
        anchor: null,
        want: [['in recent months', null, 'unresolved', 'unresolved']],
        basis: [{ reason: 'no-anchor' }],
      },
    ],
    leaves: { text: 'A recent report said so.' },
  },
  comingPeriod: single(
    'Talks resume in the coming weeks.',
    ['in the coming weeks', '2015-12-17/2016-01-13', 'range', 'vague-range'],
    { phrase: 'coming', days: 28 },
    'Talks resume in the coming year.',
  ),
  restOfWeek: single(
    'He will leave later this week.',
    ['later this week', '2015-12-17/2015-12-20', 'range', 'vague-range'],
    { phrase: 'rest-of-week' },
    'He will leave later this month.',
  ),
  calendarWeek: single(
    'Talks resumed last week.',
    ['last week', '2015-12-07/2015-12-13', 'range', 'vague-range'],
    { phrase: 'calendar-week' },
    'They meet every week.',
  ),
  earlierThis: single(
    'Earlier this year, the army retreated.',
    ['Earlier this year', '2015-01-01/2015-12-16', 'range', 'vague-range'],
    { phrase: 'earlier-this', unit: 'year' },
    'It fell earlier this week.',
  ),
  calendarShift: {
    takes: [
      {
        text: 'Prices rose last month.',
        want: [['last month', '2015-11', 'month', 'from-anchor']],
        basis: [{ step: 'calendar', result: '2015-11' }],
      },
      { text: 'Elections are due next year.', want: [['next year', '2016', 'year', 'from-anchor']], basis: [{ result: '2016' }] },
    ],
    leaves: { text: 'They met last weekend.' },
  },
  openBefore: {
    takes: [
      { text: 'He had previously denied it.', want: [['previously', '../2015-12-16', 'range', 'open-range']], basis: [{ side: 'before' }] },
    ],
    leaves: { text: 'Prices rose in the past three months.' },
  },
  openAfter: single(
    'Talks may resume in the future.',
    ['in the future', '2015-12-17/..', 'range', 'open-range'],
    { side: 'after' },
    'They discussed the future of Syria.',
  ),
  present: {
    takes: [
      {
        text: 'By now the town has fallen, he said today.',
        want: [
          ['By now', '2015-12-16', 'day', 'present'],
          ['today', '2015-12-16', 'day', 'present'],
        ],
        basis: [{ anchor: wed16Dec2015 }, { anchor: wed16Dec2015 }],
      },
      { text: 'The town is calm now.', anchor: null, want: [['now', null, 'unresolved', 'unresolved']], basis: [{ reason: 'no-anchor' }] },
    ],
    leaves: { text: 'The town is known for its walls.' },
  },
  yearAfterPreposition: {
    takes: [
      {
        text: 'The war began in 2011.',
        anchor: null,
        want: [['in 2011', '2011', 'year', 'as-written']],
        basis: [{ form: 'year-after-preposition', year: '2011' }],
      },
    ],
    leaves: { text: 'The budget in 2014-15 was cut.' },
  },
  dayBeside: {
    takes: [
      {
        text: 'The plan was agreed the previous day.',
        recent: sat12Dec,
        want: [['the previous day', '2015-12-11', 'day', 'from-text-day']],
        basis: [{ step: 'day-before', recent: sat12Dec }],
      },
      {
        text: 'They left the following day.',
        recent: sat12Dec,
        want: [['the following day', '2015-12-13', 'day', 'from-text-day']],
        basis: [{ step: 'day-after' }],
      },
      // Never from the anchor: without a day dated just before, it stays unresolved.
      {
        text: 'The plan was agreed the previous day.',
        want: [['the previous day', null, 'unresolved', 'unresolved']],
        basis: [{ reason: 'no-day-before' }],
      },
    ],
    leaves: { text: 'They left the next morning.', recent: sat12Dec },
  },
  PHRASE_RULES: null,
};

const readWith = (rule: DateRule, r: Reading) => run(rule, r.text, r.anchor === undefined ? wed16Dec2015 : r.anchor, r.recent ?? null);

for (const [name, cases] of Object.entries(RULES)) {
  if (cases === null) continue;
  const rule = phrases[name as keyof typeof phrases] as DateRule;
  describe(name, () => {
    it.each(cases.takes)('reads $text', (c) => {
      const found = readWith(rule, c);
      expect(found.map(brief)).toEqual(c.want);
      expect(found.map((e) => e.basis)).toMatchObject(c.basis);
    });
    it(`does not take "${cases.leaves.text}"`, () => {
      expect(readWith(rule, cases.leaves)).toEqual([]);
    });
  });
}

describe('PHRASE_RULES', () => {
  it('runs every rule of set words, lengths first and "the previous day" last', () => {
    const named = Object.entries(RULES).filter(([, c]) => c !== null);
    expect(phrases.PHRASE_RULES).toHaveLength(named.length);
    expect(phrases.PHRASE_RULES[0]).toBe(phrases.lengthOfTime);
    expect(phrases.PHRASE_RULES.at(-1)).toBe(phrases.dayBeside);
  });
});
