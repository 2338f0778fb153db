import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { ArticleWriter, openIndexFileSteps } from '../../src/index/articleStore.ts';
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
