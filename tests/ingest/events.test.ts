import { describe, expect, it } from 'vitest';
import { EventIndex } from '../../src/index/eventIndex.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import { terms } from '../../src/nlp/terms.ts';

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
