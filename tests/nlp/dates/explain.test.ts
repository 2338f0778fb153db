import { describe, expect, it } from 'vitest';
import type { Anchor, DateBasis } from '../../../src/model/index.ts';
import { publicationAnchor } from '../../../src/nlp/dates/article.ts';
import { explainDate } from '../../../src/nlp/dates/explain.ts';
import { findTimeExpressions } from '../../../src/nlp/dates/find.ts';
import { wed16Dec2015 } from './fixtures.ts';

const undated: Anchor = {
  day: '2015-12-15',
  describe: 'an undated article whose text gives the date "Tuesday, Dec. 15, 2015" (Tue 15 Dec 2015)',
};
const lateSeptember: DateBasis = {
  kind: 'part-of-month',
  firstDay: 20,
  lastDay: 30,
  byTense: { tense: 'past', month: 9, anchor: wed16Dec2015 },
};

/** Words the committed answers (tests/e2e/regression/expected.*.jsonl) and the old rules gave, from a basis alone. */
const CASES: Array<[string, DateBasis, string]> = [
  [
    'on Tuesday',
    { kind: 'weekday-by-tense', tense: 'past', anchor: wed16Dec2015, day: '2015-12-15' },
    '"on Tuesday" in an article published Wed 16 Dec 2015 (past tense, so the one on or before) → Tue 15 Dec 2015',
  ],
  [
    'Wednesday',
    { kind: 'weekday-of-anchor', anchor: wed16Dec2015, day: '2015-12-16' },
    '"Wednesday" in an article published Wed 16 Dec 2015: its own weekday: the day of writing, not a week on → Wed 16 Dec 2015',
  ],
  [
    'this Friday',
    { kind: 'weekday-by-word', word: 'this', anchor: undated, day: '2015-12-18' },
    '"this Friday" in an undated article whose text gives the date "Tuesday, Dec. 15, 2015" (Tue 15 Dec 2015) ("this": the coming one) → Fri 18 Dec 2015',
  ],
  [
    'this Friday, Dec. 18',
    { kind: 'nearest-year', anchor: publicationAnchor('2015-12-17'), day: '2015-12-18' },
    '"this Friday, Dec. 18" with the year nearest an article published Thu 17 Dec 2015 → Fri 18 Dec 2015',
  ],
  [
    'ten days before',
    { kind: 'from-text-day', step: 'counted', recent: { day: '2015-12-15', text: 'Tuesday' }, result: '2015-12-05' },
    '"ten days before" counted from "Tuesday" (Tue 15 Dec 2015) → Sat 5 Dec 2015',
  ],
  ['Tuesday, Dec. 15, 2015', { kind: 'as-written', form: 'full-date' }, '"Tuesday, Dec. 15, 2015": a full date'],
  ['September 2014', { kind: 'as-written', form: 'month' }, '"September 2014": a month, no day given'],
  ['in 2011', { kind: 'as-written', form: 'year-after-preposition', year: '2011' }, 'the year 2011, as written'],
  [
    'October',
    { kind: 'month-by-tense', tense: 'past', month: 10, anchor: undated },
    '"October": a month, no day given (past tense: the last October from an undated article whose text gives the date "Tuesday, Dec. 15, 2015" (Tue 15 Dec 2015))',
  ],
  [
    'since late September',
    {
      kind: 'since',
      from: '2015-09-20',
      after: { text: 'late September', value: '2015-09-20/2015-09-30', granularity: 'range', basis: lateSeptember },
    },
    '"since": from late September 2015 onwards ("late September" is about days 20–30 of the month (past tense: the last September from an article published Wed 16 Dec 2015))',
  ],
  [
    'in the coming days',
    { kind: 'vague-range', phrase: 'coming', days: 7, anchor: publicationAnchor('2016-08-29') },
    '"in the coming days": the 7 days after an article published Mon 29 Aug 2016',
  ],
  [
    'In recent months',
    { kind: 'vague-range', phrase: 'recent', unit: 'months', anchor: publicationAnchor('2016-08-29') },
    '"In recent months": the three months up to an article published Mon 29 Aug 2016',
  ],
  [
    'in the future',
    { kind: 'open-range', side: 'after', anchor: publicationAnchor('2015-12-17') },
    '"in the future": any time after an article published Thu 17 Dec 2015',
  ],
  [
    'previously',
    { kind: 'open-range', side: 'before', anchor: publicationAnchor('2016-07-26') },
    '"previously": some time before an article published Tue 26 Jul 2016',
  ],
  [
    'now',
    { kind: 'present', anchor: publicationAnchor('2016-07-26'), form: 'now' },
    '"now": the present of an article published Tue 26 Jul 2016',
  ],
  [
    'five years after the conflict began',
    { kind: 'years-after-event', event: 'conflict', began: 2011, beganText: 'in 2011', years: 5 },
    '"five years after the conflict began": the conflict began in 2011 ("in 2011"), so 2011 + 5 → 2016',
  ],
  [
    'today',
    { kind: 'day-spoken', spoken: { day: '2015-12-14', text: 'on Monday' } },
    '"today" in a quote: the day the words were spoken, the day dated just before ("on Monday", Mon 14 Dec 2015)',
  ],
  [
    '',
    {
      kind: 'remarks-dated',
      speaker: 'Eric Draitser',
      described: 'The geopolitical analyst',
      remarks: { day: '2015-12-15', text: 'on Tuesday' },
      paragraph: 1,
    },
    `The geopolitical analyst (Eric Draitser) speaking, with no date in the sentence: the day of Eric Draitser's remarks dated in ¶2 ("on Tuesday", Tue 15 Dec 2015)`,
  ],
  [
    '',
    { kind: 'remarks-dated', speaker: 'Tom Reyes', described: null, remarks: { day: '2016-03-08', text: 'Tuesday' }, paragraph: 0 },
    `Tom Reyes speaking, with no date in the sentence: the day of Tom Reyes's remarks dated in ¶1 ("Tuesday", Tue 8 Mar 2016)`,
  ],
  ['for nearly 10 hours', { kind: 'length', count: 10, unit: 'hour' }, 'a length of time: 10 hours'],
  [
    'on Tuesday',
    { kind: 'unresolved', reason: 'no-anchor' },
    'the article has no date of its own and no full date in its text to count from',
  ],
];

describe('explainDate', () => {
  it.each(CASES)('says "%s" in the words the answers give', (text, basis, words) => {
    expect(explainDate({ text, basis })).toBe(words);
  });
  it('says what every rule found, from the basis alone', () => {
    const found = findTimeExpressions(
      'They met on Friday and on Dec. 15, 2015, and meet again in the coming weeks, for two days.',
      wed16Dec2015,
    );
    expect(found.map((e) => e.basis.kind)).toEqual(['weekday-by-tense', 'as-written', 'vague-range', 'length']);
    expect(explainDate(found[0] as (typeof found)[number])).toBe(
      '"on Friday" in an article published Wed 16 Dec 2015 (past tense, so the one on or before) → Fri 11 Dec 2015',
    );
  });
});
