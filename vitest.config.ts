import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code, storage on fake-indexeddb, page readers on saved pages.
// The crx plugin stays out of here; browser flows run in test/browser against dist/.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
  },
});
