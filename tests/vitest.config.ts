import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // The whole-corpus check reads 21,856 notices (~20 s): its own project, run by `npm test`.
          exclude: ['tests/unit/dmca-corpus.test.ts'],
          environment: 'node',
          // One module graph per worker (files share imports: ~2x faster here). Test files must not leave
          // globals behind; the DOM tests clean up after themselves.
          pool: 'forks',
          isolate: false,
          // No test relies on a wall-clock limit: a loaded machine slows the corpus checks, it does not fail them.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'corpus',
          include: ['tests/unit/dmca-corpus.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The core e2e suite again in Firefox ESR (puppeteer-core over WebDriver BiDi): npm run test:firefox.
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
