import MiniSearch from 'minisearch';
import type { EventMention } from '../ingest/events.ts';
import type { Article } from '../ingest/types.ts';
import { terms } from '../nlp/terms.ts';
import type { ParagraphIndex } from './paragraphIndex.ts';

/** Where an event mention stands: article index and mention index. */
export interface EventRef {
  article: number;
  event: number;
}

interface EventDoc {
  id: number;
  sentence: string;
  who: string;
}

const options = {
  fields: ['sentence', 'who'],
  storeFields: [],
  tokenize: (text: string): string[] => terms(text),
  processTerm: (term: string): string => term,
  searchOptions: { processTerm: (term: string): string => term },
};

/** Is this a date of something that happened (not a length of time, not "now")? */
export const isDatedEvent = (e: EventMention): boolean => e.time.value !== null && e.time.granularity !== 'duration';

/**
 * Weak evidence for "when did X happen": "now" and "today" date the writing, not the event, and
 * "previously" only says "some time before".
 */
export const isWeakDate = (e: EventMention): boolean => /the present of/.test(e.time.derivation) || (e.time.value ?? '').startsWith('../');

/** The dated sentences of the corpus, searchable by their words, people and places. */
export class EventIndex {
  private constructor(
    readonly refs: EventRef[],
    private readonly search: MiniSearch<EventDoc>,
  ) {}

  static build(articles: Article[]): EventIndex {
    const refs: EventRef[] = [];
    const search = new MiniSearch<EventDoc>(options);
    articles.forEach((a, ai) => {
      a.events.forEach((e, ei) => {
        if (!isDatedEvent(e)) return;
        search.add({ id: refs.length, sentence: e.sentence, who: [...e.people, ...e.places].join(' ') });
        refs.push({ article: ai, event: ei });
      });
    });
    return new EventIndex(refs, search);
  }

  static load(saved: unknown): EventIndex {
    const s = saved as { refs: EventRef[]; search: Parameters<typeof MiniSearch.loadJS>[0] };
    return new EventIndex(s.refs, MiniSearch.loadJS<EventDoc>(s.search, options));
  }

  toJSON(): unknown {
    return { refs: this.refs, search: this.search.toJSON() };
  }

  /**
   * Dated mentions matching the words: those with every word first; if none has them all, any word.
   * Typos are read through the paragraph index's lexicon.
   */
  query(
    words: string,
    index: ParagraphIndex,
  ): { hits: Array<{ ref: EventRef; score: number; all: boolean }>; corrections: Array<[string, string]>; unknown: string[] } {
    const { searchTerms, corrections, unknown } = index.prepare(words);
    if (searchTerms.length === 0) return { hits: [], corrections, unknown };
    const run = (combineWith: 'AND' | 'OR') =>
      this.search
        .search(searchTerms.join(' '), { tokenize: (s) => s.split(' '), combineWith })
        .map((r) => ({ ref: this.refs[r.id as number] as EventRef, score: r.score }));
    const all = run('AND');
    if (all.length > 0) return { hits: all.map((h) => ({ ...h, all: true })), corrections, unknown };
    return { hits: run('OR').map((h) => ({ ...h, all: false })), corrections, unknown };
  }
}
