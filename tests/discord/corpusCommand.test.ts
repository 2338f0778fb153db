import { describe, expect, it } from 'vitest';
import { discordChoices } from '../../src/discord/autocomplete.ts';
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

describe('article autocomplete', () => {
  it('offers article ids matched on the id or the title, the title shown beside the id', () => {
    const corpus = seedCorpus();
    const choices = discordChoices(corpus, 'article', '004');
    expect(choices.map((c) => c.value)).toEqual(['004_58819347198058c8']);
    expect(choices[0]?.name.startsWith('004_58819347198058c8 (')).toBe(true);
    const byTitle = discordChoices(corpus, 'article', 'regime change');
    expect(byTitle.length).toBeGreaterThan(0);
    for (const c of byTitle) expect(corpus.articles.find((a) => a.id === c.value)?.meta.title?.toLowerCase()).toContain('regime change');
    expect(discordChoices(corpus, 'article', '')).toHaveLength(corpus.articles.length);
  });
});
