/**
 * The lexicon of a live corpus with articles added is the last one with their words put in
 * (`Lexicon.withInserted`), not merged again from every segment: it must equal the lexicon built over the
 * whole folder (every word, count, form, first place and their order), wherever the new files sort.
 */
import { cpSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { LexiconBuilder } from '../../src/index/lexicon.ts';
import { LiveIndex } from '../../src/index/liveIndex.ts';
import { indexInMemory } from '../../src/index/loadedCorpus.ts';
import { runNow } from '../../src/index/steps.ts';
import { tokenize } from '../../src/nlp/terms.ts';
import { CORPUS_DIR, DEVPAGES_DIR } from '../support/helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-lexicon-insert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The lexicon of these paragraphs, numbered in order. */
const lexiconOf = (paragraphs: readonly string[]) => {
  const builder = new LexiconBuilder();
  paragraphs.forEach((text, doc) => builder.add(text, tokenize(text), doc));
  return builder.finish();
};
const entries = (lexicon: ReturnType<typeof lexiconOf>) => [...lexicon.words()];

describe('Lexicon.withInserted', () => {
  it('puts paragraphs in among the old ones: counts added, the earlier place and its form, the order first written', () => {
    const old = ['Kerry met Lavrov.', 'Putin spoke.'];
    // Put in before the first paragraph and between the two: "kerry" is first written earlier now, as "KERRY".
    const all = ['KERRY flew to Moscow.', 'Kerry met Lavrov.', 'Lavrov and Assad.', 'Putin spoke.'];
    const moved = (position: number) => position + (position >= 2 ** 20 ? 2 : 1) * 2 ** 20;
    const added = lexiconOf(['KERRY flew to Moscow.', 'Lavrov and Assad.']);
    // The added paragraphs' words with their places in the whole: paragraph 0 stays 0, paragraph 1 becomes 2.
    const addedGlobal = [...added.words()].map(([w, e]): [string, typeof e] => [
      w,
      { ...e, first: e.first >= 2 ** 20 ? e.first + 2 ** 20 : e.first },
    ]);
    const got = runNow(lexiconOf(old).withInserted(moved, addedGlobal));
    expect(entries(got)).toEqual(entries(lexiconOf(all)));
    expect(got.words().get('kerry')).toMatchObject({ count: 2, form: 'KERRY' });
  });
});

describe('a live corpus with articles added', () => {
  it('has the lexicon of the whole folder after each article added alone, wherever it sorts, and after a removal', async () => {
    const dir = join(scratch, 'corpus');
    cpSync(CORPUS_DIR, dir, { recursive: true });
    const live = (await LiveIndex.open(dir, { cacheDir: join(scratch, 'cache') })).index;
    const pages = readdirSync(join(DEVPAGES_DIR, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .filter((_, i) => i % 4 === 0);
    expect(pages.length).toBeGreaterThan(4);
    const whole = () => entries(indexInMemory(loadCorpus(dir)).index.lexicon);
    for (const [i, page] of pages.entries()) {
      // Before the seeds' files, among them and after them.
      const name = i % 3 === 0 ? `000_${page}` : i % 3 === 1 ? `0${i}_${page}` : `zz_${page}`;
      cpSync(join(DEVPAGES_DIR, 'corpus', page), join(dir, name));
      live.update([join(dir, name)]);
      expect(entries(live.corpus.index.lexicon)).toEqual(whole());
    }
    const gone = `zz_${pages[2] as string}`;
    rmSync(join(dir, gone));
    live.update([join(dir, gone)]);
    expect(entries(live.corpus.index.lexicon)).toEqual(whole());
    live.close();
  });
});
