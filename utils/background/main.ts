/**
 * Everything the background wires up: the message handler, the toolbar badge per tab (kept in
 * storage.session so it survives the MV3 worker being stopped), the keyboard command, and live
 * settings changes pushed to open tabs. Called from entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import { createHandler } from './handler';
import { bundledDataset } from '../dataset/bundled';
import { openIndex, type DmcaIndex, type IndexManifest } from '../dmca/dmca-index';
import dmcaManifest from '../../public/dmca/manifest.json';
import { deliverEarlyAnswer } from '../content/early-answer';
import type { Response, TabMessage, TabReport } from '../core/protocol';
import { pageSubject } from '../core/subjects';
import { loadSettings, watchSettings } from '../storage/settings';

const reportKey = (tabId: number) => `tab:${tabId}`;

/** Toolbar badge text: the match count in at most 4 characters. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export function startBackground(): void {
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

  const sendToTab = async (tabId: number, msg: TabMessage) => {
    try {
      await browser.tabs.sendMessage(tabId, msg);
    } catch {
      /* no content script there (or not yet) */
    }
  };

  // Settings are read once per worker and kept until they change: no storage round trip per page.
  let settings: ReturnType<typeof loadSettings> | null = null;
  const currentSettings = () => (settings ??= loadSettings());

  // Cold-start figures for the benchmark (ms since this worker started): script evaluated, DMCA index
  // read, first answer sent (and how long it took from the message's arrival).
  const stats: { evalMs: number; indexMs?: number; firstAnswerMs?: number; firstHandleMs?: number } = { evalMs: performance.now() };
  (globalThis as { __backstoryStats?: typeof stats }).__backstoryStats = stats;

  // The DMCA index ships as packaged text files: shards read on demand, described by a small
  // manifest bundled in this script. Reading the extension's own files is not a network request.
  let dmca: Promise<DmcaIndex> | null = null;
  const readOwn = async (file: string) => {
    const res = await fetch(browser.runtime.getURL(`/dmca/${file}` as '/dmca/manifest.json'));
    if (!res.ok) throw new Error(`dmca/${file}: ${res.status}`);
    return res.text();
  };
  const loadDmca = () =>
    (dmca ??= Promise.resolve().then(() => {
      const index = openIndex(dmcaManifest as IndexManifest, readOwn);
      stats.indexMs = performance.now();
      return index;
    }));
  void loadDmca().catch(() => undefined);

  const handle = createHandler({
    dataset: () => bundledDataset,
    dmca: loadDmca,
    ownId: browser.runtime.id,
    area: { get: (key) => browser.storage.local.get(key), set: (items) => browser.storage.local.set(items) },
    settings: currentSettings,
    reports: {
      async get(tabId) {
        const got = await session.get(reportKey(tabId));
        const r = got[reportKey(tabId)] as TabReport | undefined;
        return r && typeof r === 'object' && typeof r.count === 'number' ? r : null;
      },
      async set(tabId, report) {
        await session.set({ [reportKey(tabId)]: report });
        await setBadge(tabId, report.count);
      },
    },
    sendToTab,
    async injectUi({ tabId, frameId }) {
      if (browser.scripting) {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/ui.js'], injectImmediately: true });
      } else {
        // Firefox (MV2): host permissions are enough for tabs.executeScript.
        await (browser.tabs as unknown as { executeScript(tabId: number, d: object): Promise<unknown> }).executeScript(tabId, {
          file: '/ui.js',
          frameId,
          runAt: 'document_start',
        });
      }
    },
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    try {
      const t0 = performance.now();
      const response = handle(message, sender);
      if (response === undefined) return undefined;
      const answered = Promise.resolve(response);
      if (stats.firstAnswerMs === undefined) {
        stats.firstAnswerMs = -1;
        void answered.then(() => {
          stats.firstAnswerMs = performance.now();
          stats.firstHandleMs = stats.firstAnswerMs - t0;
        });
      }
      return answered.catch((e) => {
        console.error('[Backstory] background error', e);
        return undefined;
      });
    } catch (e) {
      console.error('[Backstory] background error', e);
      return undefined;
    }
  });

  // A page whose URL alone gives a panel gets its answer pushed as it starts loading (utils/early-answer.ts).
  // Chrome only (scripting); the content script still asks, and takes whichever answer comes first.
  const pushEarlyAnswer = async (tabId: number, url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return;
    }
    if (u.protocol !== 'https:' || (u.hostname !== 'github.com' && u.hostname !== 'news.ycombinator.com')) return;
    const ps = pageSubject(u.hostname, u.pathname, u.search, null);
    if (!ps) return;
    // As the content script's first question at document_start asks it (the URL is all it knows then);
    // the panel's code is left to that question, which knows whether the page already runs it.
    const res = (await handle(
      { type: 'page', subject: ps.subject, hasUi: true },
      { id: browser.runtime.id, url, tab: { id: tabId }, frameId: 0 },
    )) as Response | undefined;
    if (res?.type !== 'page' || !res.data) return;
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      injectImmediately: true,
      func: deliverEarlyAnswer,
      args: [url, res],
    });
  };

  // A new page in a tab starts with no matches; its content script reports its own.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    void session.remove(reportKey(tabId)).catch(() => {});
    void setBadge(tabId, 0);
    if (browser.scripting && tab.url) void pushEarlyAnswer(tabId, tab.url).catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => void session.remove(reportKey(tabId)).catch(() => {}));

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'togglePanel' });
  });

  // Settings changed (options page, popup, another browser via sync): tell every open tab.
  watchSettings(async () => {
    settings = null;
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : sendToTab(t.id, { type: 'settingsChanged' }))));
  });
}
