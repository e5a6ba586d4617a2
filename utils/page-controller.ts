/**
 * What a content script does on a page: find the page's subject, ask the background about it and
 * about linked subjects, show one panel and the link badges, follow soft navigations, and clean
 * everything up when the extension goes away. Site specifics come in through `Site`.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { placeBadge, removeAllBadges } from './badges';
import { startLinkScanner, type PageHost } from './link-scanner';
import { mountPanel, type MountedPanel, type PanelEnhancement } from './panel-mount';
import { isLookupResponse, isPageResponse, type BadgeInfo, type PanelData, type Request } from './protocol';
import { inSortedHashes, type PageSubject, type Subject } from './subjects';

export interface Site {
  host: PageHost;
  /** The page's own subject, from its URL and identity tags. */
  pageSubject(): PageSubject | null;
  /** Put the panel host inline in the page; false → it floats at the side instead. */
  placePanel(host: HTMLElement): boolean;
  /** Extra behaviour for a panel (the HN thread outline); its props are merged into the panel's. */
  enhancePanel?(ctx: ContentScriptContext, data: PanelData, redraw: () => void): PanelEnhancement | null;
  /** 'dark' or 'light', following the site's own theme. */
  theme(): 'dark' | 'light';
  /** Events (on document) after which the page may show another subject. */
  navigationEvents: string[];
}

const log = (...a: unknown[]) => console.debug('[Backstory]', ...a);

async function ask(req: Request): Promise<unknown> {
  return browser.runtime.sendMessage(req);
}

/** Content scripts start at document_start (to ask the background while the page still parses). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
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

  let current: PageSubject | null = null;
  let visited = false;
  let panel: MountedPanel | null = null;
  let generation = 0;
  const known = new Map<Subject, BadgeInfo | null>();
  const waiting = new Map<Subject, Element[]>();

  const sameSubject = (a: PageSubject | null, b: PageSubject | null) =>
    a?.subject === b?.subject && a?.networkRoot === b?.networkRoot && a?.fallback === b?.fallback;

  /** Hashes of every subject the background knows (null: too many to send, ask about everything). */
  let filter: number[] | null | undefined;
  const mayBeKnown = (h: number) => !filter || inSortedHashes(filter, h);

  async function visit(ps: PageSubject | null, gen: number) {
    if (!ps && filter !== undefined) return;
    const res = await ask({
      type: 'page',
      ...(ps ? { subject: ps.subject } : {}),
      ...(ps?.networkRoot ? { networkRoot: ps.networkRoot } : {}),
      ...(ps?.fallback ? { fallback: ps.fallback } : {}),
    });
    if (ctx.isInvalid || !isPageResponse(res)) return;
    if (filter === undefined) filter = Array.isArray(res.filter) ? res.filter : null;
    if (gen !== generation || !res.data) return;
    await domReady();
    if (gen !== generation || ctx.isInvalid) return;
    panel?.remove();
    const subject = res.data.subject;
    panel = mountPanel(ctx, res.data, {
      place: site.placePanel,
      theme: site.theme,
      state: res.state,
      onState: (state) => void ask({ type: 'panelState', subject, state }).catch((e) => log('state', e)),
      enhance: site.enhancePanel,
    });
    watchForInvalidation();
  }

  // Chrome does not tell an orphaned content script that its extension was reloaded or removed;
  // reading ctx.isInvalid notices it (and runs the cleanup below). Checked on every navigation and
  // mutation flush, and every few seconds while something of ours is in the page.
  let watching = false;
  const watchForInvalidation = () => {
    if (watching) return;
    watching = true;
    ctx.setInterval(() => void ctx.isInvalid, 3000);
  };

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
    panel?.remove();
    panel = null;
    return visit(ps, gen).catch((e) => log('page', e));
  });

  function badge(subject: Subject, links: Element[]) {
    const info = known.get(subject);
    // No badge on links that resolve to the page's own subject (e.g. comment links on a thread page).
    if (!info || info.subject === current?.subject) return;
    for (const a of links) if (a.isConnected && placeBadge(a, info)) watchForInvalidation();
  }

  async function resolve(subjects: Subject[]) {
    try {
      const res = await ask({ type: 'lookup', subjects });
      if (ctx.isInvalid || !isLookupResponse(res)) return;
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

  const onLinks = guard((found: Map<Subject, Element[]>) => {
    const ask: Subject[] = [];
    for (const [s, links] of found) {
      if (known.has(s)) badge(s, links);
      else if (waiting.has(s)) waiting.get(s)!.push(...links);
      else {
        waiting.set(s, links);
        ask.push(s);
      }
    }
    for (let i = 0; i < ask.length; i += 2000) void resolve(ask.slice(i, i + 2000));
  });

  const controller = new AbortController();
  ctx.onInvalidated(() => {
    controller.abort();
    panel?.remove();
    panel = null;
    removeAllBadges();
  });

  // The panel first (one round trip), then the links: the scan's time slices never delay the panel.
  const startScan = () =>
    startLinkScanner(document, {
      host: site.host,
      signal: controller.signal,
      onLinks,
      onMutations: () => void sync(),
      mayBeKnown,
      skip: (s) => s === current?.subject,
      report: (e) => log('scan', e),
    });
  // At document_start the URL already names the subject: ask now, while the page parses. Once the
  // DOM is there, look again (a fork's network root and an HN story's link live in the markup).
  const first = sync();
  void domReady().then(() => {
    sync();
    if (first) void first.finally(startScan);
    else startScan();
  });
  const onNavigate = () => void sync();
  ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  for (const ev of site.navigationEvents) ctx.addEventListener(document, ev as keyof DocumentEventMap, onNavigate);
}
