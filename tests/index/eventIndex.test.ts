import { describe, expect, it } from 'vitest';
import { isDatedEvent, isWeakDate } from '../../src/index/eventIndex.ts';
import type { EventMention } from '../../src/model/index.ts';
import { findTimeExpressions } from '../../src/nlp/dates/index.ts';
import { mention, wed16Dec2015 } from '../nlp/dates/fixtures.ts';

/** The one expression of a sentence as a mention. */
function mentionIn(sentence: string): EventMention {
  const found = findTimeExpressions(sentence, wed16Dec2015);
  expect(found).toHaveLength(1);
  return mention(0, 0, sentence, found[0]!);
}

describe('ranking reads the basis', () => {
  it('takes "today" as weak, and the same day read another way as strong', () => {
    const today = mentionIn('The town is calm today.');
    expect(today.time.basis.kind).toBe('present');
    expect(isWeakDate(today)).toBe(true);
    const asWritten = { ...today, time: { ...today.time, basis: { kind: 'as-written', form: 'full-date' } as const } };
    expect(isWeakDate(asWritten)).toBe(false);
  });
  it('takes a weekday as strong, and as weak once its basis says it reads the present', () => {
    const friday = mentionIn('They met on Friday.');
    expect(isWeakDate(friday)).toBe(false);
    expect(isDatedEvent(friday)).toBe(true);
    const anchor = { day: '2015-12-16', describe: 'an article published Wed 16 Dec 2015' };
    expect(isWeakDate({ ...friday, time: { ...friday.time, basis: { kind: 'present', anchor, form: 'now' } } })).toBe(true);
  });
  it('dates no event with a length, whatever its value', () => {
    const hours = mentionIn('They talked for nearly 10 hours.');
    expect(hours.time.basis.kind).toBe('length');
    expect(isDatedEvent({ ...hours, time: { ...hours.time, granularity: 'day', value: '2015-12-16' } })).toBe(false);
  });
});
