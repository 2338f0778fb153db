/**
 * `npm run docs`: rewrites the example outputs in README.md from the bundled corpus, so that every
 * example shows what the command really prints. A block is written
 *
 *     <!-- example: /who-said regime change | 12 -->
 *     ```
 *     (output, regenerated; the optional "| N" keeps the first N lines)
 *     ```
 *     <!-- /example -->
 *
 * tests/readme.test.ts fails when a block is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../commands/index.ts';
import { loadCorpus } from '../src/ingest/corpus.ts';
import { EventIndex } from '../src/index/eventIndex.ts';
import { ParagraphIndex } from '../src/index/paragraphIndex.ts';
import { QuoteBook } from '../src/index/quoteBook.ts';
import { renderTerminal } from '../src/render/terminal.ts';
import { runLine } from '../src/router/router.ts';

export const README = join(import.meta.dirname, '..', 'README.md');
const BLOCK = /<!-- example: (.+?)(?: \| (\d+))? -->\n```\n[\s\S]*?```\n<!-- \/example -->/g;

/** README.md with every example block rewritten from the current code and corpus. */
export function renderReadme(text: string, corpusDir = join(import.meta.dirname, '..', 'corpus')): string {
  const corpus = loadCorpus(corpusDir);
  const loaded = {
    ...corpus,
    index: ParagraphIndex.build(corpus.articles),
    quotes: QuoteBook.build(corpus.articles),
    events: EventIndex.build(corpus.articles),
    source: { kind: 'built' as const, reason: 'docs' },
  };
  return text.replace(BLOCK, (_all, spec: string, keep: string | undefined) => {
    const json = spec.endsWith(' --json');
    const line = json ? spec.slice(0, -' --json'.length) : spec;
    const answer = runLine({ corpus: loaded, commands }, line, (e) => {
      throw e;
    });
    let out = (json ? JSON.stringify(answer, null, 2) : renderTerminal(answer)).split('\n');
    if (keep && out.length > Number(keep)) out = [...out.slice(0, Number(keep)), '…'];
    const shell = `$ npm run -s ask -- '${line}'${json ? ' --json' : ''}`;
    return `<!-- example: ${spec}${keep ? ` | ${keep}` : ''} -->\n\`\`\`\n${shell}\n${out.join('\n')}\n\`\`\`\n<!-- /example -->`;
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const before = readFileSync(README, 'utf8');
  const after = renderReadme(before);
  writeFileSync(README, after);
  process.stdout.write(before === after ? 'README.md examples are up to date\n' : 'README.md examples rewritten\n');
}
