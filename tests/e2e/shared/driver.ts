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
  /** Clear stored settings (sync item and local lists; panel states too). */
  resetStorage(): Promise<void>;
  /** Reload the extension (as an update does); resolves once it runs again. */
  reloadExtension(): Promise<void>;
  /** Uncaught errors and console errors of pages, content scripts, extension pages and the background. */
  errors(): string[];
  /** Close the browser; throws when anything made a network request the test did not serve. */
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
