/**
 * The panel's code (Preact, the panel) and the HN outline are not in the content scripts that run on
 * every GitHub and HN page: the manifest declares it for the pages the bundled dataset gives a panel, and
 * the background injects it (`/ui.js`, entrypoints/ui.ts) into any other page whenever it answers a panel
 * to show, or is asked to show one (the popup, the keyboard command). The page never asks for it: it
 * waits for it. Both run in the extension's isolated world of the page, where this global is how the
 * content script finds it. Types and small functions only (no Preact, no panel code).
 */
import type { PanelData } from '../core/model';
import type { h, render } from 'preact';
import type { mountPanel, PanelEnhancement } from '../ui/mount';
import type { Lifetime } from './lifetime';
import { slot } from './slot';

export interface UiApi {
  mountPanel: typeof mountPanel;
  /** Preact, for /outline.js's views (one copy in the page). */
  h: typeof h;
  render: typeof render;
}

/** The Hacker News thread outline (/outline.js, declared only on the dataset's thread pages). */
export type OutlineApi = (life: Lifetime, data: PanelData, redraw: () => void, ui: UiApi) => PanelEnhancement | null;

// Registry symbols, never names (see slot.ts): `backstory.ui` (with its waiters), `backstory.outline` (none wait for it).
// Pure: a bundle that uses only the outline's part (/outline.js) leaves it out.
const ui = /* @__PURE__ */ slot<UiApi>('ui');
const OUTLINE = Symbol.for('backstory.outline');
const g = globalThis as { [OUTLINE]?: OutlineApi };

/** Called by /outline.js when it runs. */
export function installOutline(outline: OutlineApi): void {
  g[OUTLINE] ??= outline;
}

/** The thread outline when /outline.js runs in this page. */
export const currentOutline = (): OutlineApi | undefined => g[OUTLINE];

/** Called by /ui.js when it runs (again: a second injection changes nothing). */
export function installUi(api: UiApi): void {
  if (!ui.get()) ui.set(api);
}

/** The UI when it already runs here (no wait: the panel mounts in the same task as its answer). */
export const currentUi = (): UiApi | null => ui.get() ?? null;

/** The UI once /ui.js has run in this page; `timeoutMs` later, null. */
export function whenUi(timeoutMs: number): Promise<UiApi | null> {
  const now = ui.get();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    ui.next((api) => {
      clearTimeout(timer);
      resolve(api);
    });
  });
}
