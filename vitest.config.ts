import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests assert behaviour, not speed (speed goals are in `npm run bench`). Several tests start the CLI as a
 * child process, which takes seconds on a loaded 2-core machine, so the per-test limit only catches a hang.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default in a run is one worker fewer than the cores: one worker on a 2-core machine, where the suite
    // took 296 s. Many tests wait on child processes, so two workers keep both cores busy: 212 s, the same tests.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000,
    // The memory test (tests/e2e/discord.load.test.ts) collects garbage before it measures: on a loaded machine
    // the heap otherwise still holds a hundred megabytes of it, and the test would say leak where there is none.
    execArgv: ['--expose-gc'],
  },
});
