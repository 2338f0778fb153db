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
  order: Float64Array;
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
  order: new Float64Array(n),
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

  /** Per term id, its count in the field being added; back to zero once the field is added. */
  private counts = new Uint32Array(1024);

  /** Adds a document: for each field, in the order of `fields`, its terms in order. */
  add(fieldTerms: ReadonlyArray<readonly string[]>): number {
    const doc = this.docCount++;
    for (let f = 0; f < this.fields.length; f += 1) {
      const t = this.triples[f] as (typeof this.triples)[number];
      // The field's distinct terms in the order first seen (new terms numbered in that order), each with its count.
      const distinct: number[] = [];
      for (const term of fieldTerms[f] ?? []) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.terms.length;
          this.termIds.set(term, id);
          this.terms.push(term);
          if (id >= this.counts.length) {
            const grown = new Uint32Array(this.counts.length * 2);
            grown.set(this.counts);
            this.counts = grown;
          }
        }
        if (this.counts[id] === 0) distinct.push(id);
        (this.counts[id] as number) += 1;
      }
      t.lengths.push(Math.min(distinct.length, 65535));
      t.average = (t.average * doc + distinct.length) / (doc + 1);
      for (const id of distinct) {
        t.term.push(id);
        t.doc.push(doc);
        t.freq.push(this.counts[id] as number);
        this.counts[id] = 0;
      }
    }
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
  /** Per field, by term: see `saturationPeaks`. */
  private readonly peaks: Array<Map<number, Float32Array> | undefined> = [];

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
   * Term `id`'s postings in field `f`, to be scored with the given statistics (this index's own, or those of
   * several indexes searched as one, see `SegmentedBm25`): for the pruned search.
   */
  termField(f: number, id: number, idf: number, boost: number, average: number): TermField {
    const p = this.saved.postings[f] as FieldPostings;
    const blocks = this.saturationPeaks(f, id);
    let own = 0;
    for (const b of blocks) if (b > own) own = b;
    // See `saturationPeaks`: scored at another average length, a peak grows at most by their ratio.
    const scale = p.average > 0 ? Math.max(1, average / p.average) : Number.POSITIVE_INFINITY;
    return {
      field: f,
      docs: p.docs,
      freqs: p.freqs,
      lengths: p.lengths,
      at: p.start[id] as number,
      to: p.start[id + 1] as number,
      idf,
      boost,
      average,
      peak: boost * idf * (D + Math.min(K + 1, own * scale)) * SLACK,
      base: p.start[id] as number,
      blocks,
      scale,
    };
  }

  /**
   * Per block of BLOCK postings of term `id` in field `f`, the highest saturation among them (a posting's BM25+
   * score over its idf, less D: `tf (k + 1) / (tf + k (1 - b + b length / average))`) at this index's average
   * field length, rounded up. Worked out on first use, a read of the term's postings, and kept (4 bytes a block,
   * for the terms asked about). At another average a' the saturation of any posting is at most `max(1, a' / a)`
   * times what it is at a (its denominator shrinks by at most a / a').
   */
  private saturationPeaks(f: number, id: number): Float32Array {
    const cache = (this.peaks[f] ??= new Map());
    const known = cache.get(id);
    if (known) return known;
    const p = this.saved.postings[f] as FieldPostings;
    const from = p.start[id] as number;
    const to = p.start[id + 1] as number;
    const blocks = new Float32Array(Math.ceil((to - from) / BLOCK));
    for (let i = from; i < to; i += 1) {
      const s = termScore(1, p.freqs[i] as number, p.lengths[p.docs[i] as number] as number, p.average) - D;
      const b = (i - from) >> BLOCK_BITS;
      // A float32 keeps 24 bits: one part in a million up keeps it above the peak.
      if (s * (1 + 1e-6) > (blocks[b] as number)) blocks[b] = s * (1 + 1e-6);
    }
    cache.set(id, blocks);
    return blocks;
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
    // As MiniSearch: a boost of 0 (or none) counts as 1.
    const boosts = fields.map((f) => options.boost?.[f] || 1);
    const present = ids.filter((id): id is number => id !== undefined);
    if (options.limit !== undefined && options.limit !== Number.POSITIVE_INFINITY) {
      const lists = present.map((id) =>
        postings.flatMap((p, f) => {
          const df = (p.start[id + 1] as number) - (p.start[id] as number);
          return df === 0 ? [] : [this.termField(f, id, inverseFrequency(docCount, df), boosts[f] as number, p.average)];
        }),
      );
      return topHits(
        [{ lists, toGlobal: null, deletions: false, docCount }],
        { fieldCount: fields.length, and, need: terms.length },
        options,
      );
    }
    if (!this.scratch || this.scratch.scores.length < docCount) this.scratch = newScratch(docCount);
    const { scores, termScores, matched, seen, order, touched, termDocs } = this.scratch;
    let touchedCount = 0;
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
              if (((seen[doc] as number) & HIT) === 0) order[doc] = orderKey(k, f, fields.length, doc);
              if (and && last) order[doc] = orderKey(0, f, fields.length, doc);
              seen[doc] = (seen[doc] as number) | TERM;
              termDocs[termCount++] = doc;
            }
            termScores[doc] = (termScores[doc] as number) + boost * raw;
          }
        });
        for (let j = 0; j < termCount; j += 1) {
          const doc = termDocs[j] as number;
          if (((seen[doc] as number) & HIT) === 0) touched[touchedCount++] = doc;
          seen[doc] = HIT;
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

/** An order key: the query term (among those present) that met the document first, that term's first field with it, the document. */
export const orderKey = (term: number, field: number, fieldCount: number, doc: number): number =>
  (term * fieldCount + field) * 2 ** 32 + doc;

/** Bounds are raised by this factor: summing the same scores in another order may round them up by an ulp or two. */
const SLACK = 1 + 1e-9;

/** One query term's postings in one field of one index, as the pruned search reads them (`at` moves on). */
export interface TermField {
  field: number;
  docs: Uint32Array;
  freqs: Uint16Array;
  lengths: Uint16Array;
  /** The next posting to read; the postings end before `to`. */
  at: number;
  to: number;
  idf: number;
  boost: number;
  average: number;
  /** No posting of the list scores more (boost included). */
  peak: number;
  /** Where the list starts, its blocks' saturation peaks (see `Bm25Index.saturationPeaks`) and how much they may grow here. */
  base: number;
  blocks: Float32Array;
  scale: number;
}

/** Postings are bounded in blocks of BLOCK = 2^BLOCK_BITS. */
const BLOCK_BITS = 6;
const BLOCK = 1 << BLOCK_BITS;

/**
 * Moves a list past its blocks whose best posting, with `rest` (the bounds of the terms only looked up, `others`
 * of them), scores below θ: when it is the only term whose documents are read, none of them can make a hit.
 */
function skipBlocks(l: TermField, rest: number, others: number, theta: number): void {
  while (l.at < l.to) {
    const block = (l.at - l.base) >> BLOCK_BITS;
    const best = l.boost * l.idf * (D + Math.min(K + 1, (l.blocks[block] as number) * l.scale));
    if ((best + rest) * (others + 1) * SLACK >= theta) return;
    l.at = Math.min(l.to, l.base + (block + 1) * BLOCK);
  }
}

/** One index of those searched: per query term present (in query order), its lists by field; and its document numbers. */
export interface PartTerms {
  lists: TermField[][];
  /** A document's number among all, or -1 for a deleted one; null: the index's own. */
  toGlobal: Int32Array | null;
  /** Has the part deleted documents (that its lists still hold)? */
  deletions: boolean;
  docCount: number;
}

const NONE = 2 ** 32;

/** The term's next document at or after its lists' current postings (NONE when they are read). */
function termDoc(lists: readonly TermField[]): number {
  let d = NONE;
  for (const l of lists) if (l.at < l.to && (l.docs[l.at] as number) < d) d = l.docs[l.at] as number;
  return d;
}

/** Moves each list to its first posting of a document `doc` or after (galloping, then a binary search). */
function seek(lists: readonly TermField[], doc: number): void {
  for (const l of lists) {
    if (l.at >= l.to || (l.docs[l.at] as number) >= doc) continue;
    let step = 1;
    let lo = l.at;
    let hi = l.at + 1;
    while (hi < l.to && (l.docs[hi] as number) < doc) {
      lo = hi;
      step *= 2;
      hi = Math.min(l.to, hi + step);
    }
    // docs[lo] < doc, and docs[hi] >= doc or hi = to.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((l.docs[mid] as number) < doc) lo = mid;
      else hi = mid;
    }
    l.at = hi;
  }
}

/**
 * The term's score in document `doc` (its lists stand at `doc` or after), fields added in order as the
 * exhaustive search adds them; moves the lists that have it past it. `firstField` receives the first field with it.
 */
function scoreAt(lists: readonly TermField[], doc: number, firstField: { field: number }): number {
  let score = 0;
  firstField.field = -1;
  for (const l of lists) {
    if (l.at >= l.to || l.docs[l.at] !== doc) continue;
    if (firstField.field < 0) firstField.field = l.field;
    score += l.boost * termScore(l.idf, l.freqs[l.at] as number, l.lengths[doc] as number, l.average);
    l.at += 1;
  }
  return score;
}

/** The best `limit` hits so far, as a heap with the one ranked last on top (equal scores: the smaller order first). */
class TopHits {
  readonly kept: RankedHit[] = [];
  constructor(private readonly limit: number) {}

  /** Below this score nothing enters (at it, only a hit met earlier than the last kept). */
  get threshold(): number {
    if (this.limit <= 0) return Number.POSITIVE_INFINITY;
    return this.kept.length < this.limit ? Number.NEGATIVE_INFINITY : (this.kept[0] as RankedHit).score;
  }

  /** Keeps the hit if it ranks among the best `limit`. */
  offer(doc: number, score: number, order: number): void {
    const kept = this.kept;
    if (this.limit <= 0) return;
    if (kept.length < this.limit) {
      kept.push({ doc, score, order });
      for (let c = kept.length - 1; c > 0;) {
        const parent = (c - 1) >> 1;
        if (!ranksAfter(kept[c] as RankedHit, kept[parent] as RankedHit)) break;
        [kept[c], kept[parent]] = [kept[parent] as RankedHit, kept[c] as RankedHit];
        c = parent;
      }
      return;
    }
    const top = kept[0] as RankedHit;
    if (!(top.score < score || (top.score === score && top.order > order))) return;
    kept[0] = { doc, score, order };
    for (let c = 0; ;) {
      const l = 2 * c + 1;
      let m = c;
      if (l < kept.length && ranksAfter(kept[l] as RankedHit, kept[m] as RankedHit)) m = l;
      if (l + 1 < kept.length && ranksAfter(kept[l + 1] as RankedHit, kept[m] as RankedHit)) m = l + 1;
      if (m === c) break;
      [kept[c], kept[m]] = [kept[m] as RankedHit, kept[c] as RankedHit];
      c = m;
    }
  }

  /** The hits kept, best first. */
  sorted(): RankedHit[] {
    return this.kept.sort((x, y) => y.score - x.score || x.order - y.order);
  }
}

/** Ranked after: a lower score, or the same score met later. */
const ranksAfter = (x: RankedHit, y: RankedHit): boolean => x.score < y.score || (x.score === y.score && x.order > y.order);

/** What the pruned search needs to know of the query beyond the lists. */
interface QueryShape {
  fieldCount: number;
  and: boolean;
  /** How many distinct terms the query has (AND needs them all). */
  need: number;
}

/**
 * The best `limit` hits over the indexes' lists, the same hits, scores and order as the exhaustive search,
 * without scoring every posting. OR: MaxScore (Turtle and Flood), document at a time, terms ordered by their
 * bound (the sum of their lists' peaks): once the best `limit` so far score at least θ, the terms whose bounds
 * together (times their number: a score is multiplied by the terms matched) stay below θ cannot make a hit on
 * their own; only the others' documents are read, and the low terms are looked up in them, each document given
 * up as soon as its bound falls below θ. AND: the rarest term's documents, each looked up in the other terms.
 * `total` counts every match: for AND while searching; for OR when first read, by a pass over the postings
 * that scores nothing (the only pass over every posting, and only when the count is wanted).
 */
export function topHits(parts: readonly PartTerms[], shape: QueryShape, options: Bm25SearchOptions): { hits: RankedHit[]; total: number } {
  const top = new TopHits(options.limit ?? Number.POSITIVE_INFINITY);
  if (shape.and) {
    let total = 0;
    for (const part of parts) total += intersect(part, shape, top, options.accept);
    return { hits: top.sorted(), total };
  }
  // The count reads the lists from their starts: taken before the search moves them.
  const starts = parts.map((p) => p.lists.map((ls) => ls.map((l) => l.at)));
  for (const part of parts) maxScore(part, shape, top, options.accept);
  let total: number | undefined;
  return {
    hits: top.sorted(),
    get total(): number {
      total ??= parts.reduce((n, p, k) => n + countUnion(p, starts[k] as number[][], options.accept), 0);
      return total;
    },
  };
}

/** Adds the part's documents that have every term to `top`; returns how many there are (accepted). */
function intersect(part: PartTerms, shape: QueryShape, top: TopHits, accept: ((doc: number) => boolean) | undefined): number {
  const { lists } = part;
  if (lists.length < shape.need || lists.some((ls) => ls.length === 0)) return 0;
  const size = (ls: readonly TermField[]): number => ls.reduce((n, l) => n + l.to - l.at, 0);
  const rarestFirst = lists.map((_, k) => k).sort((x, y) => size(lists[x] as TermField[]) - size(lists[y] as TermField[]));
  const driver = lists[rarestFirst[0] as number] as TermField[];
  const first = { field: -1 };
  let total = 0;
  for (let doc = termDoc(driver); doc !== NONE; doc = termDoc(driver)) {
    let all = true;
    for (let i = 1; i < rarestFirst.length && all; i += 1) {
      const ls = lists[rarestFirst[i] as number] as TermField[];
      seek(ls, doc);
      all = termDoc(ls) === doc;
    }
    const global = part.toGlobal ? (part.toGlobal[doc] as number) : doc;
    if (!all || global < 0 || (accept && !accept(global))) {
      seek(driver, doc + 1);
      continue;
    }
    total += 1;
    let score = 0;
    for (const ls of lists) score += scoreAt(ls, doc, first);
    // As MiniSearch: ties go by the last term's postings.
    top.offer(global, score * lists.length, orderKey(0, first.field, shape.fieldCount, global));
  }
  return total;
}

/** Adds the part's best documents to `top` (see `topHits`). */
function maxScore(part: PartTerms, shape: QueryShape, top: TopHits, accept: ((doc: number) => boolean) | undefined): void {
  const { lists } = part;
  const m = lists.length;
  const bounds = lists.map((ls) => ls.reduce((n, l) => n + l.peak, 0));
  /** Terms by bound, the lowest first; `below[i]`: the bounds of the first i added. */
  const byBound = lists.map((_, k) => k).sort((x, y) => (bounds[x] as number) - (bounds[y] as number));
  const below = [0];
  for (const k of byBound) below.push((below[below.length - 1] as number) + (bounds[k] as number));
  /** Per term, its score in the document read (-1: it has not the term; a BM25+ score is above 0), and its first field there. */
  const termScores = new Float64Array(m).fill(-1);
  const firstFields = new Int32Array(m);
  const first = { field: -1 };
  /** byBound[low..] are the terms whose documents are read; those before them are only looked up. */
  let low = 0;
  for (;;) {
    const theta = top.threshold;
    while (low < m && (below[low + 1] as number) * (low + 1) < theta) low += 1;
    if (low === m - 1 && (lists[byBound[low] as number] as TermField[]).length === 1)
      skipBlocks((lists[byBound[low] as number] as TermField[])[0] as TermField, below[low] as number, low, theta);
    let doc = NONE;
    for (let i = low; i < m; i += 1) {
      const d = termDoc(lists[byBound[i] as number] as TermField[]);
      if (d < doc) doc = d;
    }
    if (doc === NONE) return;
    let sum = 0;
    let count = 0;
    for (let i = low; i < m; i += 1) {
      const k = byBound[i] as number;
      const ls = lists[k] as TermField[];
      if (termDoc(ls) !== doc) continue;
      const score = scoreAt(ls, doc, first);
      termScores[k] = score;
      firstFields[k] = first.field;
      sum += score;
      count += 1;
    }
    let open = true;
    for (let i = low - 1; i >= 0; i -= 1) {
      // The most it can score with every term left: below θ, it is given up.
      if ((sum + (below[i + 1] as number)) * (count + i + 1) * SLACK < theta) {
        open = false;
        break;
      }
      const k = byBound[i] as number;
      const ls = lists[k] as TermField[];
      seek(ls, doc);
      if (termDoc(ls) !== doc) continue;
      const score = scoreAt(ls, doc, first);
      termScores[k] = score;
      firstFields[k] = first.field;
      sum += score;
      count += 1;
    }
    // The exact score: the terms' scores added in query order, as the exhaustive search adds them.
    let score = 0;
    let firstTerm = -1;
    for (let k = 0; k < m; k += 1) {
      const s = termScores[k] as number;
      if (s < 0) continue;
      if (firstTerm < 0) firstTerm = k;
      score += s;
      termScores[k] = -1;
    }
    if (!open) continue;
    score *= count;
    const global = part.toGlobal ? (part.toGlobal[doc] as number) : doc;
    if (score >= theta && global >= 0 && (!accept || accept(global)))
      top.offer(global, score, orderKey(firstTerm, firstFields[firstTerm] as number, shape.fieldCount, global));
  }
}

/** Marks of the documents counted, reused from count to count; all 0 between counts. */
let unionSeen = new Uint8Array(0);

/** How many of the part's documents have any of the terms (live, accepted), read from the lists' starts. */
function countUnion(part: PartTerms, starts: number[][], accept: ((doc: number) => boolean) | undefined): number {
  const all = part.lists.flat();
  const from = starts.flat();
  if (all.length === 1 && !accept && !part.deletions) return (all[0] as TermField).to - (from[0] as number);
  if (unionSeen.length < part.docCount) unionSeen = new Uint8Array(part.docCount);
  const seen = unionSeen;
  let total = 0;
  try {
    all.forEach((l, j) => {
      for (let i = from[j] as number; i < l.to; i += 1) {
        const doc = l.docs[i] as number;
        if (seen[doc] === 1) continue;
        seen[doc] = 1;
        const global = part.toGlobal ? (part.toGlobal[doc] as number) : doc;
        if (global >= 0 && (!accept || accept(global))) total += 1;
      }
    });
  } finally {
    // The lists are read again to clear the marks (even after a filter that threw): no list of the documents met is kept.
    all.forEach((l, j) => {
      for (let i = from[j] as number; i < l.to; i += 1) seen[l.docs[i] as number] = 0;
    });
  }
  return total;
}
