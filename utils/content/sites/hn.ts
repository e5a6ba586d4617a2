/** Hacker News specifics for the page session (utils/content/session.ts): item pages, panel placement, the thread outline. */
import type { Site } from '../site';
import { textBlock } from '../badges';
import { hnPageSubject as itemSubject, type PageSubject } from '../../core/subjects';
import { isCandidateHref } from '../scanner';

/**
 * The story's own link on an item page (`span.titleline > a`, older `td.title > a`), raw — when it may name
 * a subject (the scanner's test: an article elsewhere does not), for the background to read. A self post
 * (Ask HN) links its own item: that is the page's subject already, and no reason for another question.
 */
function storyHref(doc: Document, loc: { pathname: string; search: string }) {
  const a = doc.querySelector<HTMLAnchorElement>('table.fatitem .titleline > a, table.fatitem td.title > a, tr.athing td.title a');
  const href = a?.getAttribute('href');
  if (!a || !href || !isCandidateHref(href, 'news.ycombinator.com')) return null;
  // The browser resolved the link (`a.pathname`, `a.search`): nothing is parsed here.
  const id = (search: string) => new URLSearchParams(search).get('id');
  return a.pathname === loc.pathname && id(a.search) === id(loc.search) ? null : href;
}

export function hnPageSubject(doc: Document, loc: { pathname: string; search: string }): PageSubject | null {
  const ps = itemSubject(loc.pathname, loc.search);
  const href = ps && storyHref(doc, loc);
  return href ? { ...ps!, fallbackHref: href } : ps;
}

/** A story is two rows (title; points and comments): one block, so its links share one badge. */
function storyBlock(a: Element): Element[] {
  const row = a.closest('tr');
  if (row?.classList.contains('athing') && row.nextElementSibling && !row.nextElementSibling.classList.contains('athing'))
    return [row, row.nextElementSibling];
  const prev = row?.previousElementSibling;
  if (row && !row.classList.contains('athing') && prev?.classList.contains('athing') && !row.querySelector('.comment')) return [prev, row];
  return textBlock(a);
}

export const hnSite: Site = {
  host: 'news.ycombinator.com',
  pageSubject() {
    return hnPageSubject(document, location);
  },
  placePanel(host) {
    host.setAttribute('data-site', 'hn');
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
  badges: {
    // Quiet, in HN's own type: coloured text on its beige, each at least 4.5:1 on #f6f6ef.
    css:
      'span{display:inline-block;font:7pt/1.3 Verdana,Geneva,sans-serif;padding:0 3px;border:1px solid #c9c9bd;border-radius:2px;' +
      'color:#6b3fb8;white-space:nowrap;cursor:help}span.dmca{color:#a0161f}span.named{color:#5c5c55}span.disputed{color:#7a5200}span.ok{color:#1d6b2f}span.hn{color:#8a3a00}',
    blockOf: storyBlock,
  },
  outline: true,
};
