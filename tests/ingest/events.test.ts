import { describe, expect, it } from 'vitest';
import { EventIndex } from '../../src/index/eventIndex.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import { terms } from '../../src/nlp/terms.ts';
import { dateRecords } from '../../src/answer/export.ts';
import { isRemarksDated } from '../../src/nlp/dates/basis.ts';
import { evaluateDates } from '../eval/dateEval.ts';
import { foundTimexes } from '../eval/timeml.ts';

/** An invented article: a US and a Russian diplomat named with their titles, then described in a dated sentence. */
const RAW = `---
title: "Talks in Oslo"
outlet: "Test Wire"
published: "2016-03-10T00:00:00Z"
---
Secretary of State Anna Bell flew to Oslo to see Russian Foreign Minister Pavel Orlov and Russian President Ivan Sokol.

Even as the U.S. envoy and the Kremlin leader were meeting on Tuesday, the shelling went on.

The diplomat will fly home in May.
`;

describe('findEvents', () => {
  const article = ingestArticle('t', 't.txt', RAW);
  const tuesday = article.events.find((e) => e.time.text.includes('Tuesday'));
  const may = article.events.find((e) => e.time.text.includes('May'));

  it('gives a dated mention the people its sentence names by description, and says which came so', () => {
    expect(tuesday?.people).toEqual(['Anna Bell', 'Ivan Sokol']);
    expect(tuesday?.described.map((d) => [d.description, d.name])).toEqual([
      ['the U.S. envoy', 'Anna Bell'],
      ['the Kremlin leader', 'Ivan Sokol'],
    ]);
  });

  it('gives no one for a description two people fit', () => {
    expect(may?.people).toEqual([]);
  });

  it('makes the described people words of the mention’s own event in the index', () => {
    const events = EventIndex.build([article]);
    const hits = events.withAnyOf(terms('Sokol')).map((h) => events.ref(h.doc).event);
    expect(hits).toEqual([article.events.indexOf(tuesday!)]);
  });
});

/**
 * An invented interview: an analyst's remarks dated in ¶1, then his undated words by description, by pronoun
 * and by surname, a sentence of another time, and his words after it.
 */
const INTERVIEW = `---
title: "Truce in Aleppo"
outlet: "Test Wire"
published: "2016-03-10T00:00:00Z"
---
Tom Reyes, a political analyst in Ohio, made the remarks in an interview with Ohio Radio on Tuesday as the envoys met.

The political analyst said the truce in Aleppo was fragile. The previous day, the rebels shelled the old city.

He said the rebels would not disarm.

Reyes added that the monitors were too few.

The army has held the airport since late January.

The analyst said the shelling would go on.
`;

describe('findEvents: words dated by their speaker’s remarks', () => {
  const article = ingestArticle('i', 'i.txt', INTERVIEW);
  const byRemarks = article.events.filter((e) => isRemarksDated(e.time.basis));

  it('dates a certain speaker’s undated words by the day of his remarks a few paragraphs before', () => {
    expect(byRemarks.map((e) => [e.paragraph, e.time.value, e.speakers])).toEqual([
      [1, '2016-03-08', ['Tom Reyes']],
      [3, '2016-03-08', ['Tom Reyes']],
    ]);
    expect(byRemarks[0]?.time).toMatchObject({ text: '', basis: { described: 'The political analyst', paragraph: 0 } });
    // No words of its own: a point in the file, at the cue.
    const [start, end] = byRemarks[0]!.time.offsets;
    expect([end - start, INTERVIEW.slice(start, start + 4)]).toEqual([0, 'said']);
  });

  it('dates no pronoun’s words, nor words after the article told of another time', () => {
    expect(byRemarks.some((e) => e.sentence.startsWith('He said'))).toBe(false);
    expect(byRemarks.some((e) => e.sentence.includes('shelling would go on'))).toBe(false);
  });

  it('keeps the mentions in the order of the text, and no later expression counts from them', () => {
    const paragraphs = article.events.filter((e) => !e.caption).map((e) => e.paragraph as number);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    const previous = article.events.find((e) => e.time.text === 'The previous day');
    expect(previous?.time).toMatchObject({ value: null, granularity: 'unresolved' });
  });

  it('gives the mention the words of its whole sentence and its speaker in the index', () => {
    const events = EventIndex.build([article]);
    const hits = events.withAnyOf(terms('fragile')).map((h) => h.doc);
    expect(hits.map((id) => article.events[events.ref(id).event]?.paragraph)).toEqual([1]);
    expect(events.isByRemarks(hits[0]!)).toBe(true);
    expect(events.termsOf(hits[0]!, terms('Reyes truce'))).toEqual(terms('Reyes truce'));
  });

  it('makes no record of the export, nor a found expression of the date evaluations', () => {
    const records = dateRecords(article, INTERVIEW);
    expect(records.map((r) => r.text)).not.toContain('');
    expect(records).toHaveLength(article.events.length - byRemarks.length);
    expect(foundTimexes([article])).toHaveLength(records.length);
    expect(evaluateDates([article], []).extra).toHaveLength(records.length);
  });
});
