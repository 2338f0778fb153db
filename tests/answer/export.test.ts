import { describe, expect, it } from 'vitest';
import { quoteRecords } from '../../src/answer/export.ts';
import { ingestArticle } from '../../src/ingest/article.ts';

describe('quoteRecords', () => {
  it('gives a quote over several paragraphs a span from its first piece to its last', () => {
    const raw = [
      '---',
      'title: "Bridge to reopen"',
      '---',
      'Mayor Ana Ruiz told reporters: “The bridge will reopen in May.',
      '',
      '“Nobody will pay a toll.”',
      '',
    ].join('\n');
    const [record] = quoteRecords(ingestArticle('a', 'a.txt', raw), raw);
    expect(record).toMatchObject({ paragraph: 1, lastParagraph: 2, speakerName: 'Ana Ruiz' });
    expect(record?.quote.text).toBe('The bridge will reopen in May.\n\n“Nobody will pay a toll.');
  });
});
