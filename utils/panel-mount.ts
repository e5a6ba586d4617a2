/**
 * Mounts the Preact panel in an open shadow root on a `backstory-panel` host (../shared/CONTRACT.md),
 * inline near the top of the page's main content, or as a fixed side panel when there is no anchor.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel, type PanelState } from '@/components/Panel';
import panelCss from '@/components/panel.css?inline';
import type { PanelData } from './protocol';

export const PANEL_TAG = 'backstory-panel';
const STATE_KEY = 'panelState';

export interface MountedPanel {
  remove(): void;
  isAttached(): boolean;
  reattach(): void;
}

interface MountOptions {
  anchor(): Element | null;
  theme(): 'dark' | 'light';
}

/** Remembered collapse/dismiss per subject; anything unexpected in storage reads as "open". */
export function readPanelState(stored: unknown, subject: string): PanelState {
  if (!stored || typeof stored !== 'object') return 'open';
  const v = (stored as Record<string, unknown>)[subject];
  return v === 'collapsed' || v === 'dismissed' ? v : 'open';
}

async function loadState(subject: string): Promise<PanelState> {
  try {
    const got = await browser.storage.local.get(STATE_KEY);
    return readPanelState(got[STATE_KEY], subject);
  } catch {
    return 'open';
  }
}

async function saveState(subject: string, state: PanelState): Promise<void> {
  const got = await browser.storage.local.get(STATE_KEY);
  const cur = got[STATE_KEY] && typeof got[STATE_KEY] === 'object' ? { ...(got[STATE_KEY] as Record<string, unknown>) } : {};
  if (state === 'open') delete cur[subject];
  else cur[subject] = state;
  await browser.storage.local.set({ [STATE_KEY]: cur });
}

export async function mountPanel(ctx: ContentScriptContext, data: PanelData, opts: MountOptions): Promise<MountedPanel> {
  let state = await loadState(data.subject);
  let removed = false;
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');

  // Our own small shadow-root host (WXT's createShadowRootUi brings ~7 kB of auto-mount helpers
  // that a content script on every GitHub page does not need).
  const host = document.createElement(PANEL_TAG);
  host.setAttribute('data-subject', data.subject);
  host.setAttribute('data-relations', data.relations.join(' '));
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
          onState: (next: PanelState) => {
            state = next;
            draw();
            saveState(data.subject, next).catch(() => {});
          },
        }),
        container,
      );
    } catch (e) {
      console.debug('[Backstory] render', e);
    }
  };

  const attach = () => {
    const anchor = opts.anchor();
    if (anchor) {
      host.removeAttribute('data-placement');
      anchor.prepend(host);
    } else {
      host.setAttribute('data-placement', 'floating');
      document.body.append(host);
    }
    draw();
  };
  attach();
  const themeObserver = new MutationObserver(draw);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-color-mode', 'data-dark-theme', 'data-light-theme'] });
  media?.addEventListener('change', draw);
  const stop = ctx.onInvalidated(() => remove());

  function remove() {
    if (removed) return;
    removed = true;
    stop();
    themeObserver.disconnect();
    media?.removeEventListener('change', draw);
    render(null, container);
    host.remove();
  }

  return {
    remove,
    isAttached: () => !removed && host.isConnected,
    reattach() {
      if (!removed) attach();
    },
  };
}
