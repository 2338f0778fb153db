import type { EventMention } from '../ingest/events.ts';
import type { Article } from '../ingest/types.ts';
import { terms } from '../nlp/terms.ts';
import { Bm25Builder, Bm25Index, type SavedBm25 } from './bm25.ts';
import type { ParagraphIndex } from './paragraphIndex.ts';

/** Where an event mention stands: article index and mention index. */
export interface EventRef {
  article: number;
  event: number;
}

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
    private readonly search: Bm25Index,
  ) {}

  static build(articles: Article[]): EventIndex {
    const refs: EventRef[] = [];
    const search = new Bm25Builder(['sentence', 'who']);
    articles.forEach((a, ai) => {
      a.events.forEach((e, ei) => {
        if (!isDatedEvent(e)) return;
        search.add([terms(e.sentence), terms([...e.people, ...e.places].join(' '))]);
        refs.push({ article: ai, event: ei });
      });
    });
    return new EventIndex(refs, search.finish());
  }

  static load(saved: unknown): EventIndex {
    const s = saved as { refs: EventRef[]; search: SavedBm25 };
    return new EventIndex(s.refs, Bm25Index.load(s.search));
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
      this.search.search(searchTerms, { combineWith }).hits.map((r) => ({ ref: this.refs[r.doc] as EventRef, score: r.score }));
    const all = run('AND');
    if (all.length > 0) return { hits: all.map((h) => ({ ...h, all: true })), corrections, unknown };
    return { hits: run('OR').map((h) => ({ ...h, all: false })), corrections, unknown };
  }
}
