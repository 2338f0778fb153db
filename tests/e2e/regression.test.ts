import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersOf, expectedFile, linesOf, SUITES } from './regression/run.ts';

// Every command, with and without options, on the seeds and on 3,000 synthetic paragraphs: the answers are
// byte-identical to the committed ones. A deliberate change of answers rewrites them (`run.ts --update`).
describe('the regression script', () => {
  it('holds at least 300 command lines over every command', () => {
    const lines = SUITES.flatMap(linesOf);
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const name of ['search', 'who-said', 'when', 'timeline', 'quotes', 'speakers', 'sources', 'help']) {
      expect(lines.some((l) => l.startsWith(`/${name}`))).toBe(true);
    }
  });

  for (const suite of SUITES) {
    it(`gives the committed answers on the ${suite}`, { timeout: 120_000 }, async () => {
      const got = (await answersOf(suite)).split('\n');
      const want = readFileSync(expectedFile(suite), 'utf8').split('\n');
      expect(got.length).toBe(want.length);
      const lines = linesOf(suite);
      // Compared line by line so that a failure names the command whose answer changed.
      got.forEach((answer, i) => expect(answer, lines[i]).toBe(want[i]));
    });
  }
});
