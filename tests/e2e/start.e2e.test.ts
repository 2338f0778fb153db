import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, commandInteraction } from '../support/fakeDiscord.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.start-test.token-that-must-never-be-printed';

describe('npm start with DISCORD_TOKEN', () => {
  const discord = new FakeDiscord();
  beforeAll(() => discord.start());
  afterAll(() => discord.stop());

  it('connects to Discord, drops a malformed event, answers, logs to stderr without the token, and closes cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: discord.apiUrl,
        CACHE_DIR: mkdtempSync(join(tmpdir(), 'qd-start-')),
        LOG_LEVEL: 'debug',
        CORPUS_DIR: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const deadline = Date.now() + 30_000;
    while (discord.identified === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(discord.identified).toBe(1);
    while (!stderr.includes('connected to Discord') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // A malformed event first: it is dropped, and the bot keeps serving.
    discord.dispatch('INTERACTION_CREATE', null);
    const payload = commandInteraction('sources', []);
    discord.dispatch('INTERACTION_CREATE', payload);
    await discord.waitFor((c) => c.method === 'PATCH' && c.path.includes(String(payload.token)), 10_000);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr).toContain('"msg":"dropped a malformed gateway event"');
    expect(stderr).toContain('"msg":"closing the Discord connection"');
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(stdout + stderr).not.toContain(TOKEN.split('.')[2]);
    const authorization = discord.calls.find((c) => c.path.startsWith('/gateway/bot'))?.headers.authorization;
    expect(authorization).toBe(`Bot ${TOKEN}`);
  }, 60_000);
});

describe('npm start at the terminal', () => {
  it('answers from an article dropped into its corpus folder, says so on stderr, and exits when its input ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-start-watch-'));
    copyFileSync(join(ROOT, 'corpus', '004_58819347198058c8.txt'), join(dir, '004_58819347198058c8.txt'));
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), 'start', '--corpus', dir], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: '', CACHE_DIR: mkdtempSync(join(tmpdir(), 'qd-start-')), NO_COLOR: '1', CORPUS_DIR: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = async (what: () => boolean): Promise<void> => {
      const deadline = Date.now() + 30_000;
      while (!what() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(what()).toBe(true);
    };
    // Its first answer: the prompt is up, and the folder watched.
    child.stdin.write('/corpus status\n');
    await until(() => stdout.includes('1 article, '));
    writeFileSync(
      join(dir, 'zanzibar.txt'),
      'Negotiators met in Zanzibar on Friday to resume the harbour talks.\n\n"We are closer than ever," the envoy said.\n',
    );
    await until(() => /corpus: added zanzibar\.txt \(2 paragraphs\) in \d+ ms\n/.test(stderr));
    child.stdin.write('/search zanzibar harbour\n');
    await until(() => stdout.includes('/context zanzibar 1'));
    child.stdin.end();
    expect(await exit).toBe(0);
  }, 60_000);
});
