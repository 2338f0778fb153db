import { describe, expect, it } from 'vitest';
import { Context } from '../../commands/context.ts';
import { closeArticleIds } from '../../src/answer/context.ts';
import { renderTerminal } from '../../src/render/terminal.ts';
import { parseCommandLine } from '../../src/router/parse.ts';
import { ask, indexedCorpus, seedCorpus, tempCorpus } from '../support/helpers.ts';

describe('/context', () => {
  it('shows the cited paragraph whole, with the one before and after, each cited', () => {
    const a = ask('/context 004_58819347198058c8 2');
    expect(a.error).toBeUndefined();
    expect(a.results.map((r) => [r.details?.position, r.citations[0]?.paragraph])).toEqual([
      ['before', 1],
      ['cited', 2],
      ['after', 3],
    ]);
    const article = seedCorpus().articles.find((x) => x.id === '004_58819347198058c8');
    expect(a.results.map((r) => r.text)).toEqual(article?.paragraphs.slice(0, 3).map((p) => p.text));
    expect(a.results[1]?.citations[0]?.link).toMatch(/#:~:text=%22The%20United%20States%20and,/);
  });

  it('takes the start of an id, and says where the article ends', () => {
    const first = ask('/context 003 1');
    expect(first.results.map((r) => r.details?.position)).toEqual(['cited', 'after']);
    expect(first.notes).toContain('the first paragraph: none before it');
    const count = seedCorpus().articles.find((x) => x.id.startsWith('003_'))?.paragraphs.length;
    const last = ask(`/context 003 ${count}`);
    expect(last.results.map((r) => r.details?.position)).toEqual(['before', 'cited']);
    expect(last.notes).toContain('the last paragraph: none after it');
  });

  it('says which paragraphs there are, and which articles were meant', () => {
    expect(ask('/context 004 9').error?.message).toBe('004_58819347198058c8 has 5 paragraphs: give a number from 1 to 5');
    expect(ask('/context 004 0').error?.message).toBe('paragraph: "0" is not a whole number from 1');
    expect(ask('/context 004_58819347198058c9 1').error?.message).toBe(
      'no article "004_58819347198058c9" in the corpus; did you mean 004_58819347198058c8? (/sources lists every article)',
    );
    expect(ask('/context 00 1').error?.message).toMatch(/^"00" could be 000_dbd715e2f98fffeb or 001_b2cf09a019e98ac2 or 002_/);
    expect(ask('/context 004').error?.message).toBe('paragraph is missing. Usage: /context <article> <paragraph>');
  });

  it('reads the paragraph typed after the article, or named', () => {
    expect(parseCommandLine('/context 004_x 3', Context).options).toEqual({ article: '004_x', paragraph: '3' });
    expect(parseCommandLine('/context 004_x paragraph:3', Context).options).toEqual({ article: '004_x', paragraph: '3' });
    expect(parseCommandLine('/context 004_x', Context).options).toEqual({ article: '004_x' });
  });

  it('works on any corpus, with ids as the file names give them', () => {
    const corpus = indexedCorpus(
      tempCorpus({
        'wire-2020-talks.txt':
          '---\ntitle: Talks\noutlet: Wire\n---\nThe envoys met in Geneva on Monday and talked for hours.\n\nThey said that they would meet again in the spring.\n',
        'post-2020-talks.txt': '---\ntitle: Talks\noutlet: Post\n---\nAnother paragraph.\n',
      }),
    );
    expect(ask('/context WIRE-2020-TALKS 2', corpus).results.map((r) => r.text)).toEqual([
      'The envoys met in Geneva on Monday and talked for hours.',
      'They said that they would meet again in the spring.',
    ]);
    expect(ask('/context wire-2021-talks 1', corpus).error?.message).toContain('did you mean wire-2020-talks?');
  });

  it('is what every terminal result offers under its citations', () => {
    const text = renderTerminal(ask('/search "regime change" outlet:Daily Sabah'));
    expect(text).toContain('   context: /context 004_58819347198058c8 2');
    expect(renderTerminal(ask('/context 004 2'))).not.toContain('context: /context');
  });
});

describe('closeArticleIds', () => {
  const ids = ['000_abc', '001_def', '010_xyz', 'reuters-talks'];
  it('gives the ids holding what was typed, then the nearest by edits', () => {
    expect(closeArticleIds(ids, 'def')).toEqual(['001_def']);
    expect(closeArticleIds(ids, 'reuter-talks')).toEqual(['reuters-talks']);
    expect(closeArticleIds(ids, 'zzzzzzzzzz')).toEqual([]);
  });
});
