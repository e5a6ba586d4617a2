/**
 * What a content script does on a page: find the page's subject, ask the background about it and
 * about linked subjects, show one panel and the link badges, follow soft navigations, apply settings
 * live, report its matches for the toolbar badge, and clean everything up when the extension goes
 * away. Site specifics come in through `Site`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BADGE_ATTR, placeBadge, removeAllBadges } from './badges';
import { linksWithHrefs, startLinkScanner, type PageHost } from './scanner';
import type { MountedPanel } from '../ui/mount';
import { hasUi, whenUi } from './ui-loader';
import { whenEarlyAnswer } from './early-answer';
import {
  isLinksResponse,
  isPageResponse,
  MAX_LINK_HREFS,
  type BadgeInfo,
  type PageView,
  type PanelData,
  type PanelState,
  type RepoPageInfo,
  type Request,
  type TabMessage,
} from '../core/protocol';
import type { PageSubject } from '../core/subjects';

export interface Site {
  host: PageHost;
  /** The page's own subject, from its URL and identity tags. */
  pageSubject(): PageSubject | null;
  /** Put the panel host inline in the page; false → it floats at the side instead. */
  placePanel(host: HTMLElement): boolean;
  /**
   * While the page still parses: true once `placePanel` would put the panel where it stays (its
   * first-choice anchor is parsed), so the panel can show before the page's first layout.
   */
  placeableEarly?(): boolean;
  /** The panel gets the HN thread outline when its data carries one. */
  outline?: boolean;
  /** 'dark' or 'light', following the site's own theme. */
  theme(): 'dark' | 'light';
  /** On a repo page: what it says about itself (for LLaMA detection). */
  repoInfo?(): RepoPageInfo | null;
  /** Events (on document) after which the page may show another subject. */
  navigationEvents: string[];
}

const log = (...a: unknown[]) => console.debug('[Backstory]', ...a);

/** Words that make a repo worth asking the detector about (cheap pre-check in the page). */
const LLAMA_CUE = /llama|alpaca|vicuna|guanaco/i;

async function ask(req: Request): Promise<unknown> {
  return browser.runtime.sendMessage(req);
}

/** Content scripts start at document_start (to ask the background while the page still parses). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Resolves when the panel can be placed: at once after parsing, or while the page still parses if
 * the site's first-choice anchor is already there (an early answer lands mid-parse); else at
 * DOMContentLoaded. (No polling: measured, timers do not run while the parser works.)
 */
function whenPlaceable(site: Site): Promise<void> {
  if (document.readyState === 'loading' && site.placeableEarly?.()) return Promise.resolve();
  return domReady();
}

const NOT_YET = Symbol('not yet');

function isTabMessage(m: unknown): m is TabMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'settingsChanged' || t === 'togglePanel' || t === 'showPanel';
}

export function runPage(ctx: ContentScriptContext, site: Site): void {
  const guard =
    <A extends unknown[], R>(fn: (...a: A) => R) =>
    (...a: A): R | undefined => {
      try {
        return fn(...a);
      } catch (e) {
        log('error', e);
        return undefined;
      }
    };

  // ---- state of the current run (reset when settings change) ----
  let current: PageSubject | null = null;
  let visited = false;
  let panel: MountedPanel | null = null;
  /** The panel data for the current subject, kept to show it on request (behaviour "ask", toggle). */
  let panelData: { data: PanelData; state: PanelState } | null = null;
  let generation = 0;
  let view: PageView | null = null;
  let silent = false;
  let run = new AbortController();
  /** The first page answer has come (it carries the view: badges on or off, detection…). */
  let answered = false;
  /** What the background said of each href asked about (null: nothing known); asked ones in flight. */
  const answers = new Map<string, BadgeInfo | null>();
  const inFlight = new Set<string>();

  const sameSubject = (a: PageSubject | null, b: PageSubject | null) =>
    a?.subject === b?.subject && a?.networkRoot === b?.networkRoot && a?.fallback === b?.fallback && a?.takedown === b?.takedown;

  // Chrome does not tell an orphaned content script that its extension was reloaded or removed;
  // reading ctx.isInvalid notices it (and runs the cleanup below). Checked on every navigation and
  // mutation flush, and every few seconds while something of ours is in the page.
  let watching = false;
  const watchForInvalidation = () => {
    if (watching) return;
    watching = true;
    ctx.setInterval(() => void ctx.isInvalid, 3000);
  };

  // ---- reporting matches (toolbar badge, popup) ----
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  // A fresh page starts with nothing reported (the background clears the tab when it loads).
  const NOTHING = JSON.stringify({ type: 'report', panel: null, badges: {} });
  let lastReport = NOTHING;
  /** Something of ours was in the page since the last report of nothing: only then is there news. */
  let shown = false;
  const report = () => {
    if (reportTimer || (!shown && lastReport === NOTHING)) return;
    reportTimer = setTimeout(() => {
      reportTimer = undefined;
      if (ctx.isInvalid) return;
      const badges: Record<string, number> = {};
      for (const b of document.querySelectorAll(`[${BADGE_ATTR}]`)) {
        const s = b.getAttribute(BADGE_ATTR)!;
        badges[s] = (badges[s] ?? 0) + 1;
      }
      const msg: Request = { type: 'report', panel: panel ? (panelData?.data.subject ?? null) : null, badges };
      const key = JSON.stringify(msg);
      if (key === lastReport) return;
      lastReport = key;
      shown = key !== NOTHING;
      void ask(msg).catch((e) => log('report', e));
    }, 150);
  };

  // ---- the panel ----
  /** Bumped by every show and hide: a show that waited for the UI code gives way to a later call. */
  let showToken = 0;
  async function showPanel(state: PanelState) {
    if (!panelData) return;
    const token = ++showToken;
    const want = panelData;
    // The panel's code is injected on demand (the background usually sent it with the page's answer).
    let ui = await whenUi(0);
    if (!ui) {
      void ask({ type: 'ui' }).catch((e) => log('ui', e));
      ui = await whenUi(5000);
    }
    if (!ui || token !== showToken || panelData !== want || ctx.isInvalid) return;
    panel?.remove();
    const subject = want.data.subject;
    want.state = state;
    const v = view;
    panel = ui.mountPanel(ctx, want.data, {
      place: (host) => (v?.placement === 'side' ? false : site.placePanel(host)),
      theme: () => (v?.theme === 'light' || v?.theme === 'dark' ? v.theme : site.theme()),
      state,
      onState: (next) => {
        if (panelData) panelData.state = next;
        void ask({ type: 'panelState', subject, state: next }).catch((e) => log('state', e));
      },
      enhance: site.outline ? ui.outline : undefined,
    });
    watchForInvalidation();
    shown = true;
    report();
  }

  function hidePanel() {
    showToken++;
    panel?.remove();
    panel = null;
    report();
  }

  async function visit(ps: PageSubject | null, gen: number) {
    if (!ps && answered) return;
    // The document's first question may already be answered: the background pushes the answer for
    // a URL with a panel as the page starts loading (it lands sooner than the reply below).
    const early = gen === 1 && ps && !ps.networkRoot && !ps.takedown && !ps.fallback ? whenEarlyAnswer(location.href) : null;
    const uiHere = hasUi();
    const req: Request = {
      type: 'page',
      ...(ps ? { subject: ps.subject } : {}),
      ...(ps?.networkRoot ? { networkRoot: ps.networkRoot } : {}),
      ...(ps?.fallback ? { fallback: ps.fallback } : {}),
      ...(ps?.takedown ? { takedown: ps.takedown } : {}),
      ...(uiHere ? { hasUi: true } : {}),
    };
    let res: unknown;
    if (early && uiHere && !import.meta.env.FIREFOX) {
      // A page the bundled dataset gives a panel (its code is declared for it): the answer is being
      // pushed; ask only if it has not come by DOMContentLoaded (one message and one copy of the panel's data less).
      res = await Promise.race([early, domReady().then(() => NOT_YET)]);
      if (res === NOT_YET) res = await Promise.race([ask(req), early]);
    } else {
      // Only our background can write our isolated world; the early answer is to the same question.
      const asked = ask(req);
      res = early ? await Promise.race([asked, early]) : await asked;
    }
    if (ctx.isInvalid || !isPageResponse(res)) return;
    answered = true;
    view = res.view;
    silent = res.silent;
    if (gen !== generation) return;
    if (!res.data) {
      // Not in the dataset: a repo page with a cue word may still be LLaMA-related (the detector decides).
      if (!res.silent && res.view.detect && ps?.subject.startsWith('repo:') && site.repoInfo) {
        await domReady();
        const info = site.repoInfo();
        if (
          gen !== generation ||
          !info ||
          !LLAMA_CUE.test(`${ps.subject} ${info.description} ${info.topics.join(' ')} ${info.readmeTitle}`)
        )
          return;
        const det = await ask({ type: 'detect', subject: ps.subject, info });
        if (gen !== generation || ctx.isInvalid || !isPageResponse(det) || !det.data) return;
        panelData = { data: det.data, state: det.state };
        if (res.view.panel !== 'ask') void showPanel(det.state);
      }
      return;
    }
    await whenPlaceable(site);
    if (gen !== generation || ctx.isInvalid) return;
    // A panel about the story's link (not the page itself) starts compact: one line, expandable.
    const compact = !!ps?.fallback && res.data.subject === ps.fallback && res.state === 'open';
    panelData = { data: res.data, state: compact ? 'collapsed' : res.state };
    if (res.view.panel !== 'ask') void showPanel(panelData.state);
  }

  const sync = guard((): Promise<void> | void => {
    if (ctx.isInvalid) return;
    const ps = site.pageSubject();
    if (visited && sameSubject(ps, current)) {
      // Same subject: make sure the panel survived the page's re-render.
      if (panel && !panel.isAttached()) panel.reattach();
      return;
    }
    current = ps;
    visited = true;
    const gen = ++generation;
    panelData = null;
    hidePanel();
    return visit(ps, gen).catch((e) => log('page', e));
  });

  // ---- badges ----
  /** Badge every link in the page whose href is known (no badge on links to the page's own subject). */
  function badgeHrefs(hrefs: string[]) {
    let placed = false;
    for (const a of linksWithHrefs(document, hrefs)) {
      const info = answers.get(a.getAttribute('href') ?? '');
      if (info && info.subject !== current?.subject && placeBadge(a, info)) placed = true;
    }
    if (placed) {
      watchForInvalidation();
      shown = true;
      report();
    }
  }

  async function resolve(hrefs: string[], signal: AbortSignal) {
    try {
      const res = await ask({ type: 'links', hrefs, ...(current ? { skip: current.subject } : {}) });
      if (ctx.isInvalid || signal.aborted || !isLinksResponse(res)) return;
      const own = new Set(res.own);
      const hits: string[] = [];
      for (const h of hrefs) {
        inFlight.delete(h);
        const info = res.known[h];
        if (info) {
          answers.set(h, info);
          hits.push(h);
        } else if (!own.has(h)) answers.set(h, null); // links to the page's own subject are asked again after a navigation
      }
      if (hits.length) badgeHrefs(hits);
    } catch (e) {
      for (const h of hrefs) inFlight.delete(h);
      log('links', e);
    }
  }

  function startScan(signal: AbortSignal) {
    if (signal.aborted || silent || view?.badges === false) return;
    const onHrefs = guard((hrefs: string[]) => {
      const fresh: string[] = [];
      const hits: string[] = [];
      for (const h of hrefs) {
        const a = answers.get(h);
        if (a) hits.push(h);
        else if (a === undefined && !inFlight.has(h)) {
          inFlight.add(h);
          fresh.push(h);
        }
      }
      if (hits.length) badgeHrefs(hits);
      for (let i = 0; i < fresh.length; i += MAX_LINK_HREFS) void resolve(fresh.slice(i, i + MAX_LINK_HREFS), signal);
    });
    startLinkScanner(document, {
      host: site.host,
      signal,
      onHrefs,
      onMutations: () => void sync(),
      report: (e) => log('scan', e),
    });
  }

  /** One run: ask about the page (at document_start the URL already names the subject), then scan. */
  function start() {
    const signal = run.signal;
    const first = sync();
    void domReady().then(() => {
      if (signal.aborted) return;
      // Look again once the DOM is there: a fork's network root and an HN story's link live in the markup.
      const again = sync();
      void Promise.allSettled([first, again]).then(() => startScan(signal));
    });
  }

  /** Settings changed: take everything down and start over with the new ones. */
  function restart() {
    run.abort();
    run = new AbortController();
    panelData = null;
    hidePanel();
    removeAllBadges();
    answers.clear();
    inFlight.clear();
    answered = false;
    visited = false;
    current = null;
    // Settings changed: what the tab shows is reported afresh.
    lastReport = '';
    shown = true;
    start();
  }

  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isTabMessage(message)) return;
    guard(() => {
      if (message.type === 'settingsChanged') restart();
      else if (message.type === 'showPanel') void showPanel('open');
      else if (panel) hidePanel();
      else void showPanel(panelData?.state === 'dismissed' ? 'open' : (panelData?.state ?? 'open'));
    })();
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    run.abort();
    browser.runtime.onMessage?.removeListener(onMessage);
    panel?.remove();
    panel = null;
    removeAllBadges();
  });

  start();
  const onNavigate = () => void sync();
  // Soft navigations: the site's own events, history traversal, and (for anything else) the
  // scanner's mutation flushes, which look at the URL again. (WXT's location watcher cost ~0.5 ms
  // per page for nothing these do not catch.)
  ctx.addEventListener(window, 'popstate', onNavigate);
  for (const ev of site.navigationEvents) ctx.addEventListener(document, ev as keyof DocumentEventMap, onNavigate);
}
