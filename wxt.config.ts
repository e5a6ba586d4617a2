import { defineConfig } from 'wxt';
import { assertDatasetValid } from './utils/dataset/validate-files';

// Backstory's manifest is deliberately small: no network, no extra permissions.
// `storage` keeps settings and per-subject panel state; hosts are the two sites we read.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The Hacker News discussion and DMCA history behind GitHub repos and notices, right on the page. Offline; sends nothing anywhere.',
    permissions: ['storage'],
    host_permissions: ['https://github.com/*', 'https://news.ycombinator.com/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: { chunkSizeWarningLimit: 1200 },
  }),
  hooks: {
    // The build fails, naming the file and the field, when the bundled dataset is invalid.
    'build:before': () => {
      assertDatasetValid();
    },
  },
});
