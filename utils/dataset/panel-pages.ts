/**
 * The pages Backstory knows, at build time, will show a panel (the curated repos, notices and the
 * seed thread), as manifest match patterns. The panel's code (/ui.js) is declared as a content
 * script for these pages only, so their panel never waits for the code to be injected; every other
 * page gets it injected on demand (utils/ui-api.ts). Pure: unit-tested.
 */
import type { Dataset } from './schema';

export function panelPagePatterns(d: Pick<Dataset, 'repos' | 'notices' | 'thread'>): string[] {
  const out = new Set<string>();
  for (const r of d.repos) {
    // A repo's panel shows on all its pages (code, issues, pull requests…).
    out.add(`https://github.com/${r.repo}`);
    out.add(`https://github.com/${r.repo}/*`);
  }
  // A notice is read under any ref (`blob/master/…`, `blob/<sha>/…`).
  for (const n of d.notices) out.add(`https://github.com/github/dmca/blob/*/${n.path}`);
  out.add(`https://news.ycombinator.com/item?id=${d.thread.id}`);
  out.add(`https://news.ycombinator.com/item?id=${d.thread.id}&*`);
  return [...out].sort();
}
