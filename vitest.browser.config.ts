import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension (dist/) loaded into Debian's Chromium through
// playwright-core. One file at a time: each launches its own browser.
export default defineConfig({
  test: {
    include: ['test/dist/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A real browser on a loaded 2-core CI machine occasionally misses a timing (one test in ~150
    // per run, a different one each time). One retry keeps CI meaningful; `npm test` names every
    // test that passed only on its retry, so flakiness is listed and fixed rather than hidden.
    retry: 1,
    globalSetup: ['test/browser/global-setup.ts'],
  },
});
