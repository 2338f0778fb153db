import { defineConfig } from 'vitest/config';

/**
 * Tests assert behaviour, not speed (speed goals are in `npm run bench`). Several tests start the CLI as a
 * child process, which takes seconds on a loaded 2-core machine, so the per-test limit only catches a hang.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The memory test (tests/e2e/discord.load.test.ts) collects garbage before it measures: on a loaded machine
    // the heap otherwise still holds a hundred megabytes of it, and the test would say leak where there is none.
    execArgv: ['--expose-gc'],
  },
});
