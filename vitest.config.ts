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
  },
});
