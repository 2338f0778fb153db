import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { EventMention } from '../ingest/events.ts';
import type { Article, ArticleMeta, Paragraph, Quote, Sentence, SetAside } from '../ingest/types.ts';

/**
 * Articles whose details stay on disk.
 *
 * An answer shows ten results, but a corpus of a million paragraphs has millions of sentences, quotes and
 * dated mentions: held as objects, they were most of the bot's memory and of the time to load its index.
 * So an article is kept in two parts. What every query may read (id, metadata, paragraph texts and
 * offsets) stays in memory; the details (sentences, quotes, dated mentions, set-aside blocks) are written
 * one article after another to the index file and read back, by position, when an answer shows that
 * article (the last few hundred read are kept). The indexes keep in arrays what they rank by, so that
 * ranking never reads details.
 *
 * The file: `MAGIC`, then each article's details (v8 serialisation), then the header (v8), then a trailer
 * of the header's position and length and `MAGIC` again. The details are written as the corpus is read,
 * so building never holds them all; the header, written last, holds the rest of the index.
 */

/** What stays in memory of an article. */
export interface ArticleHead {
  id: string;
  file: string;
  meta: ArticleMeta;
  paragraphs: Array<Omit<Paragraph, 'sentences'>>;
}

/** What is read from disk when an answer shows an article. */
interface ArticleDetails {
  sentences: Sentence[][];
  quotes: Quote[];
  events: EventMention[];
  setAside: SetAside[];
}

const MAGIC = Buffer.from('QDIX0001');
const TRAILER = 16 + MAGIC.length;
/** How many articles' details are kept once read. */
const KEEP = 512;

/** Reads articles' details from an open index file, by position, keeping the last ones read. */
class DetailReader {
  private readonly recent = new Map<number, ArticleDetails>();
  constructor(
    private readonly fd: number,
    /** Where article i's details stand in the file: [start, end). */
    private readonly span: (i: number) => [number, number],
  ) {}

  read(i: number): ArticleDetails {
    const kept = this.recent.get(i);
    if (kept) {
      this.recent.delete(i);
      this.recent.set(i, kept);
      return kept;
    }
    const [start, end] = this.span(i);
    const length = end - start;
    const bytes = Buffer.allocUnsafe(length);
    if (readSync(this.fd, bytes, 0, length, start) !== length) throw new Error(`the index file ends inside article ${i}'s details`);
    const details = deserialize(bytes) as ArticleDetails;
    this.recent.set(i, details);
    if (this.recent.size > KEEP) this.recent.delete(this.recent.keys().next().value as number);
    return details;
  }
}

/** A paragraph whose sentences are read with its article's details. */
class StoredParagraph implements Paragraph {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  constructor(
    head: Omit<Paragraph, 'sentences'>,
    private readonly article: StoredArticle,
  ) {
    this.index = head.index;
    this.start = head.start;
    this.end = head.end;
    this.text = head.text;
  }
  get sentences(): Sentence[] {
    return this.article.details().sentences[this.index] ?? [];
  }
}

/** An article as the rest of the code knows it; its details come from the index file when first asked for. */
class StoredArticle implements Article {
  readonly id: string;
  readonly file: string;
  readonly meta: ArticleMeta;
  readonly paragraphs: Paragraph[];
  constructor(
    head: ArticleHead,
    private readonly reader: DetailReader,
    private readonly position: number,
  ) {
    this.id = head.id;
    this.file = head.file;
    this.meta = head.meta;
    this.paragraphs = head.paragraphs.map((p) => new StoredParagraph(p, this));
  }
  details(): ArticleDetails {
    return this.reader.read(this.position);
  }
  get quotes(): Quote[] {
    return this.details().quotes;
  }
  get events(): EventMention[] {
    return this.details().events;
  }
  get setAside(): SetAside[] {
    return this.details().setAside;
  }
}

const headOf = (a: Article): ArticleHead => ({
  id: a.id,
  file: a.file,
  meta: a.meta,
  paragraphs: a.paragraphs.map(({ index, start, end, text }) => ({ index, start, end, text })),
});

/**
 * Writes an index file: `add` each article as it is read (its details go to disk, and the article that
 * comes back reads them from there), then `finish` with the header.
 */
export class ArticleWriter {
  private readonly fd: number;
  private position = 0;
  private readonly offsets: number[] = [];
  private readonly heads: ArticleHead[] = [];
  /** Reads back what was written, through the same file descriptor. */
  private readonly reader: DetailReader;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+');
    this.write(MAGIC);
    this.reader = new DetailReader(this.fd, (i) => [this.offsets[i] as number, this.offsets[i + 1] ?? this.position]);
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done, this.position + done);
    this.position += bytes.length;
  }

  /** Writes the article's details; returns the article, reading them back from the file. */
  add(article: Article): Article {
    this.offsets.push(this.position);
    this.write(
      serialize({
        sentences: article.paragraphs.map((p) => p.sentences),
        quotes: article.quotes,
        events: article.events,
        setAside: article.setAside,
      } satisfies ArticleDetails),
    );
    const head = headOf(article);
    this.heads.push(head);
    // Ends are known as the next article starts: the last one's is the current end of the file.
    return new StoredArticle(head, this.reader, this.heads.length - 1);
  }

  /** Writes the header (anything v8 can serialise) and the trailer; the file is complete. Returns the articles' heads. */
  finish(header: Record<string, unknown>): void {
    const offsets = Float64Array.from([...this.offsets, this.position]);
    const bytes = serialize({ ...header, heads: this.heads, offsets });
    // The last article ends where the header starts; the reader keeps reading it right.
    this.offsets.push(this.position);
    const at = this.position;
    this.write(bytes);
    const trailer = Buffer.alloc(TRAILER);
    trailer.writeDoubleLE(at, 0);
    trailer.writeDoubleLE(bytes.length, 8);
    MAGIC.copy(trailer, 16);
    this.write(trailer);
  }

  /** Closes the file if it is not to be read (a build that failed). */
  abandon(): void {
    closeSync(this.fd);
  }
}

/**
 * Opens an index file: the header, and the articles, whose details are read from the file when asked for.
 * The file stays open, so a newer index renamed over it later does not change what this one reads.
 */
export function openIndexFile<H>(file: string): { header: H; articles: Article[]; close: () => void } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(TRAILER);
    if (size < MAGIC.length + TRAILER || readSync(fd, tail, 0, TRAILER, size - TRAILER) !== TRAILER || !tail.subarray(16).equals(MAGIC))
      throw new Error('not a Quotedesk index file (no trailer)');
    const at = tail.readDoubleLE(0);
    const length = tail.readDoubleLE(8);
    if (!(at >= MAGIC.length && length > 0 && at + length === size - TRAILER))
      throw new Error('the index file is damaged (bad header position)');
    const bytes = Buffer.allocUnsafe(length);
    if (readSync(fd, bytes, 0, length, at) !== length) throw new Error('the index file is damaged (short header)');
    const header = deserialize(bytes) as H & { heads: ArticleHead[]; offsets: Float64Array };
    const { offsets } = header;
    const reader = new DetailReader(fd, (i) => [offsets[i] as number, offsets[i + 1] as number]);
    const articles = header.heads.map((h, i): Article => new StoredArticle(h, reader, i));
    return { header, articles, close: () => closeSync(fd) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}
