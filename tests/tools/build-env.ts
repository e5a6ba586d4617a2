/**
 * The environment `npm run build` / `npm run zip` run with, for builds started from inside vitest or
 * vite-node: their NODE_ENV (test / development) and VITEST_* variables change what Vite builds (e.g.
 * Preact's development code in ui.js: 39 kB instead of 31 kB), so a build made from there would not be
 * the build that ships.
 */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|VITE_NODE|NODE_ENV$|TEST$|MODE$)/.test(k)));
}
