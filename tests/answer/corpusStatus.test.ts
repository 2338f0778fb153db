import { describe, expect, it } from 'vitest';
import { articleAdded, articleRemoved, corpusStatus } from '../../src/answer/corpusStatus.ts';
import { ask, seedCorpus } from '../support/helpers.ts';

describe('corpusStatus', () => {
  it('gives articles, paragraphs, the last update, and each file that failed with the reason', () => {
    const answer = corpusStatus({
      dir: '/c',
      articles: 5,
      paragraphs: 61,
      lastUpdate: '2026-12-02T01:50:26.477Z',
      failed: [{ file: 'broken.txt', reason: 'binary file (it contains NUL bytes)' }],
      segments: 1,
      deleted: 0,
    });
    expect(answer.results.map((r) => r.text)).toEqual([
      '5 articles, 61 paragraphs; last update 2026-12-02T01:50:26.477Z',
      'not loaded: broken.txt: binary file (it contains NUL bytes)',
    ]);
    expect(answer.results[0]?.details).toEqual({
      articles: 5,
      paragraphs: 61,
      'last update': '2026-12-02T01:50:26.477Z',
      'failed to load': 1,
    });
    expect(answer.notes).toEqual(['1 file did not load']);
  });

  it('answers /corpus status at the terminal, and sends add and remove to Discord', () => {
    const status = ask('/corpus status');
    expect(status.results[0]?.text).toBe('5 articles, 61 paragraphs; last update at load (the corpus is not live here)');
    expect(ask('/corpus add').error?.message).toMatch(
      /^\/corpus add works in Discord, for members with Manage Server; here, drop the file into/,
    );
    expect(ask('/corpus list').error?.message).toBe('/corpus list: the action is status (add and remove are in Discord)');
  });
});

describe('the answers of an add and a remove', () => {
  it('name the article, its paragraphs and quotes, cited; or how many are left', () => {
    const corpus = seedCorpus();
    const a = corpus.articles[0]!;
    const added = articleAdded(corpus, a.file, 123.4);
    expect(added.results[0]?.text).toBe(
      `added ${a.id}: ${a.paragraphs.length} paragraphs, ${a.quotes.length} quotes found; answered from in 123 ms`,
    );
    expect(added.results[0]?.citations[0]?.article).toBe(a.id);
    expect(articleAdded(corpus, 'missing.txt', 1).error?.message).toBe('missing.txt was written but did not load');
    expect(articleRemoved(corpus, 'x', 'x.txt').results[0]?.text).toBe('removed x (x.txt); 5 articles left');
  });
});
