/** GitHub specifics for the page session (utils/content/session.ts): identity, panel placement, theme, soft navigation. */
import type { Site } from '../site';
import { textBlock } from '../badges';
import type { RepoPageInfo } from '../../core/model';
import { githubPageSubject } from '../../core/subjects';

/**
 * GitHub's page for a repository disabled by a DMCA notice ("Repository unavailable due to DMCA
 * takedown") links to the notice it received. It is not a normal repo page (no repository meta
 * tags), so this only looks when those are absent. Returns the link, raw: the background reads it.
 */
export function takedownHref(doc: Document): string | null {
  if (doc.querySelector('meta[name="octolytics-dimension-repository_nwo"]')) return null;
  for (const a of doc.querySelectorAll('a[href*="/github/dmca/blob/"]')) {
    const block = a.closest('p, div, section, main') ?? a.parentElement;
    if (/DMCA takedown/i.test(block?.parentElement?.textContent ?? block?.textContent ?? '')) return a.getAttribute('href');
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

/** Where anyone's text is rendered (READMEs, files, issues, comments): GitHub keeps `itemprop` and headings there. */
const USER_TEXT = '.markdown-body, .comment-body, .js-comment-body, [itemprop="text"], .js-issue-title, .markdown-title';
const outsideUserText = (el: Element | null | undefined) => (el && !el.closest(USER_TEXT) ? el : null);

/**
 * What a repository says about itself, read only where GitHub alone writes it and only on the repo's
 * own home page (`/owner/name`): elsewhere the description meta and the headings are an issue's, a
 * file's, a comment's. About text: the sidebar (2022–), else `[itemprop=about]` in the header (2019),
 * never inside rendered markdown; then the description meta GitHub writes from it.
 */
export function ownRepoInfo(doc: Document, pathname: string): RepoPageInfo {
  const home = pathname.split('/').filter(Boolean).length === 2;
  if (!home) return { description: '', topics: [], readmeTitle: '' };
  let about: string | null | undefined;
  for (const el of doc.querySelectorAll('.BorderGrid p.f4, [itemprop="about"]')) if (outsideUserText(el)) about ??= el.textContent;
  const meta = doc.querySelector('meta[name="description"]')?.getAttribute('content');
  const topics = [...doc.querySelectorAll('a.topic-tag')]
    .filter((a) => outsideUserText(a))
    .map((a) => (a.textContent ?? '').trim())
    .filter(Boolean)
    .slice(0, 50);
  // The README's own first heading (the repo's own text, shown on its home page).
  const title = doc.querySelector('#readme article h1')?.textContent;
  return {
    description: (about ?? meta ?? '').trim().slice(0, 2000),
    topics: topics.map((t) => t.slice(0, 100)),
    readmeTitle: (title ?? '').trim().slice(0, 300),
  };
}

export const githubSite: Site = {
  host: 'github.com',
  pageSubject() {
    const root = document.querySelector('meta[name="octolytics-dimension-repository_network_root_nwo"]');
    const ps = githubPageSubject(location.pathname, root?.getAttribute('content') ?? root?.getAttribute('value'));
    if (!ps?.subject.startsWith('repo:') || root || document.readyState === 'loading') return ps;
    const href = takedownHref(document);
    return href ? { ...ps, takedownHref: href } : ps;
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
    return ownRepoInfo(document, location.pathname);
  },
};
