import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { MAX_SENTENCE_CHARS } from '../../src/nlp/sentences.ts';
import { ingestArticle } from '../../src/ingest/article.ts';
import { FrontMatterError, splitFrontMatter } from '../../src/ingest/frontMatter.ts';
import { CORPUS_DIR, tempCorpus } from '../support/helpers.ts';

const seed = (id: string): string => readFileSync(join(CORPUS_DIR, `${id}.txt`), 'utf8');
const withoutFrontMatter = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '');
const ARTICLE = 'Kerry met Putin in Moscow on Tuesday to talk about Syria.\n\nLavrov said the talks went well.\n';

describe('front matter', () => {
  it('reads the keys and where the text starts', () => {
    const raw = '---\ntitle: "A title"\npublished: 2015-12-16\nurl: https://example.org/a\n---\nBody text.';
    const { frontMatter, bodyStart } = splitFrontMatter(raw);
    expect(frontMatter).toMatchObject({ title: 'A title', published: '2015-12-16', url: 'https://example.org/a' });
    expect(raw.slice(bodyStart)).toBe('Body text.');
  });

  it('rejects a block that never closes, bad YAML, a bad date and a URL that is not one', () => {
    expect(() => splitFrontMatter('---\ntitle: x\nBody')).toThrow(FrontMatterError);
    expect(() => splitFrontMatter('---\ntitle: [x\n---\nBody')).toThrow(/not valid YAML/);
    expect(() => splitFrontMatter('---\npublished: last week\n---\nBody')).toThrow(/ISO 8601/);
    expect(() => splitFrontMatter('---\npublished: "December 16, 2015"\n---\nBody')).toThrow(/ISO 8601/);
    expect(() => splitFrontMatter('---\npublished: "7"\n---\nBody')).toThrow(/ISO 8601/);
    expect(() => splitFrontMatter('---\nurl: lidtime.com/x\n---\nBody')).toThrow(/http\(s\) URL/);
  });

  it("fills the seeds' metadata from SOURCES.md, never inventing a URL", () => {
    const corpus = loadCorpus(CORPUS_DIR);
    const gr = corpus.articles.find((a) => a.id === '001_b2cf09a019e98ac2');
    expect(gr?.meta).toMatchObject({
      outlet: 'Global Research',
      url: null,
      outletUrl: 'https://www.globalresearch.ca/',
      published: '2016-07-26',
    });
    const lid = corpus.articles.find((a) => a.id === '003_85ee1c887779c124');
    expect(lid?.meta.published).toBeNull();
  });
});

describe('metadata inferred from the text when there is no front matter', () => {
  it('takes the title and the dateline of the page', () => {
    const a = ingestArticle('x', 'x.txt', withoutFrontMatter(seed('000_dbd715e2f98fffeb')));
    expect(a.meta.title).toBe('US Strategic Defeat in Syria Urged Kerry to Meet Putin');
    expect(a.meta.published).toBe('2015-12-16T09:34:26');
    expect(a.meta.provenance.published).toContain('Wed Dec 16, 2015 09:34:26');
  });

  it('reads "Outlet, date" datelines, a byline, and a time zone', () => {
    const gr = ingestArticle('x', 'x.txt', withoutFrontMatter(seed('001_b2cf09a019e98ac2')));
    expect(gr.meta).toMatchObject({ outlet: 'Global Research', published: '2016-07-26', author: 'Alexander Mercouris' });
    const sabah = ingestArticle('x', 'x.txt', withoutFrontMatter(seed('004_58819347198058c8')));
    expect(sabah.meta).toMatchObject({ published: '2015-12-17T00:00:00+03:00', author: 'Daily Sabah with AFP' });
  });

  it("does not take the dates of other posts in a sidebar for the article's date", () => {
    const lid = ingestArticle('x', 'x.txt', withoutFrontMatter(seed('003_85ee1c887779c124')));
    expect(lid.meta.published).toBeNull();
    expect(lid.meta.title).toBe('Assad can stay, for now: Kerry accepts Russian stance');
  });

  it('marks what the text does not say as unknown', () => {
    const a = ingestArticle('x', 'x.txt', ARTICLE);
    expect(a.meta).toMatchObject({ outlet: null, url: null, published: null, author: null });
    expect(a.paragraphs).toHaveLength(2);
  });
});

describe('loading a corpus folder', () => {
  it('names every file it cannot load and why, and loads the rest', () => {
    const dir = tempCorpus({
      'good.txt': ARTICLE,
      'notes.md': '# Talks\n\nKerry said the talks in Geneva on Friday made little progress.\n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'empty.txt': '',
      'latin1.txt': Buffer.from('Lavrov a dit: caf\xe9 cr\xe8me.', 'latin1'),
      'broken.txt': '---\ntitle: [unclosed\n---\nText.',
      'zz-copy.txt': ARTICLE,
      'clutter.txt': 'SHARE THIS ARTICLE\nAdvertisement\n',
      'ignored.json': '{}',
    });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good', 'notes']);
    const reasons = Object.fromEntries(corpus.warnings.map((w) => [w.file, w.reason]));
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['latin1.txt']).toMatch(/not UTF-8/);
    expect(reasons['broken.txt']).toMatch(/not valid YAML/);
    expect(reasons['zz-copy.txt']).toMatch(/same text as good.txt/);
    expect(reasons['clutter.txt']).toMatch(/no article text/);
    expect(reasons['ignored.json']).toBeUndefined();
  });

  it("names a folder or a broken link with an article's extension instead of failing", () => {
    const dir = tempCorpus({ 'good.txt': ARTICLE });
    mkdirSync(join(dir, 'folder.txt'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
    expect(corpus.warnings.map((w) => w.file).sort()).toEqual(['broken.txt', 'folder.txt']);
  });

  it('keeps offsets exact in a file that starts with a byte-order mark', () => {
    const dir = tempCorpus({ 'bom.txt': `\uFEFF---\ntitle: T\n---\n${ARTICLE}` });
    const [article] = loadCorpus(dir).articles;
    const raw = readFileSync(join(dir, 'bom.txt'), 'utf8');
    expect(article?.meta.title).toBe('T');
    for (const p of article?.paragraphs ?? []) expect(raw.slice(p.start, p.end)).toBe(p.text);
  });

  it.each([
    ['utf-16le', Buffer.from([0xff, 0xfe])],
    ['utf-16be', Buffer.from([0xfe, 0xff])],
  ] as const)('reads a %s file with a byte-order mark; offsets count its characters (half its bytes)', (encoding, mark) => {
    const text = `\uFEFF---\ntitle: "Café talks"\n---\n${ARTICLE.replace('Moscow', 'Moskva — Москва')}`;
    const le = Buffer.from(text.slice(1), 'utf16le');
    const body = encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
    const dir = tempCorpus({ 'wide.txt': Buffer.concat([mark, body]) });
    const corpus = loadCorpus(dir);
    expect(corpus.warnings).toEqual([]);
    const [article] = corpus.articles;
    expect(article?.meta.title).toBe('Café talks');
    expect(article?.paragraphs.map((p) => p.text)).toEqual([
      'Kerry met Putin in Moskva — Москва on Tuesday to talk about Syria.',
      'Lavrov said the talks went well.',
    ]);
    const bytes = readFileSync(join(dir, 'wide.txt'));
    for (const p of article?.paragraphs ?? []) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      const slice = bytes.subarray(p.start * 2, p.end * 2);
      expect((encoding === 'utf-16le' ? slice : Buffer.from(slice).swap16()).toString('utf16le')).toBe(p.text);
    }
  });

  it('refuses other encodings, naming why: UTF-32, UTF-16 without a mark, the first byte that is not UTF-8', () => {
    const dir = tempCorpus({
      'utf32.txt': Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('K\0\0\0', 'latin1')]),
      'unmarked.txt': Buffer.from(ARTICLE, 'utf16le'),
      'latin1.txt': Buffer.from('Lavrov a dit: caf\xe9 cr\xe8me.', 'latin1'),
      'cp1252.txt': Buffer.from('Kerry said \x93no\x94.', 'latin1'),
      'odd.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kerry', 'utf16le'), Buffer.from([0x41])]),
    });
    const corpus = loadCorpus(dir);
    expect(corpus.articles).toEqual([]);
    expect(Object.fromEntries(corpus.warnings.map((w) => [w.file, w.reason]))).toEqual({
      'cp1252.txt': 'not UTF-8 text: byte 0x93 at byte 11 is not UTF-8 (it may be Windows-1252; no encoding is guessed: save it as UTF-8)',
      'latin1.txt':
        'not UTF-8 text: byte 0xE9 at byte 17 is not UTF-8 (it may be Latin-1 or Windows-1252; no encoding is guessed: save it as UTF-8)',
      'odd.txt': 'not valid UTF-16 LE text, though its byte-order mark says so',
      'unmarked.txt': 'binary file (it contains NUL bytes; it looks like UTF-16 LE without a byte-order mark: save it as UTF-8)',
      'utf32.txt': 'UTF-32 LE text (its byte-order mark says so): save it as UTF-8',
    });
  });

  it('names a 20 MB file as too large, and loads the rest', () => {
    const dir = tempCorpus({ 'good.txt': ARTICLE, 'huge.txt': Buffer.alloc(20 * 1024 * 1024, 'a') });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
    expect(corpus.warnings).toEqual([{ file: 'huge.txt', reason: 'too large (20.0 MB; the limit is 5 MB)' }]);
  });

  it('reports a folder that does not exist', () => {
    expect(() => loadCorpus('/nonexistent/quotedesk')).toThrow(/does not exist/);
  });
});

describe('a paragraph that never ends', () => {
  it('keeps what each dated mention and quote stores in proportion to the text, not to its square', () => {
    const part = 'Kerry said on Tuesday that the talks in Geneva on March 3 would go on, and officials told reporters that ';
    const text = `---\npublished: 2016-01-10\n---\n${part.repeat(500)}\n`;
    const [article] = loadCorpus(tempCorpus({ 'long.txt': text })).articles;
    expect(article?.paragraphs).toHaveLength(1);
    expect(article?.events.length).toBeGreaterThan(500);
    // Each mention and quote keeps its sentence: whole, that would be the 50 KB paragraph each (25 MB in all).
    for (const e of article?.events ?? []) expect(e.sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    const stored = JSON.stringify(article?.events).length + JSON.stringify(article?.quotes).length;
    expect(stored).toBeLessThan(60 * text.length);
  });
});

describe('impossible publication dates', () => {
  it('are refused, never rolled over: no 30 February, month 13, hour 25 or zone +25:00', () => {
    for (const date of [
      '2015-02-30',
      '2015-13-01',
      '2015-00-10',
      '2015-04-31',
      '2015-02-29',
      '2015-12-16T25:00',
      '2015-12-16T10:61',
      '2015-12-16T10:00+25:00',
    ])
      expect(() => splitFrontMatter(`---\npublished: ${date}\n---\nBody`), date).toThrow(
        `front matter key "published" is not a real date: ${date}`,
      );
    // A YAML timestamp is read as a date already rolled over: its source is what is checked.
    expect(() => splitFrontMatter('---\npublished: !!timestamp 2015-02-30\n---\nBody')).toThrow(
      /not a real date: 2015-02-30 \(that month has 28 days\)/,
    );
    for (const date of ['2016-02-29', '2000-02-29', '2015-12-16T23:59:59.5+03:00'])
      expect(splitFrontMatter(`---\npublished: "${date}"\n---\nBody`).frontMatter?.published, date).toBe(date);
  });

  it('leave their file out with a warning naming it; the rest of the corpus loads', () => {
    const dir = tempCorpus({
      'bad-date.txt': `---\npublished: 2015-02-30\n---\n${ARTICLE}`,
      'good.txt': ARTICLE.replace('Kerry', 'Lavrov'),
    });
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['good']);
    expect(corpus.warnings).toEqual([
      { file: 'bad-date.txt', reason: 'front matter key "published" is not a real date: 2015-02-30 (that month has 28 days)' },
    ]);
  });
});
