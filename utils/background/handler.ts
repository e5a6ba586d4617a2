/**
 * The background's message handler: validate, answer from the dataset and the settings, ignore
 * everything else. All browser APIs come in through `BackgroundDeps`, so this is unit-tested.
 */
import type { Dataset } from '../dataset/schema';
import type { DmcaIndex } from '../dmca/dmca-index';
import { buildKnowledge, type Knowledge } from '../knowledge/knowledge';
import { createPanelStateStore, type KeyValueArea } from './panel-state';
import { parseRequest } from '../schema/protocol-schema';
import { detectLlama } from '../core/llama-detect';
import type { BadgeInfo, PageView, PanelData, RepoPageInfo, Response, TabMessage, TabReport } from '../core/protocol';
import { isSilenced, type Settings } from '../schema/settings';
import { isSubject, subjectFromHref, type Subject } from '../core/subjects';

export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
  documentId?: string | undefined;
}

/** Where to inject the panel's code: the sender's tab, frame and document. */
export interface UiTarget {
  tabId: number;
  frameId: number;
}

export interface BackgroundDeps {
  dataset(): Dataset;
  /** The compact index of every github/dmca notice (loaded once per worker; null when unavailable). */
  dmca?(): Promise<DmcaIndex | null>;
  ownId: string;
  /** storage.local, for the remembered panel states. */
  area: KeyValueArea;
  settings(): Promise<Settings>;
  reports: {
    get(tabId: number): Promise<TabReport | null>;
    set(tabId: number, report: TabReport): Promise<void>;
  };
  sendToTab(tabId: number, msg: TabMessage): Promise<void>;
  /** Inject /ui.js (the panel's code) into a frame. */
  injectUi?(target: UiTarget): Promise<void>;
  log?(...a: unknown[]): void;
}

/** The host of the page that sent a message ('' for an extension page or no URL). */
function senderHost(sender: SenderInfo): string {
  try {
    return new URL(sender.url ?? '').hostname;
  } catch {
    return '';
  }
}

export function viewFor(s: Settings): PageView {
  return {
    badges: s.badges,
    panel: s.panel,
    placement: s.placement,
    theme: s.theme,
    detect: s.detection === 'heuristic' || s.llamaAlways.length > 0,
  };
}

/** The detector's context from the dataset and the user's lists; detection beyond the lists only when enabled. */
function detectFor(k: Knowledge, s: Settings) {
  const ctx = { known: k.knownLlama(), always: new Set(s.llamaAlways), never: new Set(s.llamaNever) };
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

/** Drop tangent topics when the user does not want them. */
export function applyTopicSettings(data: PanelData, s: Settings): PanelData {
  return s.tangents ? data : { ...data, topics: data.topics.filter((t) => !t.tangent) };
}

export function createHandler(deps: BackgroundDeps) {
  const log = deps.log ?? console.warn;
  let knowledge: Promise<Knowledge> | undefined;
  const loadIndex = async () => {
    try {
      return (await deps.dmca?.()) ?? null;
    } catch (e) {
      log('[Backstory] the DMCA index could not be loaded; answering from the LLaMA dataset only', e);
      return null;
    }
  };
  const know = () => (knowledge ??= loadIndex().then((index) => buildKnowledge(deps.dataset(), index)));
  const states = createPanelStateStore(deps.area);

  // The panel's code goes once into each document that shows a panel: sent along with the page's
  // answer (so it is there when the content script needs it), or when the content script asks.
  const injected = new Map<string, Promise<void>>();
  const injectUi = (sender: SenderInfo): Promise<void> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !deps.injectUi) return Promise.resolve();
    const frameId = sender.frameId ?? 0;
    const key = sender.documentId ?? `${tabId}:${frameId}:${sender.url ?? ''}`;
    let p = injected.get(key);
    if (!p) {
      p = deps.injectUi({ tabId, frameId }).catch((e) => {
        injected.delete(key);
        log('[Backstory] could not add the panel to the page', e);
      });
      injected.set(key, p);
      if (injected.size > 500) injected.delete(injected.keys().next().value!);
    }
    return p;
  };

  // Page requests in flight, and what waits for them to be answered.
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

  /** Badge info for the subjects the dataset, the index or (when enabled) the detector knows. */
  const lookup = async (subjects: readonly string[], badgesOnly = false): Promise<Record<string, BadgeInfo>> => {
    const k = await know();
    await (badgesOnly ? k.prepareBadges(subjects) : k.prepare(subjects));
    const known = k.lookup(subjects);
    const settings = await deps.settings();
    const detect = detectFor(k, settings);
    for (const s of subjects) {
      if (!s.startsWith('repo:')) continue;
      const repo = s.slice(5);
      if (settings.llamaNever.includes(repo) && known[s] && !known[s].relations.some((r) => r !== 'llama')) {
        delete known[s];
        continue;
      }
      if (known[s] || !isSubject(s)) continue;
      const d = detect(repo);
      if (d) known[s] = { subject: s as Subject, relations: ['llama'], hint: `Backstory: likely LLaMA-related — ${d.reasons.join('; ')}` };
    }
    return known;
  };

  /** Undefined when the message is not ours to answer; a value or a promise of one otherwise. */
  return function handle(message: unknown, sender: SenderInfo): Response | Promise<Response> | undefined {
    if (sender.id !== deps.ownId) {
      log('[Backstory] ignored a message from another sender');
      return undefined;
    }
    const parsed = parseRequest(message);
    if (!parsed.ok) {
      log(`[Backstory] ignored a malformed message: ${parsed.error}`);
      return undefined;
    }
    const req = parsed.request;
    switch (req.type) {
      case 'lookup':
        return lookup(req.subjects).then((known) => ({ type: 'lookup', known }) as const);
      case 'links':
        // After any page answer in flight: a cold worker reads the index shards the links need only
        // once the panel it is also asked for is on its way.
        return pagesAnswered().then(async () => {
          // Relative links are read as the sender's site reads them (an extension page: as GitHub's).
          const host = senderHost(sender) === 'news.ycombinator.com' ? 'news.ycombinator.com' : 'github.com';
          const hrefsOf = new Map<Subject, string[]>();
          const own: string[] = [];
          for (const href of req.hrefs) {
            const s = subjectFromHref(href, host);
            if (!s) continue;
            if (s === req.skip) own.push(href);
            else (hrefsOf.get(s) ?? hrefsOf.set(s, []).get(s)!).push(href);
          }
          const bySubject = await lookup([...hrefsOf.keys()], true);
          const known: Record<string, BadgeInfo> = {};
          for (const [s, hrefs] of hrefsOf) {
            const info = bySubject[s];
            if (info) for (const h of hrefs) known[h] = info;
          }
          return { type: 'links', known, own } as const;
        });
      case 'detect':
        return (async () => {
          const settings = await deps.settings();
          if (!req.subject.startsWith('repo:') || !isSubject(req.subject))
            return { type: 'page', data: null, state: 'open', silent: false, view: viewFor(settings) } as const;
          const k = await know();
          const d = detectFor(k, settings)(req.subject.slice(5), req.info);
          const data = d ? k.detectedPanel(req.subject, d.reasons) : null;
          if (!data) return { type: 'page', data: null, state: 'open', silent: false, view: viewFor(settings) } as const;
          const remembered = await states.get(data.subject);
          const state = remembered !== 'open' ? remembered : settings.panel === 'collapsed' ? 'collapsed' : 'open';
          return { type: 'page', data: applyTopicSettings(data, settings), state, silent: false, view: viewFor(settings) } as const;
        })();
      case 'panelState':
        return states.set(req.subject, req.state).then(() => ({ type: 'ok' }) as const);
      case 'page':
        return trackPage(async () => {
          const settings = await deps.settings();
          const view = viewFor(settings);
          const host = senderHost(sender);
          const repo = req.subject?.startsWith('repo:') ? req.subject.slice(5) : undefined;
          if (isSilenced(settings, host, repo)) return { type: 'page', data: null, state: 'open', silent: true, view } as const;
          // The remembered state of the page's own subject is read while the index shards load.
          const early = req.subject ? states.get(req.subject) : null;
          const k = await know();
          await k.prepare([req.subject, req.fallback, req.takedown], req.networkRoot);
          const found =
            (req.subject && req.takedown ? k.takedownPanel(req.subject, req.takedown, req.networkRoot) : null) ??
            (req.subject ? k.panel(req.subject, req.networkRoot) : null) ??
            (req.fallback ? k.panel(req.fallback) : null) ??
            (repo && settings.llamaAlways.includes(repo) ? k.detectedPanel(`repo:${repo}`, ['on your "always LLaMA-related" list']) : null);
          if (!found) return { type: 'page', data: null, state: 'open', silent: false, view } as const;
          if (settings.panel !== 'ask' && !req.hasUi) void injectUi(sender);
          const data = applyTopicSettings(found, settings);
          const remembered = early && data.subject === req.subject ? await early : await states.get(data.subject);
          const state = remembered !== 'open' ? remembered : settings.panel === 'collapsed' ? 'collapsed' : 'open';
          return { type: 'page', data, state, silent: false, view } as const;
        });
      case 'report': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return { type: 'ok' };
        const count = (req.panel ? 1 : 0) + Object.values(req.badges).reduce((a, b) => a + b, 0);
        return deps.reports.set(tabId, { panel: req.panel, badges: req.badges, count }).then(() => ({ type: 'ok' }) as const);
      }
      case 'tabInfo':
        return (async () => {
          const report = await deps.reports.get(req.tabId);
          const settings = await deps.settings();
          const k = await know();
          await k.prepare([report?.panel ?? undefined, ...Object.keys(report?.badges ?? {})]);
          const panelData = report?.panel ? k.panel(report.panel) : null;
          const hints = report ? k.lookup(Object.keys(report.badges)) : {};
          return {
            type: 'tabInfo',
            report,
            panel: panelData ? applyTopicSettings(panelData, settings) : null,
            badges: Object.entries(report?.badges ?? {}).map(([subject, count]) => ({
              subject,
              count,
              hint: hints[subject]?.hint ?? subject,
            })),
          } as const;
        })();
      case 'search':
        return know().then(async (k) => {
          await k.prepareAll();
          return { type: 'search', results: k.search(req.query) } as const;
        });
      case 'ui':
        return injectUi(sender).then(() => ({ type: 'ok' }) as const);
      case 'showPanel':
        return deps.sendToTab(req.tabId, { type: 'showPanel' }).then(() => ({ type: 'ok' }) as const);
    }
  };
}
