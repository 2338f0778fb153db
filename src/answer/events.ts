import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { EventRef } from '../index/eventIndex.ts';
import type { EventMention } from '../model/index.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { eventTerms } from '../nlp/eventWords.ts';
import { citationOf } from './citation.ts';
import type { Citation } from './types.ts';

/** An event mention with its article. */
export function mentionOf(corpus: LoadedCorpus, ref: EventRef): { article: Article; event: EventMention } {
  const article = corpus.articles[ref.article] as Article;
  return { article, event: article.events[ref.event] as EventMention };
}

/** The citation of a dated sentence: its paragraph, or the caption it stands in. */
export function eventCitation(article: Article, event: EventMention): Citation {
  const text = event.sentence;
  if (event.paragraph !== null) return { ...citationOf(article, article.paragraphs[event.paragraph] as Paragraph), text };
  return { ...citationOf(article), caption: true, offsets: event.sentenceOffsets, text };
}

/** The words of a mention's own event, as ranking reads them (see `eventTerms`). */
export function ownTerms(corpus: LoadedCorpus, id: number): Set<string> {
  const { article, event } = mentionOf(corpus, corpus.events.ref(id));
  const same = article.events.filter((e) => e.sentenceOffsets[0] === event.sentenceOffsets[0] && e.paragraph === event.paragraph);
  const dated = same.filter((e) => e.time.value !== null && e.time.granularity !== 'duration');
  return new Set(
    eventTerms(
      event.sentence,
      dated.map((e) => [e.time.start, e.time.end] as const),
      dated.indexOf(event),
    ),
  );
}

/** The share of words two sets have in common. */
export const jaccard = (a: Set<string>, b: Set<string>): number => {
  let both = 0;
  for (const t of a) if (b.has(t)) both += 1;
  return both / Math.max(1, a.size + b.size - both);
};
