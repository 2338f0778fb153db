import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../support/helpers.ts';
import { discordFile, expectedFile, linesOf, outputOf, SUITES, type SuiteOutput } from './regression/run.ts';

// Every command, with and without options, on the seeds and on 3,000 synthetic paragraphs: the answers are
// byte-identical to the committed ones. A deliberate change of answers rewrites them (`run.ts --update`).
describe('the regression script', () => {
  it('holds at least 300 command lines over every command', () => {
    const lines = SUITES.flatMap(linesOf);
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const name of COMMAND_NAMES) {
      expect(lines.some((l) => l.startsWith(`/${name}`))).toBe(true);
    }
  });

  for (const suite of SUITES) {
    describe(`on the ${suite}`, () => {
      let out: SuiteOutput;
      beforeAll(async () => {
        out = await outputOf(suite);
      }, 180_000);
      const lines = linesOf(suite);
      // Compared line by line so that a failure names the command whose answer changed.
      const sameLines = (got: string, want: string): void => {
        const g = got.split('\n');
        const w = want.split('\n');
        expect(g.length).toBe(w.length);
        g.forEach((answer, i) => expect(answer, lines[i]).toBe(w[i]));
      };

      it('gives the committed answers', () => sameLines(out.answers, readFileSync(expectedFile(suite), 'utf8')));
      it('gives the same answers from the saved index file', () => sameLines(out.answersFromFile, out.answers));
      it('renders the committed Discord pages', () => sameLines(out.discordPages, readFileSync(discordFile(suite), 'utf8')));
    });
  }
});
