/**
 * What the thread outline puts among HN's comments, in HN's own type (8pt Verdana): a chip by each tagged
 * comment's byline, naming its topic (a click follows it), and, where tangents are folded, a '[n more]'
 * placeholder that brings its run back.
 */
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
  'button{all:unset;cursor:pointer;font:8pt/1.3 Verdana,Geneva,sans-serif;padding:0 6px;border-radius:7px;background:#efe7fb;color:#5a32a3;border:1px solid #d8c8f5}' +
  'button.tangent{background:#eee;color:#666;border-color:#ddd}button:focus-visible{outline:2px solid #8250df}';

/** A placeholder row where folded tangents were (value: how many rows it stands for). */
export const FOLD_ATTR = 'data-backstory-fold';
const PLACEHOLDER_CSS =
  ':host{all:initial;display:block;padding:4px 0}' +
  'button{all:unset;cursor:pointer;font:8pt Verdana,Geneva,sans-serif;color:#5c5c55}button:hover{text-decoration:underline}' +
  'button:focus-visible{outline:2px solid #8250df}';

/** The folded rows (ascending) as runs of consecutive rows. */
export function foldRuns(rows: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const i of rows) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  }
  return runs;
}

/**
 * Where a run of `count` folded rows was, as HN's own collapse does: a row saying "[n more]", indented as
 * the run's first comment, whose button calls `onRestore` (not yet in the page).
 */
export function foldPlaceholder(count: number, indent: number, onRestore: () => void): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.setAttribute(FOLD_ATTR, String(count));
  const td = tr.appendChild(document.createElement('td'));
  const host = td.appendChild(uiHost(CHIP_TAG));
  const root = host.attachShadow({ mode: 'open' });
  const st = document.createElement('style');
  st.textContent = `${PLACEHOLDER_CSS}:host{margin-left:${indent * 40 + 14}px}`;
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = `[${count} more]`;
  b.title = 'Backstory folded these tangent comments: show them';
  b.addEventListener('click', onRestore);
  root.append(st, b);
  return tr;
}

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
