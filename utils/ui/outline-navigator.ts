/**
 * The thread outline's navigator, fixed in the page's corner: the topic followed, i of n, previous /
 * next, the keys under "?", and a minimap of the thread's topics (positions read once, after tagging).
 */
import type { h as H, render as Render } from 'preact';
import { NAVIGATOR_CSS, type MapTick, type NavigatorProps, type outlineViews } from '@/components/outline/views';
import type { TopicCard } from '../core/model';
import { uiHost } from '../content/ui-host';
import { CHIP_TAG } from './outline-chips';

const NAV_ATTR = 'data-backstory-nav';

export class OutlineNavigator {
  readonly #host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #h: typeof H;
  readonly #render: typeof Render;
  readonly #views: ReturnType<typeof outlineViews>;
  #ticks: MapTick[] = [];
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

  /** The minimap: each tagged row's place down the page and its topic's colour. */
  measure(rows: readonly { el: Element }[], tagged: number[], rowTopic: readonly (string | undefined)[], labels: Map<string, TopicCard>) {
    const height = Math.max(1, document.documentElement.scrollHeight);
    const main = [...labels.values()].filter((t) => !t.tangent).map((t) => t.id);
    this.#ticks = [...tagged]
      .sort((a, b) => a - b)
      .map((i) => {
        const topic = rowTopic[i]!;
        const k = main.indexOf(topic);
        return {
          row: i,
          at: Math.min(0.995, (rows[i]!.el.getBoundingClientRect().top + window.scrollY) / height),
          topic,
          label: labels.get(topic)?.label ?? topic,
          hue: k < 0 ? null : Math.round((k * 360) / Math.max(1, main.length)),
        };
      });
  }

  draw(p: Omit<NavigatorProps, 'ticks' | 'keysOpen'>): void {
    try {
      this.#render(this.#h(this.#views.Navigator, { ...p, ticks: this.#ticks, keysOpen: this.#keysOpen }), this.#root.lastElementChild!);
    } catch (e) {
      console.debug('[Backstory] navigator', e);
    }
  }

  remove(): void {
    this.#render(null, this.#root.lastElementChild!);
    this.#host.remove();
  }
}
