/**
 * What the shared e2e suite needs from a browser, implemented twice: Chromium (playwright-core,
 * tests/e2e/shared/chromium.ts) and Firefox (puppeteer-core over WebDriver BiDi, tests/firefox/driver.ts).
 * Everything a test does on a page goes through `evaluate` / `waitFor`, so one assertion serves both.
 */
export interface Tab {
  url(): string;
  /** Set the window's inner size in CSS pixels (the page lays out again). */
  resize(width: number, height: number): Promise<void>;
  /** Run `fn(arg)` in the page's main world. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Wait until `fn(arg)` is truthy in the page (throws after `timeout` ms). */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeout?: number): Promise<void>;
  /** Click `inner` inside `host` — in its shadow root or under it — as the user does (real input: the event is trusted). */
  click(host: string, inner: string): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  browser: 'chromium' | 'firefox';
  /** Serve `html` at `url` (exact URL, query included); other github.com / HN URLs get a 404, the rest is refused. */
  serve(url: string, html: string): void;
  open(url: string): Promise<Tab>;
  /** An extension page (`popup.html?tabId=…`, `options.html`), opened as a tab. */
  extensionPage(path: string): Promise<Tab>;
  /** The id of the (one) tab showing `url`, as the extension sees it. */
  tabId(url: string): Promise<number>;
  /** The toolbar button's badge text for a tab. */
  toolbarBadge(tabId: number): Promise<string>;
  /**
   * Resolves once the page session at `url` says it is idle — its answer shown, its links answered — as
   * the background's record of the tab says (the page's own report): what a negative check waits on.
   */
  settled(url: string): Promise<void>;
  /** Clear stored settings (sync item and local lists; panel states too). */
  resetStorage(): Promise<void>;
  /**
   * Reload the extension (as an update does). Resolves, on a state the browser or the extension shows and
   * not after a delay, with `running` once the reloaded extension's background answers (Firefox), or with
   * `unloaded` once the old one is gone and the browser no longer serves the extension (headless Chromium
   * does not bring a reloaded unpacked extension back).
   */
  reloadExtension(): Promise<'running' | 'unloaded'>;
  /**
   * From now on, answer the extension's requests to GitHub's API and raw files (api.github.com,
   * raw.githubusercontent.com: notice updates) with `answer` (tests/fixtures/dmca-updates.ts), at their
   * real URLs. Chromium: `context.route`; Firefox: a local proxy the browser reaches them through.
   */
  serveGitHubData(answer: (url: string) => { status: number; headers: Record<string, string>; body: string }): void;
  /** The requests answered by `serveGitHubData`, in order, with the request headers as sent. */
  gitHubRequests(): { url: string; headers: Record<string, string> }[];
  /**
   * The user answers "Allow" to the next prompt for the optional hosts of notice updates, asked from
   * extension page `t`. Firefox: granted for real (its prompt is turned off for the test profile:
   * `extensions.webextOptionalPermissionPrompts`). Chromium: headless shows no prompt, so the page's
   * `permissions.request` is stubbed to say yes and the worker's `contains` / `remove` answer from that.
   */
  allowPermissionPrompt(t: Tab): Promise<void>;
  /** Whether the background may reach the hosts of notice updates, as it sees it. */
  updateHostsGranted(): Promise<boolean>;
  /** Uncaught errors and console errors of pages, content scripts, extension pages and the background. */
  errors(): string[];
  /** Close the browser; throws when anything made a network request the test did not serve. */
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Run in the background or an extension page: every tab at `url` has a document record for that URL
 * saying the page session is idle (utils/background/documents.ts, kept in session storage).
 */
export async function recordSettled(url: string): Promise<boolean> {
  type Api = {
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
    storage: Record<string, { get(k: string[]): Promise<Record<string, { shown?: { settled?: boolean; url?: string } } | undefined>> }>;
  };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  // A text fragment (`#…:~:text=…`) is not part of the page's own location.
  const same = (a: string | undefined) => !!a && a.split(':~:')[0]!.replace(/#$/, '') === url.split(':~:')[0]!.replace(/#$/, '');
  const keys = (await api.tabs.query({})).filter((t) => same(t.url) && t.id !== undefined).map((t) => `tab:${t.id}`);
  if (!keys.length) return false;
  const got = await (api.storage.session ?? api.storage.local)!.get(keys);
  return keys.every((k) => same(got[k]?.shown?.url) && got[k]?.shown?.settled === true);
}

/** Poll `check` (a condition, not a guess) until it holds; throws after `timeout` ms. */
export async function until(check: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await sleep(20);
  }
}
