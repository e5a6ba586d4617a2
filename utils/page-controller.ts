/**
 * What a content script does on a page: find the page's subject, ask the background about it and
 * about linked subjects, show one panel and the link badges, follow soft navigations, apply settings
 * live, report its matches for the toolbar badge, and clean everything up when the extension goes
 * away. Site specifics come in through `Site`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BADGE_ATTR, placeBadge, removeAllBadges } from './badges';
import { startLinkScanner, type PageHost } from './link-scanner';
import type { MountedPanel } from './panel-mount';
import { whenUi } from './ui-api';
import { isLookupResponse, isPageResponse, isProbeResponse, MAX_PROBE_HASHES, type BadgeInfo, type PageView, type PanelData, type PanelState, type RepoPageInfo, type Request, type TabMessage } from './protocol';
import { hashSubject, inSortedHashes, subjectFromHref, type PageSubject, type Subject } from './subjects';

export interface Site {
  host: PageHost;
  /** The page's own subject, from its URL and identity tags. */
  pageSubject(): PageSubject | null;
  /** Put the panel host inline in the page; false → it floats at the side instead. */
  placePanel(host: HTMLElement): boolean;
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
  const known = new Map<Subject, BadgeInfo | null>();
  const waiting = new Map<Subject, Element[]>();
  /** Hashes of every subject the background knows (null: too many to send, ask about everything). */
  let filter: number[] | null | undefined;
  const mayBeKnown = (h: number) => !filter || inSortedHashes(filter, h);
  /** The background knows more than the filter holds (the DMCA index): links it rules out are asked about too. */
  let probing = false;
  /** Repo links probed by hash: the batch waiting on each hash, and the answers (null: nothing known). */
  const batchOf = new Map<number, { hashes: number[]; links: Element[]; linkHashes: number[] }>();
  const probed = new Map<number, BadgeInfo[] | null>();
  let currentHash = 0;

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
  let lastReport = '';
  const report = () => {
    if (reportTimer) return;
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
    report();
  }

  function hidePanel() {
    showToken++;
    panel?.remove();
    panel = null;
    report();
  }

  async function visit(ps: PageSubject | null, gen: number) {
    if (!ps && filter !== undefined) return;
    const res = await ask({
      type: 'page',
      ...(ps ? { subject: ps.subject } : {}),
      ...(ps?.networkRoot ? { networkRoot: ps.networkRoot } : {}),
      ...(ps?.fallback ? { fallback: ps.fallback } : {}),
      ...(ps?.takedown ? { takedown: ps.takedown } : {}),
    });
    if (ctx.isInvalid || !isPageResponse(res)) return;
    if (filter === undefined) {
      filter = Array.isArray(res.filter) ? res.filter : null;
      probing = !!res.probe;
    }
    view = res.view;
    silent = res.silent;
    if (gen !== generation) return;
    if (!res.data) {
      // Not in the dataset: a repo page with a cue word may still be LLaMA-related (the detector decides).
      if (!res.silent && res.view.detect && ps?.subject.startsWith('repo:') && site.repoInfo) {
        await domReady();
        const info = site.repoInfo();
        if (gen !== generation || !info || !LLAMA_CUE.test(`${ps.subject} ${info.description} ${info.topics.join(' ')} ${info.readmeTitle}`)) return;
        const det = await ask({ type: 'detect', subject: ps.subject, info });
        if (gen !== generation || ctx.isInvalid || !isPageResponse(det) || !det.data) return;
        panelData = { data: det.data, state: det.state };
        if (res.view.panel !== 'ask') void showPanel(det.state);
      }
      return;
    }
    await domReady();
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
    currentHash = ps ? hashSubject(ps.subject) : 0;
    visited = true;
    const gen = ++generation;
    panelData = null;
    hidePanel();
    return visit(ps, gen).catch((e) => log('page', e));
  });

  // ---- badges ----
  function badge(subject: Subject, links: Element[]) {
    const info = known.get(subject);
    // No badge on links that resolve to the page's own subject (e.g. comment links on a thread page).
    if (!info || info.subject === current?.subject) return;
    let placed = false;
    for (const a of links) if (a.isConnected && placeBadge(a, info)) placed = true;
    if (placed) {
      watchForInvalidation();
      report();
    }
  }

  async function resolve(subjects: Subject[], signal: AbortSignal) {
    try {
      const res = await ask({ type: 'lookup', subjects });
      if (ctx.isInvalid || signal.aborted || !isLookupResponse(res)) return;
      for (const s of subjects) {
        known.set(s, res.known[s] ?? null);
        const links = waiting.get(s);
        waiting.delete(s);
        if (links) badge(s, links);
      }
    } catch (e) {
      log('lookup', e);
    }
  }

  function startScan(signal: AbortSignal) {
    if (signal.aborted || silent || view?.badges === false) return;
    const onLinks = guard((found: Map<Subject, Element[]>) => {
      const list: Subject[] = [];
      for (const [s, links] of found) {
        if (known.has(s)) badge(s, links);
        else if (waiting.has(s)) waiting.get(s)!.push(...links);
        else {
          waiting.set(s, links);
          list.push(s);
        }
      }
      for (let i = 0; i < list.length; i += 2000) void resolve(list.slice(i, i + 2000), signal);
    });
    // Links the filter rules out, when the background may still know them: grouped per scan slice.
    let extra: Map<Subject, Element[]> | null = null;
    const add = (s: Subject, a: Element) => {
      if (!extra) {
        extra = new Map();
        queueMicrotask(() => {
          const found = extra!;
          extra = null;
          onLinks(found);
        });
      }
      const list = extra.get(s);
      if (list) list.push(a);
      else extra.set(s, [a]);
    };
    // Repo links from the fast path carry only a hash: those are probed by hash (no parsing in the
    // page); the background answers the hashes it knows and each link is checked against the answer.
    // A batch holds the hashes it asks and every link waiting on them (flat: little allocation per
    // link, and each answer touches only its own links).
    interface ProbeBatch {
      hashes: number[];
      links: Element[];
      linkHashes: number[];
    }
    let open: ProbeBatch | null = null;
    const send = (b: ProbeBatch) => {
      if (open === b) open = null;
      if (signal.aborted) return;
      const parts: number[][] = [];
      for (let i = 0; i < b.hashes.length; i += MAX_PROBE_HASHES) parts.push(b.hashes.slice(i, i + MAX_PROBE_HASHES));
      void Promise.all(parts.map((hashes) => ask({ type: 'probe', hashes })))
        .then(
          guard((answers: unknown[]) => {
            if (ctx.isInvalid || signal.aborted) return;
            const known: Record<string, BadgeInfo[]> = {};
            for (const res of answers) if (isProbeResponse(res)) Object.assign(known, res.known);
            for (const h of b.hashes) {
              probed.set(h, known[h] ?? null);
              batchOf.delete(h);
            }
            for (let i = 0; i < b.links.length; i++) {
              const infos = probed.get(b.linkHashes[i]!);
              if (infos) matchProbed(infos, b.links[i]!);
            }
          }),
        )
        .catch((e) => log('probe', e));
    };
    const matchProbed = (infos: BadgeInfo[], a: Element) => {
      const s = subjectFromHref(a.getAttribute('href') ?? '', site.host);
      const info = s && infos.find((i) => i.subject === s);
      if (!s || !info) return;
      known.set(s, info);
      add(s, a);
    };
    const onUnfiltered = (h: number, a: Element, subject?: Subject) => {
      if (subject) {
        // Parsed already (absolute URLs, notices): ask about the subject itself.
        if (known.get(subject) !== null) add(subject, a);
        return;
      }
      const done = probed.get(h);
      if (done !== undefined) {
        if (done) matchProbed(done, a);
        return;
      }
      let batch = batchOf.get(h);
      if (!batch) {
        if (!open) {
          const fresh: ProbeBatch = { hashes: [], links: [], linkHashes: [] };
          open = fresh;
          queueMicrotask(() => send(fresh));
        }
        batch = open;
        batch.hashes.push(h);
        batchOf.set(h, batch);
      }
      batch.links.push(a);
      batch.linkHashes.push(h);
    };
    startLinkScanner(document, {
      host: site.host,
      signal,
      onLinks,
      onMutations: () => void sync(),
      mayBeKnown,
      ...(view?.detect ? { mayBeDetected: (href: string) => LLAMA_CUE.test(href) } : {}),
      skip: (s) => s === current?.subject,
      skipHash: (h) => h === currentHash,
      ...(probing ? { onUnfiltered } : {}),
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
    known.clear();
    waiting.clear();
    batchOf.clear();
    probed.clear();
    probing = false;
    filter = undefined;
    visited = false;
    current = null;
    lastReport = '';
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
  ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  for (const ev of site.navigationEvents) ctx.addEventListener(document, ev as keyof DocumentEventMap, onNavigate);
}
