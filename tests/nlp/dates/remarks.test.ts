import { describe, expect, it } from 'vitest';
import type { TimeExpression } from '../../../src/model/index.ts';
import { namedPeople } from '../../../src/nlp/coref.ts';
import { explainDate } from '../../../src/nlp/dates/explain.ts';
import { findTimeExpressions } from '../../../src/nlp/dates/find.ts';
import { type DatedRemarks, REMARKS_REACH, datesTheAct, remarksDated } from '../../../src/nlp/dates/remarks.ts';
import { type SpeechAct, speechActs } from '../../../src/nlp/speech.ts';
import { mention, sat12Dec, wed16Dec2015 } from './fixtures.ts';

/** An invented article's people: an analyst and a minister, each named once with a role. */
const people = namedPeople(['Tom Reyes, a political analyst in Ohio, wrote a book.', 'Foreign Minister Pavel Orlov flew in.']);

/** The one speech act of a sentence. */
function actOf(sentence: string): SpeechAct {
  const acts = speechActs(sentence, people, 2);
  expect(acts).toHaveLength(1);
  return acts[0]!;
}

/** The one expression of a sentence, resolved against Wed 16 Dec 2015 (with Sat 12 Dec dated just before). */
function dateOf(sentence: string): TimeExpression {
  const found = findTimeExpressions(sentence, wed16Dec2015, sat12Dec);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const dates = (sentence: string): boolean => datesTheAct(sentence, actOf(sentence), dateOf(sentence));

describe('datesTheAct', () => {
  it('takes a day before the subject, between subject and cue, or after the act with only its setting between', () => {
    expect(dates('On Tuesday, Reyes said the talks were late.')).toBe(true);
    expect(dates('Reyes on Tuesday said the talks were late.')).toBe(true);
    expect(dates('Reyes told Ohio Radio on Tuesday that the talks were late.')).toBe(true);
    expect(dates('Reyes made the remarks in an interview with Ohio Radio on Tuesday as the talks began.')).toBe(true);
  });

  it('leaves a day of the reported event, a day far from the act, and a day inside a quote', () => {
    expect(dates('Reyes said the army attacked the town on Tuesday.')).toBe(false);
    expect(dates('On Tuesday the army attacked the town, as Reyes said it would.')).toBe(false);
    expect(dates('Reyes said, "We met on Tuesday."')).toBe(false);
  });

  it('leaves a month, the present of the writing, and a day counted from another the text dated', () => {
    expect(dates('In December, Reyes said the talks were late.')).toBe(false);
    expect(dates('Today, Reyes said the talks were late.')).toBe(false);
    expect(dates('Yet the day before, Reyes said the talks were late.')).toBe(false);
  });
});

describe('remarksDated', () => {
  const dated = 'Reyes made the remarks in an interview on Tuesday.';
  const tuesday = mention(1, 0, dated, dateOf(dated));
  const remarks: DatedRemarks[] = [{ speaker: 'Tom Reyes', paragraph: 1, time: tuesday.time, mention: 0 }];
  const undated = 'The political analyst said the talks were late.';

  it('gives an undated act of the same speaker the day of their remarks, with no words of its own', () => {
    const t = remarksDated(undated, actOf(undated), remarks, [tuesday], 2);
    expect(t).toMatchObject({ value: '2015-12-15', granularity: 'day', text: '', start: undated.indexOf('said') });
    expect(t?.start).toBe(t?.end);
    expect(t?.basis).toEqual({
      kind: 'remarks-dated',
      speaker: 'Tom Reyes',
      described: 'The political analyst',
      remarks: { day: '2015-12-15', text: 'on Tuesday' },
      paragraph: 1,
    });
    expect(explainDate(t!)).toBe(
      `The political analyst (Tom Reyes) speaking, with no date in the sentence: the day of Tom Reyes's remarks dated in ¶2 ("on Tuesday", Tue 15 Dec 2015)`,
    );
  });

  it('gives nothing to another speaker, beyond the reach, or once the article has told of another time', () => {
    const orlov = 'Orlov said the talks were late.';
    expect(remarksDated(orlov, actOf(orlov), remarks, [tuesday], 2)).toBeNull();
    expect(remarksDated(undated, actOf(undated), remarks, [tuesday], 1 + REMARKS_REACH)).not.toBeNull();
    expect(remarksDated(undated, actOf(undated), remarks, [tuesday], 2 + REMARKS_REACH)).toBeNull();
    const july = 'The town fell in July.';
    expect(remarksDated(undated, actOf(undated), remarks, [tuesday, mention(2, 0, july, dateOf(july))], 3)).toBeNull();
    const now = 'The town is calm now.';
    expect(remarksDated(undated, actOf(undated), remarks, [tuesday, mention(2, 0, now, dateOf(now))], 3)).not.toBeNull();
  });

  it('gives nothing to words the sentence puts at another time', () => {
    const then = 'The political analyst said at the time that the talks were late.';
    expect(remarksDated(then, actOf(then), remarks, [tuesday], 2)).toBeNull();
  });
});
