/**
 * `node scripts/run.mjs ENTRY [args]`: runs a command-line entry point from dist/, building it first when
 * the sources changed since the last build (a few milliseconds to check, well under a second to build).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, ENTRIES, isStale } from './build.mjs';

const entry = process.argv[2];
if (!ENTRIES.includes(entry)) {
  process.stderr.write(`usage: node scripts/run.mjs (${ENTRIES.join('|')}) [args]\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
if (isStale()) await build();
await import(pathToFileURL(join(DIST, `${entry}.js`)).href);
