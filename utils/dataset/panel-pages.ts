/**
 * The pages Backstory knows, at build time, will show a panel (the curated stories' repos and notices,
 * and their threads), as manifest match patterns. The panel's code (/ui.js) is declared as a content
 * script for these pages only, so their panel never waits for the code to be injected; every other
 * page gets it injected on demand (utils/content/ui-loader.ts). Pure: unit-tested.
 */
import type { Dataset } from './schema';

export function panelPagePatterns(d: Pick<Dataset, 'stories' | 'threads'>): string[] {
  const out = new Set<string>();
  for (const s of d.stories) {
    for (const r of s.repos) {
      // A repo's panel shows on all its pages (code, issues, pull requests…).
      out.add(`https://github.com/${r.repo}`);
      out.add(`https://github.com/${r.repo}/*`);
    }
    // A notice is read under any ref (`blob/master/…`, `blob/<sha>/…`).
    for (const n of s.notices) out.add(`https://github.com/github/dmca/blob/*/${n.path}`);
  }
  for (const t of d.threads) {
    out.add(`https://news.ycombinator.com/item?id=${t.id}`);
    out.add(`https://news.ycombinator.com/item?id=${t.id}&*`);
  }
  return [...out].sort();
}

/** The dataset's thread pages (where the HN outline runs), as manifest match patterns. */
export function threadPagePatterns(d: Pick<Dataset, 'threads'>): string[] {
  return d.threads
    .flatMap((t) => [`https://news.ycombinator.com/item?id=${t.id}`, `https://news.ycombinator.com/item?id=${t.id}&*`])
    .sort();
}
