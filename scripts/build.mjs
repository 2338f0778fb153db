/**
 * Builds the command-line entry points from `src/` into `dist/` with esbuild, so that `npm start` and
 * `npm run ask` start in plain Node instead of compiling TypeScript on every run. `npm ci` runs it
 * (the `prepare` script); `scripts/run.mjs` runs it again whenever a source file is newer than the build.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion, ROOT, sourceFiles } from '../src/codeVersion.mjs';

export { ROOT };
export const DIST = join(ROOT, 'dist');
export const ENTRIES = ['ask', 'harness', 'start', 'deploy', 'export'];
/**
 * Worker threads' modules, built beside the entry points (src/ingest/pool.ts finds `ingestWorker.js` there,
 * src/index/liveIndex.ts `mergeWorker.js` and `buildWorker.js`).
 */
const WORKERS = {
  ingestWorker: join(ROOT, 'src', 'ingest', 'worker.ts'),
  mergeWorker: join(ROOT, 'src', 'index', 'mergeWorker.ts'),
  buildWorker: join(ROOT, 'src', 'index', 'buildWorker.ts'),
};

/** True when dist/ is missing an entry or a source file is newer than the oldest built entry. */
export function isStale() {
  let built = Number.POSITIVE_INFINITY;
  for (const e of [...ENTRIES, ...Object.keys(WORKERS)]) {
    try {
      built = Math.min(built, statSync(join(DIST, `${e}.js`)).mtimeMs);
    } catch {
      return true;
    }
  }
  return sourceFiles().some((f) => statSync(f).mtimeMs > built);
}

export async function build() {
  const esbuild = await import('esbuild');
  // Chunks are named by their content: old ones would pile up.
  rmSync(DIST, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { ...Object.fromEntries(ENTRIES.map((e) => [e, join(ROOT, 'src', 'cli', `${e}.ts`)])), ...WORKERS },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    define: { 'globalThis.QUOTEDESK_CODE_VERSION': JSON.stringify(codeVersion()) },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build();
}
