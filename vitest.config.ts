import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code, storage on fake-indexeddb, page readers on saved pages.
// The crx plugin stays out of here; browser flows run in test/browser against dist/.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // Readers parse whole saved LinkedIn pages (1–2 MB each) in jsdom: ~3 s for two on a quiet
    // 2-core machine, past Vitest's 5 s default when that machine is busy. Speed is the bench's job.
    testTimeout: 15_000,
  },
});
