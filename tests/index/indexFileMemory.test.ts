import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { ArticleWriter, madeParagraphLists, openIndexFileSteps, paragraphCountOf } from '../../src/index/articleStore.ts';
import { loadIndexedCorpus } from '../../src/index/cache.ts';
import { LiveIndex } from '../../src/index/liveIndex.ts';
import { runNow } from '../../src/index/steps.ts';
import type { Article } from '../../src/model/index.ts';
import { CORPUS_DIR } from '../support/helpers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage until `ref` is cleared (a few rounds; a WeakRef lives to the end of the job that read it). */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 5; i += 1) {
    await new Promise((r) => setTimeout(r, 0));
    gc();
    await new Promise((r) => setTimeout(r, 0));
    if (ref.deref() === undefined) return true;
  }
  return false;
}

describe('an index file opened', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-memory-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const articles = loadCorpus(CORPUS_DIR).articles;

  /**
   * `deserialize` gives the header's article offsets as a view of the header's bytes when they happen to stand
   * aligned, else as a copy: what stands before them in the header decides. Index files of the seeds whose
   * header starts with 0 to 15 bytes more, until one is of each kind.
   */
  function opened(aligned: boolean): { articles: Article[]; header: WeakRef<ArrayBufferLike>; close: () => void } {
    for (let pad = 0; pad < 16; pad += 1) {
      const file = join(scratch, `index-${aligned}-${pad}.qdix`);
      const writer = new ArticleWriter(file);
      for (const a of articles) writer.add(a);
      writer.finish({ pad: new Uint8Array(pad) });
      writer.close();
      const { articles: read, buffer, close } = runNow(openIndexFileSteps(file));
      const offsets = (deserialize(Buffer.from(buffer as ArrayBuffer)) as { offsets: Float64Array }).offsets;
      if ((offsets.buffer === buffer) === aligned) return { articles: read, header: new WeakRef(buffer), close };
      close();
    }
    throw new Error(`no index file whose offsets stand ${aligned ? '' : 'un'}aligned`);
  }

  for (const aligned of [true, false])
    it(`lets its header's bytes go while its articles are kept (offsets ${aligned ? '' : 'not '}aligned)`, async () => {
      const { articles: kept, header, close } = opened(aligned);
      expect(kept.length).toBe(articles.length);
      expect(await collected(header)).toBe(true);
      // The articles still read their details from the file.
      expect(kept[0]?.paragraphs[0]?.text).toBe(articles[0]?.paragraphs[0]?.text);
      close();
    });
});

describe("a stored article's paragraphs", () => {
  const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-paragraphs-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const articles = loadCorpus(CORPUS_DIR).articles;

  function stored(): { articles: Article[]; close: () => void } {
    const file = join(scratch, 'index.qdix');
    const writer = new ArticleWriter(file);
    for (const a of articles) writer.add(a);
    writer.finish({});
    writer.close();
    const { articles: read, close } = runNow(openIndexFileSteps(file));
    return { articles: read, close };
  }

  it('are read back as they were written: place, offsets, text and sentences', () => {
    const { articles: read, close } = stored();
    read.forEach((a, i) => {
      const written = articles[i] as Article;
      expect(paragraphCountOf(a)).toBe(written.paragraphs.length);
      expect(a.paragraphs.map(({ index, start, end, text, sentences }) => ({ index, start, end, text, sentences }))).toEqual(
        written.paragraphs.map(({ index, start, end, text, sentences }) => ({ index, start, end, text, sentences })),
      );
    });
    close();
  });

  it("keep each article's metadata as written, what repeats held once", () => {
    const { articles: read, close } = stored();
    read.forEach((a, i) => expect(a.meta).toEqual(articles[i]?.meta));
    // Two articles whose fields came from the same places share one record of it.
    const same = read.filter((a) => JSON.stringify(a.meta.provenance) === JSON.stringify(read[0]?.meta.provenance));
    expect(same.length).toBeGreaterThan(1);
    for (const a of same) expect(a.meta.provenance).toBe(read[0]?.meta.provenance);
    close();
  });

  it('are made only when read, and opening a saved corpus or live index reads none', async () => {
    const cacheDir = join(scratch, 'cache');
    await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    const made = madeParagraphLists();
    const loaded = await loadIndexedCorpus(CORPUS_DIR, { cacheDir });
    expect(loaded.source.kind).toBe('cache');
    expect(madeParagraphLists()).toBe(made);
    const liveDir = join(scratch, 'live');
    (await LiveIndex.open(CORPUS_DIR, { cacheDir: liveDir })).index.close();
    const beforeOpen = madeParagraphLists();
    const live = LiveIndex.openSaved(CORPUS_DIR, { cacheDir: liveDir });
    expect(live?.corpus.source.kind).toBe('cache');
    expect(madeParagraphLists()).toBe(beforeOpen);
    // Reading them makes them: the counter is not stuck.
    expect(loaded.articles[0]?.paragraphs.length).toBeGreaterThan(0);
    expect(madeParagraphLists()).toBe(beforeOpen + 1);
    live?.close();
  });

  it('stay the same objects while one of them is held, and are let go when none is', async () => {
    const { articles: read, close } = stored();
    const article = read[0] as Article;
    const held = article.paragraphs[1];
    let list: WeakRef<object> | undefined = new WeakRef(article.paragraphs);
    // The list lives while a paragraph of it is held (a map keyed by paragraphs finds them again)…
    expect(await collected(list)).toBe(false);
    expect(article.paragraphs[1]).toBe(held);
    expect(article.paragraphs[1]?.text).toBe(articles[0]?.paragraphs[1]?.text);
    // …and goes when none is: an article opened holds no paragraph objects.
    list = new WeakRef(read[1]?.paragraphs as object);
    expect(await collected(list)).toBe(true);
    close();
  });
});
