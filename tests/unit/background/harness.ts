/** Fakes for the background's browser side, and the real dataset and DMCA index (read from disk on demand). */
import { vi } from 'vitest';
import type { DocumentRecord } from '@/utils/background/documents';
import { createRouter } from '@/utils/background/router';
import type { BackgroundDeps, SenderInfo, UiTarget } from '@/utils/background/services';
import { bundledDataset } from '@/utils/dataset/bundled';
import { openDmcaIndexSync } from '@/utils/node/files';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/schema/settings';
import type { Request } from '@/utils/schema/messages';

export const ORIGIN = 'chrome-extension://self';
/** A content script on a GitHub repo page (tab 7), on an HN page (tab 8); an extension page (the popup). */
export const GH: SenderInfo = { id: 'self', url: 'https://github.com/shawwn/llama-dl', tab: { id: 7 }, frameId: 0 };
export const HN: SenderInfo = { id: 'self', url: 'https://news.ycombinator.com/item?id=1', tab: { id: 8 }, frameId: 0 };
export const POPUP: SenderInfo = { id: 'self', url: `${ORIGIN}/popup.html` };

export function memoryArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (k: string) => ({ [k]: data[k] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

export const index = openDmcaIndexSync();

export function setup(over: Partial<Settings> = {}, opts: { area?: ReturnType<typeof memoryArea>; dmca?: BackgroundDeps['dmca'] } = {}) {
  const log = vi.fn();
  /** What the background keeps per tab (the toolbar's session storage), and the badge count it set. */
  const records = new Map<number, DocumentRecord>();
  const badgeCounts = new Map<number, number>();
  const sent: [number, unknown][] = [];
  const injected: UiTarget[] = [];
  const area = opts.area ?? memoryArea();
  /** Settings reads: one per computation of a page's answer. */
  const calls = { settings: 0 };
  const deps: BackgroundDeps = {
    dataset: () => bundledDataset,
    dmca: opts.dmca ?? (async () => index),
    ownId: 'self',
    ownOrigin: ORIGIN,
    area,
    settings: async () => (calls.settings++, { ...DEFAULT_SETTINGS, ...over }),
    records: {
      get: async (id) => (records.has(id) ? structuredClone(records.get(id)) : undefined),
      set: async (id, r) => {
        records.set(id, structuredClone(r));
        badgeCounts.set(id, r.shown.count);
      },
      clear: (id) => void (records.delete(id), badgeCounts.delete(id)),
      forget: (id) => void records.delete(id),
    },
    sendToTab: async (id, m) => void sent.push([id, m]),
    injectUi: async (t) => void injected.push(t),
    log,
  };
  const route = createRouter(deps);
  /** Send a request as `sender` and await the reply (undefined when it is ignored). */
  const ask = async <R = Record<string, unknown>>(req: Request | Record<string, unknown>, sender: SenderInfo = GH) =>
    (await route(req, sender)) as R | undefined;
  return { route, ask, log, records, badgeCounts, sent, injected, area, calls };
}
