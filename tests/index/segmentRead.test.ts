import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import {
  ArticleWriter,
  HEADS_PER_GROUP,
  openIndexFile,
  openIndexFileSteps,
  ownTypedArraysSteps,
  typedArraysAsBytes,
} from '../../src/index/articleStore.ts';
import type { LoadedCorpus } from '../../src/index/loadedCorpus.ts';
import { ParagraphIndex } from '../../src/index/paragraphIndex.ts';
import { QuoteBook, quoteFactsOf } from '../../src/index/quoteBook.ts';
import { Segment, SegmentWriter } from '../../src/index/segment.ts';
import { type Steps, runInTurns } from '../../src/index/steps.ts';
import type { Article } from '../../src/model/index.ts';
import { renderJson } from '../../src/render/json.ts';
import { runLine } from '../../src/router/router.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

const QUESTIONS = readFileSync(join(import.meta.dirname, '..', 'e2e', 'regression', 'seeds.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-segread-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the steps to the end, counting the pauses. */
function counted<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses };
    pauses += 1;
  }
}

/**
 * The typed arrays in a value that view a larger buffer than their own or Node's pool of small buffers (where
 * `deserialize` copies a small array it cannot view): bytes read with others, that they would keep alive.
 */
function views(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return value.buffer.byteLength > Math.max(value.byteLength, Buffer.poolSize) ? [value] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(views);
}

/** The corpus of one segment, put together as the live index puts a corpus of one segment together. */
const corpusOf = (segment: Segment): LoadedCorpus => ({
  dir: CORPUS_DIR,
  articles: segment.articles,
  warnings: [],
  index: ParagraphIndex.compose(segment.articles, segment.search, segment.lexicon),
  quotes: QuoteBook.fromFacts(segment.quoteFacts),
  events: segment.events,
  source: { kind: 'built', reason: 'test' },
});

const answers = (corpus: LoadedCorpus): string[] =>
  QUESTIONS.map((line) =>
    renderJson(
      runLine({ corpus, commands }, line, (e) => {
        throw e;
      }),
    ),
  );

describe('Segment.readSteps', () => {
  const file = join(scratch, 'seeds.qdseg');
  const written = Segment.write(file, 'seeds.qdseg', loadCorpus(CORPUS_DIR).articles);
  afterAll(() => written.close());

  it('pauses between the header, the heads, the postings and the mentions, and answers as the segment read at once', () => {
    const { value: stepped, pauses } = counted(Segment.readSteps(file, 'seeds.qdseg'));
    const once = Segment.read(file, 'seeds.qdseg');
    // At least: after the header's bytes, after the one group of heads, after the postings, after the mentions.
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(stepped.articles.map((a) => [a.file, a.paragraphs.map((p) => p.text), a.quotes, a.events])).toEqual(
      once.articles.map((a) => [a.file, a.paragraphs.map((p) => p.text), a.quotes, a.events]),
    );
    expect(stepped.search.toJSON()).toEqual(once.search.toJSON());
    expect(stepped.events.toJSON()).toEqual(once.events.toJSON());
    expect([...stepped.lexicon.words()]).toEqual([...once.lexicon.words()]);
    expect(stepped.quoteFacts).toEqual(once.quoteFacts);
    // Nothing read keeps the header's bytes alive.
    expect(views([stepped.search.toJSON(), stepped.events.toJSON()])).toEqual([]);
    const expected = answers(corpusOf(written));
    expect(answers(corpusOf(stepped))).toEqual(expected);
    expect(answers(corpusOf(once))).toEqual(expected);
    stepped.close();
    once.close();
  });

  it('refuses, read in turns, a segment whose header was altered or that was cut short', async () => {
    const bytes = readFileSync(file);
    const altered = join(scratch, 'altered.qdseg');
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 100] = (flipped[bytes.length - 100] as number) ^ 0xff;
    writeFileSync(altered, flipped);
    await expect(runInTurns(Segment.readSteps(altered, 'altered.qdseg'), { sliceMs: 0 })).rejects.toThrow(
      'the index file is damaged (the header does not match its checksum)',
    );
    const short = join(scratch, 'short.qdseg');
    writeFileSync(short, bytes.subarray(0, bytes.length - 3));
    await expect(runInTurns(Segment.readSteps(short, 'short.qdseg'), { sliceMs: 0 })).rejects.toThrow(
      'not a Quotedesk index file (no trailer)',
    );
  });
});

describe('openIndexFileSteps', () => {
  /** An article of one short paragraph, made inline. */
  const tiny = (i: number): Article => ({
    id: `a${i}`,
    file: `a${String(i).padStart(5, '0')}.txt`,
    meta: { title: `Article ${i}`, outlet: null, outletUrl: null, url: null, published: null, author: null, provenance: {} },
    paragraphs: [{ index: 0, start: 0, end: 12, text: `Paragraph ${i}.`, sentences: [] }],
    setAside: [],
    quotes: [],
    events: [],
  });

  it("reads the articles' heads a group at a time, the same articles as read at once", () => {
    const file = join(scratch, 'many.qdix');
    const count = 2 * HEADS_PER_GROUP + 1;
    const writer = new ArticleWriter(file);
    for (let i = 0; i < count; i += 1) writer.add(tiny(i));
    writer.finish({ format: 1 });
    writer.close();
    const { value: stepped, pauses } = counted(openIndexFileSteps<{ format: number }>(file));
    const once = openIndexFile<{ format: number }>(file);
    // After the header's bytes, then before each of the three groups of heads.
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(stepped.header.format).toBe(1);
    expect(stepped.articles).toHaveLength(count);
    const shown = (a: Article): unknown => [a.id, a.file, a.meta.title, a.paragraphs.map((p) => [p.start, p.end, p.text])];
    expect(stepped.articles.map(shown)).toEqual(once.articles.map(shown));
    expect(shown(stepped.articles[count - 1] as Article)).toEqual(shown(tiny(count - 1)));
    stepped.close();
    once.close();
  });
});

describe('ownTypedArraysSteps', () => {
  it('copies the arrays that view the buffer a megabyte or so a step, to arrays of their own with the same values', () => {
    const bytes = new Uint8Array(3 * 2 ** 20 + 8);
    const docs = new Uint32Array(bytes.buffer, 8, 3 * 2 ** 18);
    docs.forEach((_, i) => (docs[i] = i * 7));
    const other = Uint16Array.of(1, 2, 3);
    const { value, pauses } = counted(ownTypedArraysSteps({ postings: [{ docs, other }] }, bytes.buffer));
    const owned = (value as { postings: Array<{ docs: Uint32Array; other: Uint16Array }> }).postings[0];
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(owned?.docs.buffer).not.toBe(bytes.buffer);
    expect(owned?.docs).toEqual(docs);
    // An array of its own already is kept as it is.
    expect(owned?.other).toBe(other);
  });

  it('makes the typed arrays saved as bytes typed arrays of their own again, a megabyte or so a step', () => {
    const docs = Uint32Array.from({ length: 3 * 2 ** 18 }, (_, i) => i * 7);
    const saved = { postings: [{ docs, lengths: Uint16Array.of(1, 2, 3), average: 2 }], terms: ['a'] };
    const bytes = serialize(typedArraysAsBytes(saved));
    const { value, pauses } = counted(ownTypedArraysSteps(deserialize(bytes), bytes.buffer));
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(value).toEqual(saved);
    expect(views(value)).toEqual([]);
  });
});

describe('SegmentWriter', () => {
  it('removes its file when an article cannot be added, and may be abandoned again', () => {
    const file = join(scratch, 'broken.qdseg');
    const [first, second] = loadCorpus(CORPUS_DIR).articles as [Article, Article];
    const writer = new SegmentWriter(file, 'broken.qdseg');
    writer.add(first);
    expect(writer.count).toBe(1);
    expect(existsSync(file)).toBe(true);
    const broken = {
      ...second,
      get paragraphs(): never {
        throw new Error('unreadable');
      },
    } as Article;
    expect(() => writer.add(broken)).toThrow('unreadable');
    expect(existsSync(file)).toBe(false);
    expect(() => writer.abandon()).not.toThrow();
    expect(() => writer.add(first)).toThrow(/after finish or abandon/);
  });

  it('keeps facts given as the very objects given, and refuses to go on once finished', () => {
    const articles = loadCorpus(CORPUS_DIR).articles;
    const facts = articles.map(quoteFactsOf);
    const file = join(scratch, 'given.qdseg');
    const writer = new SegmentWriter(file, 'given.qdseg');
    articles.forEach((a, i) => writer.add(a, facts[i]));
    const segment = writer.finish();
    expect(segment.quoteFacts[0]).toBe(facts[0]);
    expect(() => writer.finish()).toThrow(/after finish or abandon/);
    // Abandoning a finished writer leaves the segment's file alone.
    writer.abandon();
    expect(existsSync(file)).toBe(true);
    expect(segment.articles[0]?.paragraphs[0]?.text).toBe(articles[0]?.paragraphs[0]?.text);
    segment.close();
  });

  it('writes what it was given an article at a time, facts given or not, as one segment', () => {
    const articles = loadCorpus(CORPUS_DIR).articles;
    const file = join(scratch, 'streamed.qdseg');
    const writer = new SegmentWriter(file, 'streamed.qdseg');
    // The first article's facts given, the others' worked out by the writer.
    articles.forEach((a, i) => writer.add(a, i === 0 ? quoteFactsOf(a) : undefined));
    const streamed = writer.finish();
    const whole = Segment.write(join(scratch, 'whole.qdseg'), 'whole.qdseg', articles);
    expect(streamed.articles.map((a) => a.file)).toEqual(articles.map((a) => a.file));
    expect(streamed.quoteFacts).toEqual(whole.quoteFacts);
    expect(answers(corpusOf(streamed))).toEqual(answers(corpusOf(whole)));
    const reread = Segment.read(file, 'streamed.qdseg');
    expect(answers(corpusOf(reread))).toEqual(answers(corpusOf(whole)));
    for (const s of [streamed, whole, reread]) s.close();
  });
});
