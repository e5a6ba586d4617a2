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

export interface UiApi {
  mountPanel: typeof mountPanel;
  /** Preact, for /outline.js's views (one copy in the page). */
  h: typeof h;
  render: typeof render;
}

/** The Hacker News thread outline (/outline.js, declared only on the dataset's thread pages). */
export type OutlineApi = (life: Lifetime, data: PanelData, redraw: () => void, ui: UiApi) => PanelEnhancement | null;

/**
 * Symbol keys, never names: the page's `<div id="__backstoryUi">` is a named property of `window`, and
 * named access reaches the isolated world too (a page could hand us its element for our UI). A symbol
 * from the registry is the same for every script of the extension in this world, and no element has one.
 */
const UI = Symbol.for('backstory.ui');
const WAITERS = Symbol.for('backstory.uiWaiters');
const OUTLINE = Symbol.for('backstory.outline');

interface UiGlobal {
  [UI]?: UiApi;
  [WAITERS]?: ((ui: UiApi) => void)[];
  [OUTLINE]?: OutlineApi;
}
const g = globalThis as UiGlobal;

/** Called by /outline.js when it runs. */
export function installOutline(outline: OutlineApi): void {
  g[OUTLINE] ??= outline;
}

/** The thread outline when /outline.js runs in this page. */
export function currentOutline(): OutlineApi | undefined {
  return g[OUTLINE];
}

/** Called by /ui.js when it runs (again: a second injection changes nothing). */
export function installUi(api: UiApi): void {
  if (g[UI]) return;
  g[UI] = api;
  for (const resolve of g[WAITERS]?.splice(0) ?? []) resolve(api);
}

/** /ui.js already runs in this page. */
export function hasUi(): boolean {
  return !!g[UI];
}

/** The UI when it already runs here (no wait: the panel mounts in the same task as its answer). */
export function currentUi(): UiApi | null {
  return g[UI] ?? null;
}

/** The UI once /ui.js has run in this page; `timeoutMs` later, null. */
export function whenUi(timeoutMs: number): Promise<UiApi | null> {
  const ui = g[UI];
  if (ui) return Promise.resolve(ui);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    (g[WAITERS] ??= []).push((ui) => {
      clearTimeout(timer);
      resolve(ui);
    });
  });
}
