import { defineConfig } from 'vitest/config';

/**
 * Tests assert behaviour, not speed (speed goals are in `npm run bench`). Several tests start the CLI as a
 * child process, which takes seconds on a loaded 2-core machine, so the per-test limit only catches a hang.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
