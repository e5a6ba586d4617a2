/**
 * What a content script does on a page, as one object: a run per settings generation (a settings change
 * restarts only what it concerns: the badges, or — when the panel would differ — the run), a visit per subject (a soft navigation starts a new one), the link badges, the
 * report to the toolbar, and cleanup when the extension goes away. Site specifics come in through `Site`.
 *
 * One cancellation mechanism: AbortSignals. The lifetime's signal (extension gone) is the parent of
 * each run's; each run's is the parent of its visits' and its scanner's.
 */
import { browser } from 'wxt/browser';
import type { PageView } from '../core/model';
import { createSend, type Send } from '../core/send';
import type { TabMessage } from '../schema/messages';
import { removeAllBadges } from './badges';
import { domReady } from './dom';
import { createLifetime, type Lifetime } from './lifetime';
import { startLinkBadger, type LinkBadger } from './link-badger';
import { createReporter, type Reporter } from './reporter';
import type { Site } from './site';
import { Visit } from './visit';

const log = (...a: unknown[]) => console.debug('[Backstory]', ...a);

function isTabMessage(m: unknown): m is TabMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'settingsChanged' || t === 'togglePanel' || t === 'showPanel';
}

export class PageSession {
  #run = new AbortController();
  #visit: Visit | null = null;
  #badger: LinkBadger | null = null;
  /** The badges' own signal (a child of the run's): badges restart without the panel. */
  #badgeRun: AbortController | null = null;
  /** The latest settings change (an older one still asking yields to it). */
  #settingsGen = 0;
  /** Idle for the current URL (reported: tests wait on it), and the latest work it waits for. */
  #settled = false;
  #settleGen = 0;
  /** The run's start: its questions answered and its badges started. */
  #started: Promise<void> = Promise.resolve();
  /** The view (settings for this page) and silence, from the run's first answer. */
  #view: PageView | null = null;
  #silent = false;
  #visits = 0;
  readonly #reporter: Reporter;

  #site: Site;
  #send: Send;
  #life: Lifetime;

  constructor(site: Site, send: Send, life: Lifetime) {
    this.#site = site;
    this.#send = send;
    this.#life = life;
    this.#reporter = createReporter(
      send,
      () => ({
        panel: this.#visit?.shownSubject() ?? null,
        badges: this.#badger?.counts() ?? {},
        settled: this.#settled,
        url: location.href,
      }),
      () => life.alive(),
      log,
    );
    life.onEnd(() => this.#stop());
  }

  /** One run: ask about the page (at document_start the URL already names the subject), then badge links. */
  start(): void {
    const signal = this.#run.signal;
    const first = this.sync();
    const started = domReady().then(async () => {
      if (signal.aborted) return;
      // Look again once the DOM is there: a fork's network root and an HN story's link live in the markup.
      const again = this.sync();
      await Promise.allSettled([first, again]);
      this.#startBadges(signal);
    });
    this.#started = started;
    this.#settleAfter(started);
  }

  /** Idle once `work` is done and the links found by then are answered. */
  #settleAfter(work: Promise<unknown> | undefined) {
    const gen = ++this.#settleGen;
    this.#settled = false;
    void Promise.resolve(work)
      .then(() => this.#badger?.idle())
      .then(() => {
        if (gen !== this.#settleGen || !this.#life.alive()) return;
        this.#settled = true;
        this.#changed();
      })
      .catch((e) => log('settle', e));
  }

  /** The page may show another subject now (navigation, mutation flush): start a visit if it does. */
  sync = (): Promise<void> | undefined => {
    try {
      if (!this.#life.alive() || this.#run.signal.aborted) return undefined;
      const ps = this.#site.pageSubject();
      if (this.#visit?.is(ps)) {
        this.#visit.keepAttached();
        return undefined;
      }
      this.#visit?.end();
      // A page with no subject needs no question once the run knows its view.
      const visit = new Visit(
        ps,
        {
          send: this.#send,
          site: this.#site,
          life: this.#life,
          first: this.#visits++ === 0,
          onView: this.#onView,
          onPanel: this.#changed,
          log,
        },
        this.#run.signal,
      );
      this.#visit = visit;
      this.#changed();
      const ran = visit.run(!ps && !!this.#view);
      this.#settleAfter(Promise.all([ran, this.#started]));
      return ran;
    } catch (e) {
      log('sync', e);
      return undefined;
    }
  };

  #onView = (view: PageView, silent: boolean) => {
    this.#view = view;
    this.#silent = silent;
  };

  #changed = () => this.#reporter.changed();

  #startBadges(runSignal: AbortSignal) {
    if (runSignal.aborted || this.#silent || this.#view?.badges === false) return;
    const badgeRun = new AbortController();
    runSignal.addEventListener('abort', () => badgeRun.abort(), { once: true, signal: badgeRun.signal });
    this.#badgeRun = badgeRun;
    const signal = badgeRun.signal;
    this.#badger = startLinkBadger({
      send: this.#send,
      host: this.#site.host,
      look: this.#site.badges,
      signal,
      current: () => this.#visit?.subject?.subject,
      onPlaced: () => {
        this.#life.watch();
        this.#changed();
      },
      onMutations: this.sync,
      log,
    });
  }

  /**
   * Settings changed. The visit asks again: when its panel would be the same, shown the same way, the
   * panel stays as it is (details open, scroll, outline) and only the badges start over (their answers
   * depend on the lists and detection); otherwise everything starts over.
   */
  async settingsChanged(): Promise<void> {
    const gen = ++this.#settingsGen;
    const visit = this.#visit;
    const reply = visit ? await visit.recheck() : null;
    if (gen !== this.#settingsGen || !this.#life.alive() || this.#run.signal.aborted) return;
    if (!reply || visit !== this.#visit) return this.restart();
    this.#onView(reply.view, reply.silent);
    this.#stopBadges();
    this.#changed();
    this.#startBadges(this.#run.signal);
    this.#settleAfter(undefined);
  }

  #stopBadges() {
    this.#badgeRun?.abort();
    this.#badgeRun = null;
    this.#badger?.clear();
    this.#badger = null;
  }

  /** Take everything down and start over with the new settings. */
  restart(): void {
    this.#stop();
    this.#run = new AbortController();
    this.#view = null;
    // What the tab shows is reported afresh.
    this.#reporter.reset();
    this.#changed();
    this.start();
  }

  /** The page came back from the back/forward cache: the tab's record was cleared, so say again what it shows. */
  restored(): void {
    this.#reporter.reset();
    this.#changed();
  }

  #stop() {
    this.#run.abort();
    this.#visit?.end();
    this.#visit = null;
    this.#stopBadges();
  }

  onMessage(message: TabMessage): void {
    if (message.type === 'settingsChanged') void this.settingsChanged();
    else if (message.type === 'showPanel') void this.#visit?.open();
    else this.#visit?.toggle();
  }
}

/** Start Backstory on this page (called from a content script's main). */
export function startPage(site: Site): void {
  const life = createLifetime(() => browser.runtime);
  const session = new PageSession(
    site,
    createSend((m) => browser.runtime.sendMessage(m)),
    life,
  );
  const onMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id || !isTabMessage(message)) return;
    try {
      session.onMessage(message);
    } catch (e) {
      log('message', e);
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  life.onEnd(() => {
    browser.runtime.onMessage?.removeListener(onMessage);
    // Also copies of our badges from page snapshots (Turbo's cache).
    removeAllBadges();
  });
  session.start();
  // Soft navigations: the site's own events, history traversal, and (for anything else) the scanner's
  // mutation flushes, which look at the URL again. (WXT's location watcher cost ~0.5 ms per page.)
  const opts = { signal: life.signal };
  window.addEventListener('popstate', () => void session.sync(), opts);
  window.addEventListener('pageshow', (e) => e.persisted && session.restored(), opts);
  for (const ev of site.navigationEvents) document.addEventListener(ev, () => void session.sync(), opts);
}
