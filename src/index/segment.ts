import { deserialize, serialize } from 'node:v8';
import type { Article } from '../model/index.ts';
import { tokenize } from '../nlp/terms.ts';
import {
  ArticleWriter,
  openIndexFileSteps,
  paragraphCountOf,
  ownTypedArrays,
  ownTypedArraysSteps,
  typedArraysAsBytes,
} from './articleStore.ts';
import { Bm25Index, type SavedBm25 } from './bm25.ts';
import { EventIndex } from './eventIndex.ts';
import { Lexicon, type LexiconEntry, type SavedLexicon, docOfPosition, wordPosition, writtenForm } from './lexicon.ts';
import { ParagraphIndex } from './paragraphIndex.ts';
import { type QuoteFacts, quoteFactsOf } from './quoteBook.ts';
import { type SavedQuoteFacts, decodeQuoteFacts, encodeQuoteFacts } from './quoteFactsCodec.ts';
import { type Steps, runNow } from './steps.ts';

/** Bump when the shape of a segment file's header changes. */
export const SEGMENT_FORMAT = 6;

/**
 * Each large part of the header is stored as bytes of its own inside it (`v8.serialize`). The lexicon and the
 * quote facts are read when first asked: at the end of a merge the live index already holds both
 * (`Segment.adopt`), and reading them is most of reading the header. The BM25 postings and the dated mentions
 * are deserialised each in a step of its own, their typed arrays stored as bytes (`typedArraysAsBytes`) and
 * copied out of the header's bytes a step at a time (`Segment.readSteps`), so that reading a merged segment
 * while answering never stalls the answers for as long as the whole header, or one of these parts, takes.
 * The quote facts are saved with every string and list of words once (`quoteFactsCodec.ts`).
 */
interface SegmentHeader {
  format: number;
  paragraphs: { search: Uint8Array; lexicon: Uint8Array };
  events: Uint8Array;
  quoteFacts: Uint8Array;
}

/**
 * A value read from its bytes when first asked, or given. The bytes may view a larger buffer (a segment's
 * header): they are not copied out of it, since at the end of a merge both the lexicon and the quote facts are
 * given instead (most of the header, 83 of its 122 MB at 100,000 paragraphs), but what is read from them owns its
 * typed arrays, so that the buffer goes once the value is read or given.
 */
class Lazy<T> {
  #value: T | undefined;
  #bytes: Uint8Array | null;
  constructor(
    from: { value: T } | { bytes: Uint8Array },
    private readonly read: (saved: unknown) => T,
  ) {
    this.#value = 'value' in from ? from.value : undefined;
    this.#bytes = 'bytes' in from ? from.bytes : null;
  }
  get(): T {
    if (this.#bytes !== null) {
      this.#value = this.read(ownTypedArrays(deserialize(this.#bytes), this.#bytes.buffer));
      this.#bytes = null;
    }
    return this.#value as T;
  }
  set(value: T): void {
    this.#value = value;
    this.#bytes = null;
  }
}

/** `new Segment(...)`, for `SegmentWriter` (set by the class's static block). */
let makeSegment: (
  name: string,
  articles: Article[],
  facts: Lazy<QuoteFacts[]>,
  search: Bm25Index,
  words: Lazy<Lexicon>,
  events: EventIndex,
  closeFile: () => void,
) => Segment;

/**
 * One segment of a live index (see `liveIndex.ts`): some articles, in file order, with everything the indexes
 * read of them worked out once: their paragraphs' BM25 index and lexicon, their dated mentions' index, and
 * what the quote book reads of each (`QuoteFacts`). Written once to a file of its own (the articles' details
 * and a header with the rest, `articleStore.ts`), never changed: a removed article is a deletion mark kept by
 * the live index, and segments are merged into a new one.
 */
export class Segment {
  /** Per article: its first paragraph's number in this segment's BM25 index (and the total, last). */
  readonly docStart: Uint32Array;
  /** Live words of this segment for a set of deleted articles, kept for the last set asked. */
  private liveWordsKept: { deleted: string; words: Map<string, LexiconEntry> } | null = null;

  static {
    // For `SegmentWriter`, the one maker of segments outside this class.
    makeSegment = (name, articles, facts, search, words, events, closeFile) =>
      new Segment(name, articles, facts, search, words, events, closeFile);
  }

  private constructor(
    /** The file's name, in the live index's folder. */
    readonly name: string,
    readonly articles: Article[],
    private readonly facts: Lazy<QuoteFacts[]>,
    readonly search: Bm25Index,
    private readonly words: Lazy<Lexicon>,
    readonly events: EventIndex,
    private readonly closeFile: () => void,
  ) {
    this.docStart = new Uint32Array(articles.length + 1);
    articles.forEach((a, i) => (this.docStart[i + 1] = (this.docStart[i] as number) + paragraphCountOf(a)));
  }

  #docArticle: Uint32Array | null = null;

  /** Per paragraph of this segment's BM25 index: its article's position here (worked out when first asked). */
  get docArticle(): Uint32Array {
    if (this.#docArticle === null) {
      const out = new Uint32Array(this.docStart[this.articles.length] as number);
      for (let a = 0; a < this.articles.length; a += 1) out.fill(a, this.docStart[a], this.docStart[a + 1]);
      this.#docArticle = out;
    }
    return this.#docArticle;
  }

  /** What the quote book reads of each article (`QuoteFacts`), in the order of `articles`. */
  get quoteFacts(): readonly QuoteFacts[] {
    return this.facts.get();
  }

  /** The words of this segment's paragraphs, positions local to it. */
  get lexicon(): Lexicon {
    return this.words.get();
  }

  /**
   * Takes what the caller already holds instead of reading it from the file: the quote facts of its articles
   * (by file name; each must equal the one stored, as after `merge`, which copies them), and its lexicon (it
   * must equal this segment's, as the lexicon of a corpus composed of exactly this segment's articles does).
   */
  adopt(given: { facts?: ReadonlyMap<string, QuoteFacts>; lexicon?: Lexicon }): void {
    if (given.facts) {
      const facts = given.facts;
      const all = this.articles.map((a) => facts.get(a.file));
      if (all.every((f) => f !== undefined)) this.facts.set(all);
    }
    if (given.lexicon) this.words.set(given.lexicon);
  }

  /**
   * Writes a segment of these articles (in file order) to `path` and returns it, its articles reading their
   * details from the file. `facts` may be given when known (a merge). The file is synced before this returns.
   */
  static write(path: string, name: string, articles: readonly Article[], facts?: readonly QuoteFacts[]): Segment {
    const writer = new SegmentWriter(path, name);
    articles.forEach((a, i) => writer.add(a, facts?.[i]));
    return writer.finish();
  }

  /**
   * Writes one segment of the live articles of these segments (each with its deletion marks: positions of its
   * articles) to `path`, in file order, their details copied and their quote facts kept (nothing ingested
   * again). Null, and nothing written, when none is live.
   */
  static merge(path: string, name: string, parts: ReadonlyArray<{ segment: Segment; deleted: ReadonlySet<number> }>): Segment | null {
    const live = parts.flatMap(({ segment, deleted }) =>
      segment.articles.flatMap((article, ai) => (deleted.has(ai) ? [] : [{ article, facts: segment.quoteFacts[ai] as QuoteFacts }])),
    );
    if (live.length === 0) return null;
    live.sort((x, y) => (x.article.file < y.article.file ? -1 : 1));
    return Segment.write(
      path,
      name,
      live.map((l) => l.article),
      live.map((l) => l.facts),
    );
  }

  /** Reads a segment file; throws when it is damaged or of another format. */
  static read(path: string, name: string, onDamage?: (reason: string) => void): Segment {
    return runNow(Segment.readSteps(path, name, onDamage));
  }

  /**
   * `read` in steps (see `steps.ts`): the header's bytes and the articles' heads a group at a time
   * (`openIndexFileSteps`), then the BM25 postings, then the dated mentions, so that the live index reads a
   * merged segment while it goes on answering. The lexicon and the quote facts stay bytes until asked for or
   * given (see `Lazy`).
   */
  static *readSteps(path: string, name: string, onDamage?: (reason: string) => void): Steps<Segment> {
    const { header, buffer, articles, close } = yield* openIndexFileSteps<SegmentHeader>(path, onDamage);
    try {
      if (header.format !== SEGMENT_FORMAT) throw new Error(`segment ${name} is of another format`);
      yield;
      const search = Bm25Index.load((yield* ownTypedArraysSteps(deserialize(header.paragraphs.search), buffer)) as SavedBm25);
      yield;
      const events = EventIndex.load(yield* ownTypedArraysSteps(deserialize(header.events), buffer));
      yield;
      return new Segment(
        name,
        articles,
        new Lazy({ bytes: header.quoteFacts }, (x) => decodeQuoteFacts(x as SavedQuoteFacts)),
        search,
        new Lazy({ bytes: header.paragraphs.lexicon }, (x) => Lexicon.load(x as SavedLexicon)),
        events,
        close,
      );
    } catch (error) {
      close();
      throw error;
    }
  }

  close(): void {
    this.closeFile();
  }

  /**
   * This segment's words less those of its deleted articles (by position in `articles`), as if the segment
   * had been built without them: counts less the deleted paragraphs' words, and a word first written in a
   * deleted paragraph first written where it next is (found through the BM25 postings of its term).
   */
  liveWords(deleted: ReadonlySet<number>): ReadonlyMap<string, Readonly<LexiconEntry>> {
    if (deleted.size === 0) return this.lexicon.words();
    const key = [...deleted].sort((x, y) => x - y).join();
    if (this.liveWordsKept?.deleted === key) return this.liveWordsKept.words;
    const words = new Map<string, LexiconEntry>();
    for (const [w, e] of this.lexicon.words()) words.set(w, { ...e });
    const deletedDoc = (doc: number): boolean => deleted.has(this.articleOfDoc(doc));
    const moved = new Set<string>();
    for (const ai of deleted) {
      for (const p of (this.articles[ai] as Article).paragraphs) {
        for (const t of tokenize(p.text)) {
          if (t.term === null) continue;
          const w = writtenForm(p.text, t).toLowerCase();
          const e = words.get(w);
          if (!e) continue;
          e.count -= 1;
          if (e.count <= 0) words.delete(w);
          else if (deletedDoc(docOfPosition(e.first))) moved.add(w);
        }
      }
    }
    for (const w of moved) {
      const e = words.get(w);
      if (e) this.moveFirst(w, e, deletedDoc);
    }
    const ordered = new Map([...words].sort((x, y) => x[1].first - y[1].first));
    this.liveWordsKept = { deleted: key, words: ordered };
    return ordered;
  }

  /** Sets `e.first` and `e.form` to the word's first place in a paragraph that is not deleted. */
  private moveFirst(word: string, e: LexiconEntry, deletedDoc: (doc: number) => boolean): void {
    const id = this.search.termId(e.term);
    const postings = this.search.toJSON().postings[0];
    if (id === undefined || !postings) return;
    for (let i = postings.start[id] as number; i < (postings.start[id + 1] as number); i += 1) {
      const doc = postings.docs[i] as number;
      if (deletedDoc(doc)) continue;
      const article = this.articles[this.articleOfDoc(doc)] as Article;
      const text = (article.paragraphs[doc - (this.docStart[this.articleOfDoc(doc)] as number)] as Article['paragraphs'][number]).text;
      const tokens = tokenize(text);
      const at = tokens.findIndex((t) => t.term !== null && writtenForm(text, t).toLowerCase() === word);
      if (at >= 0) {
        e.first = wordPosition(doc, at);
        e.form = writtenForm(text, tokens[at] as (typeof tokens)[number]);
        return;
      }
    }
  }

  /** The article (its position here) that paragraph `doc` of this segment belongs to. */
  articleOfDoc(doc: number): number {
    let lo = 0;
    let hi = this.articles.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.docStart[mid] as number) <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Writes a segment an article at a time (`add`, in file order), so that whoever writes it holds each article
 * only while it is added: its paragraphs' postings, lexicon entries and phrase runs, its dated mentions and
 * its quote facts are worked out then, and its details written to the file (what stays until `finish` is the
 * postings, each article's head and quote facts). A build's worker no longer keeps
 * a whole run of ingested articles until the end (at 60,000 paragraphs, 535 MB of heap against 234, and 6%
 * of the ingest's time in garbage collection). `finish` writes the indexes, syncs the file and returns the
 * segment; on any failure the file is abandoned (removed), as it is by `abandon`.
 */
export class SegmentWriter {
  readonly #name: string;
  readonly #writer: ArticleWriter;
  readonly #paragraphs = ParagraphIndex.partsBuilder();
  readonly #events = EventIndex.builder();
  readonly #stored: Article[] = [];
  readonly #facts: QuoteFacts[] = [];
  /** Were every article's facts given (then kept as given; else kept as read back from their saved form)? */
  #allGiven = true;
  /** Finished (the segment owns the file) or abandoned (the file is gone): nothing more may be done. */
  #done = false;

  constructor(path: string, name: string) {
    this.#name = name;
    this.#writer = new ArticleWriter(path);
  }

  /** How many articles were added. */
  get count(): number {
    return this.#stored.length;
  }

  /** Adds the next article, with its quote facts when known (worked out here otherwise). */
  add(article: Article, facts?: QuoteFacts): void {
    if (this.#done) throw new Error('SegmentWriter: add after finish or abandon');
    try {
      const runs = this.#paragraphs.add(article);
      this.#events.add(article);
      if (facts === undefined) this.#allGiven = false;
      this.#facts.push(facts ?? quoteFactsOf(article));
      this.#stored.push(this.#writer.add(article, runs));
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  finish(): Segment {
    if (this.#done) throw new Error('SegmentWriter: finish after finish or abandon');
    const writer = this.#writer;
    try {
      const { search, lexicon } = this.#paragraphs.finish();
      const events = this.#events.finish(this.#stored);
      const saved = encodeQuoteFacts(this.#facts);
      // Facts worked out here are kept as read back from their saved form, sharing their strings and lists of
      // words (see quoteFactsCodec.ts): a live index built whole holds them as one opened from its files does.
      // Facts given are kept as they are: the quote book holds the same objects (`adopt`).
      const quoteFacts = this.#allGiven ? [...this.#facts] : decodeQuoteFacts(saved);
      writer.finish({
        format: SEGMENT_FORMAT,
        paragraphs: { search: serialize(typedArraysAsBytes(search.toJSON())), lexicon: serialize(lexicon.toJSON()) },
        events: serialize(typedArraysAsBytes(events.toJSON())),
        quoteFacts: serialize(typedArraysAsBytes(saved)),
      } satisfies SegmentHeader);
      writer.sync();
      this.#done = true;
      return makeSegment(
        this.#name,
        this.#stored,
        new Lazy({ value: quoteFacts }, (x) => x as QuoteFacts[]),
        search,
        new Lazy({ value: lexicon }, (x) => Lexicon.load(x as SavedLexicon)),
        events,
        () => writer.close(),
      );
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  /**
   * Removes the file; the writer is done. Nothing to do when it is done already: abandoned (a failed `add` or
   * `finish` abandons), or finished (the file is the segment's then).
   */
  abandon(): void {
    if (this.#done) return;
    this.#done = true;
    this.#writer.abandon();
  }
}
