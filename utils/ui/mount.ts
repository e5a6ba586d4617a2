/**
 * Mounts the Preact panel in an open shadow root on a `backstory-panel` host (../shared/CONTRACT.md),
 * inline near the top of the page's main content, or as a fixed side panel when there is no anchor.
 */
import { h, render } from 'preact';
import { Panel, type PanelProps } from '@/components/panel/Panel';
import panelCss from '@/components/panel/panel.css?inline';
import type { PanelData, PanelState } from '../core/model';
import type { Lifetime } from '../content/lifetime';
import { uiHost } from '../content/ui-host';

export const PANEL_TAG = 'backstory-panel';

export interface MountedPanel {
  remove(): void;
  redraw(): void;
  isAttached(): boolean;
  reattach(): void;
}

/** Extra panel behaviour supplied by a site (the HN outline): props for the panel, and its cleanup. */
export interface PanelEnhancement {
  props(): Partial<PanelProps>;
  /** Extra CSS for the panel's shadow root. */
  css?: string;
  remove(): void;
}

interface MountOptions {
  /** Inserts the host inline and returns true, or returns false to float it at the side. */
  place(host: HTMLElement): boolean;
  theme(): 'dark' | 'light';
  /** The remembered collapse/dismiss state. */
  state: PanelState;
  /** The user changed it (the caller tells the background). */
  onState(next: PanelState): void;
  enhance?: ((life: Lifetime, data: PanelData, redraw: () => void) => PanelEnhancement | null) | undefined;
  /** The panel is about a link of the page, not the page itself: its status line names the subject. */
  showSubject?: boolean;
}

export function mountPanel(life: Lifetime, data: PanelData, opts: MountOptions): MountedPanel {
  let state = opts.state;
  let removed = false;
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');

  // Our own small shadow-root host (WXT's createShadowRootUi brings ~7 kB of auto-mount helpers
  // that a content script on every GitHub page does not need).
  const host = uiHost(PANEL_TAG);
  host.setAttribute('data-subject', data.subject);
  host.setAttribute('data-relations', data.relations.join(' '));
  // ../shared/CONTRACT.md: what the record says became of a repo.
  if (data.kind === 'repo') host.setAttribute('data-outcome', data.outcome.state);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = panelCss;
  const container = document.createElement('div');
  shadow.append(style, container);

  const draw = () => {
    try {
      render(
        h(Panel, {
          data,
          state,
          theme: opts.theme(),
          floating: host.getAttribute('data-placement') === 'floating',
          showSubject: !!opts.showSubject,
          onState: (next: PanelState) => {
            state = next;
            draw();
            opts.onState(next);
          },
          ...enhancement?.props(),
        }),
        container,
      );
    } catch (e) {
      console.debug('[Backstory] render', e);
    }
  };

  const attach = () => {
    // A page restored from Turbo's cache (back/forward) holds a copy of an old host, without its
    // shadow root: drop copies, so there is only ever one panel.
    for (const el of document.querySelectorAll(PANEL_TAG)) if (el !== host) el.remove();
    host.removeAttribute('data-placement');
    if (!opts.place(host)) {
      host.setAttribute('data-placement', 'floating');
      document.body.append(host);
    }
    draw();
  };
  let enhancement: PanelEnhancement | null = null;
  attach();
  enhancement = opts.enhance?.(life, data, draw) ?? null;
  if (enhancement?.css) {
    const extra = document.createElement('style');
    extra.textContent = enhancement.css;
    shadow.append(extra);
  }
  if (enhancement) draw();
  const themeObserver = new MutationObserver(draw);
  themeObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-color-mode', 'data-dark-theme', 'data-light-theme'],
  });
  media?.addEventListener('change', draw);
  const forget = life.onEnd(() => remove());

  function remove() {
    if (removed) return;
    removed = true;
    forget();
    themeObserver.disconnect();
    enhancement?.remove();
    media?.removeEventListener('change', draw);
    render(null, container);
    host.remove();
  }

  return {
    remove,
    redraw: draw,
    isAttached: () => !removed && host.isConnected,
    reattach() {
      if (!removed) attach();
    },
  };
}
