/**
 * One visit: the page's subject at one moment (a soft navigation starts a new visit). It asks the
 * background, then shows the panel when there is one (or keeps it for when the user asks), until it ends.
 * Everything it starts is cancelled by one AbortSignal (`end()`); every await checks it.
 */
import type { PageView, PanelData, PanelState, RepoPageInfo, Subject } from '../core/model';
import type { PageSubject } from '../core/subjects';
import type { Send } from '../core/send';
import type { ReplyTo } from '../schema/messages';
import { LLAMA_CUE } from '../core/llama-detect';
import type { MountedPanel } from '../ui/mount';
import { domReady, whenPlaceable } from './dom';
import { pageAnswer } from './early-answer';
import type { Lifetime } from './lifetime';
import type { Site } from './site';
import { currentOutline, currentUi, whenUi, type UiApi } from './ui-loader';

/** The thread outline, when /outline.js runs here, bound to the panel's Preact. */
function outlineWith(ui: UiApi) {
  const outline = currentOutline();
  return outline && ((life: Lifetime, data: PanelData, redraw: () => void) => outline(life, data, redraw, ui));
}

export interface VisitHost {
  send: Send;
  site: Site;
  life: Lifetime;
  /** The first visit of this document (its question may have been answered before it was asked). */
  first: boolean;
  /** The answer carried the view (settings for this page). */
  onView(view: PageView, silent: boolean): void;
  /** The panel appeared or went. */
  onPanel(): void;
  log(...a: unknown[]): void;
}

const sameSubject = (a: PageSubject | null, b: PageSubject | null) =>
  a?.subject === b?.subject &&
  a?.networkRoot === b?.networkRoot &&
  a?.fallbackHref === b?.fallbackHref &&
  a?.takedownHref === b?.takedownHref;

export class Visit {
  /** What the panel shows, once known. */
  data: PanelData | null = null;
  #panelState: PanelState = 'open';
  #view: PageView | null = null;
  #panel: MountedPanel | null = null;
  /** The state last asked for (a show that waited for the UI's code yields to a later hide). */
  #wanted: PanelState | null = null;
  /** The panel is about a link of the page (an HN story's repo), not the page itself. */
  #elsewhere = false;
  #controller = new AbortController();

  readonly subject: PageSubject | null;
  #host: VisitHost;

  constructor(subject: PageSubject | null, host: VisitHost, parent: AbortSignal) {
    this.subject = subject;
    this.#host = host;
    if (parent.aborted) this.end();
    else parent.addEventListener('abort', () => this.end(), { once: true, signal: this.#controller.signal });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  is(ps: PageSubject | null): boolean {
    return sameSubject(this.subject, ps);
  }

  /** Ask, and show the panel when there is one. Never throws. */
  async run(skipAsk: boolean): Promise<void> {
    try {
      if (skipAsk) return;
      const reply = await this.#ask();
      if (this.#ended() || !reply) return;
      this.#host.onView(reply.view, reply.silent);
      this.#view = reply.view;
      if (!reply.data) return await this.#detect(reply);
      await whenPlaceable(() => !!this.#host.site.placeableEarly?.());
      if (this.#ended()) return;
      // A panel about the story's link (not the page itself) starts compact: one line, expandable.
      const elsewhere = !!this.subject?.fallbackHref && reply.data.subject !== this.subject.subject;
      this.#elsewhere = elsewhere;
      await this.#ready(reply.data, elsewhere && reply.state === 'open' ? 'collapsed' : reply.state);
    } catch (e) {
      this.#host.log('visit', e);
    }
  }

  /** The page's question: its subject with the context its markup gives (PageSubject's fields are the message's). */
  #request() {
    return { type: 'page' as const, ...this.subject, ...(currentUi() ? { hasUi: true } : {}) };
  }

  #ask(): Promise<ReplyTo<'page'> | null> {
    const ps = this.subject;
    const req = this.#request();
    // Only the document's first question, about the URL alone, may have been pushed (utils/background/early-push.ts).
    const early = this.#host.first && !!ps && !ps.networkRoot && !ps.takedownHref && !ps.fallbackHref;
    return pageAnswer(() => this.#host.send(req), { early, declaredUi: !!req.hasUi, pushes: !import.meta.env.FIREFOX });
  }

  /**
   * Settings changed: the answer to this visit's question now, when it shows the same panel the same way
   * (same facts, same panel mode and theme); null when the visit must start over.
   */
  async recheck(): Promise<ReplyTo<'page'> | null> {
    const data = this.data;
    const view = this.#view;
    if (!data || !view || this.#ended()) return null;
    const reply = await this.#host.send(this.#request()).catch(() => null);
    // The background says whether the panel is the one it answered this document last (documents.ts).
    if (this.#ended() || !reply?.same || reply.view.panel !== view.panel || reply.view.theme !== view.theme) return null;
    this.#view = reply.view;
    return reply;
  }

  /** Not in the dataset: a repo page with a cue word may still be LLaMA-related (the detector decides). */
  async #detect(reply: ReplyTo<'page'>) {
    const ps = this.subject;
    if (reply.silent || !reply.view.detect || !ps?.subject.startsWith('repo:') || !this.#host.site.repoInfo) return;
    await domReady();
    const info: RepoPageInfo | null = this.#ended() ? null : this.#host.site.repoInfo();
    if (!info || !LLAMA_CUE.test(`${ps.subject} ${info.description} ${info.topics.join(' ')} ${info.readmeTitle}`)) return;
    const det = await this.#host.send({ type: 'detect', subject: ps.subject, info });
    if (this.#ended() || !det?.data) return;
    await this.#ready(det.data, det.state);
  }

  #ready(data: PanelData, state: PanelState): Promise<void> {
    this.data = data;
    this.#panelState = state;
    return this.#view?.panel !== 'ask' ? this.show(state) : Promise.resolve();
  }

  #ended() {
    return this.#controller.signal.aborted || !this.#host.life.alive();
  }

  /**
   * Show the panel, once its code is here. When the code is already here the panel mounts at
   * once, in the task that brought its answer (before the first link-scan slice: measured, on a page of
   * 20,000 links each await let that slice go first and delayed the panel by tens of ms).
   */
  async show(state: PanelState = this.#panelState): Promise<void> {
    const data = this.data;
    if (!data || this.#ended()) return;
    if (state === 'dismissed') {
      // Remembered as dismissed: nothing is rendered into the page until the user asks (popup, shortcut).
      this.#panelState = state;
      this.hide();
      return this.#host.onPanel(); // reported as there, dismissed (shownSubject)
    }
    this.#wanted = state;
    // The background injects the panel's code with every panel it answers or is asked to show (services.ts).
    const ui = currentUi() ?? (await whenUi(5000));
    if (!ui || this.#ended() || this.#wanted !== state) return;
    this.#panel?.remove();
    this.#panelState = state;
    const view = this.#view;
    const site = this.#host.site;
    this.#panel = ui.mountPanel(this.#host.life, data, {
      // Inline where the site has an anchor (a floating panel covered the page; the `placement` setting is gone).
      place: (host) => site.placePanel(host),
      theme: () => (view?.theme === 'light' || view?.theme === 'dark' ? view.theme : site.theme()),
      state,
      onState: (next) => {
        this.#panelState = next;
        this.#remember(data.subject, next);
        // Dismissed: nothing of it stays in the page (a page could read "hidden for …" in the open shadow root).
        if (next === 'dismissed') this.hide();
      },
      enhance: site.outline ? outlineWith(ui) : undefined,
      showSubject: this.#elsewhere,
    });
    this.#host.life.watch();
    this.#host.onPanel();
  }

  hide(): void {
    this.#wanted = null;
    if (!this.#panel) return;
    this.#panel.remove();
    this.#panel = null;
    this.#host.onPanel();
  }

  /** The user asked to see it (the popup): open, and no longer remembered as dismissed or collapsed. */
  async open(): Promise<void> {
    await this.show('open');
    const subject = this.data?.subject;
    if (subject && this.#panel) this.#remember(subject, 'open');
  }

  /** The background keeps the user's collapse/dismiss choice per subject. */
  #remember(subject: string, state: PanelState) {
    void this.#host.send({ type: 'panelState', subject, state }).catch((e) => this.#host.log('state', e));
  }

  /** The keyboard command: hide a shown panel, else show it (a dismissed one opens). */
  toggle(): void {
    if (this.#panel) this.hide();
    else void this.show(this.#panelState === 'dismissed' ? 'open' : this.#panelState);
  }

  /** The page re-rendered: put the panel back if it was taken out. */
  keepAttached(): void {
    if (this.#panel && !this.#panel.isAttached()) this.#panel.reattach();
  }

  /**
   * The subject the panel shows, while it shows — or would, had the user not dismissed it: a dismissed
   * panel leaves nothing in the page, and the toolbar still counts it and the popup offers it back.
   */
  shownSubject(): Subject | null {
    const dismissed = this.#panelState === 'dismissed' && !this.#controller.signal.aborted;
    return this.#panel || dismissed ? (this.data?.subject ?? null) : null;
  }

  end(): void {
    if (this.#controller.signal.aborted) return;
    this.hide();
    this.#controller.abort();
  }
}
