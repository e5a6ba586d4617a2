/**
 * Link badges: one small element right after a link whose target is a known subject
 * (../shared/CONTRACT.md). Plain DOM, no framework: there can be thousands of links on a page.
 */
import type { BadgeInfo, Subject } from '../core/model';
import { uiHost } from './ui-host';

export const BADGE_TAG = 'backstory-badge';
export const BADGE_ATTR = 'data-backstory-badge';

/** Host rules every badge has; a site adds the look of its span (Site.badges.css). */
export const BADGE_HOST_CSS =
  // !important on the host: the page's own !important rules (even on `*` or our tag name) lose to
  // these, since for important declarations the shadow tree's context wins.
  ':host{all:initial!important;display:inline-block!important;vertical-align:middle!important;margin-inline-start:4px!important;line-height:1!important}';

/** How badges look and group on a site. */
export interface BadgeLook {
  /** CSS for the badge's `span` (classes dmca, hn, llama): text at least 4.5:1 on its background. */
  css: string;
  /** The block of text a link stands in (links to one subject in one block share a badge). */
  blockOf(a: Element): Element[];
}

/** The block of a link: its paragraph, list item, table cell or heading. */
export function textBlock(a: Element): Element[] {
  const b = a.closest('p,li,td,th,dd,h1,h2,h3,h4,h5,h6,blockquote') ?? a.parentElement;
  return b ? [b] : [];
}

/** Short label: what matters most about the target. */
export function badgeLabel(info: BadgeInfo): { text: string; cls: string } {
  // Its colour from the same outcome as the subject's panel: disabled, named, disputed or restored.
  // A repo named only in an answer (a counter-notice…) has a tone but no `named-in-notice`: still a DMCA badge.
  if (info.tone || info.relations.includes('named-in-notice') || info.subject.startsWith('notice:'))
    return { text: 'DMCA', cls: info.tone ?? 'dmca' };
  if (info.relations.includes('discussed') || info.subject.startsWith('thread:')) return { text: 'HN', cls: 'hn' };
  return { text: 'LLaMA', cls: 'llama' };
}

export function createBadge(info: BadgeInfo, css: string): HTMLElement {
  const host = uiHost(BADGE_TAG);
  host.setAttribute(BADGE_ATTR, info.subject);
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', info.hint);
  host.title = info.hint;
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BADGE_HOST_CSS + css;
  const { text, cls } = badgeLabel(info);
  const span = document.createElement('span');
  span.className = cls;
  span.textContent = text;
  root.append(style, span);
  return host;
}

/** Tells our badges (and, given a subject, ours for that subject) from anything else in the page. */
export type Ours = (el: Element, subject?: Subject) => boolean;

/** Our badge for `subject` in the block of `a`, if there is one (a repo link and its /stargazers share one). */
function blockBadge(a: Element, subject: Subject, ours: Ours, look: BadgeLook): Element | undefined {
  const sel = `${BADGE_TAG}[${BADGE_ATTR}="${CSS.escape(subject)}"]`;
  for (const b of look.blockOf(a)) for (const el of b.querySelectorAll(sel)) if (ours(el, subject)) return el;
}

/**
 * Place a badge after `a` unless one of ours is already there, or in the same block for the same
 * subject. Returns the badge added, or null. `ours` tells our badges from look-alikes (a page's own
 * element, a copy from Turbo's cache): those are replaced, and never count.
 */
export function placeBadge(a: Element, info: BadgeInfo, ours: Ours, look: BadgeLook): Element | null {
  const next = a.nextElementSibling;
  if (next && next.localName === BADGE_TAG) {
    // Any badge of ours, whatever its subject: a block's shared badge may sit here (asking for this
    // subject's would make two links trade the place for ever).
    if (ours(next)) return null;
    next.remove();
  }
  if (!a.parentNode) return null;
  const shared = blockBadge(a, info.subject, ours, look);
  if (shared) {
    // It stays after the first of the block's links to the subject.
    if (a.compareDocumentPosition(shared) & Node.DOCUMENT_POSITION_FOLLOWING) a.after(shared);
    return null;
  }
  const badge = createBadge(info, look.css);
  a.after(badge);
  return badge;
}

export function removeAllBadges(doc: Document = document): void {
  for (const b of doc.querySelectorAll(`${BADGE_TAG}[${BADGE_ATTR}]`)) b.remove();
}
