/**
 * What grouping a timeline's mentions into events reads of each dated mention, worked out once at build (see
 * `EventIndex.groupingTerms`) rather than from the article's text at every question: reading thousands of
 * mentions' sentences and articles made a common topic's timeline cost 0.1 s on 5,000 paragraphs.
 */
import type { Article, EventMention } from '../model/index.ts';
import { eventTerms } from '../nlp/eventWords.ts';
import { surnameKey } from '../nlp/people.ts';
import { terms, tokenize } from '../nlp/terms.ts';

/** A dated mention's terms by what they are to its event. */
export interface GroupingTerms {
  /** The words of its own event (see `eventTerms`). */
  own: string[];
  /** The people its own event names (surnames of people the article names or quotes), and who spoke the words that hold the date. */
  people: string[];
  /** The places of its sentence that are among its own words. */
  places: string[];
  /** Its own words written with a capital in the sentence: who and what is named. */
  names: string[];
}

/** The surname terms of everyone an article names or quotes: "Kerry said" is John Kerry where the article named him. */
export function peopleOf(article: Article): Set<string> {
  const names = [
    ...article.events.flatMap((e) => [...e.people, ...(e.speakers ?? [])]),
    ...article.quotes.flatMap((q) => (q.speaker.kind === 'person' && q.speaker.status === 'attributed' ? q.speaker.members : [])),
  ];
  return new Set(names.flatMap((n) => terms(surnameKey(n))));
}

/** The words of a mention's own event, the other dates of its sentence (with a value, not lengths) marking its bounds. */
export function ownTermsOf(article: Article, event: EventMention): Set<string> {
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

/** The grouping terms of one mention of `article`; `people` is `peopleOf(article)`. */
export function groupingTermsOf(article: Article, event: EventMention, people: ReadonlySet<string>): GroupingTerms {
  const own = ownTermsOf(article, event);
  const capitalised = tokenize(event.sentence).flatMap((t) =>
    t.term !== null && own.has(t.term) && /\p{Lu}/u.test(event.sentence[t.start] ?? '') ? [t.term] : [],
  );
  return {
    own: [...own],
    people: [...new Set([...[...own].filter((t) => people.has(t)), ...(event.speakers ?? []).flatMap((n) => terms(surnameKey(n)))])],
    places: [...new Set(terms(event.places.join(' ')).filter((t) => own.has(t)))],
    names: [...new Set(capitalised)],
  };
}
