/**
 * The sites Backstory works on: the one list every place that names them reads (the manifest's hosts
 * and content scripts in wxt.config.ts, the router's senders, the early push, the page's host type).
 * A new site: an entry here, its adapter in utils/content/sites/, its entrypoint, its settings switch
 * (see CONTRIBUTING's "A new site").
 */
export const SITES = [
  { host: 'github.com', script: 'github.js', setting: 'github', outline: false },
  // Its thread pages get the outline (/outline.js) with the panel's code.
  { host: 'news.ycombinator.com', script: 'hn.js', setting: 'hn', outline: true },
] as const;

export type SiteHost = (typeof SITES)[number]['host'];

export const SITE_HOSTS: readonly string[] = SITES.map((s) => s.host);

/** The site at `host`, or undefined when Backstory does not work there. */
export const siteAt = (host: string) => SITES.find((s) => s.host === host);
