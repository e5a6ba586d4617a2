/**
 * Link badges: one small element right after a link whose target is a known subject
 * (../shared/CONTRACT.md). Plain DOM, no framework: there can be thousands of links on a page.
 */
import type { BadgeInfo } from '../core/model';
import { uiHost } from './ui-host';

export const BADGE_TAG = 'backstory-badge';
export const BADGE_ATTR = 'data-backstory-badge';

const STYLE =
  // !important on the host: the page's own !important rules (even on `*` or our tag name) lose to
  // these, since for important declarations the shadow tree's context wins.
  ':host{all:initial!important;display:inline-block!important;vertical-align:middle!important;margin-inline-start:4px!important;line-height:1!important}' +
  'span{display:inline-block;font:600 10px/14px -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;' +
  'padding:0 5px;border-radius:7px;color:#fff;background:#8250df;letter-spacing:.02em;white-space:nowrap;cursor:help}' +
  'span.dmca{background:#cf222e}span.hn{background:#d4500b}';

/** Short label: what matters most about the target. */
export function badgeLabel(info: BadgeInfo): { text: string; cls: string } {
  if (info.relations.includes('named-in-notice') || info.subject.startsWith('notice:')) return { text: 'DMCA', cls: 'dmca' };
  if (info.relations.includes('discussed') || info.subject.startsWith('thread:')) return { text: 'HN', cls: 'hn' };
  return { text: 'LLaMA', cls: 'llama' };
}

export function createBadge(info: BadgeInfo): HTMLElement {
  const host = uiHost(BADGE_TAG);
  host.setAttribute(BADGE_ATTR, info.subject);
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', info.hint);
  host.title = info.hint;
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const { text, cls } = badgeLabel(info);
  const span = document.createElement('span');
  span.className = cls;
  span.textContent = text;
  root.append(style, span);
  return host;
}

/**
 * Place a badge after `a` unless one of ours is already there. Returns the badge added, or null.
 * `ours` tells our badges from look-alikes (a page's own element, a copy from Turbo's cache): those
 * are replaced.
 */
export function placeBadge(a: Element, info: BadgeInfo, ours: (el: Element) => boolean): Element | null {
  const next = a.nextElementSibling;
  if (next && next.localName === BADGE_TAG) {
    if (ours(next)) return null;
    next.remove();
  }
  if (!a.parentNode) return null;
  const badge = createBadge(info);
  a.after(badge);
  return badge;
}

export function removeAllBadges(doc: Document = document): void {
  for (const b of doc.querySelectorAll(`${BADGE_TAG}[${BADGE_ATTR}]`)) b.remove();
}
