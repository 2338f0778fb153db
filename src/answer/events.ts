import type { LoadedCorpus } from '../index/loadedCorpus.ts';
import type { EventRef } from '../index/eventIndex.ts';
import type { EventMention } from '../model/index.ts';
import type { Article, Paragraph } from '../model/index.ts';
import { actionOf } from '../nlp/eventSynonyms.ts';
import { eventTerms } from '../nlp/eventWords.ts';
import { surnameKey } from '../nlp/people.ts';
import { terms, tokenize } from '../nlp/terms.ts';
import type { MentionFacts } from './eventGroups.ts';
import { captionCitation, citationOf } from './citation.ts';
import type { Citation } from './types.ts';

/** An event mention with its article. */
export function mentionOf(corpus: LoadedCorpus, ref: EventRef): { article: Article; event: EventMention } {
  const article = corpus.articles[ref.article] as Article;
  return { article, event: article.events[ref.event] as EventMention };
}

/** The citation of a dated sentence: its paragraph, or the caption it stands in. */
export function eventCitation(article: Article, event: EventMention): Citation {
  const text = event.sentence;
  if (event.paragraph !== null) return citationOf(article, article.paragraphs[event.paragraph] as Paragraph, text);
  return captionCitation(article, event.sentenceOffsets, text);
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

/** The surname terms of everyone an article names or quotes: "Kerry said" is John Kerry where the article named him. */
function peopleOf(article: Article): Set<string> {
  const names = [
    ...article.events.flatMap((e) => [...e.people, ...(e.speakers ?? [])]),
    ...article.quotes.flatMap((q) => (q.speaker.kind === 'person' && q.speaker.status === 'attributed' ? q.speaker.members : [])),
  ];
  return new Set(names.flatMap((n) => terms(surnameKey(n))));
}

/**
 * Reads the typed facts of mentions for grouping them into events (see `MentionFacts`): the people of the
 * article its own event names, and the speaker of the quote that holds the date; the places of its sentence
 * in its own words; its actions; the words of its own event written with a capital. Each mention read once.
 */
export function factsReader(corpus: LoadedCorpus): (id: number) => MentionFacts {
  const people = new Map<number, Set<string>>();
  const read = new Map<number, MentionFacts>();
  return (id) => {
    const known = read.get(id);
    if (known) return known;
    const { article, event } = mentionOf(corpus, corpus.events.ref(id));
    const ai = corpus.events.articleOf(id);
    const named = people.get(ai) ?? peopleOf(article);
    people.set(ai, named);
    const own = ownTerms(corpus, id);
    const capitalised = tokenize(event.sentence).flatMap((t) =>
      t.term !== null && own.has(t.term) && /\p{Lu}/u.test(event.sentence[t.start] ?? '') ? [t.term] : [],
    );
    const facts: MentionFacts = {
      id,
      value: corpus.events.valueOf(id),
      sentence: corpus.events.sentenceOf(id),
      span: event.time.offsets,
      words: new Set([...own].map((t) => actionOf(t) ?? t)),
      people: new Set([...[...own].filter((t) => named.has(t)), ...(event.speakers ?? []).flatMap((n) => terms(surnameKey(n)))]),
      places: new Set(terms(event.places.join(' ')).filter((t) => own.has(t))),
      actions: new Set([...own].flatMap((t) => actionOf(t) ?? [])),
      names: new Set(capitalised),
    };
    read.set(id, facts);
    return facts;
  };
}
