/**
 * A read-only full-text index that scores as MiniSearch does (BM25+ with k = 1.2, b = 0.7, d = 0.5, field
 * boosts, and a document's score multiplied by how many of the query's terms it has), kept in typed arrays.
 *
 * Why not MiniSearch itself at serving time: MiniSearch keeps its postings in a Map per term and field
 * (about 100 bytes a posting, rebuilt object by object when a saved index is loaded), and answers a query
 * with every match as an object, sorted. At 100k paragraphs that was 3.5 GB and a p99 of 700 ms for common
 * words. Here a posting is 6 bytes in one array, a saved index loads as a few buffers, and a query adds
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
  /** Reused per query: scores and matched-term counts by document, and the documents touched. */
  private scores: Float64Array;
  private matched: Uint16Array;
  private touched: Uint32Array;

  private constructor(private readonly saved: SavedBm25) {
    this.termIds = new Map(saved.terms.map((t, i) => [t, i]));
    this.scores = new Float64Array(0);
    this.matched = new Uint16Array(0);
    this.touched = new Uint32Array(0);
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

  /** Does document `doc` have `term` in any field? (A binary search in the term's postings.) */
  private docHas(termId: number, doc: number): boolean {
    for (const p of this.saved.postings) {
      let lo = p.start[termId] as number;
      let hi = (p.start[termId + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const d = p.docs[mid] as number;
        if (d === doc) return true;
        if (d < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return false;
  }

  /**
   * The documents matching the terms, best first, and how many match in all. Repeated terms count once.
   * Ties keep the order the documents were added in.
   */
  search(queryTerms: readonly string[], options: Bm25SearchOptions = {}): { hits: Bm25Hit[]; total: number } {
    const { docCount, postings, fields } = this.saved;
    const terms = [...new Set(queryTerms)];
    const ids = terms.map((t) => this.termIds.get(t));
    const and = options.combineWith === 'AND';
    if (terms.length === 0 || (and && ids.some((id) => id === undefined))) return { hits: [], total: 0 };
    if (this.scores.length < docCount) {
      this.scores = new Float64Array(docCount);
      this.matched = new Uint16Array(docCount);
      this.touched = new Uint32Array(docCount);
    }
    const { scores, matched, touched } = this;
    let touchedCount = 0;
    const boosts = fields.map((f) => options.boost?.[f] ?? 1);
    for (const id of ids) {
      if (id === undefined) continue;
      postings.forEach((p, f) => {
        const from = p.start[id] as number;
        const to = p.start[id + 1] as number;
        if (from === to) return;
        const idf = Math.log(1 + (docCount - (to - from) + 0.5) / (to - from + 0.5));
        const w = (boosts[f] as number) * idf;
        const norm = K / p.average;
        for (let i = from; i < to; i += 1) {
          const doc = p.docs[i] as number;
          const tf = p.freqs[i] as number;
          const s = w * (D + (tf * (K + 1)) / (tf + K * (1 - B) + norm * B * (p.lengths[doc] as number)));
          if (scores[doc] === 0 && matched[doc] === 0) touched[touchedCount++] = doc;
          scores[doc] = (scores[doc] as number) + s;
        }
      });
      this.countTerm(id);
    }
    const need = and ? terms.length : 1;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    let total = 0;
    // The best `limit` so far, as a min-heap: the worst kept hit (lowest score, then latest document) on top.
    const kept: Array<{ doc: number; score: number }> = [];
    const worse = (x: { doc: number; score: number }, y: { doc: number; score: number }): boolean =>
      x.score < y.score || (x.score === y.score && x.doc > y.doc);
    for (let i = 0; i < touchedCount; i += 1) {
      const doc = touched[i] as number;
      const count = matched[doc] as number;
      const score = (scores[doc] as number) * count;
      scores[doc] = 0;
      matched[doc] = 0;
      if (count < need || (options.accept && !options.accept(doc))) continue;
      total += 1;
      const hit = { doc, score };
      if (limit === Number.POSITIVE_INFINITY) kept.push(hit);
      else if (kept.length < limit) {
        kept.push(hit);
        for (let c = kept.length - 1; c > 0;) {
          const parent = (c - 1) >> 1;
          if (!worse(kept[c] as typeof hit, kept[parent] as typeof hit)) break;
          [kept[c], kept[parent]] = [kept[parent] as typeof hit, kept[c] as typeof hit];
          c = parent;
        }
      } else if (kept.length > 0 && worse(kept[0] as typeof hit, hit)) {
        kept[0] = hit;
        for (let c = 0; ;) {
          const l = 2 * c + 1;
          let m = c;
          if (l < kept.length && worse(kept[l] as typeof hit, kept[m] as typeof hit)) m = l;
          if (l + 1 < kept.length && worse(kept[l + 1] as typeof hit, kept[m] as typeof hit)) m = l + 1;
          if (m === c) break;
          [kept[c], kept[m]] = [kept[m] as typeof hit, kept[c] as typeof hit];
          c = m;
        }
      }
    }
    const hits = kept.sort((x, y) => y.score - x.score || x.doc - y.doc);
    return { hits, total };
  }

  /** Adds one to the matched-term count of every document the term's postings list (in any field). */
  private countTerm(id: number): void {
    const { matched } = this;
    for (const p of this.saved.postings) {
      const to = p.start[id + 1] as number;
      for (let i = p.start[id] as number; i < to; i += 1) {
        const doc = p.docs[i] as number;
        // The high bit marks "already counted for this term" when a term stands in two fields.
        if ((matched[doc] as number) & 0x8000) continue;
        matched[doc] = ((matched[doc] as number) + 1) | 0x8000;
      }
    }
    for (const p of this.saved.postings) {
      const to = p.start[id + 1] as number;
      for (let i = p.start[id] as number; i < to; i += 1) {
        const doc = p.docs[i] as number;
        matched[doc] = (matched[doc] as number) & 0x7fff;
      }
    }
  }
}
