/**
 * Real Chromium with the built extension loaded (headless), pages served from fixtures at real
 * github.com / news.ycombinator.com URLs. Every request the browser makes is recorded.
 */
import { recordSettled, until } from './shared/driver';
import { readBadges, readPanels } from './shared/probes';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(__dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.BACKSTORY_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (null without an extension or for one without a background). */
  worker: Worker | null;
  /** Serve `html` at `url` (exact URL, query included). */
  serve(url: string, html: string): void;
  /** Every request seen, with what made it. */
  requests: { url: string; kind: 'document' | 'other'; fromWorker: boolean; frameUrl: string }[];
  /** Messages the pages wrote to the console (errors and warnings), and page errors. */
  pageErrors: string[];
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Unpacked extension to load; null for a browser with no extension (benchmark baseline). */
  extensionDir?: string | null;
  /** More Chromium switches. */
  args?: string[];
  /** Requests the test expects (notice updates' GitHub API and raw files, served by the test): not leaks. */
  expected?: (url: string) => boolean;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = opts.extensionDir === undefined ? EXTENSION_DIR : opts.extensionDir;
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No build at ${extensionDir}: run \`npm run build\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set BACKSTORY_CHROMIUM).`);
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const userDataDir = mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(opts.args ?? []),
    ],
  });
  const worker =
    extensionDir && hasWorker(extensionDir)
      ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 10_000 })))
      : null;
  const extensionId = worker ? new URL(worker.url()).host : '';

  const pages = new Map<string, string>();
  const requests: Harness['requests'] = [];
  const pageErrors: string[] = [];
  const record = (r: Request) => {
    let frameUrl: string;
    try {
      frameUrl = r.frame().url();
    } catch {
      frameUrl = '(no frame)';
    }
    requests.push({ url: r.url(), kind: r.isNavigationRequest() ? 'document' : 'other', fromWorker: !!r.serviceWorker(), frameUrl });
  };
  context.on('request', record);
  // Nothing leaves the machine: fixtures for known URLs, a refusal for everything else.
  await context.route(/^(https?|wss?|ftp):/, (route) => {
    const url = route.request().url();
    const html = pages.get(url);
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith('https://github.com/') || url.startsWith('https://news.ycombinator.com/')) {
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<!DOCTYPE html><title>Not found</title><p>404</p>' });
    }
    return route.abort('blockedbyclient');
  });
  context.on('page', (p) => {
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
  });

  return {
    context,
    extensionId,
    worker,
    requests,
    pageErrors,
    serve(url, html) {
      pages.set(url, html);
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      // Privacy, checked for every e2e file: besides the documents the tests navigate to, the
      // subresources a fixture page names in its own HTML (HN's s.gif), and the extension reading its
      // own packaged files, no request was made by anything.
      const own = extensionId ? `chrome-extension://${extensionId}/` : null;
      const pagesOwn = (r: (typeof requests)[number]) => {
        const html = pages.get(r.frameUrl);
        const file = r.url.split(/[?#]/)[0]!.split('/').pop();
        return !r.fromWorker && !!html && !!file && [`"${file}"`, `'${file}'`, `"/${file}"`].some((q) => html.includes(q));
      };
      const leaks = requests.filter(
        (r) => (r.kind !== 'document' || r.fromWorker) && !(own && r.url.startsWith(own)) && !pagesOwn(r) && !opts.expected?.(r.url),
      );
      if (extensionDir && leaks.length) throw new Error(`Network requests made during the test: ${JSON.stringify(leaks.slice(0, 10))}`);
    },
  };
}

function hasWorker(dir: string): boolean {
  try {
    return !!JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).background;
  } catch {
    return false;
  }
}

/** The panel host and what the contract says it carries (tests/e2e/shared/probes.ts, shared with Firefox). */
export async function panels(page: Page) {
  return page.evaluate(readPanels);
}

export async function waitForPanel(page: Page, subject: string, timeout = 5000) {
  await page.waitForFunction(
    (s) => document.querySelector(`backstory-panel[data-subject="${s}"]`)?.shadowRoot?.querySelector('.bs-root'),
    subject,
    {
      timeout,
    },
  );
}

/** Open the panel's details, as a user does: click its status line. Returns the panel as `panels` sees it. */
export async function openDetails(page: Page) {
  const status = page.locator('backstory-panel button.status');
  if ((await status.getAttribute('aria-expanded')) !== 'true') await status.click();
  await page.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
  return (await panels(page))[0]!;
}

/** The panel's height on the page (its host's box), in CSS pixels. */
export async function panelHeight(page: Page): Promise<number> {
  return page.evaluate(() => Math.round(document.querySelector('backstory-panel')!.getBoundingClientRect().height));
}

export async function badges(page: Page) {
  return page.evaluate(readBadges);
}

/** Settings back to nothing stored: the sync item and the lists (storage.local); panel states stay. */
export async function resetSettings(h: Harness): Promise<void> {
  const worker = h.context.serviceWorkers()[0] ?? h.worker!;
  await worker.evaluate(async () => {
    type Area = { clear(): Promise<void>; remove(k: string): Promise<void> };
    const c = (globalThis as unknown as { chrome: { storage: { sync: Area; local: Area } } }).chrome;
    await c.storage.sync.clear();
    await c.storage.local.remove('lists');
  });
}

/**
 * Wait until the page's session is idle for its current URL — its answer shown (or none), its links
 * scanned and answered — as the background's record of the tab says (utils/background/documents.ts:
 * the page's own report, which only our content script can send; nothing is added to the page). Then
 * a check that something is absent ("no panel", "no badge") proves something.
 */
export async function settle(page: Page, timeout = 10_000): Promise<void> {
  const worker = page.context().serviceWorkers()[0];
  if (!worker) throw new Error('settle: no extension service worker');
  const url = page.url();
  await until(() => worker.evaluate(recordSettled, url), `the page session at ${url} is idle`, timeout).catch(async (e: Error) => {
    // Say what the background's records do say.
    const seen = await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }).chrome;
      return JSON.stringify(await c.storage.session.get(null)).slice(0, 2000);
    });
    throw new Error(`${e.message}; the records: ${seen}`);
  });
}

/**
 * Headless Chromium cannot show the permission prompt (nor can a test answer it): this plays the user's
 * "Allow" for the next prompt. The options page's `chrome.permissions.request` records what was asked (and
 * so when: only within the click) and says yes; the worker's `permissions.contains` / `remove` answer from
 * that grant (it learns of it before the click: the options page read "not granted" when it opened, so the
 * click still asks). Returns what the options page asked for so far. Firefox grants hosts for real.
 */
export async function allowAtPrompt(options: Page, worker: Worker): Promise<() => Promise<unknown[]>> {
  await options.evaluate(() => {
    const c = (globalThis as unknown as { chrome: { permissions: { request: unknown } } }).chrome;
    const w = window as unknown as { asked: unknown[] };
    w.asked = [];
    c.permissions.request = (p: unknown) => (w.asked.push(p), Promise.resolve(true));
  });
  await worker.evaluate(() => {
    type P = { contains: unknown; remove: unknown };
    const c = (globalThis as unknown as { chrome: { permissions: P } }).chrome;
    const g = globalThis as unknown as { granted: boolean };
    g.granted = true;
    c.permissions.contains = () => Promise.resolve(g.granted);
    c.permissions.remove = () => ((g.granted = false), Promise.resolve(true));
  });
  return () => options.evaluate(() => (window as unknown as { asked: unknown[] }).asked);
}
