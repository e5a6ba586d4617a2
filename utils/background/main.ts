/**
 * Everything the background wires up: the message router, each tab's document record (and the toolbar badge
 * set from it), the early answer,
 * the keyboard command, and live settings changes pushed to open tabs. Called from entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import dmcaManifest from '../../public/dmca/manifest.json';
import { bundledDataset } from '../dataset/bundled';
import { openIndex, type DmcaIndex } from '../dmca/index-read';
import { type IndexManifest } from '../dmca/index-format';
import type { TabMessage } from '../schema/messages';
import { loadSettings, watchSettings } from '../storage/settings';
import { deliverEarlyAnswer } from '../content/early-answer';
import { pushEarlyAnswer } from './early-push';
import { createRouter } from './router';
import { createToolbar } from './toolbar';
import { createBrowserUpdates, withNewerNotices } from './updates/wire';

export function startBackground(): void {
  const toolbar = createToolbar();
  const sendToTab = async (tabId: number, msg: TabMessage) => {
    try {
      await browser.tabs.sendMessage(tabId, msg);
    } catch {
      /* no content script there (or not yet) */
    }
  };

  // Settings are read once per worker and kept until they change: no storage round trip per page.
  let settings: ReturnType<typeof loadSettings> | null = null;

  // Cold-start figures for the benchmark (ms since this worker started).
  const stats: { evalMs: number; indexMs?: number; firstAnswerMs?: number; firstHandleMs?: number } = { evalMs: performance.now() };
  (globalThis as { __backstoryStats?: typeof stats }).__backstoryStats = stats;

  // The DMCA index ships as packaged text files: shards read on demand, described by a small manifest
  // bundled in this script. Reading the extension's own files is not a network request.
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
      // Notices downloaded on request (off by default) are read on top of the bundled ones.
      return withNewerNotices(index);
    }));
  const updates = createBrowserUpdates(
    async () => openIndex(dmcaManifest as IndexManifest, readOwn),
    () => {
      dmca = null;
      route.services.resetKnowledge();
    },
  );
  void loadDmca().catch(() => undefined);
  // A started worker is about to be asked (a page, the early push): the settings are read meanwhile.
  const first = loadSettings();
  settings = first;
  first.catch(() => settings === first && (settings = null));

  const route = createRouter({
    dataset: () => bundledDataset,
    dmca: loadDmca,
    ownId: browser.runtime.id,
    ownOrigin: new URL(browser.runtime.getURL('/')).origin,
    area: { get: (key) => browser.storage.local.get(key), set: (items) => browser.storage.local.set(items) },
    settings: () => (settings ??= loadSettings()),
    records: toolbar,
    sendToTab,
    updates,
    async injectUi({ tabId, frameId, outline }) {
      // The HN outline goes with the panel's code on Hacker News (it renders with the panel's Preact), and
      // first: the page mounts its panel as soon as /ui.js runs, which must find the outline already there.
      const files: ('/ui.js' | '/outline.js')[] = outline ? ['/outline.js', '/ui.js'] : ['/ui.js'];
      if (browser.scripting) {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files, injectImmediately: true });
      } else {
        // Firefox (MV2): host permissions are enough for tabs.executeScript (one file per call, in order).
        const tabs = browser.tabs as unknown as { executeScript(tabId: number, d: object): Promise<unknown> };
        for (const file of files) await tabs.executeScript(tabId, { file, frameId, runAt: 'document_start' });
      }
    },
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    try {
      const t0 = performance.now();
      const reply = route(message, sender);
      if (reply === undefined) return undefined;
      if (stats.firstAnswerMs === undefined) {
        stats.firstAnswerMs = -1;
        void reply.then(() => {
          stats.firstAnswerMs = performance.now();
          stats.firstHandleMs = stats.firstAnswerMs - t0;
        });
      }
      return reply.catch((e) => {
        console.error('[Backstory] background error', e);
        return undefined;
      });
    } catch (e) {
      console.error('[Backstory] background error', e);
      return undefined;
    }
  });

  const { documents } = route.services;
  const deliver = (tabId: number, url: string, res: unknown) =>
    browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      injectImmediately: true,
      func: deliverEarlyAnswer,
      args: [url, res],
    });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    // A new document: nothing answered, nothing shown (its content script reports its own).
    documents.begin(tabId, tab.url ?? '', tab.incognito);
    if (browser.scripting && tab.url)
      void pushEarlyAnswer(route.services, { id: tabId, url: tab.url, incognito: tab.incognito }, deliver).catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => documents.forget(tabId));

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await route.services.reveal(tab.id, { type: 'togglePanel' });
  });

  // Settings changed (options page, popup, another browser via sync): tell every open tab.
  watchSettings(async () => {
    settings = null;
    documents.settingsChanged();
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : sendToTab(t.id, { type: 'settingsChanged' }))));
  });
}
