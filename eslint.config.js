// ESLint (flat config): typescript-eslint's recommended rules, plus the house's boundaries.
// A folder says which runtime and bundle its code lands in; these rules keep each folder to what
// that runtime may use (see CONTRIBUTING.md, "The map of the house"). Formatting is Prettier's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Import patterns, matched against the import string (relative or `@/` alias). */
const P = {
  zod: { group: ['zod', 'zod/*'], message: 'zod stays out of this bundle (content scripts and the panel run on every page).' },
  knowledge: { group: ['**/knowledge/*', '**/knowledge'], message: 'The knowledge engine runs in the background only.' },
  dmca: { group: ['**/dmca/*'], message: 'The DMCA index and parser run in the background (and Node tools) only.' },
  dataset: { group: ['**/dataset/*', '**/*.json'], message: 'The dataset is the background’s: ask it with a message.' },
  schema: { group: ['**/schema/*'], message: 'Schemas use zod: import their types only (`import type`).' },
  background: { group: ['**/background/*'], message: 'Background code runs in the service worker only.' },
  storage: { group: ['**/storage/*', 'wxt/utils/storage'], message: 'Storage belongs to the background and the extension pages.' },
  node: { group: ['node:*', '**/node/*'], message: 'Node-only code (tools, CLIs) is never bundled.' },
  ui: {
    group: ['**/ui/*', '**/components/*', '**/components/**', 'preact', 'preact/*'],
    message: 'The panel’s code is /ui.js, injected only where a panel shows: import its types only.',
  },
  browser: {
    group: ['wxt/browser', 'webextension-polyfill', '@wxt-dev/*', 'wxt/utils/*'],
    message: 'No browser APIs in pure code: take them as parameters.',
  },
  content: { group: ['**/content/*', '**/content/**'], message: 'Content-script code runs in pages, not here.' },
};
const restrict = (...patterns) => ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }];
/** Pure folders: no DOM, no browser. (Types are fine: `import type` is erased.) */
const DOM_GLOBALS = [
  'window',
  'document',
  'location',
  'navigator',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'MutationObserver',
  'CSS',
].map((name) => ({
  name,
  message: 'Pure code: no DOM or browser globals (take what you need as a parameter).',
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/bench/out/**', 'tests/e2e/.artifacts/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: build nodes (data must never become markup).' },
      ],
      eqeqeq: ['error', 'smart'],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  // ---- boundaries, one block per folder (a folder = a runtime = a bundle) ----
  {
    files: ['utils/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        P.zod,
        P.knowledge,
        P.dmca,
        P.dataset,
        P.schema,
        P.background,
        P.storage,
        P.node,
        P.ui,
        P.browser,
        P.content,
      ),
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['utils/schema/**', 'utils/dataset/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(P.knowledge, P.background, P.storage, P.node, P.ui, P.browser, P.content),
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['utils/dmca/**', 'utils/knowledge/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(P.zod, P.background, P.storage, P.node, P.ui, P.browser, P.content),
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    // The site scripts: every top-level entrypoint but the background and the panel's and outline's code
    // (one per site of utils/core/sites.ts, so a new site's script is held to these rules without a line here).
    files: ['utils/content/**', 'entrypoints/*.ts'],
    ignores: ['entrypoints/background.ts', 'entrypoints/ui.ts', 'entrypoints/outline.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        P.zod,
        P.knowledge,
        P.dmca,
        P.dataset,
        P.schema,
        P.background,
        P.storage,
        P.node,
        P.ui,
      ),
    },
  },
  {
    files: ['utils/ui/**', 'entrypoints/ui.ts', 'entrypoints/outline.ts', 'components/panel/**', 'components/outline/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        P.zod,
        P.knowledge,
        P.dmca,
        P.dataset,
        P.schema,
        P.background,
        P.storage,
        P.node,
      ),
    },
  },
  {
    files: ['utils/background/**', 'entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(P.node, P.ui),
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.filter((g) => !['chrome', 'browser', 'fetch', 'navigator', 'location'].includes(g.name)),
      ],
    },
  },
  {
    files: ['utils/storage/**', 'components/popup/**', 'components/options/**', 'entrypoints/popup/**', 'entrypoints/options/**'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict(P.knowledge, P.dmca, P.background, P.node, P.content) },
  },
  {
    // Tests build fixture pages with innerHTML on purpose; Node tools and configs use Node's globals.
    files: ['tests/**', 'utils/node/**', '*.config.ts', '*.config.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly' } },
    rules: { 'max-lines-per-function': 'off', 'no-restricted-syntax': 'off' },
  },
  prettier,
);
