import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every worker gets its own HOME, XDG folders and REFLECT_DB, so no test can reach the real journal.
    setupFiles: ['test/helpers/isolate-home.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
