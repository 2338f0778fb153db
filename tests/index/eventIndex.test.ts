import { describe, expect, it } from 'vitest';
import { isDatedEvent, isWeakDate } from '../../src/index/eventIndex.ts';
import type { EventMention } from '../../src/model/index.ts';
import { findTimeExpressions } from '../../src/nlp/dates/index.ts';
import { mention, wed16Dec2015 } from '../nlp/dates/fixtures.ts';

/** The one expression of a sentence as a mention, its derivation replaced by other words. */
function reworded(sentence: string, derivation: string): EventMention {
  const found = findTimeExpressions(sentence, wed16Dec2015);
  expect(found).toHaveLength(1);
  return mention(0, 0, sentence, { ...found[0]!, derivation });
}

describe('ranking reads the basis, not the words', () => {
  it('keeps "today" weak whatever its derivation says', () => {
    const today = reworded('The town is calm today.', 'the day of writing');
    expect(today.time.basis.kind).toBe('present');
    expect(isWeakDate(today)).toBe(true);
  });
  it('keeps a weekday strong even when its words say "the present of"', () => {
    const friday = reworded('They met on Friday.', '"on Friday": the present of an article published Wed 16 Dec 2015');
    expect(isWeakDate(friday)).toBe(false);
    expect(isDatedEvent(friday)).toBe(true);
  });
  it('dates no event with a length, whatever its value', () => {
    const hours = reworded('They talked for nearly 10 hours.', 'a day');
    expect(hours.time.basis.kind).toBe('length');
    expect(isDatedEvent({ ...hours, time: { ...hours.time, granularity: 'day', value: '2015-12-16' } })).toBe(false);
  });
});
