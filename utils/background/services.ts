/**
 * What the message handlers share: the knowledge engine (built once per worker, the DMCA index read on
 * demand), the settings, the remembered panel states, the record of each tab's document (documents.ts),
 * and the browser actions they may take. Every browser API comes in through `BackgroundDeps`, so handlers are unit-tested with fakes.
 */
import type { PageView, PanelData, PanelState, RepoPageInfo } from '../core/model';
import { detectLlama } from '../core/llama-detect';
import type { Dataset } from '../dataset/schema';
import type { DmcaIndex } from '../dmca/index-read';
import { createKnowledge, type Knowledge } from '../knowledge/engine';
import type { TabMessage } from '../schema/messages';
import { siteAt } from '../core/sites';
import type { Settings } from '../schema/settings';
import { createDocuments, type RecordArea } from './documents';
import { createPanelStateStore, type KeyValueArea } from './panel-state';
import type { NoticeUpdates } from './updates/service';

export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; incognito?: boolean | undefined } | undefined;
  frameId?: number | undefined;
  documentId?: string | undefined;
}

/** Where to inject the panel's code: the sender's tab and frame. */
export interface UiTarget {
  tabId: number;
  frameId: number;
  /** Also the HN thread outline (/outline.js): a Hacker News page. */
  outline?: boolean;
}

export interface BackgroundDeps {
  dataset(): Dataset;
  /** The compact index of every github/dmca notice (loaded once per worker; null when unavailable). */
  dmca?(): Promise<DmcaIndex | null>;
  /** This extension's id, and the origin of its pages (`chrome-extension://<id>`, `moz-extension://<uuid>`). */
  ownId: string;
  ownOrigin?: string;
  /** storage.local, for the remembered panel states. */
  area: KeyValueArea;
  settings(): Promise<Settings>;
  /** Where each tab's document record is kept between worker lives (and the toolbar badge set from it). */
  records: RecordArea;
  sendToTab(tabId: number, msg: TabMessage): Promise<void>;
  /** Inject /ui.js (the panel's code) into a frame. */
  injectUi?(target: UiTarget): Promise<void>;
  /** Newer notices, on request (utils/background/updates/); absent where there is no network side (tests). */
  updates?: NoticeUpdates;
  log?(...a: unknown[]): void;
}

export function viewFor(s: Settings): PageView {
  return {
    badges: s.badges,
    panel: s.panel,
    theme: s.theme,
    detect: s.detection === 'heuristic' || s.llamaAlways.length > 0,
  };
}

/** Drop tangent topics when the user does not want them. */
export function applyTopicSettings(data: PanelData, s: Settings): PanelData {
  if (s.tangents) return data;
  return { ...data, threads: data.threads.map((t) => ({ ...t, topics: t.topics.filter((x) => !x.tangent) })) } as PanelData;
}

/** The state a panel opens in: the remembered choice, else the settings' default. */
export function initialState(remembered: PanelState, s: Settings): PanelState {
  // Opening the details is for this visit: only collapse and dismiss are remembered.
  return remembered !== 'open' ? remembered : s.panel === 'open' ? 'open' : 'collapsed';
}

/** A private (incognito) tab: nothing it does is written to storage. */
export const isPrivate = (sender: SenderInfo): boolean => sender.tab?.incognito === true;

/** The host of the page that sent a message ('' for an extension page or no URL). */
export function senderHost(sender: SenderInfo): string {
  try {
    return new URL(sender.url ?? '').hostname;
  } catch {
    return '';
  }
}

/** The LLaMA detector, with the dataset's repos and the user's lists; beyond the lists only when enabled. */
export function detectorFor(k: Knowledge, s: Settings) {
  const ctx = { known: k.llamaRepos(), always: new Set(s.llamaAlways), never: new Set(s.llamaNever) };
  return (repo: string, info?: RepoPageInfo) => {
    const [owner, name] = repo.split('/') as [string, string];
    if (s.detection !== 'heuristic' && !ctx.always.has(repo)) return null;
    const d = detectLlama(
      { owner, name, ...(info ? { description: info.description, topics: info.topics, readmeTitle: info.readmeTitle } : {}) },
      ctx,
    );
    return d.related ? d : null;
  };
}

export type Services = ReturnType<typeof createServices>;

export function createServices(deps: BackgroundDeps) {
  const log = deps.log ?? console.warn;
  let knowledge: Promise<Knowledge> | undefined;
  const loadIndex = async () => {
    try {
      return (await deps.dmca?.()) ?? null;
    } catch (e) {
      log('[Backstory] the DMCA index could not be loaded; answering from the curated stories only', e);
      return null;
    }
  };

  const documents = createDocuments(deps.records);
  /**
   * The panel's code goes once into each document that shows a panel (the document's record says whether it
   * is there already), always from here: the page never asks for it, it waits for it (utils/content/ui-loader.ts).
   */
  const injectUi = (sender: SenderInfo): Promise<void> => {
    const tabId = sender.tab?.id;
    const inject = deps.injectUi;
    if (tabId === undefined || !inject) return Promise.resolve();
    const frameId = sender.frameId ?? 0;
    // The site's thread outline goes with it (utils/core/sites.ts).
    const outline = !!siteAt(senderHost(sender))?.outline;
    return documents
      .injectOnce(sender, () => inject({ tabId, frameId, ...(outline ? { outline } : {}) }))
      .catch((e) => log('[Backstory] could not add the panel to the page', e));
  };

  /**
   * Ask a tab's page to show (or toggle) its panel — the popup's "Open the details", the keyboard command —
   * with the panel's code injected first when the document's record has a panel it never showed ("only
   * when I ask"): the page then shows it at once.
   */
  const reveal = async (tabId: number, msg: Extract<TabMessage, { type: 'showPanel' | 'togglePanel' }>): Promise<void> => {
    const record = await documents.get(tabId);
    if (record?.answer?.panel && !record.answer.silent)
      await injectUi({ url: record.url, tab: { id: tabId, incognito: record.private }, frameId: 0 });
    await deps.sendToTab(tabId, msg);
  };

  // Page questions in flight, and what waits for them (link questions give way to a page's panel).
  let pagesInFlight = 0;
  const whenIdle: (() => void)[] = [];
  const trackPage = async <T>(work: () => Promise<T>): Promise<T> => {
    pagesInFlight++;
    try {
      return await work();
    } finally {
      if (--pagesInFlight === 0) for (const f of whenIdle.splice(0)) f();
    }
  };
  const pagesAnswered = () => (pagesInFlight === 0 ? Promise.resolve() : new Promise<void>((r) => whenIdle.push(r)));

  return {
    deps,
    log,
    knowledge: () => (knowledge ??= loadIndex().then((index) => createKnowledge(deps.dataset(), index))),
    /** The notices changed (an update stored newer ones, or they were forgotten): read them again. */
    resetKnowledge: () => void (knowledge = undefined),
    settings: deps.settings,
    states: createPanelStateStore(deps.area),
    documents,
    injectUi,
    reveal,
    trackPage,
    pagesAnswered,
  };
}
