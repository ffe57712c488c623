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
    globalSetup: ['test/browser/global-setup.ts'],
  },
});
