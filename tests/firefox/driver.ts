/**
 * The shared suite's Driver in Firefox: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, the unpacked `.output/firefox-mv2` installed as a temporary add-on (../shared/RECIPE.md).
 *
 * - Fixture pages: request interception on every tab serves HTML at real URLs; other github.com / HN
 *   URLs get a 404, anything else is aborted.
 * - Extension pages: BiDi refuses to wait for a `moz-extension://` load, so they are opened with a raw
 *   `browsingContext.navigate` (wait: none) and polled until ready.
 * - Every HTTP(S) request the browser makes on behalf of a page or the add-on is recorded in the chrome
 *   scope (an `http-on-modify-request` observer; Firefox's own service traffic, triggered by the system
 *   principal, is not ours and is left out); `close()` throws on any the test did not serve.
 * - Errors: pages' uncaught errors and console errors (BiDi log), plus the browser console service's
 *   errors and warnings from our add-on's files (background page, manifest, content scripts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingHttpHeaders } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Socket } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { recordSettled, sleep, until, type Driver, type Tab } from '../e2e/shared/driver';

export const FIREFOX = process.env.BACKSTORY_FIREFOX ?? '/usr/bin/firefox-esr';
/** The build under test: the MV2 build we ship, or another (BACKSTORY_FIREFOX_DIR, e.g. a --mv3 build to compare). */
export const FIREFOX_DIR = process.env.BACKSTORY_FIREFOX_DIR ?? resolve(__dirname, '../../.output/firefox-mv2');
const GECKO_ID = 'backstory@backstory.invalid';
/** A fixed moz-extension:// origin for the add-on (Firefox makes a random one per profile otherwise). */
const UUID = '6d1c5f3e-8b7a-4c2d-9e10-b0a5c0ffee01';
export const ORIGIN = `moz-extension://${UUID}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- puppeteer's BiDi connection is internal API
type Bidi = { send(method: string, params: object): Promise<any> };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the add-on's own `browser`, in its pages
type B = { browser: any };

function tab(page: Page, onClose?: () => void): Tab {
  return {
    url: () => page.url(),
    resize: (width, height) => page.setViewport({ width, height }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 8000) => {
      await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg);
    },
    click: async (host, inner) => {
      await page.locator(`${host} >>> ${inner}`).click();
    },
    close: async () => {
      onClose?.();
      await page.close().catch(() => {});
    },
  };
}

type Answer = (url: string) => { status: number; headers: Record<string, string>; body: string };

/**
 * The proxy Firefox reaches the internet through in tests: GitHub's two update hosts are answered by the
 * test (over TLS, with a certificate made for this run), everything else is refused.
 */
async function gitHubProxy() {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-proxy-'));
  const made = spawnSync(
    process.env.BACKSTORY_OPENSSL ?? 'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2'].concat([
      '-subj',
      '/CN=api.github.com',
      '-addext',
      'subjectAltName=DNS:api.github.com,DNS:raw.githubusercontent.com',
    ]),
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the test proxy's certificate: ${made.stderr || made.error}`);
  let answer: Answer | null = null;
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const tls = createHttps({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    seen.push({ url, headers: req.headers });
    const a = answer?.(url) ?? { status: 404, headers: {}, body: '' };
    res.writeHead(a.status, a.headers);
    res.end(a.body);
  });
  const proxy = createHttp((_req, res) => res.writeHead(403).end());
  proxy.on('connect', (req, socket: Socket) => {
    if (!answer || !/^(api\.github\.com|raw\.githubusercontent\.com):443$/.test(req.url ?? '')) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as { port: number }).port;
  return {
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
    },
    serve: (a: Answer) => void (answer = a),
    seen,
    close() {
      proxy.closeAllConnections();
      proxy.close();
      tls.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function firefoxDriver(): Promise<Driver> {
  if (!existsSync(`${FIREFOX_DIR}/manifest.json`))
    throw new Error(`No Firefox build at ${FIREFOX_DIR}: run \`npm run build:firefox\` first.`);
  if (!existsSync(FIREFOX))
    throw new Error(`Firefox not found at ${FIREFOX} (npm run setup installs firefox-esr; or set BACKSTORY_FIREFOX).`);
  const gitHub = await gitHubProxy();
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    // The test proxy's certificate (GitHub's update hosts only; everything else is refused or intercepted).
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      ...gitHub.prefs,
      // Optional permissions granted at the user's click without a prompt (headless cannot answer one).
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      // The browser's own background traffic (not ours, and filtered out anyway): kept quiet.
      'browser.safebrowsing.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'browser.region.network.url': '',
    },
  });
  const bidi = (browser as unknown as { connection: Bidi }).connection;
  const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext: string = tree.result.contexts[0].context;
  const chrome = async <T>(expression: string): Promise<T> => {
    const r = await bidi.send('script.evaluate', { expression, target: { context: chromeContext }, awaitPromise: true });
    if (r.result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(r.result)}`);
    return JSON.parse(r.result.result.value as string) as T;
  };
  // Record every HTTP(S) request not triggered by the browser itself.
  await chrome(`(() => {
    globalThis.__backstoryRequests = [];
    Services.obs.addObserver({ observe(subject) {
      try {
        const ch = subject.QueryInterface(Ci.nsIHttpChannel);
        const p = ch.loadInfo && ch.loadInfo.triggeringPrincipal;
        if (!p || p.isSystemPrincipal) return;
        globalThis.__backstoryRequests.push({ url: ch.URI.spec, by: p.origin || p.spec || '?' });
      } catch (e) {}
    } }, 'http-on-modify-request');
    return '1';
  })()`);
  await browser.installExtension(FIREFOX_DIR);

  const pages = new Map<string, string>();
  const served = new Set<string>();
  const errors: string[] = [];
  const watch = async (page: Page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${(e as Error).message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Actor 'Conduits' destroyed/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
    });
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const url = r.url();
      const html = pages.get(url);
      if (html !== undefined) {
        served.add(url);
        return void r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (url.startsWith('https://github.com/') || url.startsWith('https://news.ycombinator.com/')) {
        served.add(url);
        return void r.respond({ status: 404, contentType: 'text/html', body: '<!DOCTYPE html><title>Not found</title><p>404</p>' });
      }
      if (/^(https?|wss?):/.test(url)) return void r.abort();
      return void r.continue();
    });
  };

  async function newTab(): Promise<Page> {
    const page = await browser.newPage();
    await watch(page);
    return page;
  }

  /** The add-on's APIs, from one of its pages (kept open). */
  let apiPage: Tab | null = null;
  async function api(): Promise<Tab> {
    apiPage ??= await openExtensionPage('options.html');
    return apiPage;
  }

  async function openExtensionPage(path: string): Promise<Tab> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`${ORIGIN}/${path}: ${(e as Error).message}`));
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    await bidi.send('browsingContext.navigate', { context, url: `${ORIGIN}/${path}`, wait: 'none' });
    for (let i = 0; i < 200; i++) {
      const ready = await page
        .evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete' && !!document.body?.firstElementChild)
        .catch(() => false);
      if (ready) return tab(page, () => apiPage?.url() === page.url() && (apiPage = null));
      await sleep(50);
    }
    throw new Error(`${path} did not load`);
  }

  async function consoleProblems(): Promise<string[]> {
    return chrome<string[]>(`JSON.stringify(Services.console.getMessageArray()
      .filter((m) => {
        const text = m.message || '';
        const file = m.sourceName || '';
        const ours = file.startsWith(${JSON.stringify(ORIGIN)}) || text.includes(${JSON.stringify(GECKO_ID)}) || text.includes(${JSON.stringify(UUID)}) || /Reading manifest|Backstory/.test(text);
        const bad = m instanceof Ci.nsIScriptError ? (m.flags & Ci.nsIScriptError.warningFlag) === 0 || /manifest/i.test(text) : /Reading manifest|Error/.test(text);
        return ours && bad && !/Actor 'Conduits' destroyed|closed conduit/.test(text);
      })
      .map((m) => (m.sourceName ? m.sourceName + ': ' : '') + (m.errorMessage || m.message)))`);
  }

  return {
    browser: 'firefox',
    serve: (url, html) => void pages.set(url, html),
    async open(url) {
      const page = await newTab();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return tab(page);
    },
    extensionPage: openExtensionPage,
    async tabId(url) {
      return (await api()).evaluate(
        async (u) => ((await (globalThis as unknown as B).browser.tabs.query({ url: u }))[0]?.id ?? -1) as number,
        url,
      );
    },
    async settled(url) {
      const p = await api();
      await until(() => p.evaluate(recordSettled, url), `the page session at ${url} is idle`);
    },
    async toolbarBadge(id) {
      return (await api()).evaluate((t) => {
        const b = (globalThis as unknown as B).browser;
        return (b.action ?? b.browserAction).getBadgeText({ tabId: t }) as Promise<string>;
      }, id);
    },
    async resetStorage() {
      await (
        await api()
      ).evaluate(async () => {
        const b = (globalThis as unknown as B).browser;
        await b.storage.sync.clear();
        await b.storage.local.clear();
      });
    },
    async reloadExtension() {
      const p = await api();
      apiPage = null;
      await p.evaluate(() => void setTimeout(() => (globalThis as unknown as B).browser.runtime.reload(), 0)).catch(() => {});
      // The old add-on is gone when Firefox has closed its pages (measured: within ~0.2 s); then the new one's
      // background says it runs (its own mark, set as it starts: utils/background/main.ts), read from a page of
      // the new add-on.
      await until(
        () =>
          p
            .evaluate(() => false)
            .then(
              () => false,
              () => true,
            ),
        'the old add-on’s page is closed',
      );
      await until(
        async () =>
          (await api())
            .evaluate(async () => {
              const bg = await (globalThis as unknown as B).browser.runtime.getBackgroundPage();
              return !!bg && '__backstoryStats' in bg;
            })
            .catch(() => false),
        'the reloaded background runs',
      );
      return 'running';
    },
    serveGitHubData: (answer) => gitHub.serve(answer),
    gitHubRequests: () =>
      gitHub.seen.map(({ url, headers }) => ({
        url,
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      })),
    // Granted for real: the profile's prompt is off (`extensions.webextOptionalPermissionPrompts`).
    allowPermissionPrompt: async () => {},
    async updateHostsGranted() {
      return (await api()).evaluate(
        () =>
          (globalThis as unknown as B).browser.permissions.contains({
            origins: ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'],
          }) as Promise<boolean>,
      );
    },
    errors: () => [...errors],
    async close() {
      let leaks: { url: string; by: string }[];
      let problems: string[];
      try {
        const all = await chrome<{ url: string; by: string }[]>('JSON.stringify(globalThis.__backstoryRequests)');
        leaks = all.filter((r) => !served.has(r.url) && !gitHub.seen.some((g) => g.url === r.url));
        problems = await consoleProblems();
      } finally {
        await browser.close();
        gitHub.close();
      }
      if (leaks.length) throw new Error(`Network requests made during the test: ${JSON.stringify(leaks.slice(0, 10))}`);
      if (problems.length) throw new Error(`Errors from the add-on in the browser console: ${JSON.stringify(problems.slice(0, 10))}`);
    },
  };
}
