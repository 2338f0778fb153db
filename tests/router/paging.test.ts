import { describe, expect, it } from 'vitest';
import { runLine } from '../../src/router/router.ts';
import { renderTerminal } from '../../src/render/terminal.ts';
import { ask, contextOf, seedCorpus } from '../support/helpers.ts';

const run = (line: string, paging: Parameters<typeof runLine>[3]) =>
  runLine(
    contextOf(seedCorpus()),
    line,
    (e) => {
      throw e;
    },
    paging,
  );

describe('paging', () => {
  it('gives the first page of a command’s own size, and says where it stands', () => {
    const a = ask('/search kerry');
    expect(a.total).toBe(24);
    expect(a.results).toHaveLength(10);
    expect([a.page, a.pages, a.perPage]).toEqual([1, 3, 10]);
    expect(renderTerminal(a).split('\n')[0]).toBe('24 results; page 1 of 3 (page:2 for the next)');
  });

  it('gives the next pages, in the order of the whole answer, numbered in it', () => {
    const all = run('/search kerry', { all: true });
    expect(all.results).toHaveLength(24);
    expect(all.page).toBeUndefined();
    const second = ask('/search kerry page:2');
    const third = run('/search kerry', { page: 3 });
    expect(second.results.map((r) => r.text)).toEqual(all.results.slice(10, 20).map((r) => r.text));
    expect(third.results.map((r) => r.text)).toEqual(all.results.slice(20).map((r) => r.text));
    const text = renderTerminal(third);
    expect(text.split('\n')[0]).toBe('24 results; page 3 of 3');
    expect(text).toMatch(/^21\. /m);
    expect(text).not.toMatch(/^1\. /m);
  });

  it('pages every listing command, at the page size the caller asks for (Discord’s is smaller)', () => {
    for (const line of ['/who-said regime change', '/when kerry', '/timeline', '/quotes kerry', '/speakers', '/sources']) {
      const all = run(line, { all: true });
      const pages = Math.ceil(all.results.length / 4);
      const seen = Array.from({ length: pages }, (_, i) => run(line, { page: i + 1, size: 4 }));
      expect(
        seen.flatMap((a) => a.results.map((r) => r.text)),
        line,
      ).toEqual(all.results.map((r) => r.text));
      expect(
        seen.every((a) => a.pages === pages && a.total === all.total),
        line,
      ).toBe(true);
    }
  });

  it('makes only the results of the pages asked for where a listing is long (/sources: one citation per article)', async () => {
    const { sources } = await import('../../src/answer/catalogue.ts');
    const first = sources(seedCorpus(), 2);
    expect(first.total).toBe(seedCorpus().articles.length);
    expect(first.results.map((r) => r.text)).toEqual(
      sources(seedCorpus())
        .results.slice(0, 2)
        .map((r) => r.text),
    );
  });

  it('says plainly when a page is past the last', () => {
    expect(ask('/search kerry page:4').error).toEqual({
      kind: 'usage',
      message: 'page 4 is past the last page: 24 results make 3 pages of 10',
    });
    expect(ask('/search zzzqqq page:2').error?.message).toBe('page 2 is past the last page: there are no results');
    expect(ask('/help', seedCorpus()).page).toBeUndefined();
    expect(run('/help', { page: 2 }).error?.message).toBe('/help answers in one page: leave out the page');
  });

  it('refuses a page that is not a whole number, or given twice, or with every result', () => {
    expect(ask('/search kerry page:0').error?.message).toBe('page: "0" is not a whole number from 1');
    expect(ask('/search kerry page:two').error?.message).toBe('page: "two" is not a whole number from 1');
    expect(run('/search kerry page:2', { page: 2 }).error?.message).toBe('page is given twice: as page: and as --page');
    expect(run('/search kerry', { page: 2, all: true }).error?.message).toBe('--all gives every result: leave out the page');
  });

  it('leaves "page" inside a query alone unless it is the option', () => {
    expect(ask('/search front page news').query).toBe('front page news');
  });
});
