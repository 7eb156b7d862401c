import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Vite's resolver misreads chrono-node's "./*" export pattern that Node and esbuild follow; point it at the file.
      'chrono-node/en': fileURLToPath(new URL('node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Every worker gets its own HOME, XDG folders and REFLECT_DB, so no test can reach the real journal.
    setupFiles: ['test/helpers/isolate-home.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
