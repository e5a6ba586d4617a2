/**
 * The sites Backstory works on: the one list every place that names them reads — the manifest's hosts and
 * content scripts, which bundles are in-page scripts (wxt.config.ts), the router's senders, the early push,
 * the outline's injection, the settings' per-site switches and silence entries (utils/schema/settings.ts),
 * the options page's switches and the popup's, the link scanner's candidate pattern, the benchmark's sizes.
 * A new site: an entry in SITES and in SITE_LINKS, its adapter in utils/content/sites/, its entrypoint
 * (see CONTRIBUTING's "A new site").
 */
export const SITES = [
  { host: 'github.com', name: 'GitHub', script: 'github.js', setting: 'github', outline: false },
  // Its thread pages get the outline (/outline.js) with the panel's code.
  { host: 'news.ycombinator.com', name: 'Hacker News', script: 'hn.js', setting: 'hn', outline: true },
] as const;

export type SiteHost = (typeof SITES)[number]['host'];
/** The settings key of a site's switch (`github`, `hn`). */
export type SiteSetting = (typeof SITES)[number]['setting'];

// Pure: the in-page scripts, which read SITE_LINKS only, leave the rest out.
export const SITE_HOSTS: readonly string[] = /* @__PURE__ */ SITES.map((s) => s.host);

/** The site at `host`, or undefined when Backstory does not work there. */
export const siteAt = (host: string) => SITES.find((s) => s.host === host);

/**
 * Which links may name a subject, as regular-expression source, for the link scanner's pre-filter in the
 * page (utils/content/scanner.ts; the background parses what it finds, utils/core/subjects.ts). A table of
 * its own, so the scripts that run on every page carry these patterns and nothing else of the registry.
 * `c` is one character of an href (of any kind in an attribute's value; not `"` in serialised markup, where
 * values end at `"`), `q` is what else a path's first character must not be (`"` in markup, else nothing).
 * A property test keeps each pattern a superset of what the background reads as a subject.
 */
export const SITE_LINKS: Record<SiteHost, { relative(c: string, q: string): string; absolute: string }> = {
  // `/owner/name…` (not `//host`).
  'github.com': { relative: (c, q) => `\\/[^/${q}]${c}*`, absolute: 'github\\.com' },
  // `item?id=…`, `/item?id=…`.
  'news.ycombinator.com': { relative: (c) => `\\/?item\\?id=${c}*`, absolute: 'news\\.ycombinator\\.com\\/item' },
};
