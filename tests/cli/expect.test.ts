import { describe, expect, it } from 'vitest';
import { check, parseExpectation } from '../../src/cli/expect.ts';

const answer = {
  command: 'search',
  results: [
    {
      text: 'Kerry said so',
      citations: [
        { outlet: 'Daily Sabah', url: 'https://a' },
        { outlet: 'LidTime', url: 'https://b' },
      ],
    },
    { text: 'Lavrov too', citations: [{ outlet: 'Press TV', url: 'https://c' }] },
  ],
};
const run = (line: string): string | null => check(parseExpectation(line, 1), answer);

describe('harness expectations', () => {
  it("compare counts with a list's length", () => {
    expect(run('results >= 2')).toBeNull();
    expect(run('results = 3')).toBe('got a list of 2');
  });

  it('hold for any value of a [*] path, or for all with "all"', () => {
    expect(run('results[*].citations[*].outlet = Press TV')).toBeNull();
    expect(run('all results[*].citations[*].url matches ^https://')).toBeNull();
    expect(run('all results[*].citations[*].outlet contains a')).toBe('got "Daily Sabah", "LidTime", "Press TV"');
    expect(run('results[*].citations[*].outlet !contains reuters')).toBeNull();
  });

  it('check presence and text', () => {
    expect(run('error missing')).toBeNull();
    expect(run('error exists')).toBe('got nothing');
    expect(run('results[0].text contains "kerry said"')).toBeNull();
    expect(run('results[1].speaker exists')).toBe('got nothing');
  });

  it("walk only the answer's own fields: no built-in property of an object or a list is a field", () => {
    for (const path of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'results.length',
      'results[0].text.length',
      'results.map',
    ])
      expect(run(`${path} exists`), path).toBe('got nothing');
    expect(run('results[0].text exists')).toBeNull();
  });

  it('fail "all" when the path finds nothing, so a vanished answer is noticed', () => {
    expect(check(parseExpectation('all results[*].citations[*].url matches ^https://', 1), { results: [] })).toBe(
      'got nothing (no values at that path)',
    );
  });

  it('reject a malformed line with a message that says how to write it', () => {
    expect(() => parseExpectation('results', 1)).toThrow(/expected "expect <path>/);
    expect(() => parseExpectation('results[x] = 1', 1)).toThrow(/cannot read the path/);
    expect(() => parseExpectation('results matches (', 1)).toThrow(/not a regular expression/);
    expect(() => parseExpectation('error exists yes', 1)).toThrow(/takes no value/);
    expect(() => parseExpectation('results >= abc', 1)).toThrow(/compares numbers/);
  });
});
