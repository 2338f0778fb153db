import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { openIndexFileSteps } from '../../src/index/articleStore.ts';
import { Segment } from '../../src/index/segment.ts';
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
   * aligned, else as a copy: the header's length decides. Segments of the seeds with one more article, its
   * title a character longer each time, until one is of each kind.
   */
  function opened(aligned: boolean): { articles: Article[]; header: WeakRef<ArrayBufferLike>; close: () => void } {
    for (let extra = 0; extra < 64; extra += 1) {
      const file = join(scratch, `seg-${aligned}-${extra}.qdseg`);
      const first = articles[0] as Article;
      const more: Article = { ...first, id: 'padding', file: 'padding.txt', meta: { ...first.meta, title: 'x'.repeat(extra) } };
      Segment.write(file, 'x', [...articles, more]).close();
      const { articles: read, buffer, close } = runNow(openIndexFileSteps(file));
      const offsets = (deserialize(Buffer.from(buffer as ArrayBuffer)) as { offsets: Float64Array }).offsets;
      if ((offsets.buffer === buffer) === aligned) return { articles: read, header: new WeakRef(buffer), close };
      close();
    }
    throw new Error(`no segment whose offsets stand ${aligned ? '' : 'un'}aligned`);
  }

  for (const aligned of [true, false])
    it(`lets its header's bytes go while its articles are kept (offsets ${aligned ? '' : 'not '}aligned)`, async () => {
      const { articles: kept, header, close } = opened(aligned);
      expect(kept.length).toBe(articles.length + 1);
      expect(await collected(header)).toBe(true);
      // The articles still read their details from the file.
      expect(kept[0]?.paragraphs[0]?.text).toBe(articles[0]?.paragraphs[0]?.text);
      close();
    });
});
