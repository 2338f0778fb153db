import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { EventRef } from '../index/eventIndex.ts';
import type { EventMention } from '../model/index.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { citationOf } from './citation.ts';
import type { Citation } from './types.ts';

/** An event mention with its article. */
export function mentionOf(corpus: LoadedCorpus, ref: EventRef): { article: Article; event: EventMention } {
  const article = corpus.articles[ref.article] as Article;
  return { article, event: article.events[ref.event] as EventMention };
}

/** The citation of a dated sentence: its paragraph, or the caption it stands in. */
export function eventCitation(article: Article, event: EventMention): Citation {
  if (event.paragraph !== null) return citationOf(article, article.paragraphs[event.paragraph] as Paragraph);
  return { ...citationOf(article), caption: true, offsets: event.sentenceOffsets };
}
