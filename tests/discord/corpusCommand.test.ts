import { describe, expect, it } from 'vitest';
import { logCorpusUpdate } from '../../src/discord/corpusCommand.ts';
import { capturingLogger } from '../support/fakeDiscord.ts';
import { seedCorpus } from '../support/helpers.ts';

describe('logCorpusUpdate', () => {
  it('logs each file of an update of the live corpus: a change as info with its paragraphs, a failure as a warning with the reason', () => {
    const { logger, logged } = capturingLogger();
    const corpus = seedCorpus();
    const a = corpus.articles[0]!;
    logCorpusUpdate(
      logger,
      {
        changes: [
          { file: `/corpus/${a.file}`, kind: 'added', article: a.id },
          { file: 'broken.txt', kind: 'failed', reason: 'binary file (it contains NUL bytes)' },
        ],
        ms: 120.4,
      },
      corpus,
    );
    const lines = logged.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'corpus updated',
      file: a.file,
      change: 'added',
      article: a.id,
      paragraphs: a.paragraphs.length,
      ms: 120,
    });
    expect(lines[1]).toMatchObject({
      level: 40,
      msg: 'corpus file not loaded',
      file: 'broken.txt',
      reason: 'binary file (it contains NUL bytes)',
    });
    expect(lines).toHaveLength(2);
  });
});
