/**
 * The browser side of notice updates: fetch, storage.local, the optional host permissions, and reading
 * the stored notices on top of the bundled index. Called from utils/background/main.ts.
 */
import { browser } from 'wxt/browser';
import meta from '../../dataset/data/meta.json';
import type { DmcaIndex } from '../../dmca/index-read';
import { overlayIndex } from '../../dmca/overlay';
import { createNoticeUpdates, type NoticeUpdates } from './service';
import { UPDATE_ORIGINS } from './source';
import { readOverlay, type Area } from './store';

export const BUNDLED = { commit: meta.dmca.commit, snapshot: meta.dmca.snapshot };

const area: Area = {
  get: (key) => browser.storage.local.get(key),
  set: (items) => browser.storage.local.set(items),
  remove: (key) => browser.storage.local.remove(key),
};

/** The bundled index with the downloaded notices on top (the bundled one alone when there are none). */
export async function withNewerNotices(base: DmcaIndex): Promise<DmcaIndex> {
  try {
    const overlay = await readOverlay(area, BUNDLED.commit);
    return overlay ? overlayIndex(base, overlay.notices, overlay.asOf) : base;
  } catch (e) {
    console.warn('[Backstory] the downloaded notices could not be read; answering from the bundled ones', e);
    return base;
  }
}

export function createBrowserUpdates(openBundled: () => Promise<DmcaIndex>, changed: () => void): NoticeUpdates {
  const updates = createNoticeUpdates({
    fetch: (url, init) => fetch(url, init),
    area,
    bundled: BUNDLED,
    async openBundled() {
      const index = await openBundled();
      await index.prepareAll();
      return index;
    },
    hasPermission: () => browser.permissions.contains({ origins: UPDATE_ORIGINS }),
    async removePermission() {
      await browser.permissions.remove({ origins: UPDATE_ORIGINS });
    },
    changed,
  });
  // The daily check: at browser start, never because of a page.
  browser.runtime.onStartup.addListener(() => void updates.daily().catch((e) => console.warn('[Backstory] notice update', e)));
  // The hosts were just granted (the user's click on "Check for newer notices" or the daily switch): check now.
  // Firefox may close the popup while it asks, before the popup can say so itself; a second ask joins this check.
  browser.permissions.onAdded.addListener((p) => {
    if (p.origins?.some((o) => UPDATE_ORIGINS.includes(o))) void updates.check().catch((e) => console.warn('[Backstory] notice update', e));
  });
  return updates;
}
