import { closeSync, fstatSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deserialize, serialize } from 'node:v8';
import type { EventMention } from '../model/index.ts';
import type { Article, ArticleMeta, Paragraph, Quote, Sentence, SetAside } from '../model/index.ts';
import { paragraphRun, runsBytes, runsOf, runsTable } from './phraseRuns.ts';
import { type Steps, runNow } from './steps.ts';

/**
 * Articles whose details stay on disk.
 *
 * An answer shows ten results, but a corpus of a million paragraphs has millions of sentences, quotes and
 * dated mentions: held as objects, they were most of the bot's memory and of the time to load its index.
 * So an article is kept in two parts. What every query may read (id, metadata, paragraph offsets) stays in
 * memory; the details (paragraph texts, sentences, quotes, dated mentions, set-aside blocks) are written
 * one article after another to the index file and read back, by position, when an answer shows that
 * article or a search tests its paragraphs for a phrase (the last few hundred read are kept). The texts
 * alone were a tenth of the memory of a bot serving a large corpus. The indexes keep in arrays what they rank by, so that
 * ranking never reads details.
 *
 * The file: `MAGIC`, then each article's details in five parts (see `Part`), then the header (v8), then a
 * trailer of the header's position, length and CRC-32 and `MAGIC` again. The text's parts are one v8
 * serialisation; the quotes, the dated mentions and the paragraphs' texts are lists stored item by item (see
 * `listBytes`), so that an answer citing one quote or mention deserialises that one, not the article's list. The details
 * are written as the corpus is read, so building never holds them all; the header, written last, holds the
 * rest of the index and each part's CRC-32. A file that is cut short or altered is refused when opened (magic, trailer, header
 * checksum, offsets) or when an article is read (its checksum): never read as garbage. The articles' heads are
 * stored in the header in groups of bytes of their own, so that the file can be opened in steps
 * (`openIndexFileSteps`) none of which grows with the number of articles.
 */

/** What stays in memory of an article. */
export interface ArticleHead {
  id: string;
  file: string;
  meta: ArticleMeta;
  paragraphs: Array<Omit<Paragraph, 'sentences' | 'text'>>;
}

/**
 * What is read from disk when an answer shows an article, in five parts read apart (a quote's citation
 * needs one of the article's quotes and the dated mentions of its paragraph, never its sentences; a phrase
 * search only the paragraphs' words, `phraseRuns.ts`): the text's parts, the quotes, the dated mentions, the
 * paragraphs' texts, the paragraphs' words as hashes of their terms.
 */
type TextParts = { sentences: Sentence[][]; setAside: SetAside[] };
/** An item of a list part: a quote, a dated mention, a paragraph's text. */
type Item = Quote | EventMention | string;
const PARTS = 5;
const TEXT = 0;
const QUOTES = 1;
const EVENTS = 2;
const TEXTS = 3;
const RUNS = 4;

const MAGIC = Buffer.from('QDIX0006');
/** Header position (f64), header length (f64), header CRC-32 (u32), 4 spare bytes, MAGIC. */
const TRAILER = 24 + MAGIC.length;
/** How many articles' details are kept once read (all index files together; each of the five parts counts). */
const KEEP = 512 * PARTS;
/**
 * How many articles' heads are serialised together in the header, as bytes of their own: each group is
 * deserialised in a step of its own (`openIndexFileSteps`), so that no step grows with the number of articles.
 */
export const HEADS_PER_GROUP = 512;
/** How many of the header's bytes are read (and checksummed) in one step. */
const HEADER_BYTES_PER_STEP = 2 ** 20;
/** How many bytes of typed arrays are copied in one step (`ownTypedArraysSteps`). */
const COPY_BYTES_PER_STEP = 2 ** 20;

/** A list part as read so far: its items by place (absent until read), and each item's key (see `listBytes`). */
interface ListRead {
  items: Array<Item | undefined>;
  keys: Uint32Array;
}

/** Articles' details read lately, by reader and article: the most recent last. */
const recent = new Map<number, TextParts | ListRead | Uint32Array[]>();
let readers = 0;

/** Forgets every article's details read so far (the benchmark measures reads from the file with it). */
export function forgetReadDetails(): void {
  recent.clear();
}

/** A damaged index file, found when an article's details are read. */
export class IndexFileDamaged extends Error {}

/**
 * A list part's bytes: the count n (u32), each item's key (n × u32: a quote's or a mention's paragraph + 1, 0
 * for none; a text's place), where each item's bytes end after the table (n × u32), then the items, each
 * serialised on its own (v8).
 */
function listBytes<T extends Item>(items: readonly T[], keyOf: (item: T, i: number) => number): Buffer {
  const bodies = items.map((x) => serialize(x));
  const table = Buffer.alloc(4 + 8 * items.length);
  table.writeUInt32LE(items.length, 0);
  let end = 0;
  bodies.forEach((body, i) => {
    end += body.length;
    table.writeUInt32LE(keyOf(items[i] as T, i), 4 + 4 * i);
    table.writeUInt32LE(end, 4 + 4 * (items.length + i));
  });
  return Buffer.concat([table, ...bodies]);
}

/** The table of a list part's bytes (see `listBytes`): each item's key, and where each item's bytes end. */
function listTable(bytes: Buffer): { keys: Uint32Array; ends: Uint32Array; at: number } {
  const n = bytes.length >= 4 ? bytes.readUInt32LE(0) : -1;
  const at = 4 + 8 * n;
  if (n < 0 || at > bytes.length) throw new Error('their table is cut short');
  const keys = new Uint32Array(n);
  const ends = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    keys[i] = bytes.readUInt32LE(4 + 4 * i);
    ends[i] = bytes.readUInt32LE(4 + 4 * (n + i));
    if ((ends[i] as number) < (i === 0 ? 0 : (ends[i - 1] as number))) throw new Error('their table is out of order');
  }
  if (at + (n === 0 ? 0 : (ends[n - 1] as number)) !== bytes.length) throw new Error('their table does not match their length');
  return { keys, ends, at };
}

/** Deserialises items `wanted` of a list part's bytes (see `listBytes`) into `read`, those not read before. */
function deserialiseItems(bytes: Buffer, { ends, at }: { ends: Uint32Array; at: number }, read: ListRead, wanted: readonly number[]): void {
  for (const i of wanted)
    if (read.items[i] === undefined && i < ends.length)
      read.items[i] = deserialize(bytes.subarray(at + (i === 0 ? 0 : (ends[i - 1] as number)), at + (ends[i] as number))) as Item;
}

/**
 * Reads articles' details from an open index file, part by part (part k: article k / 4), checking each against
 * its CRC-32; a list part's items are deserialised only when asked for.
 */
class DetailReader {
  /** Keys of this reader's articles in `recent`: serial × 2^32 + part. */
  private readonly serial = (readers += 1) * 2 ** 32;
  constructor(
    private readonly fd: number,
    /** Where part k stands in the file, [start, end), and its CRC-32 (none while writing). */
    private readonly span: (i: number) => [number, number, number | null],
    private readonly onDamage: (reason: string) => void = () => {},
  ) {}

  /** Part k as kept, the most recently read last; undefined if not kept. */
  private recall(k: number): TextParts | ListRead | Uint32Array[] | undefined {
    const key = this.serial + k;
    const kept = recent.get(key);
    if (kept) {
      recent.delete(key);
      recent.set(key, kept);
    }
    return kept;
  }

  private keep(k: number, details: TextParts | ListRead | Uint32Array[]): void {
    recent.set(this.serial + k, details);
    if (recent.size > KEEP) recent.delete(recent.keys().next().value as number);
  }

  /**
   * Reads part k's bytes and checks them; `use` makes them what is kept. A failure says the file is damaged.
   * `inScratch`: the bytes are read into this reader's scratch buffer, which the next such read overwrites, so
   * `use` must keep nothing of them.
   */
  private fromFile<T>(k: number, use: (bytes: Buffer) => T, inScratch = false): T {
    const [start, end, check] = this.span(k);
    const length = end - start;
    if (inScratch && this.scratch.length < length)
      this.scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * this.scratch.length, 1 << 16));
    const bytes = inScratch ? this.scratch.subarray(0, length) : Buffer.allocUnsafe(length);
    try {
      if (readSync(this.fd, bytes, 0, length, start) !== length) throw new Error('the file ends inside them');
      if (check !== null && crc32(bytes) !== check) throw new Error('they do not match their checksum');
      return use(bytes);
    } catch (error) {
      const reason = `the index file is damaged: article ${Math.floor(k / PARTS)}'s details cannot be read (${(error as Error).message})`;
      this.onDamage(reason);
      throw new IndexFileDamaged(reason);
    }
  }

  /** Part k, the paragraphs' words as runs of term hashes (`phraseRuns.ts`). */
  runs(k: number): Uint32Array[] {
    const kept = this.recall(k) as Uint32Array[] | undefined;
    if (kept) return kept;
    const runs = this.fromFile(k, runsOf);
    this.keep(k, runs);
    return runs;
  }

  /**
   * Part k's runs for a test that keeps nothing of them: `test(i, words)` for each paragraph i of `which`. A
   * phrase search reads thousands of articles' runs once each; read into one buffer of this reader's, without
   * a copy or a place among the details kept, they leave the garbage collector only a view per paragraph. Kept
   * runs are used. The views are valid only during `test`.
   */
  testRuns(k: number, which: readonly number[], test: (i: number, words: Uint32Array) => void): void {
    const kept = this.recall(k) as Uint32Array[] | undefined;
    if (kept) {
      for (const i of which) test(i, kept[i] ?? new Uint32Array(0));
      return;
    }
    this.fromFile(
      k,
      (bytes) => {
        if (bytes.length % 4 !== 0) throw new Error('the phrase runs are cut short');
        const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
        const runs = runsTable(words);
        for (const i of which)
          test(
            i,
            i < runs.count
              ? words.subarray(runs.base + (words[1 + i] as number), runs.base + (words[2 + i] as number))
              : new Uint32Array(0),
          );
      },
      true,
    );
  }

  /** A buffer read into and used at once (`testRuns`), grown as needed; its start is aligned for 32-bit numbers. */
  private scratch = Buffer.alloc(0);

  /** Part k, the text's parts (one serialisation). */
  text(k: number): TextParts {
    const kept = this.recall(k) as TextParts | undefined;
    if (kept) return kept;
    const details = this.fromFile(k, (bytes) => deserialize(bytes) as TextParts);
    this.keep(k, details);
    return details;
  }

  /**
   * List part k as kept, else read from the file once: its table, and the items `wanted` picks deserialised
   * from the same bytes, so that a first read of an item does not read the part twice (once for its table).
   */
  private listWith(k: number, wanted: (keys: Uint32Array) => readonly number[]): ListRead {
    const kept = this.recall(k) as ListRead | undefined;
    if (kept) return kept;
    const read = this.fromFile(k, (bytes) => {
      const table = listTable(bytes);
      const fresh: ListRead = { items: new Array<Item | undefined>(table.keys.length), keys: table.keys };
      deserialiseItems(bytes, table, fresh, wanted(table.keys));
      return fresh;
    });
    this.keep(k, read);
    return read;
  }

  /**
   * Items `which` of list part k (all of them when null; or those its items' keys pick), deserialising only
   * those not read before.
   */
  items(k: number, which: readonly number[] | null | ((keys: Uint32Array) => number[])): Item[] {
    const all = (keys: Uint32Array): number[] => Array.from(keys, (_, i) => i);
    const pick = which === null ? all : typeof which === 'function' ? which : () => which;
    const read = this.listWith(k, pick);
    const wanted = pick(read.keys);
    if (wanted.some((i) => read.items[i] === undefined && i < read.keys.length))
      this.fromFile(k, (bytes) => deserialiseItems(bytes, listTable(bytes), read, wanted));
    return which === null ? (read.items as Item[]) : wanted.flatMap((i) => (i < read.keys.length ? [read.items[i] as Item] : []));
  }
}

/** A paragraph whose text and sentences are read with its article's details. */
class StoredParagraph implements Paragraph {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  constructor(
    private readonly article: StoredArticle,
    /** Its place among the article's paragraphs. */
    private readonly position: number,
    /**
     * The list it belongs to (`StoredArticle.paragraphs`), held so that the list lives as long as any of its
     * paragraphs does: an article gives back the same objects while anyone holds one (a map keyed by them).
     */
    readonly siblings: readonly StoredParagraph[],
  ) {
    [this.index, this.start, this.end] = article.placeOf(position);
  }
  get text(): string {
    return this.article.texts()[this.position] ?? '';
  }
  get sentences(): Sentence[] {
    return this.article.text().sentences[this.position] ?? [];
  }
}

/** How many lists of paragraph objects stored articles have made (see `StoredArticle.paragraphs`); for tests. */
let paragraphListsMade = 0;
export const madeParagraphLists = (): number => paragraphListsMade;

/**
 * Each paragraph's index, start and end, three numbers a paragraph, for the articles opened together (a group
 * of heads, or one article written).
 */
function packPlaces(heads: readonly ArticleHead[]): Uint32Array {
  const places = new Uint32Array(3 * heads.reduce((n, h) => n + h.paragraphs.length, 0));
  let at = 0;
  for (const h of heads)
    for (const p of h.paragraphs) {
      places[at] = p.index;
      places[at + 1] = p.start;
      places[at + 2] = p.end;
      at += 3;
    }
  return places;
}

/**
 * The metadata of articles opened together, with what repeats from one article to the next held once: an outlet,
 * a day, an author, where each field came from. Each article's head is deserialised with strings of its own: at
 * 100,000 articles the copies took 22 MB of heap. No code changes an opened article's metadata.
 */
class SharedMeta {
  readonly #strings = new Map<string, string>();
  readonly #provenances = new Map<string, ArticleMeta['provenance']>();

  /** `meta` with its repeating strings and its provenance replaced by the copies already met (a fresh object). */
  of(meta: ArticleMeta): ArticleMeta {
    const provenanceKey = JSON.stringify(meta.provenance);
    let provenance = this.#provenances.get(provenanceKey);
    if (provenance === undefined) this.#provenances.set(provenanceKey, (provenance = meta.provenance));
    return {
      ...meta,
      outlet: this.#string(meta.outlet),
      outletUrl: this.#string(meta.outletUrl),
      published: this.#string(meta.published),
      author: this.#string(meta.author),
      provenance,
    };
  }

  #string(s: string | null): string | null {
    if (s === null) return null;
    const kept = this.#strings.get(s);
    if (kept !== undefined) return kept;
    this.#strings.set(s, s);
    return s;
  }
}

/** An article as the rest of the code knows it; its details come from the index file when first asked for. */
class StoredArticle implements Article {
  readonly id: string;
  readonly file: string;
  readonly meta: ArticleMeta;
  readonly paragraphCount: number;
  /** This article's paragraphs' index, start and end from number 3 × `first` of `places` on (see `packPlaces`). */
  readonly #places: Uint32Array;
  readonly #first: number;
  /** The paragraph objects last made, while anyone holds them or one of them (see `paragraphs`). */
  #paragraphs: WeakRef<StoredParagraph[]> | undefined;
  constructor(
    head: ArticleHead,
    places: Uint32Array,
    /** Its first paragraph's place in `places`, counted in paragraphs. */
    first: number,
    private readonly reader: DetailReader,
    private readonly position: number,
  ) {
    this.id = head.id;
    this.file = head.file;
    this.meta = head.meta;
    this.paragraphCount = head.paragraphs.length;
    this.#places = places;
    this.#first = first;
  }
  /** Paragraph i's index, start and end. */
  placeOf(i: number): [number, number, number] {
    const at = 3 * (this.#first + i);
    const places = this.#places;
    return [places[at] as number, places[at + 1] as number, places[at + 2] as number];
  }
  /**
   * The paragraphs, as objects made when first asked for: an opened corpus of a million paragraphs held one
   * object each, a third of its heap, though an answer reads a few articles' paragraphs. They are let go when
   * nothing holds them, and until then the same objects come back (see `StoredParagraph.siblings`). A scan of
   * every article in one synchronous job (a corpus-wide count) keeps the lists it makes until the job ends, as a
   * `WeakRef`'s target is kept for the job that read it.
   */
  get paragraphs(): Paragraph[] {
    const kept = this.#paragraphs?.deref();
    if (kept) return kept;
    const list: StoredParagraph[] = [];
    for (let i = 0; i < this.paragraphCount; i += 1) list.push(new StoredParagraph(this, i, list));
    this.#paragraphs = new WeakRef(list);
    paragraphListsMade += 1;
    return list;
  }
  private items(part: number, which: readonly number[] | null | ((keys: Uint32Array) => number[])): Item[] {
    return this.reader.items(this.position * PARTS + part, which);
  }
  text(): TextParts {
    return this.reader.text(this.position * PARTS + TEXT);
  }
  /** The paragraphs' texts, in order (read together: a search reads a paragraph's neighbours, a citation those before it). */
  texts(): string[] {
    return this.items(TEXTS, null) as string[];
  }
  /** Paragraph i's words as a run of term hashes (`phraseRuns.ts`). */
  runOf(i: number): Uint32Array {
    return this.reader.runs(this.position * PARTS + RUNS)[i] ?? new Uint32Array(0);
  }
  /** `test(i, words)` for each paragraph i of `which`, its words read and let go (see `DetailReader.testRuns`). */
  testRuns(which: readonly number[], test: (i: number, words: Uint32Array) => void): void {
    this.reader.testRuns(this.position * PARTS + RUNS, which, test);
  }
  get quotes(): Quote[] {
    return this.items(QUOTES, null) as Quote[];
  }
  get events(): EventMention[] {
    return this.items(EVENTS, null) as EventMention[];
  }
  get setAside(): SetAside[] {
    return this.text().setAside;
  }
  /** Quote i alone. */
  quoteAt(i: number): Quote | undefined {
    return this.items(QUOTES, [i])[0] as Quote | undefined;
  }
  /** Dated mention i alone. */
  mentionAt(i: number): EventMention | undefined {
    return this.items(EVENTS, [i])[0] as EventMention | undefined;
  }
  /** The mentions of body paragraph `paragraph`, in order, read alone. */
  mentionsIn(paragraph: number): EventMention[] {
    const inParagraph = (keys: Uint32Array): number[] => {
      const which: number[] = [];
      keys.forEach((key, i) => key === paragraph + 1 && which.push(i));
      return which;
    };
    return this.items(EVENTS, inParagraph) as EventMention[];
  }
}

/** How many paragraphs an article has, without making its paragraphs' objects when it is stored (see `StoredArticle.paragraphs`). */
export const paragraphCountOf = (article: Article): number =>
  article instanceof StoredArticle ? article.paragraphCount : article.paragraphs.length;

/** Paragraph i's words (its place among the article's paragraphs) as a run of term hashes, read from the index file when stored there. */
export const paragraphRunOf = (article: Article, i: number): Uint32Array =>
  article instanceof StoredArticle ? article.runOf(i) : paragraphRun(article.paragraphs[i]?.text ?? '');

/**
 * `test(i, words)` for each of an article's paragraphs i of `which`, with its words as a run of term hashes: read
 * from the index file and let go when stored there (the runs passed are valid only during the call).
 */
export function testParagraphRuns(article: Article, which: readonly number[], test: (i: number, words: Uint32Array) => void): void {
  if (article instanceof StoredArticle) article.testRuns(which, test);
  else for (const i of which) test(i, paragraphRun(article.paragraphs[i]?.text ?? ''));
}

/** Quote i of an article, deserialised alone when the article's details are in an index file. */
export const quoteAt = (article: Article, i: number): Quote | undefined =>
  article instanceof StoredArticle ? article.quoteAt(i) : article.quotes[i];

/** Mention i of an article (`article.events[i]`), deserialised alone when the article's details are in an index file. */
export const mentionAt = (article: Article, i: number): EventMention | undefined =>
  article instanceof StoredArticle ? article.mentionAt(i) : article.events[i];

/** The mentions of one body paragraph of an article, in order, deserialised alone when its details are in an index file. */
export const mentionsIn = (article: Article, paragraph: number): EventMention[] =>
  article instanceof StoredArticle ? article.mentionsIn(paragraph) : article.events.filter((e) => e.paragraph === paragraph);

const headOf = (a: Article): ArticleHead => ({
  id: a.id,
  file: a.file,
  meta: a.meta,
  paragraphs: a.paragraphs.map(({ index, start, end }) => ({ index, start, end })),
});

/**
 * Writes an index file: `add` each article as it is read (its details go to disk, and the article that
 * comes back reads them from there), then `finish` with the header.
 */
export class ArticleWriter {
  private readonly fd: number;
  private position = 0;
  private readonly offsets: number[] = [];
  private readonly checks: number[] = [];
  private readonly heads: ArticleHead[] = [];
  /** Reads back what was written, through the same file descriptor. */
  private readonly reader: DetailReader;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+');
    try {
      this.write(MAGIC);
    } catch (error) {
      this.abandon();
      throw error;
    }
    this.reader = new DetailReader(this.fd, (i) => [this.offsets[i] as number, this.offsets[i + 1] ?? this.position, null]);
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.position + done);
    this.position += bytes.length;
  }

  /**
   * Writes the article's details; returns the article, reading them back from the file. `runs` are its
   * paragraphs' phrase runs when the caller has them (`paragraphRun` of each, in order).
   */
  add(article: Article, runs?: readonly Uint32Array[]): Article {
    const parts: Buffer[] = [];
    parts[TEXT] = serialize({ sentences: article.paragraphs.map((p) => p.sentences), setAside: article.setAside } satisfies TextParts);
    parts[QUOTES] = listBytes(article.quotes, (q) => q.paragraph + 1);
    parts[EVENTS] = listBytes(article.events, (e) => (e.paragraph ?? -1) + 1);
    const texts = article.paragraphs.map((p) => p.text);
    parts[TEXTS] = listBytes(texts, (_, i) => i);
    parts[RUNS] = runsBytes(runs ?? texts.map(paragraphRun));
    for (const bytes of parts) {
      const at = this.position;
      this.write(bytes);
      this.offsets.push(at);
      this.checks.push(crc32(bytes));
    }
    const head = headOf(article);
    this.heads.push(head);
    // Ends are known as the next article starts: the last one's is the current end of the file.
    return new StoredArticle(head, packPlaces([head]), 0, this.reader, this.heads.length - 1);
  }

  /**
   * Writes the sections, then the header (anything v8 can serialise) and the trailer; the file is complete. The
   * articles' heads go in groups, each serialised on its own (`HEADS_PER_GROUP`), so that they can be read a
   * group at a time. A section is bytes of their own between the articles and the header, made when written
   * (one at a time) and read apart (`OpenedIndexFile.section`), each checked by its CRC-32: a reader holds one
   * section's bytes at a time, not the whole header's (at a million paragraphs, the saved indexes were a
   * 400 MB header, all of it held while the indexes were made from it).
   */
  finish(header: Record<string, unknown>, sections: Record<string, () => Uint8Array> = {}): void {
    const end = this.position;
    const offsets = Float64Array.from([...this.offsets, end]);
    // The last article ends where the sections start; the reader keeps reading it right.
    this.offsets.push(end);
    const placed: Record<string, Section> = {};
    for (const [name, make] of Object.entries(sections)) {
      const section = make();
      placed[name] = [this.position, section.length, crc32(section)];
      this.write(section);
    }
    const heads: Buffer[] = [];
    for (let i = 0; i < this.heads.length; i += HEADS_PER_GROUP) heads.push(serialize(this.heads.slice(i, i + HEADS_PER_GROUP)));
    const bytes = serialize({ ...header, heads, offsets, checks: Uint32Array.from(this.checks), sections: placed });
    const at = this.position;
    this.write(bytes);
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeDoubleLE(at, 0);
    trailer.writeDoubleLE(bytes.length, 8);
    trailer.writeUInt32LE(crc32(bytes), 16);
    MAGIC.copy(trailer, 24);
    this.write(trailer);
    // The heads are written: the articles `add` gave back (which a freshly built corpus serves, and which keep
    // this writer as their reader) need none of them, and each holds its paragraphs' places as objects.
    this.heads.length = 0;
  }

  /** Makes what was written durable (a segment of a live index is synced before its manifest names it). */
  sync(): void {
    fsyncSync(this.fd);
  }

  /** Closes the file; articles already returned can no longer be read. */
  close(): void {
    closeSync(this.fd);
  }

  /** Closes and removes the file (a build that failed); articles already returned can no longer be read. */
  abandon(): void {
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }
}

/** A typed array (what `ownTypedArrays` copies). */
type TypedArray = Exclude<ArrayBufferView, DataView>;
interface TypedArrayType {
  new (length: number): TypedArray;
  BYTES_PER_ELEMENT: number;
}

/**
 * The kinds of typed arrays a value saved with `typedArraysAsBytes` may hold, by name. A Uint8Array is never
 * stored as bytes: it is bytes.
 */
const ARRAY_TYPES: Record<string, TypedArrayType> = {
  Int8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
};

/** A typed array saved as its bytes (see `typedArraysAsBytes`). */
interface ArrayAsBytes {
  typedArray: string;
  bytes: Uint8Array;
}

const isArrayAsBytes = (value: object): value is ArrayAsBytes =>
  (value as Partial<ArrayAsBytes>).bytes instanceof Uint8Array &&
  ARRAY_TYPES[String((value as Partial<ArrayAsBytes>).typedArray)] !== undefined;

/**
 * The value (plain objects, arrays, typed arrays), to be serialised, with every typed array but a byte array
 * replaced by its bytes (`ArrayAsBytes`); `ownTypedArrays` makes them typed arrays again. `deserialize` gives
 * a typed array whose bytes are not aligned for its type as a copy, made at once: a posting list of tens of
 * megabytes in one go. A byte array it always gives as a view, which `ownTypedArraysSteps` copies a step at a time.
 */
export function typedArraysAsBytes(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof Uint8Array) && !(value instanceof DataView))
    return {
      typedArray: value.constructor.name,
      bytes: new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
    } satisfies ArrayAsBytes;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(typedArraysAsBytes);
  return Object.fromEntries(Object.entries(value).map(([key, x]) => [key, typedArraysAsBytes(x)]));
}

/** Makes an array of type `make` of its own from `bytes` (its bytes). */
type ArrayCopy = (make: TypedArrayType, bytes: Uint8Array) => TypedArray;

/** Copies the bytes now. */
const copyNow: ArrayCopy = (make, bytes) => {
  const to = new make(bytes.byteLength / make.BYTES_PER_ELEMENT);
  new Uint8Array(to.buffer).set(bytes);
  return to;
};

/**
 * The value with every typed array that views `buffer` replaced by a copy of its own, and every typed array
 * saved as bytes (`typedArraysAsBytes`) made one again, of its own; `copy` makes each (by default at once).
 * `deserialize` gives typed arrays as views of the bytes it read where they are aligned: one posting list would
 * keep the whole header's bytes (its strings and objects too, read into the heap already) in memory as long as
 * the index.
 */
export function ownTypedArrays(value: unknown, buffer: ArrayBufferLike, copy: ArrayCopy = copyNow): unknown {
  if (ArrayBuffer.isView(value))
    return value.buffer === buffer && !(value instanceof DataView)
      ? copy(value.constructor as TypedArrayType, new Uint8Array(value.buffer, value.byteOffset, value.byteLength))
      : value;
  if (value === null || typeof value !== 'object') return value;
  if (isArrayAsBytes(value)) return copy(ARRAY_TYPES[value.typedArray] as TypedArrayType, value.bytes);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const x: unknown = value[i];
      if (x !== null && typeof x === 'object') value[i] = ownTypedArrays(x, buffer, copy);
    }
  } else if (value instanceof Map) {
    for (const [key, x] of value) if (x !== null && typeof x === 'object') value.set(key, ownTypedArrays(x, buffer, copy));
  } else if (!(value instanceof Set)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const x = record[key];
      if (x !== null && typeof x === 'object') record[key] = ownTypedArrays(x, buffer, copy);
    }
  }
  return value;
}

/**
 * `ownTypedArrays` in steps (see `steps.ts`): the copies are made empty at once (allocating them costs next to
 * nothing) and filled a megabyte or so a step, since a segment's postings are arrays of tens of megabytes at
 * 100,000 paragraphs, and copying into memory not touched yet costs milliseconds a megabyte.
 */
export function* ownTypedArraysSteps(value: unknown, buffer: ArrayBufferLike): Steps<unknown> {
  const fills: Array<[Uint8Array, Uint8Array]> = [];
  const owned = ownTypedArrays(value, buffer, (make, bytes) => {
    const empty = new make(bytes.byteLength / make.BYTES_PER_ELEMENT);
    fills.push([new Uint8Array(empty.buffer), bytes]);
    return empty;
  });
  let since = 0;
  for (const [to, from] of fills) {
    for (let at = 0; at < from.byteLength; at += COPY_BYTES_PER_STEP) {
      const length = Math.min(COPY_BYTES_PER_STEP, from.byteLength - at);
      to.set(from.subarray(at, at + length), at);
      since += length;
      if (since >= COPY_BYTES_PER_STEP) {
        since = 0;
        yield;
      }
    }
  }
  return owned;
}

/** An index file opened: its header, its articles (their details read from the file when asked for), the file's inode. */
/** Where a section stands in an index file: position, length, CRC-32. */
type Section = [number, number, number];

export interface OpenedIndexFile<H> {
  header: H;
  articles: Article[];
  inode: number;
  close: () => void;
  /** The bytes of a section (see `ArticleWriter.finish`), read and checked now; throws when it is damaged or absent. */
  section: (name: string) => Uint8Array;
}

/**
 * Opens an index file: the header, and the articles, whose details are read from the file when asked for.
 * The file stays open, so a newer index renamed over it later does not change what this one reads.
 * `onDamage` is told when an article's details turn out damaged (the file should then be rebuilt).
 */
export function openIndexFile<H>(file: string, onDamage?: (reason: string) => void): OpenedIndexFile<H> {
  const { header, buffer, ...opened } = runNow(openIndexFileSteps<H>(file, onDamage));
  return { header: ownTypedArrays(header, buffer) as H, ...opened };
}

/**
 * `openIndexFile` in steps (see `steps.ts`), so that the live index reads a merged segment while it goes on
 * answering: the header's bytes a few megabytes at a time (the checksum carried from one to the next), then the
 * articles' heads a group at a time. The typed arrays of the header it gives may still view the header's bytes
 * (`buffer`): the caller makes its own what it keeps (`ownTypedArrays`), in steps of its choosing; the byte
 * parts of a header (a segment's postings, its dated mentions) are read from there, not copied first.
 */
export function* openIndexFileSteps<H>(
  file: string,
  onDamage?: (reason: string) => void,
): Steps<OpenedIndexFile<H> & { buffer: ArrayBufferLike }> {
  const fd = openSync(file, 'r');
  try {
    const { size, ino } = fstatSync(fd);
    const read = (at: number, length: number): Buffer => {
      const bytes = Buffer.alloc(length);
      if (at < 0 || at + length > size || readSync(fd, bytes, 0, length, at) !== length) throw new Error('the index file is cut short');
      return bytes;
    };
    if (size < MAGIC.length + TRAILER || !read(0, MAGIC.length).equals(MAGIC))
      throw new Error('not a Quotedesk index file of this version');
    const tail = read(size - TRAILER, TRAILER);
    if (!tail.subarray(24).equals(MAGIC)) throw new Error('not a Quotedesk index file (no trailer)');
    const at = tail.readDoubleLE(0);
    const length = tail.readDoubleLE(8);
    if (!(at >= MAGIC.length && length > 0 && at + length === size - TRAILER))
      throw new Error('the index file is damaged (bad header position)');
    const bytes = yield* readCheckedSteps(fd, at, length, tail.readUInt32LE(16));
    const header = deserialize(bytes) as Record<string, unknown>;
    // Copies of their own, at once: `deserialize` gives a typed array as a view of the header's bytes where it
    // happens to be aligned, and the closures below share one context, so that a view held there (by the
    // articles' reader, as long as the articles) would keep the whole header in memory: half a gigabyte at a
    // million paragraphs, held or not by chance of alignment.
    const { heads, sections } = header;
    const offsets = ownTypedArrays(header.offsets, bytes.buffer);
    const checks = ownTypedArrays(header.checks, bytes.buffer);
    delete header.heads;
    delete header.sections;
    const sound =
      Array.isArray(heads) &&
      heads.every((group) => group instanceof Uint8Array) &&
      offsets instanceof Float64Array &&
      checks instanceof Uint32Array &&
      checks.length % PARTS === 0 &&
      offsets.length === checks.length + 1 &&
      offsets[0] === MAGIC.length &&
      (offsets[checks.length] as number) <= at &&
      offsets.every((o, i) => i === 0 || o > (offsets[i - 1] as number));
    if (!sound) throw new Error('the index file is damaged (bad article offsets)');
    const placed = (sections ?? {}) as Record<string, Section>;
    const soundSections =
      typeof placed === 'object' &&
      Object.values(placed).every(
        (x) => Array.isArray(x) && x.length === 3 && x[0] >= (offsets[checks.length] as number) && x[1] >= 0 && x[0] + x[1] <= at,
      );
    if (!soundSections) throw new Error('the index file is damaged (bad sections)');
    const [spans, sums] = [offsets, checks];
    header.offsets = spans;
    header.checks = sums;
    const reader = new DetailReader(fd, (i) => [spans[i] as number, spans[i + 1] as number, sums[i] as number], onDamage);
    const articles: Article[] = [];
    const shared = new SharedMeta();
    for (const group of heads as Uint8Array[]) {
      yield;
      const read = ownTypedArrays(deserialize(group), bytes.buffer);
      if (!Array.isArray(read)) throw new Error('the index file is damaged (bad article heads)');
      const places = packPlaces(read as ArticleHead[]);
      let first = 0;
      for (const h of read as ArticleHead[]) {
        h.meta = shared.of(h.meta);
        articles.push(new StoredArticle(h, places, first, reader, articles.length));
        first += h.paragraphs.length;
      }
    }
    if (articles.length * PARTS !== sums.length) throw new Error('the index file is damaged (bad article offsets)');
    const section = (name: string): Uint8Array => {
      const where = Object.hasOwn(placed, name) ? placed[name] : undefined;
      if (!where) throw new Error(`the index file is damaged (no section ${name})`);
      const [start, length, check] = where;
      const out = Buffer.allocUnsafeSlow(length);
      for (let done = 0; done < length;) {
        const n = readSync(fd, out, done, length - done, start + done);
        if (n === 0) throw new Error('the index file is cut short');
        done += n;
      }
      if (crc32(out) !== check) throw new Error(`the index file is damaged (section ${name} does not match its checksum)`);
      return out;
    };
    return { header: header as H, buffer: bytes.buffer, articles, inode: ino, close: () => closeSync(fd), section };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Reads `length` bytes at `at` a few megabytes a step, and checks them against their CRC-32 (carried from step
 * to step). The bytes are their own buffer (never a pooled one), so that what views them can be told apart.
 */
function* readCheckedSteps(fd: number, at: number, length: number, check: number): Steps<Buffer> {
  const bytes = Buffer.allocUnsafeSlow(length);
  let crc = 0;
  for (let done = 0; done < length;) {
    const n = readSync(fd, bytes, done, Math.min(HEADER_BYTES_PER_STEP, length - done), at + done);
    if (n === 0) throw new Error('the index file is cut short');
    crc = crc32(bytes.subarray(done, done + n), crc);
    done += n;
    yield;
  }
  if (crc !== check) throw new Error('the index file is damaged (the header does not match its checksum)');
  return bytes;
}
