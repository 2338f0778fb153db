import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const cacheDir = mkdtempSync(join(tmpdir(), 'quotedesk-cli-'));

interface RunOptions {
  input?: string;
  env?: Record<string, string>;
}

/** How an entry point is run: through the built bundle, its own cache folder, no token, no colour; `env` adds to that. */
const invocation = (entry: string, args: string[], options: RunOptions) =>
  [
    process.execPath,
    [join(ROOT, 'scripts', 'run.mjs'), entry, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, CACHE_DIR: cacheDir, DISCORD_TOKEN: '', NO_COLOR: '1', CORPUS_DIR: '', ...options.env },
      timeout: 60_000,
    },
  ] as const;

/** Runs an entry point as a user would, and waits for it. */
export function runCli(entry: string, args: string[], options: RunOptions = {}) {
  const [node, argv, spawnOptions] = invocation(entry, args, options);
  const r = spawnSync(node, argv, { ...spawnOptions, input: options.input ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same without blocking this process: for a program that talks to a server the test runs (the fake Discord). */
export function runCliAsync(entry: string, args: string[], options: RunOptions = {}) {
  const [node, argv, spawnOptions] = invocation(entry, args, options);
  const child = spawn(node, argv, { ...spawnOptions, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdin.end(options.input ?? '');
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}
