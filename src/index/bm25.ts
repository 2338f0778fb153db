/**
 * A read-only full-text index that scores as MiniSearch does (BM25+ with k = 1.2, b = 0.7, d = 0.5, field
 * boosts, and a document's score multiplied by how many of the query's terms it has), kept in typed arrays.
 *
 * Why not MiniSearch itself at serving time: MiniSearch keeps its postings in a Map per term and field
 * (about 100 bytes a posting, rebuilt object by object when a saved index is loaded), and answers a query
 * with every match as an object, sorted: on the benchmark's corpus its p99 is 130 ms at 100k paragraphs and
 * 4.7 s at a million. Here a posting is 6 bytes in one array, a saved index loads as a few buffers, and a query adds
 * scores into a reused array and keeps only the best `limit` hits. MiniSearch stays the reference: the
 * tests check that both give the same scores, and the benchmark runs both.
 *
 * @example
 * const b = new Bm25Builder(['text']);
 * b.add([['kerri', 'moscow']]);
 * b.add([['lavrov']]);
 * const index = b.finish();
 * index.search(['kerri']).hits; // [{ doc: 0, score: … }]
 * index.termsIn(0, ['kerri', 'lavrov']); // ['kerri']
 */

/** Per query, by document: the score so far, this term's score, terms matched, flags, the order met in. */
interface Scratch {
  scores: Float64Array;
  termScores: Float64Array;
  matched: Uint16Array;
  seen: Uint8Array;
  order: Uint32Array;
  /** The documents met, in the order met; and this term's. */
  touched: Uint32Array;
  termDocs: Uint32Array;
}
/** `seen` flags: met by the term being read; met by the query. */
const TERM = 1;
const HIT = 2;

const newScratch = (n: number): Scratch => ({
  scores: new Float64Array(n),
  termScores: new Float64Array(n),
  matched: new Uint16Array(n),
  seen: new Uint8Array(n),
  order: new Uint32Array(n),
  touched: new Uint32Array(n),
  termDocs: new Uint32Array(n),
});

/** MiniSearch's defaults. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A growable array of unsigned 32-bit integers. */
class U32List {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** One field's postings, in compressed-sparse-row form: term t's documents are `docs[start[t] .. start[t + 1])`, ascending. */
interface FieldPostings {
  start: Uint32Array;
  docs: Uint32Array;
  /** How often the term stands in the document's field (at most 65535). */
  freqs: Uint16Array;
  /** Per document: how many distinct terms the field has (MiniSearch's field length). */
  lengths: Uint16Array;
  /** The average field length, computed as MiniSearch does (a running mean). */
  average: number;
}

/** What `toJSON` gives and `load` takes: plain arrays and typed arrays, for `v8.serialize`. */
export interface SavedBm25 {
  fields: string[];
  terms: string[];
  docCount: number;
  postings: FieldPostings[];
}

/** A matched document: its number (the order it was added in) and its score. `termsIn` tells which terms it has. */
export interface Bm25Hit {
  doc: number;
  score: number;
}

export interface Bm25SearchOptions {
  /** 'OR' (default): any term; 'AND': every term. */
  combineWith?: 'AND' | 'OR';
  /** Weight of a field's matches (default 1 each), as MiniSearch's `boost`. */
  boost?: Record<string, number>;
  /** Only documents this accepts are counted and returned. */
  accept?: (doc: number) => boolean;
  /** How many hits to return, best first (default: all). `total` still counts every match. */
  limit?: number;
}

/** Collects documents, then freezes them into a `Bm25Index`. Documents are numbered from 0 in the order added. */
export class Bm25Builder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private docCount = 0;
  /** Per field: (term, doc, freq) triples in the order added, so each term's documents come out ascending. */
  private readonly triples: Array<{ term: U32List; doc: U32List; freq: U32List; lengths: U32List; average: number }>;

  constructor(readonly fields: readonly string[]) {
    this.triples = fields.map(() => ({ term: new U32List(), doc: new U32List(), freq: new U32List(), lengths: new U32List(), average: 0 }));
  }

  /** Adds a document: for each field, in the order of `fields`, its terms in order. */
  add(fieldTerms: ReadonlyArray<readonly string[]>): number {
    const doc = this.docCount++;
    this.fields.forEach((_, f) => {
      const t = this.triples[f] as (typeof this.triples)[number];
      const counts = new Map<string, number>();
      for (const term of fieldTerms[f] ?? []) counts.set(term, (counts.get(term) ?? 0) + 1);
      t.lengths.push(Math.min(counts.size, 65535));
      t.average = (t.average * doc + counts.size) / (doc + 1);
      for (const [term, n] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          this.termIds.set(term, id);
          this.terms.push(term);
        }
        t.term.push(id);
        t.doc.push(doc);
        t.freq.push(n);
      }
    });
    return doc;
  }

  finish(): Bm25Index {
    const termCount = this.terms.length;
    const postings = this.triples.map((t): FieldPostings => {
      const n = t.term.length;
      const start = new Uint32Array(termCount + 1);
      for (let i = 0; i < n; i += 1) (start[(t.term.data[i] as number) + 1] as number) += 1;
      for (let i = 0; i < termCount; i += 1) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
      const at = start.slice(0, termCount);
      const docs = new Uint32Array(n);
      const freqs = new Uint16Array(n);
      for (let i = 0; i < n; i += 1) {
        const term = t.term.data[i] as number;
        const k = (at[term] as number)++;
        docs[k] = t.doc.data[i] as number;
        freqs[k] = Math.min(t.freq.data[i] as number, 65535);
      }
      return { start, docs, freqs, lengths: Uint16Array.from(t.lengths.done()), average: t.average };
    });
    return Bm25Index.load({ fields: [...this.fields], terms: this.terms, docCount: this.docCount, postings });
  }
}

/** See the module comment. Build with `Bm25Builder`; save with `toJSON` and `v8.serialize`; read back with `load`. */
export class Bm25Index {
  private readonly termIds: Map<string, number>;
  /** Reused from query to query, sized to the corpus; every entry is back to zero between queries. */
  private scratch: Scratch | null = null;

  private constructor(private readonly saved: SavedBm25) {
    this.termIds = new Map(saved.terms.map((t, i) => [t, i]));
  }

  static load(saved: SavedBm25): Bm25Index {
    return new Bm25Index(saved);
  }

  toJSON(): SavedBm25 {
    return this.saved;
  }

  get docCount(): number {
    return this.saved.docCount;
  }

  /** The term's number in this index (for reading its postings, `toJSON().postings[field]`), or undefined. */
  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Does any document have this term (in any field)? */
  has(term: string): boolean {
    return this.termIds.has(term);
  }

  /** How many documents have the term in the field (the document frequency). */
  frequency(term: string, field = 0): number {
    const id = this.termIds.get(term);
    const p = this.saved.postings[field];
    return id === undefined || !p ? 0 : (p.start[id + 1] as number) - (p.start[id] as number);
  }

  /** The terms, of those given, that document `doc` has (in any field): for highlighting the hits shown. */
  termsIn(doc: number, terms: readonly string[]): string[] {
    return terms.filter((t) => {
      const id = this.termIds.get(t);
      return id !== undefined && this.docHas(id, doc);
    });
  }

  /** Does document `doc` have `term` in the field (the first field is 0)? For checking a hit without its text. */
  fieldHas(doc: number, term: string, field: number): boolean {
    const id = this.termIds.get(term);
    const p = this.saved.postings[field];
    return id !== undefined && p !== undefined && this.postingHas(p, id, doc);
  }

  /** Does document `doc` have `term` in any field? */
  private docHas(termId: number, doc: number): boolean {
    return this.saved.postings.some((p) => this.postingHas(p, termId, doc));
  }

  /** Does the field's posting list of the term hold the document? (A binary search.) */
  private postingHas(p: FieldPostings, termId: number, doc: number): boolean {
    let lo = p.start[termId] as number;
    let hi = (p.start[termId + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = p.docs[mid] as number;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * The documents matching the terms, best first, and how many match in all. Repeated terms count once.
   * Scores and ties are MiniSearch's, to the bit: a term's fields are summed, then the terms in order; equal
   * scores keep the order in which MiniSearch meets the documents (for OR, the first term that has them,
   * then its postings; for AND, the last term's postings).
   */
  search(queryTerms: readonly string[], options: Bm25SearchOptions = {}): { hits: Bm25Hit[]; total: number } {
    const { docCount, postings, fields } = this.saved;
    const terms = [...new Set(queryTerms)];
    const ids = terms.map((t) => this.termIds.get(t));
    const and = options.combineWith === 'AND';
    if (terms.length === 0 || (and && ids.some((id) => id === undefined))) return { hits: [], total: 0 };
    if (!this.scratch || this.scratch.scores.length < docCount) this.scratch = newScratch(docCount);
    const { scores, termScores, matched, seen, order, touched, termDocs } = this.scratch;
    let touchedCount = 0;
    // As MiniSearch: a boost of 0 (or none) counts as 1.
    const boosts = fields.map((f) => options.boost?.[f] || 1);
    const present = ids.filter((id): id is number => id !== undefined);
    try {
      present.forEach((id, k) => {
        const last = k === present.length - 1;
        // This term's score per document, fields added in order, in the order MiniSearch meets them.
        let termCount = 0;
        postings.forEach((p, f) => {
          const from = p.start[id] as number;
          const to = p.start[id + 1] as number;
          if (from === to) return;
          const idf = inverseFrequency(docCount, to - from);
          const boost = boosts[f] as number;
          for (let i = from; i < to; i += 1) {
            const doc = p.docs[i] as number;
            const tf = p.freqs[i] as number;
            const raw = termScore(idf, tf, p.lengths[doc] as number, p.average);
            if (((seen[doc] as number) & TERM) === 0) {
              seen[doc] = (seen[doc] as number) | TERM;
              termDocs[termCount++] = doc;
            }
            termScores[doc] = (termScores[doc] as number) + boost * raw;
          }
        });
        for (let j = 0; j < termCount; j += 1) {
          const doc = termDocs[j] as number;
          if (((seen[doc] as number) & HIT) === 0) {
            seen[doc] = HIT;
            order[doc] = touchedCount;
            touched[touchedCount++] = doc;
          } else seen[doc] = HIT;
          if (and && last) order[doc] = j;
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

/** BM25+'s inverse document frequency of a term that `df` of `docCount` documents have (MiniSearch's formula). */
export const inverseFrequency = (docCount: number, df: number): number => Math.log(1 + (docCount - df + 0.5) / (df + 0.5));

/** BM25+'s score of one posting, before the idf and boost: `tf` occurrences in a field of `length` terms. */
export const termScore = (idf: number, tf: number, length: number, average: number): number =>
  idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / average)));

/** A hit as ranked: its document, score, and the order it was met in (ties go to the one met first). */
export interface RankedHit extends Bm25Hit {
  order: number;
}

/**
 * The touched documents with at least `need` terms, accepted, counted, and the best `limit` kept, best first
 * (equal scores: the one met first). `order[doc]` says when a document was met; shared by every BM25 searcher.
 */
export function rankTouched(
  touched: ArrayLike<number>,
  touchedCount: number,
  scores: ArrayLike<number>,
  matched: ArrayLike<number>,
  order: ArrayLike<number>,
  need: number,
  options: Bm25SearchOptions,
): { hits: RankedHit[]; total: number } {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let total = 0;
  type Kept = RankedHit;
  /** Ranked after: a lower score, or the same score met later. */
  const after = (x: Kept, y: Kept): boolean => x.score < y.score || (x.score === y.score && x.order > y.order);
  // The best `limit` so far, as a heap with the one ranked last on top.
  const kept: Kept[] = [];
  for (let i = 0; i < touchedCount; i += 1) {
    const doc = touched[i] as number;
    const count = matched[doc] as number;
    if (count < need || (options.accept && !options.accept(doc))) continue;
    total += 1;
    const hit = { doc, score: (scores[doc] as number) * count, order: order[doc] as number };
    if (limit === Number.POSITIVE_INFINITY) kept.push(hit);
    else if (kept.length < limit) {
      kept.push(hit);
      for (let c = kept.length - 1; c > 0;) {
        const parent = (c - 1) >> 1;
        if (!after(kept[c] as Kept, kept[parent] as Kept)) break;
        [kept[c], kept[parent]] = [kept[parent] as Kept, kept[c] as Kept];
        c = parent;
      }
    } else if (kept.length > 0 && after(kept[0] as Kept, hit)) {
      kept[0] = hit;
      for (let c = 0; ;) {
        const l = 2 * c + 1;
        let m = c;
        if (l < kept.length && after(kept[l] as Kept, kept[m] as Kept)) m = l;
        if (l + 1 < kept.length && after(kept[l + 1] as Kept, kept[m] as Kept)) m = l + 1;
        if (m === c) break;
        [kept[c], kept[m]] = [kept[m] as Kept, kept[c] as Kept];
        c = m;
      }
    }
  }
  kept.sort((x, y) => y.score - x.score || x.order - y.order);
  // Returned as they are (with their `order`): copying a million hits costs as much as sorting them.
  return { hits: kept, total };
}
