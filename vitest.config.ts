import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    // Clipping real pages through jsdom is slow on 2 cores; the corpus test needs room.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one on CI's two. Much of a test's time
    // is waiting (fsync, child processes, the crash test's kills), so two workers run the suite
    // in 12.5 min where one took 21 (2 cores, 232 files, measured 2026-12-07). At least two, then.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
