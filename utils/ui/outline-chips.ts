/** The thread outline's chips: one by each tagged comment's byline, naming its topic (a click follows it). */
import type { TopicCard } from '../core/model';
import { uiHost } from '../content/ui-host';

/**
 * Chips are hosted on a plain `span` (which may carry a shadow root): a page can define a custom element
 * named like any of ours, and its constructor would run when our element is inserted (an upgrade), but no
 * page can define `span`.
 */
export const CHIP_TAG = 'span';
export const CHIP_ATTR = 'data-backstory-chip';
const CHIP_CSS =
  ':host{all:initial;display:inline-block;margin-left:6px;vertical-align:baseline}' +
  'button{all:unset;cursor:pointer;font:10px/14px Verdana,Geneva,sans-serif;padding:0 6px;border-radius:7px;background:#efe7fb;color:#5a32a3;border:1px solid #d8c8f5}' +
  'button.tangent{background:#eee;color:#666;border-color:#ddd}button:focus-visible{outline:2px solid #8250df}';

/** A chip for `topic` (its button relabelled as the followed topic changes), not yet in the page. */
export function topicChip(
  topic: string,
  card: TopicCard | undefined,
  onChoose: (topic: string) => void,
): { host: Element; button: HTMLButtonElement } {
  const host = uiHost(CHIP_TAG);
  host.setAttribute(CHIP_ATTR, topic);
  const root = host.attachShadow({ mode: 'open' });
  const st = document.createElement('style');
  st.textContent = CHIP_CSS;
  const b = document.createElement('button');
  labelChip(b, topic, card);
  b.title = 'Backstory: highlight every comment on this topic';
  b.addEventListener('click', (e) => {
    e.preventDefault();
    // Highlight from this comment, without moving the page.
    onChoose(b.dataset.topic ?? topic);
  });
  root.append(st, b);
  return { host, button: b };
}

/** Name `topic` on a chip's button. */
export function labelChip(b: HTMLButtonElement, topic: string, card: TopicCard | undefined): void {
  b.textContent = card?.label.replace(/^Tangent: /, '') ?? topic;
  b.className = card?.tangent ? 'tangent' : '';
  b.dataset.topic = topic;
}
