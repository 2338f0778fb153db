import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  datesOfSentence,
  daySpoken,
  publicationAnchor,
  quarterNamedBefore,
  recentDayOf,
  yearsAfterEvent,
} from '../../../src/nlp/dates/article.ts';
import { findTimeExpressions } from '../../../src/nlp/dates/find.ts';
import type { EventMention } from '../../../src/model/index.ts';
import { brief, mention, wed16Dec2015 } from './fixtures.ts';

/** The mention of the one date a sentence gives. */
function dated(paragraph: number | null, sentenceIndex: number, sentence: string): EventMention {
  const found = findTimeExpressions(sentence, wed16Dec2015);
  expect(found).toHaveLength(1);
  return mention(paragraph, sentenceIndex, sentence, found[0]!);
}

describe('publicationAnchor', () => {
  it('anchors on the publication day, described as the derivations say it', () => {
    expect(publicationAnchor('2015-12-16T09:34:26')).toEqual({ day: '2015-12-16', describe: 'an article published Wed 16 Dec 2015' });
  });
});

describe('anchorOf', () => {
  it('takes the publication day where there is one', () => {
    expect(anchorOf('2015-12-16T09:34:26', ['They met on Dec. 1, 2015.'])).toEqual(wed16Dec2015);
  });
  it('anchors an undated article on the latest full date its text gives', () => {
    expect(anchorOf(null, ['They met on Tuesday, Dec. 1, 2015.', 'Photo: Tuesday, Dec. 15, 2015.'])).toEqual({
      day: '2015-12-15',
      describe: 'an undated article whose text gives the date "Tuesday, Dec. 15, 2015" (Tue 15 Dec 2015)',
    });
  });
  it('does not anchor on a date without its year', () => {
    expect(anchorOf(null, ['The meeting on Dec. 18 was short.'])).toBeNull();
  });
});

describe('recentDayOf', () => {
  const saturday = dated(2, 0, 'They met on Saturday.');
  it('finds the day dated in the sentence before, in the same paragraph', () => {
    expect(recentDayOf([saturday], 2, 1)).toEqual({ day: '2015-12-12', text: 'on Saturday' });
  });
  it('does not reach two sentences back, or into another paragraph', () => {
    expect(recentDayOf([saturday], 2, 2)).toBeNull();
    expect(recentDayOf([saturday], 3, 1)).toBeNull();
  });
});

describe('yearsAfterEvent', () => {
  const start = dated(0, 0, 'The Syrian conflict began in 2011.');
  it('counts "five years after the conflict began" from where the article dated that start', () => {
    const e = yearsAfterEvent('Five years after the conflict began, talks resumed.', [start]);
    expect(brief(e!)).toEqual(['Five years after the conflict began', '2016', 'year', 'years-after-event']);
    expect(e?.basis).toEqual({ kind: 'years-after-event', event: 'conflict', began: 2011, beganText: 'in 2011', years: 5 });
  });
  it('does not count when the article never dated the start', () => {
    expect(yearsAfterEvent('Five years after the conflict began, talks resumed.', [])).toBeNull();
  });
});

describe('quarterNamedBefore', () => {
  const q3 = dated(2, 0, 'Third-quarter net fell.');
  it('takes the quarter named in this paragraph or the one before, and no further back', () => {
    expect(quarterNamedBefore([q3], 3)).toEqual({ year: 2015, quarter: 3 });
    expect(quarterNamedBefore([q3], 4)).toBeNull();
  });
  it('counts "a year earlier" from it in the next sentence', () => {
    const found = datesOfSentence('A year earlier, net was $2 million.', wed16Dec2015, [q3], 2, 1);
    expect(found.map(brief)).toEqual([['A year earlier', '2014-07-01/2014-09-30', 'range', 'quarter']]);
  });
});

describe('datesOfSentence', () => {
  it('counts "the previous day" from the day dated in the sentence before', () => {
    const found = datesOfSentence('The plan was agreed the previous day.', wed16Dec2015, [dated(1, 0, 'They met on Saturday.')], 1, 1);
    expect(found.map(brief)).toEqual([['the previous day', '2015-12-11', 'day', 'from-text-day']]);
  });
  it('leaves it unresolved with no day dated just before', () => {
    expect(datesOfSentence('The plan was agreed the previous day.', wed16Dec2015, [], 1, 1).map(brief)).toEqual([
      ['the previous day', null, 'unresolved', 'unresolved'],
    ]);
  });
});

describe('daySpoken', () => {
  const today = findTimeExpressions('"We are ready today," he said.', wed16Dec2015);
  const monday = dated(3, 0, 'He spoke on Monday.');
  it('makes "today" in a quote the day dated just before, within the week', () => {
    expect(today).toHaveLength(1);
    const e = daySpoken(today[0]!, wed16Dec2015, [monday], 4);
    expect([e?.value, e?.basis]).toEqual(['2015-12-14', { kind: 'day-spoken', spoken: { day: '2015-12-14', text: 'on Monday' } }]);
  });
  it('does not take a day dated two paragraphs before, or an expression that is not the present', () => {
    expect(daySpoken(today[0]!, wed16Dec2015, [monday], 5)).toBeNull();
    expect(daySpoken(monday.time, wed16Dec2015, [monday], 3)).toBeNull();
  });
});
