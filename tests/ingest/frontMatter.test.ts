import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simpleMapping, splitFrontMatter } from '../../src/ingest/frontMatter.ts';

describe('simpleMapping (front matter read without the YAML parser)', () => {
  it('reads key: "text" and key: ISO date lines as the YAML parser does', () => {
    for (const yaml of [
      'title: "Kerry: talks # go on"\noutlet: "Al-Alam"\npublished: 2015-12-17',
      'title: ""\nurl: "http://x.example/a?b=1&c=2"\npublished: "2015-12-16T09:34:26"',
      'published: 2015-02-30',
      'note: "ü 日本 {not: flow} [1, 2] &anchor *alias !tag"',
    ]) {
      expect(simpleMapping(yaml)).toEqual(parse(yaml));
    }
  });

  it('leaves to the parser anything else: escapes, comments, a key twice, other values, CRLF', () => {
    for (const yaml of [
      'title: "a\\"b"',
      'title: "x" # comment',
      'title: "x"\ntitle: "y"',
      'count: 3',
      'title: plain words',
      'title: "x"\r\nurl: "y"',
      'list:\n  - a',
      '__proto__: "x"',
      '',
    ]) {
      expect(simpleMapping(yaml)).toBeNull();
    }
  });

  it('gives splitFrontMatter the same front matter either way', () => {
    const { frontMatter, bodyStart } = splitFrontMatter('---\ntitle: "T"\npublished: 2016-07-26\n---\nBody.\n');
    expect(frontMatter).toEqual({ title: 'T', published: '2016-07-26' });
    expect(bodyStart).toBe('---\ntitle: "T"\npublished: 2016-07-26\n---\n'.length);
  });
});
