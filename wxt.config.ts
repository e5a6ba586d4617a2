import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { UPDATE_ORIGINS } from './utils/core/notice-updates';
import { SITES } from './utils/core/sites';
import { datasetFacts } from './utils/dataset/facts';
import { panelPagePatterns, threadPagePatterns } from './utils/dataset/panel-pages';
import { assertDatasetValid, assertDmcaIndexValid, DATA_DIR, DMCA_INDEX_DIR } from './utils/node/files';

/**
 * Test builds only (tests/fixtures/dmca-cut.ts): with `BACKSTORY_TEST_INDEX=<dir>`, the extension is built
 * into `<dir>/build` with the DMCA index, icons and snapshot of `<dir>` (`public/`, `meta.json`) instead of
 * the committed ones — e.g. the github/dmca snapshot cut at 2026-06-30. Nothing else differs.
 */
const TEST_INDEX = process.env.BACKSTORY_TEST_INDEX;

/** The committed DMCA index manifest and dataset meta, read from the test build's directory instead. */
function testIndex(dir: string): Plugin {
  const swap = new Map([
    [join(DMCA_INDEX_DIR, 'manifest.json'), join(dir, 'public/dmca/manifest.json')],
    [join(DATA_DIR, 'meta.json'), join(dir, 'meta.json')],
  ]);
  return {
    name: 'backstory-test-index',
    enforce: 'pre',
    load(id) {
      const to = swap.get(id.split('?')[0]!);
      return to ? readFileSync(to, 'utf8') : null;
    },
  };
}

// Backstory's manifest is deliberately small: no network, no extra permissions.
// `storage` keeps settings and per-subject panel state; hosts are the two sites we read.
export default defineConfig({
  // No auto-imports: every module says what it uses, so a folder's imports show which bundle it lands in
  // (and the linter can forbid, say, zod in a content script).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  ...(TEST_INDEX ? { outDir: join(TEST_INDEX, 'build'), publicDir: join(TEST_INDEX, 'public') } : {}),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'The Hacker News discussion and DMCA history behind GitHub repos and notices, right on the page. Offline by default: your browsing is sent nowhere.',
    // `scripting` (Chrome MV3 only; no install warning): the page's answer is pushed into a page with a
    // panel as it starts loading (utils/background/early-push.ts), and the panel's code (/ui.js, ~33 kB with Preact)
    // is injected only into pages that have a panel, instead of running on every GitHub/HN page.
    // Firefox MV2 does the same with tabs.executeScript and the host permissions.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'scripting'],
    host_permissions: SITES.map((s) => `https://${s.host}/*`),
    // Notice updates (off by default): asked for at the user's click, removed when turned off; no install warning.
    ...(browser === 'firefox' ? { optional_permissions: [...UPDATE_ORIGINS] } : { optional_host_permissions: [...UPDATE_ORIGINS] }),
    action: { default_title: 'Backstory' },
    // The panel's code runs up front only on the pages the bundled dataset gives a panel (listed
    // before the site scripts, so it is there when they start); elsewhere it is injected on demand.
    content_scripts: [
      { matches: panelPagePatterns(assertDatasetValid()), js: ['ui.js'], run_at: 'document_start' },
      // The HN thread outline, on the dataset's thread pages only.
      { matches: threadPagePatterns(assertDatasetValid()), js: ['outline.js'], run_at: 'document_start' },
      // The site scripts (entrypoints/github.ts, entrypoints/hn.ts…, one per entry of utils/core/sites.ts):
      // unlisted scripts declared here.
      ...SITES.map((s) => ({ matches: [`https://${s.host}/*`], js: [s.script], run_at: 'document_start' as const })),
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the Backstory panel on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              strict_min_version: '153.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: TEST_INDEX ? [testIndex(TEST_INDEX)] : [],
    // The options page's counts of the curated data, so it does not bundle the dataset a second time.
    define: { __BACKSTORY_DATA_FACTS__: JSON.stringify(datasetFacts(assertDatasetValid())) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // No modulepreload polyfill: it adds a fetch() of each preloaded module to the extension pages,
    // which every browser we support preloads natively.
    build: { chunkSizeWarningLimit: 1200, modulePreload: { polyfill: false } },
  }),
  hooks: {
    // Content scripts run on every GitHub and HN page: they use the browser's own promise-based
    // \`browser\`/\`chrome\` object (Chrome MV3 and Firefox both have one for the few APIs they call:
    // runtime.sendMessage, runtime.id, storage.local) instead of webextension-polyfill (~10 kB).
    // Background and extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      // The site scripts (one per entry of utils/core/sites.ts), the panel's code and the outline.
      const inPageNames = [...SITES.map((s) => s.script.replace(/\.js$/, '')), 'ui', 'outline'];
      const inPage = (e: { type: string; name: string }) => e.type === 'content-script' || inPageNames.includes(e.name);
      if (!entrypoints.every(inPage)) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve = { ...config.resolve, alias: [native, ...list.filter((a) => a.find !== 'wxt/browser')] };
    },
    // The build fails, naming the file and the field, when the bundled dataset or DMCA index is invalid.
    'build:before': () => {
      assertDatasetValid();
      assertDmcaIndexValid(TEST_INDEX ? join(TEST_INDEX, 'public/dmca') : undefined);
    },
  },
});
