/** Hacker News specifics for the page controller: item pages, panel placement, the thread outline. */
import type { Site } from '../site';
import { pageSubject, subjectFromHref, type PageSubject } from '../../core/subjects';

/** The story's own link on an item page (`span.titleline > a`, older `td.title > a`). */
function storyLinkSubject(doc: Document) {
  const a = doc.querySelector('table.fatitem .titleline > a, table.fatitem td.title > a, tr.athing td.title a');
  const href = a?.getAttribute('href');
  return href ? subjectFromHref(href, 'news.ycombinator.com') : null;
}

export function hnPageSubject(doc: Document, loc: { hostname: string; pathname: string; search: string }): PageSubject | null {
  const ps = pageSubject(loc.hostname, loc.pathname, loc.search, null);
  if (!ps) return null;
  const story = storyLinkSubject(doc);
  return story && story !== ps.subject ? { ...ps, fallback: story } : ps;
}

export const hnSite: Site = {
  host: 'news.ycombinator.com',
  pageSubject() {
    return hnPageSubject(document, location);
  },
  placePanel(host) {
    // Between the story and its comments; on other pages, under the story list's first row.
    const fat = document.querySelector('table.fatitem');
    if (fat?.parentElement) {
      fat.after(host);
      return true;
    }
    const main = document.querySelector('#hnmain td > table, #hnmain');
    if (main) {
      main.before(host);
      return true;
    }
    return false;
  },
  theme() {
    return 'light';
  },
  navigationEvents: [],
  outline: true,
};
