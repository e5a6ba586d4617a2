/**
 * The thread outline's navigator, fixed in the page's corner: the topic followed (or every tagged
 * comment, stepped with n / p), i of n, previous / next, and the keys under "?". No minimap: nothing of
 * ours runs down the page's edge (issue 24).
 */
import type { h as H, render as Render } from 'preact';
import { NAVIGATOR_CSS, type NavigatorProps, type outlineViews } from '@/components/outline/views';
import { uiHost } from '../content/ui-host';
import { CHIP_TAG } from './outline-chips';

const NAV_ATTR = 'data-backstory-nav';

export class OutlineNavigator {
  readonly #host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #h: typeof H;
  readonly #render: typeof Render;
  readonly #views: ReturnType<typeof outlineViews>;
  #keysOpen = false;

  constructor(preact: { h: typeof H; render: typeof Render }, views: ReturnType<typeof outlineViews>) {
    this.#h = preact.h;
    this.#render = preact.render;
    this.#views = views;
    this.#host = uiHost(CHIP_TAG);
    this.#host.setAttribute(NAV_ATTR, '');
    this.#root = this.#host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = NAVIGATOR_CSS;
    this.#root.append(style, document.createElement('div'));
    (document.body ?? document.documentElement).append(this.#host);
  }

  toggleKeys(): void {
    this.#keysOpen = !this.#keysOpen;
  }

  draw(p: Omit<NavigatorProps, 'keysOpen'>): void {
    try {
      this.#render(this.#h(this.#views.Navigator, { ...p, keysOpen: this.#keysOpen }), this.#root.lastElementChild!);
    } catch (e) {
      console.debug('[Backstory] navigator', e);
    }
  }

  remove(): void {
    this.#render(null, this.#root.lastElementChild!);
    this.#host.remove();
  }
}
