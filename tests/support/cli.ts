import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cli-'));

/**
 * Runs an entry point as a user would (through the built bundle), with its own cache folder, no token and no
 * colour; `env` adds to or overrides that environment.
 */
export function runCli(entry: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), entry, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, CACHE_DIR: cacheDir, DISCORD_TOKEN: '', NO_COLOR: '1', CORPUS_DIR: '', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
