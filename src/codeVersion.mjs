/**
 * The one fingerprint of the code: a hash of every source file under `src/` and `commands/` (by path and
 * content) and of package.json. The build stamps it into the bundle (scripts/build.mjs); run from source,
 * the index computes it the same way (src/index/cache.ts). A saved index made by other code is rebuilt.
 * Plain JavaScript, because scripts/build.mjs runs in plain Node before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'commands'];

/** Every source file of the build, sorted. */
export function sourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|mjs|js|json)$/.test(name)) out.push(path);
    }
  };
  for (const d of SOURCE_DIRS) walk(join(ROOT, d));
  out.push(join(ROOT, 'package.json'));
  return out;
}

/** A hash of the code: stored with the saved index, so that new code rebuilds it. */
export function codeVersion() {
  const h = createHash('sha256');
  for (const f of sourceFiles()) h.update(relative(ROOT, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}
