import { mentionAt } from '../index/articleStore.ts';
import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { EventRef } from '../index/eventIndex.ts';
import type { EventMention } from '../model/index.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { actionOf } from '../nlp/eventSynonyms.ts';
import type { MentionFacts } from './eventGroups.ts';
import { captionCitation, citationOf } from './citation.ts';
import type { Citation } from './types.ts';

/** An event mention with its article. */
export function mentionOf(corpus: LoadedCorpus, ref: EventRef): { article: Article; event: EventMention } {
  const article = corpus.articles[ref.article] as Article;
  return { article, event: mentionAt(article, ref.event) as EventMention };
}

/** The citation of a dated sentence: its paragraph, or the caption it stands in. */
export function eventCitation(article: Article, event: EventMention): Citation {
  const text = event.sentence;
  if (event.paragraph !== null) return citationOf(article, article.paragraphs[event.paragraph] as Paragraph, text);
  return captionCitation(article, event.sentenceOffsets, text);
}

/** The words of a mention's own event, as ranking reads them (see `ownTermsOf`; worked out at build). */
export const ownTerms = (corpus: LoadedCorpus, id: number): Set<string> => new Set(corpus.events.groupingTerms(id).own);

/** The empty set every mention without people, places, actions or names shares (a timeline reads a thousand mentions). */
const NONE: ReadonlySet<string> = new Set();
const setOf = (terms: readonly string[]): ReadonlySet<string> => (terms.length === 0 ? NONE : new Set(terms));

/**
 * Reads the typed facts of mentions for grouping them into events (see `MentionFacts`): the people of the
 * article its own event names, and the speaker of the quote that holds the date; the places of its sentence
 * in its own words; its actions; the words of its own event written with a capital. Each mention read once,
 * from what the index worked out at build (`groupingTermsOf`), never from the article.
 */
export function factsReader(corpus: LoadedCorpus): (id: number) => MentionFacts {
  const read = new Map<number, MentionFacts>();
  return (id) => {
    const known = read.get(id);
    if (known) return known;
    const { own, people, places, names } = corpus.events.groupingTerms(id);
    const words = new Set<string>();
    const actions = new Set<string>();
    for (const t of own) {
      const action = actionOf(t);
      words.add(action ?? t);
      if (action !== null) actions.add(action);
    }
    const facts: MentionFacts = {
      id,
      value: corpus.events.valueOf(id),
      sentence: corpus.events.sentenceOf(id),
      span: corpus.events.spanOf(id),
      words,
      people: setOf(people),
      places: setOf(places),
      actions: actions.size === 0 ? NONE : actions,
      names: setOf(names),
    };
    read.set(id, facts);
    return facts;
  };
}
