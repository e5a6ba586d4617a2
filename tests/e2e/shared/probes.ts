/**
 * What the tests read from a page, written once and run in the page by either browser's driver
 * (functions passed to `evaluate` must be self-contained: no imports, no closures).
 */
import type { Tab } from './driver';

export interface PanelSeen {
  subject: string | null;
  relations: string[];
  /** CONTRACT.md (2026-11-30): on repo panels, what the record says became of the repo. */
  outcome: string | null;
  text: string;
  open: boolean;
}

/** The panel hosts and what the contract says they carry. */
export function readPanels(): PanelSeen[] {
  return [...document.querySelectorAll('backstory-panel')].map((el) => ({
    subject: el.getAttribute('data-subject'),
    relations: (el.getAttribute('data-relations') ?? '').split(' ').filter(Boolean),
    outcome: el.getAttribute('data-outcome'),
    text: el.shadowRoot?.textContent ?? '',
    open: el.shadowRoot?.mode === 'open',
  }));
}

/** Badges: the subject each names and the href of the link it follows. */
export function readBadges(): { subject: string | null; after: string | null }[] {
  return [...document.querySelectorAll('[data-backstory-badge]')].map((b) => ({
    subject: b.getAttribute('data-backstory-badge'),
    after: b.previousElementSibling?.getAttribute('href') ?? null,
  }));
}

export const panels = (t: Tab) => t.evaluate(readPanels);
export const badges = (t: Tab) => t.evaluate(readBadges);

export const waitForPanel = (t: Tab, subject: string, timeout = 8000) =>
  t.waitFor((s) => document.querySelector(`backstory-panel[data-subject="${s}"]`)?.shadowRoot?.querySelector('.bs-root'), subject, timeout);

/** Open the panel's details as a user does (its status line), and return the panel as read then. */
export async function openDetails(t: Tab): Promise<PanelSeen> {
  // A real click: the panel acts on the user's (trusted) clicks only.
  const open = await t.evaluate(
    () => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('button.status[aria-expanded="true"]'),
  );
  if (!open) await t.click('backstory-panel', 'button.status');
  await t.waitFor(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
  return (await panels(t))[0]!;
}

export const panelHeight = (t: Tab) =>
  t.evaluate(() => Math.round(document.querySelector('backstory-panel')!.getBoundingClientRect().height));
