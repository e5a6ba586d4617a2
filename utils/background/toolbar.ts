/**
 * The toolbar button's per-tab match count, and where each tab's document record (documents.ts) is kept:
 * storage.session, so both survive the MV3 worker being stopped. Session storage is held in memory only;
 * where it does not exist, private tabs' records stay in the worker's memory (nothing of them on disk).
 */
import { browser } from 'wxt/browser';
import type { DocumentRecord, RecordArea } from './documents';

const reportKey = (tabId: number) => `tab:${tabId}`;

/** Toolbar badge text: the match count in at most 4 characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export function createToolbar(): RecordArea {
  const hasSession = !!browser.storage.session;
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
    async get(tabId: number): Promise<unknown> {
      return (await session.get(reportKey(tabId)))[reportKey(tabId)];
    },
    async set(tabId: number, record: DocumentRecord): Promise<void> {
      if (hasSession || !record.private) await session.set({ [reportKey(tabId)]: record });
      await setBadge(tabId, record.shown.count);
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
