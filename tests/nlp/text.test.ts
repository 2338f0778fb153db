import { describe, expect, it } from 'vitest';
import { allMatches } from '../../src/nlp/text.ts';

/** What allMatches gives, as plain data: each match's words, index and groups. */
const plain = (ms: RegExpExecArray[]) => ms.map((m) => ({ words: [...m], index: m.index, groups: m.groups }));

describe('allMatches', () => {
  it('finds what matchAll finds, in order, with the groups', () => {
    const cases: Array<[RegExp, string]> = [
      [/\b(?<word>[A-Z]\w+)\b/g, 'Lavrov met Kerry in Geneva on Friday.'],
      [/\bsince\s+/gi, 'Since 2011, and SINCE then, since  March'],
      [/x*/g, 'axxbx'],
      [/(?:)/gu, 'a\u{1F600}b'],
      [/(?:)/g, 'a\u{1F600}b'],
      [/\p{Lu}?/gu, '\u{1D400}a\u{1D401}'],
      [/nothing/g, 'no match here'],
    ];
    for (const [re, text] of cases) expect(plain(allMatches(re, text)), `${re} on ${text}`).toEqual(plain([...text.matchAll(re)]));
  });

  it('steps over a surrogate pair after an empty match only where the expression reads code points', () => {
    expect(allMatches(/(?:)/gu, 'a\u{1F600}').map((m) => m.index)).toEqual([0, 1, 3]);
    expect(allMatches(/(?:)/g, 'a\u{1F600}').map((m) => m.index)).toEqual([0, 1, 2, 3]);
  });

  it('starts from the beginning whatever the expression was left at, and leaves it at the beginning', () => {
    const re = /a/g;
    re.lastIndex = 3;
    expect(allMatches(re, 'aaaa')).toHaveLength(4);
    expect(re.lastIndex).toBe(0);
  });

  it('refuses an expression that is not global, as matchAll does', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });
});
