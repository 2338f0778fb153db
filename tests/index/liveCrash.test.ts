import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { loadCorpus } from '../../src/ingest/corpus.ts';
import { LiveIndex, liveIndexDir } from '../../src/index/liveIndex.ts';
import { type LoadedCorpus, indexInMemory } from '../../src/index/loadedCorpus.ts';
import { renderJson } from '../../src/render/json.ts';
import { runLine } from '../../src/router/router.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DEV = join(ROOT, 'tests', 'devpages', 'corpus');
const B = ['01_upi_florence_evacuations.txt', '12_cbsnews_chauvin_convicted_all_charges.txt'];
const QUESTIONS = [
  '/search florence',
  '/who-said chauvin',
  '/when verdict',
  '/search kerry lavrov',
  '/who-said putin',
  '/timeline syria',
  '/speakers',
  '/sources',
];
/**
 * The child is killed at a random moment again and again for this long, in each lane (each start of it costs a
 * second or two of loading the code, more on a busy machine), and at least twice a lane.
 */
const BUDGET_MS = 12_000;
const LANES = 2;

const scratch = mkdtempSync(join(tmpdir(), 'quotedesk-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const answers = (corpus: LoadedCorpus): string =>
  QUESTIONS.map((line) =>
    renderJson(
      runLine({ corpus, commands }, line, (e) => {
        throw e;
      }),
    ),
  ).join('\n');

/** Starts the child, waits until it is working, lets it run a random while, and kills it with SIGKILL. */
async function runAndKill(dir: string, cacheDir: string, waitMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'liveCrashChild.ts'), dir, cacheDir, DEV, ...B], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && ready());
    child.on('exit', () => fail(new Error(`the child ended before it was killed: ${stderr}`)));
  });
  await new Promise((r) => setTimeout(r, waitMs));
  child.kill('SIGKILL');
  await exited;
}

it('a kill at any moment of an update or a merge leaves an index that loads and answers as before or after the change', async () => {
  const dir = join(scratch, 'corpus');
  cpSync(join(ROOT, 'corpus'), dir, { recursive: true });
  const before = answers(indexInMemory(loadCorpus(dir)));
  for (const f of B) copyFileSync(join(DEV, f), join(dir, f));
  const withB = answers(indexInMemory(loadCorpus(dir)));
  for (const f of B) rmSync(join(dir, f));
  // With only the first of B, or only the second: the states between the child's two updates of a round (an
  // update given a file looks at that file alone: removing the first leaves the second).
  copyFileSync(join(DEV, B[0] as string), join(dir, B[0] as string));
  const withFirst = answers(indexInMemory(loadCorpus(dir)));
  rmSync(join(dir, B[0] as string));
  copyFileSync(join(DEV, B[1] as string), join(dir, B[1] as string));
  const withSecond = answers(indexInMemory(loadCorpus(dir)));
  rmSync(join(dir, B[1] as string));
  expect(new Set([before, withB, withFirst, withSecond]).size).toBe(4);

  // Lanes of their own (a copy of the folder and its index each) run side by side: more kills in the time.
  const lanes = Array.from({ length: LANES }, (_, lane) => {
    const laneDir = join(scratch, `corpus${lane}`);
    cpSync(dir, laneDir, { recursive: true });
    return { dir: laneDir, cacheDir: join(scratch, `cache${lane}`) };
  });
  for (const lane of lanes) (await LiveIndex.open(lane.dir, { cacheDir: lane.cacheDir })).index.close();
  const seen: string[] = [];
  await Promise.all(
    lanes.map(async (lane) => {
      const started = performance.now();
      for (let k = 0; k < 2 || performance.now() - started < BUDGET_MS; k += 1) {
        await runAndKill(lane.dir, lane.cacheDir, Math.floor(Math.random() * 1200));
        const live = LiveIndex.openSaved(lane.dir, { cacheDir: lane.cacheDir });
        expect(live).not.toBeNull();
        const got = answers((live as LiveIndex).corpus);
        expect([before, withFirst, withSecond, withB]).toContain(got);
        seen.push(got === before ? 'A' : got === withB ? 'A+B' : got === withFirst ? 'A+B1' : 'A+B2');
        // Only the manifest and the segments it names are left: the rest was swept.
        const files = readdirSync(liveIndexDir(lane.cacheDir, lane.dir));
        expect(files.filter((f) => f.endsWith('.qdseg')).length).toBe(files.length - 1);
        live?.close();
      }
    }),
  );
  process.stderr.write(`states after the kills: ${seen.join(' ')}\n`);
}, 120_000);
