/**
 * `npm run docs` (after the README's examples): draws docs/timeline.png, the README's picture of the seeds'
 * `/timeline`, as `npm run -s ask -- /timeline --png docs/timeline.png` does. tests/readme.test.ts fails when
 * the picture is out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { commands } from '../commands/index.ts';
import { loadCorpus } from '../src/ingest/corpus.ts';
import { indexInMemory } from '../src/index/loadedCorpus.ts';
import { timelinePng } from '../src/render/chartPng.ts';
import { runLine } from '../src/router/router.ts';

export const PICTURE = join(import.meta.dirname, '..', 'docs', 'timeline.png');

/** The PNG of the seeds' `/timeline`, drawn from the current code and corpus. */
export async function seedTimelinePicture(corpusDir = join(import.meta.dirname, '..', 'corpus')): Promise<Buffer> {
  const answer = runLine({ corpus: indexInMemory(loadCorpus(corpusDir), 'docs'), commands }, '/timeline', (e) => {
    throw e;
  });
  const picture = await timelinePng(answer);
  if (picture === null) throw new Error('the seeds have no dated event to draw');
  return picture.png;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const png = await seedTimelinePicture();
  let before: Buffer | null = null;
  try {
    before = readFileSync(PICTURE);
  } catch {
    // not drawn yet
  }
  mkdirSync(dirname(PICTURE), { recursive: true });
  writeFileSync(PICTURE, png);
  process.stdout.write(before?.equals(png) ? 'docs/timeline.png is up to date\n' : 'docs/timeline.png drawn\n');
}
