/** GitHub specifics for the page controller: identity, panel placement, theme, soft navigation. */
import type { Site } from '../site';
import { textBlock } from '../badges';
import { pageSubject, subjectFromHref, type Subject } from '../../core/subjects';

/**
 * GitHub's page for a repository disabled by a DMCA notice ("Repository unavailable due to DMCA
 * takedown") links to the notice it received. It is not a normal repo page (no repository meta
 * tags), so this only looks when those are absent. Returns the notice's subject.
 */
export function takedownNotice(doc: Document): Subject | null {
  if (doc.querySelector('meta[name="octolytics-dimension-repository_nwo"]')) return null;
  for (const a of doc.querySelectorAll('a[href*="/github/dmca/blob/"]')) {
    const block = a.closest('p, div, section, main') ?? a.parentElement;
    if (!/DMCA takedown/i.test(block?.parentElement?.textContent ?? block?.textContent ?? '')) continue;
    const s = subjectFromHref(a.getAttribute('href') ?? '', 'github.com');
    if (s?.startsWith('notice:')) return s;
  }
  return null;
}

/** Containers near the top of a repository's main content, under its header, newest markup first (2019: .repository-content). */
const ANCHORS = [
  '#repo-content-pjax-container',
  '#repo-content-turbo-frame',
  '.repository-content',
  'main#js-repo-pjax-container',
  'main',
  '[role="main"]',
];

export function githubTheme(doc: Document, prefersDark: boolean): 'dark' | 'light' {
  const mode = doc.documentElement.getAttribute('data-color-mode');
  if (mode === 'dark') return 'dark';
  if (mode === 'light') return 'light';
  if (mode === 'auto') return prefersDark ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}

export const githubSite: Site = {
  host: 'github.com',
  pageSubject() {
    const root = document.querySelector('meta[name="octolytics-dimension-repository_network_root_nwo"]');
    const ps = pageSubject(
      location.hostname,
      location.pathname,
      location.search,
      root?.getAttribute('content') ?? root?.getAttribute('value'),
    );
    if (!ps?.subject.startsWith('repo:') || root || document.readyState === 'loading') return ps;
    const takedown = takedownNotice(document);
    return takedown ? { ...ps, takedown } : ps;
  },
  placePanel(host) {
    for (const sel of ANCHORS) {
      const el = document.querySelector(sel);
      if (!el) continue;
      // Inside GitHub's content column: its own padded container when it has one (2022 markup, takedown
      // pages); else the 2025 React overview's container, with the column's padding on our host.
      const column = el.querySelector(':scope > .container-xl, :scope > .container-lg');
      (column ?? el).prepend(host);
      if (!column && el.id === 'repo-content-pjax-container') host.setAttribute('data-placement', 'column');
      return true;
    }
    return false;
  },
  placeableEarly() {
    return !!document.getElementById('repo-content-pjax-container');
  },
  theme() {
    return githubTheme(document, !!window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  },
  navigationEvents: ['turbo:load', 'turbo:render', 'turbo:frame-load', 'pjax:end'],
  badges: {
    // Small filled pills; white on each colour is at least 4.5:1.
    css: 'span{display:inline-block;font:600 10px/14px system-ui,sans-serif;padding:0 5px;border-radius:7px;color:#fff;background:#8250df;white-space:nowrap;cursor:help}.dmca{background:#cf222e}.named{background:#59636e}.disputed{background:#9a6700}.ok{background:#1a7f37}.hn{background:#a14000}',
    blockOf: textBlock,
  },
  repoInfo() {
    // About text (sidebar, else the description meta), topic tags, the README's first heading.
    const about = document.querySelector('.BorderGrid p.f4, [itemprop="about"]')?.textContent;
    const meta = document.querySelector('meta[name="description"]')?.getAttribute('content');
    const topics = [...document.querySelectorAll('a.topic-tag')]
      .map((a) => (a.textContent ?? '').trim())
      .filter(Boolean)
      .slice(0, 50);
    const title = document.querySelector('#readme article h1, article.markdown-body h1')?.textContent;
    return {
      description: (about ?? meta ?? '').trim().slice(0, 2000),
      topics: topics.map((t) => t.slice(0, 100)),
      readmeTitle: (title ?? '').trim().slice(0, 300),
    };
  },
};
