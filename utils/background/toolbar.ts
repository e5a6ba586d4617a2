/**
 * The toolbar button's per-tab match count and the report behind it, kept in storage.session so they
 * survive the MV3 worker being stopped (storage.local where session storage does not exist).
 */
import { browser } from 'wxt/browser';
import type { TabReport } from '../core/model';

const reportKey = (tabId: number) => `tab:${tabId}`;

/** Toolbar badge text: the match count in at most 4 characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export function createToolbar() {
  const session = browser.storage.session ?? browser.storage.local;
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  async function setBadge(tabId: number, count: number) {
    try {
      await action.setBadgeText({ tabId, text: badgeText(count) });
      await action.setBadgeBackgroundColor({ tabId, color: '#8250df' });
    } catch {
      /* the tab is gone */
    }
  }
  return {
    async get(tabId: number): Promise<TabReport | null> {
      const r = (await session.get(reportKey(tabId)))[reportKey(tabId)] as TabReport | undefined;
      return r && typeof r === 'object' && typeof r.count === 'number' ? r : null;
    },
    async set(tabId: number, report: TabReport): Promise<void> {
      await session.set({ [reportKey(tabId)]: report });
      await setBadge(tabId, report.count);
    },
    /** A new page in the tab starts with no matches (its content script reports its own). */
    clear(tabId: number) {
      void session.remove(reportKey(tabId)).catch(() => {});
      void setBadge(tabId, 0);
    },
    forget(tabId: number) {
      void session.remove(reportKey(tabId)).catch(() => {});
    },
  };
}
