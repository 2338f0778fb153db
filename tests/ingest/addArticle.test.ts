import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AddArticleError,
  BodyDigests,
  addArticle,
  badExtension,
  badPublished,
  badUrl,
  removeArticleFile,
  slugOf,
  stemFor,
  withFrontMatter,
  writeNewFile,
} from '../../src/ingest/addArticle.ts';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { splitFrontMatter } from '../../src/ingest/frontMatter.ts';
import { MAX_FILE_BYTES } from '../../src/ingest/files.ts';
import { tempCorpus } from '../support/helpers.ts';

const TEXT = 'Negotiators met in Zanzibar on Friday.\n\n"We are closer than ever," the envoy said.\n';
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(AddArticleError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('the checks of an article to add', () => {
  it('takes .txt and .md only', () => {
    expect(badExtension('a.txt')).toBeNull();
    expect(badExtension('A.MD')).toBeNull();
    expect(badExtension('report.pdf')).toBe('only .txt or .md files can be added; "report.pdf" is not one');
  });

  it('takes an ISO 8601 date that exists, and says why another is refused', () => {
    expect(badPublished('2016-08-27')).toBeNull();
    expect(badPublished('2016-08-27T10:00:00Z')).toBeNull();
    expect(badPublished('27/08/2016')).toBe('published: "27/08/2016" is not an ISO 8601 date; write it as YYYY-MM-DD (2016-08-27)');
    expect(badPublished('2015-02-30')).toBe('published: 2015-02-30 is not a real date (that month has 28 days)');
  });

  it('takes http and https addresses only', () => {
    expect(badUrl('https://example.org/a')).toBeNull();
    expect(badUrl('http://example.org/a')).toBeNull();
    expect(badUrl('javascript:alert(1)')).toBe(
      'url: "javascript:alert(1)" is not a web address; give one starting with https:// or http://',
    );
    expect(badUrl('ftp://example.org/a')).not.toBeNull();
    expect(badUrl('https://exa mple.org')).not.toBeNull();
  });
});

describe('the file name of a new article', () => {
  it('is a slug of the title, else of the uploaded name: letters, digits and dashes only', () => {
    expect(slugOf('Kerry, Lavrov fail to agree on Syria!')).toBe('kerry-lavrov-fail-to-agree-on-syria');
    expect(slugOf('Ça déraille à Genève')).toBe('ca-deraille-a-geneve');
    expect(slugOf('../../etc/passwd')).toBe('etc-passwd');
    expect(stemFor({ title: undefined, fileName: '../../Secret Notes.txt' })).toBe('secret-notes');
    expect(stemFor({ title: '…', fileName: '….md' })).toBe('article');
    expect(slugOf('x'.repeat(200))).toHaveLength(60);
  });

  it('never replaces a file: a taken id (with either extension) gets a suffix', () => {
    const dir = tempCorpus({ 'talks.md': 'old', 'talks-2.txt': 'old' });
    expect(writeNewFile(dir, 'talks', '.txt', 'new')).toBe('talks-3.txt');
    expect(writeNewFile(dir, 'other', '.txt', 'new')).toBe('other.txt');
    expect(readFileSync(join(dir, 'talks.md'), 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'talks-3.txt'), 'utf8')).toBe('new');
    // The temporary dot files are gone.
    expect(readdirSync(dir).sort()).toEqual(['other.txt', 'talks-2.txt', 'talks-3.txt', 'talks.md']);
  });
});

describe('the text written', () => {
  it('puts the options given in front matter over the file’s own, and keeps the text as it was', () => {
    const own = `---\ntitle: "Old title"\nnote: kept\n---\n${TEXT}`;
    const { content } = withFrontMatter({
      fileName: 'a.txt',
      bytes: Buffer.from(own),
      title: 'Zanzibar: talks "resume"\nsoon',
      published: '2016-08-27',
    });
    const split = splitFrontMatter(content);
    expect(split.frontMatter).toEqual({ title: 'Zanzibar: talks "resume" soon', note: 'kept', published: '2016-08-27' });
    expect(content.slice(split.bodyStart)).toBe(TEXT);
  });

  it('refuses what is not text, and text that is only front matter', () => {
    expect(refusal(() => withFrontMatter({ fileName: 'a.txt', bytes: Buffer.from([0x50, 0x4b, 0, 0xff]) }))).toBe(
      'not a text file: binary file (it contains NUL bytes)',
    );
    expect(refusal(() => withFrontMatter({ fileName: 'a.txt', bytes: Buffer.from([0x61, 0xe9, 0x62]) }))).toMatch(
      /^not a text file: not UTF-8 text/,
    );
    expect(refusal(() => withFrontMatter({ fileName: 'a.txt', bytes: Buffer.from('---\ntitle: x\n---\n  \n') }))).toBe(
      'the file has no article text (only front matter or white space)',
    );
    expect(refusal(() => withFrontMatter({ fileName: 'a.txt', bytes: Buffer.from('---\ntitle: [\n---\ntext') }))).toMatch(
      /^the file's own front matter is not valid YAML/,
    );
  });
});

describe('addArticle', () => {
  it('writes a new article that the corpus then loads with its metadata', () => {
    const dir = tempCorpus({ 'old.txt': 'An older article about the harbour.\n' });
    const name = addArticle(dir, {
      fileName: 'upload.txt',
      bytes: Buffer.from(TEXT),
      title: 'Zanzibar talks resume',
      outlet: 'Example Wire',
      url: 'https://example.org/zanzibar',
      published: '2016-08-27',
      author: 'A. Writer',
    });
    expect(name).toBe('zanzibar-talks-resume.txt');
    const article = loadCorpus(dir).articles.find((a) => a.file === name);
    expect(article?.meta).toMatchObject({
      title: 'Zanzibar talks resume',
      outlet: 'Example Wire',
      url: 'https://example.org/zanzibar',
      author: 'A. Writer',
    });
    expect(article?.meta.published?.startsWith('2016-08-27')).toBe(true);
    expect(article?.paragraphs.map((p) => p.text)).toEqual([
      'Negotiators met in Zanzibar on Friday.',
      '"We are closer than ever," the envoy said.',
    ]);
  });

  it('refuses a file too large, a bad date or URL, and the same text as a file already there', () => {
    const dir = tempCorpus({ 'old.md': `---\ntitle: Before\n---\n${TEXT.replace(/\n\n/, '\n  \n')}` });
    const add = (over: Record<string, unknown>) => () =>
      addArticle(dir, { fileName: 'a.txt', bytes: Buffer.from('Other words.\n'), ...over });
    expect(refusal(add({ bytes: Buffer.alloc(MAX_FILE_BYTES + 1, 0x61) }))).toBe('the file is too large (5.0 MB; the limit is 5 MB)');
    expect(refusal(add({ published: 'yesterday' }))).toMatch(/^published: "yesterday" is not an ISO 8601 date/);
    expect(refusal(add({ url: 'example.org' }))).toMatch(/^url: "example.org" is not a web address/);
    expect(refusal(add({ fileName: 'a.docx' }))).toMatch(/^only \.txt or \.md files/);
    // The same article text (white space aside), with other front matter: a duplicate.
    expect(refusal(add({ bytes: Buffer.from(TEXT), title: 'Another title' }))).toBe('the same text is already in the corpus, as old.md');
    expect(readdirSync(dir)).toEqual(['old.md']);
  });

  it('sees a file changed since it last looked when it looks for the same text', () => {
    const dir = tempCorpus({ 'old.txt': 'Something else entirely.\n' });
    const digests = new BodyDigests();
    expect(digests.findSame(dir, TEXT)).toBeNull();
    writeFileSync(join(dir, 'old.txt'), `${TEXT}\n`);
    expect(digests.findSame(dir, TEXT)).toBe('old.txt');
  });
});

describe('removeArticleFile', () => {
  it('removes the named file of the folder only, and says when it was already gone', () => {
    const dir = tempCorpus({ 'a.txt': 'x' });
    expect(removeArticleFile(dir, '../a.txt')).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(removeArticleFile(dir, 'a.txt')).toBe(false);
  });
});

describe('addArticle into a folder it cannot write', () => {
  it.skipIf(process.getuid?.() === 0)('says the folder cannot be written', () => {
    const dir = tempCorpus({ 'old.txt': 'Something else.\n' });
    chmodSync(dir, 0o555);
    try {
      expect(refusal(() => addArticle(dir, { fileName: 'a.txt', bytes: Buffer.from(TEXT) }))).toBe(
        'the corpus folder cannot be written (EACCES)',
      );
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
