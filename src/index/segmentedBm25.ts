import {
  type Bm25Hit,
  type Bm25Index,
  type Bm25SearchOptions,
  inverseFrequency,
  orderKey,
  rankTouched,
  termScore,
  topHits,
} from './bm25.ts';

/** What the indexes read of a BM25 index: a single `Bm25Index`, or several composed (`SegmentedBm25`). */
export type Bm25Searcher = Pick<Bm25Index, 'search' | 'termsIn' | 'has' | 'frequency' | 'fieldHas' | 'docCount'>;

/** One segment's index and where its documents stand among all: `toGlobal[local]`, or -1 for a deleted one. */
export interface Bm25Part {
  index: Bm25Index;
  toGlobal: Int32Array;
}

/** Flags of `seen`, as in `Bm25Index`. */
const TERM = 1;
const HIT = 2;

/**
 * Several segments' BM25 indexes searched as one, with the statistics of all of them together: the number
 * of live documents, each term's document frequency (less deleted documents) and each field's average length
 * (the running mean over live documents in global order, as one index built over them computes it). So a
 * query gives the same scores, and ties the same order, as one `Bm25Index` built over the live documents in
 * global order: a tie goes to the document met first, term by term in the query's order, then field by field,
 * then by global number, which is how one index meets them.
 *
 * @example
 * const all = new SegmentedBm25(['text'], [{ index: a, toGlobal: Int32Array.of(0, 2) }, { index: b, toGlobal: Int32Array.of(1) }]);
 * all.search(['kerri']).hits; // global document numbers
 */
export class SegmentedBm25 {
  readonly docCount: number;
  /** Per global document: its part and its number there (read, never written, by indexes over the same documents). */
  readonly partOf: Uint16Array;
  readonly localOf: Uint32Array;
  private readonly averages: number[];
  private readonly hasDeleted: boolean[];
  private scratch: {
    scores: Float64Array;
    termScores: Float64Array;
    matched: Uint16Array;
    seen: Uint8Array;
    firstField: Uint8Array;
    order: Float64Array;
    touched: Uint32Array;
    termDocs: Uint32Array;
  } | null = null;

  constructor(
    readonly fields: readonly string[],
    private readonly parts: readonly Bm25Part[],
  ) {
    // Plain loops over the typed arrays: this runs at every composition of a live index, over every document.
    let count = 0;
    this.hasDeleted = parts.map(({ toGlobal }) => {
      let live = 0;
      for (let local = 0; local < toGlobal.length; local += 1) if ((toGlobal[local] as number) >= 0) live += 1;
      count += live;
      return live < toGlobal.length;
    });
    this.docCount = count;
    const partOf = new Uint16Array(count);
    const localOf = new Uint32Array(count);
    parts.forEach(({ toGlobal }, k) => {
      for (let local = 0; local < toGlobal.length; local += 1) {
        const g = toGlobal[local] as number;
        if (g < 0) continue;
        partOf[g] = k;
        localOf[g] = local;
      }
    });
    this.partOf = partOf;
    this.localOf = localOf;
    this.averages = fields.map((_, f) => {
      const lengths = parts.map((p) => p.index.toJSON().postings[f]?.lengths ?? new Uint16Array(0));
      let average = 0;
      for (let g = 0; g < count; g += 1) {
        average = (average * g + ((lengths[partOf[g] as number] as Uint16Array)[localOf[g] as number] ?? 0)) / (g + 1);
      }
      return average;
    });
  }

  /** How many live documents have the term in the field. */
  frequency(term: string, field = 0): number {
    let df = 0;
    this.parts.forEach((p, k) => {
      const id = p.index.termId(term);
      const postings = p.index.toJSON().postings[field];
      if (id === undefined || !postings) return;
      const from = postings.start[id] as number;
      const to = postings.start[id + 1] as number;
      if (!this.hasDeleted[k]) df += to - from;
      else for (let i = from; i < to; i += 1) if ((p.toGlobal[postings.docs[i] as number] as number) >= 0) df += 1;
    });
    return df;
  }

  /** Does any live document have this term (in any field)? */
  has(term: string): boolean {
    return this.fields.some((_, f) => this.frequency(term, f) > 0);
  }

  /** The terms, of those given, that (global) document `doc` has. */
  termsIn(doc: number, terms: readonly string[]): string[] {
    return (this.parts[this.partOf[doc] as number] as Bm25Part).index.termsIn(this.localOf[doc] as number, terms);
  }

  fieldHas(doc: number, term: string, field: number): boolean {
    return (this.parts[this.partOf[doc] as number] as Bm25Part).index.fieldHas(this.localOf[doc] as number, term, field);
  }

  /** As `Bm25Index.search`, over every live document of every part; `doc` is the global number. */
  search(queryTerms: readonly string[], options: Bm25SearchOptions = {}): { hits: Bm25Hit[]; total: number } {
    const terms = [...new Set(queryTerms)];
    const and = options.combineWith === 'AND';
    const dfs = terms.map((t) => this.fields.map((_, f) => this.frequency(t, f)));
    const present = terms.flatMap((t, i) => ((dfs[i] as number[]).some((d) => d > 0) ? [{ term: t, df: dfs[i] as number[] }] : []));
    if (terms.length === 0 || (and && present.length < terms.length)) return { hits: [], total: 0 };
    const n = this.docCount;
    const boosts = this.fields.map((f) => options.boost?.[f] || 1);
    if (options.limit !== undefined && options.limit !== Number.POSITIVE_INFINITY) {
      const idfs = present.map(({ df }) => df.map((d) => inverseFrequency(n, d)));
      const parts = this.parts.map((part, k) => ({
        toGlobal: part.toGlobal,
        deletions: this.hasDeleted[k] as boolean,
        docCount: part.index.docCount,
        lists: present.map(({ term, df }, t) => {
          const id = part.index.termId(term);
          if (id === undefined) return [];
          return this.fields.flatMap((_, f) => {
            const p = part.index.toJSON().postings[f];
            if (df[f] === 0 || !p || p.start[id] === p.start[id + 1]) return [];
            return [part.index.termField(f, id, idfs[t]?.[f] as number, boosts[f] as number, this.averages[f] as number)];
          });
        }),
      }));
      return topHits(parts, { fieldCount: this.fields.length, and, need: terms.length }, options);
    }
    if (!this.scratch || this.scratch.scores.length < n)
      this.scratch = {
        scores: new Float64Array(n),
        termScores: new Float64Array(n),
        matched: new Uint16Array(n),
        seen: new Uint8Array(n),
        firstField: new Uint8Array(n),
        order: new Float64Array(n),
        touched: new Uint32Array(n),
        termDocs: new Uint32Array(n),
      };
    const { scores, termScores, matched, seen, firstField, order, touched, termDocs } = this.scratch;
    const fieldCount = this.fields.length;
    let touchedCount = 0;
    try {
      present.forEach(({ term, df }, k) => {
        const last = k === present.length - 1;
        let termCount = 0;
        this.fields.forEach((_, f) => {
          if (df[f] === 0) return;
          const idf = inverseFrequency(n, df[f] as number);
          const boost = boosts[f] as number;
          const average = this.averages[f] as number;
          for (const part of this.parts) {
            const id = part.index.termId(term);
            const p = part.index.toJSON().postings[f];
            if (id === undefined || !p) continue;
            const to = p.start[id + 1] as number;
            for (let i = p.start[id] as number; i < to; i += 1) {
              const local = p.docs[i] as number;
              const doc = part.toGlobal[local] as number;
              if (doc < 0) continue;
              const tf = p.freqs[i] as number;
              if (((seen[doc] as number) & TERM) === 0) {
                seen[doc] = (seen[doc] as number) | TERM;
                firstField[doc] = f;
                termDocs[termCount++] = doc;
              }
              termScores[doc] = (termScores[doc] as number) + boost * termScore(idf, tf, p.lengths[local] as number, average);
            }
          }
        });
        for (let j = 0; j < termCount; j += 1) {
          const doc = termDocs[j] as number;
          const field = firstField[doc] as number;
          if (((seen[doc] as number) & HIT) === 0) {
            order[doc] = orderKey(k, field, fieldCount, doc);
            touched[touchedCount++] = doc;
          }
          seen[doc] = HIT;
          if (and && last) order[doc] = orderKey(0, field, fieldCount, doc);
          scores[doc] = (scores[doc] as number) + (termScores[doc] as number);
          termScores[doc] = 0;
          matched[doc] = (matched[doc] as number) + 1;
        }
      });
      return rankTouched(touched, touchedCount, scores, matched, order, and ? terms.length : 1, options);
    } finally {
      for (let i = 0; i < touchedCount; i += 1) {
        const doc = touched[i] as number;
        scores[doc] = 0;
        matched[doc] = 0;
        seen[doc] = 0;
      }
    }
  }
}
