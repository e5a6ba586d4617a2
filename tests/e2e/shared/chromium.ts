/** The shared suite's Driver over the Chromium harness (tests/e2e/harness.ts). */
import type { Page } from 'playwright-core';
import { launch, type Harness } from '../harness';
import { recordSettled, until, type Driver, type Tab } from './driver';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the extension's own `chrome`, evaluated in its worker
type W = { chrome: any };

function tab(page: Page): Tab {
  return {
    url: () => page.url(),
    resize: (width, height) => page.setViewportSize({ width, height }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 5000) => {
      await page.waitForFunction(fn as never, arg, { timeout });
    },
    click: (host, inner) => page.locator(host).locator(inner).first().click(),
    close: () => page.close(),
  };
}

const GITHUB_DATA = /^https:\/\/(api\.github\.com|raw\.githubusercontent\.com)\//;

export async function chromiumDriver(): Promise<Driver> {
  /** GitHub data requests this test answered (notice updates): not leaks. */
  const gitHub: { url: string; headers: Record<string, string> }[] = [];
  const h: Harness = await launch({ expected: (url) => gitHub.some((r) => r.url === url) });
  const worker = () => h.context.serviceWorkers()[0] ?? h.worker!;
  const errors: string[] = [];
  // Console errors, except the fixture pages' own images answered 404 (HN's s.gif): not ours.
  h.context.on('page', (p) =>
    p.on(
      'console',
      (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`${p.url()}: ${m.text()}`),
    ),
  );
  return {
    browser: 'chromium',
    serve: (url, html) => h.serve(url, html),
    open: async (url) => tab(await h.open(url)),
    extensionPage: async (path) => tab(await h.open(`chrome-extension://${h.extensionId}/${path}`)),
    tabId: (url) =>
      worker().evaluate(async (u) => (await (globalThis as unknown as W).chrome.tabs.query({ url: u }))[0]?.id as number, url),
    settled: (url) => until(() => worker().evaluate(recordSettled, url), `the page session at ${url} is idle`),
    toolbarBadge: (id) =>
      worker().evaluate((t) => (globalThis as unknown as W).chrome.action.getBadgeText({ tabId: t }) as Promise<string>, id),
    resetStorage: () =>
      worker().evaluate(async () => {
        const c = (globalThis as unknown as W).chrome;
        await c.storage.sync.clear();
        await c.storage.local.clear();
      }),
    async reloadExtension() {
      const old = worker();
      const gone = new Promise<void>((r) => old.once('close', () => r()));
      await old.evaluate(() => (globalThis as unknown as W).chrome.runtime.reload()).catch(() => {});
      await gone;
      // Headless Chromium does not bring a reloaded unpacked (--load-extension) extension back: its pages are
      // refused from then on (measured with Chromium 156 for 15 s, main's build too). That state is waited for.
      const page = await h.context.newPage();
      const serves = () =>
        page.goto(`chrome-extension://${h.extensionId}/manifest.json`).then(
          () => true,
          () => false,
        );
      await until(async () => !(await serves()), 'the old extension is unloaded');
      await page.close();
      return 'unloaded';
    },
    serveGitHubData(answer) {
      void h.context.route(GITHUB_DATA, async (route) => {
        const url = route.request().url();
        gitHub.push({ url, headers: await route.request().allHeaders() });
        const a = answer(url);
        await route.fulfill({ status: a.status, headers: a.headers, body: a.body });
      });
    },
    gitHubRequests: () => gitHub.map((r) => ({ ...r })),
    async allowPermissionPrompt(t) {
      // Headless Chromium shows no prompt: the user's "Allow", played by stubs (tests/e2e/notice-updates.test.ts).
      await t.evaluate(() => {
        (globalThis as unknown as W).chrome.permissions.request = () => Promise.resolve(true);
      });
      await worker().evaluate(() => {
        const g = globalThis as unknown as W & { granted: boolean };
        g.granted = true;
        g.chrome.permissions.contains = () => Promise.resolve(g.granted);
        g.chrome.permissions.remove = () => ((g.granted = false), Promise.resolve(true));
      });
    },
    updateHostsGranted: () =>
      worker().evaluate(
        () =>
          (globalThis as unknown as W).chrome.permissions.contains({
            origins: ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'],
          }) as Promise<boolean>,
      ),
    errors: () => [...h.pageErrors, ...errors],
    close: () => h.close(),
  };
}
