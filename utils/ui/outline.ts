/**
 * The thread outline on a dataset thread's HN page: finds the dataset's comments among the page's
 * rows, tags each row with its topic (`data-backstory-topic`, ../shared/CONTRACT.md) and a chip by its
 * byline, and lets the panel highlight a topic, step through its comments (buttons, keys n / p) and
 * fold the tangents. Everything it adds is removed again with the panel.
 */
import { h } from 'preact';
import { OutlineBar, TopicAction, type OutlineControls } from '@/components/outline/Outline';
import type { PanelProps } from '@/components/panel/Panel';
import outlineCss from '@/components/outline/outline.css?inline';
import { matchComments, normalizeText, tangentFoldRows, type OutlineComment } from '../core/hn-match';
import type { Lifetime } from '../content/lifetime';
import { uiHost } from '../content/ui-host';
import type { PanelEnhancement } from './mount';
import type { PanelData, TopicCard } from '../core/model';
import { forEachSliced } from '../content/slices';

export const TOPIC_ATTR = 'data-backstory-topic';
const SELECTED_ATTR = 'data-backstory-selected';
const CURRENT_ATTR = 'data-backstory-current';
const FOLDED_ATTR = 'data-backstory-folded';
/**
 * Chips are hosted on a plain `span` (which may carry a shadow root): a page can define a custom element
 * named like any of ours, and its constructor would run when our element is inserted (an upgrade), but no
 * page can define `span`.
 */
const CHIP_TAG = 'span';
export const CHIP_ATTR = 'data-backstory-chip';
const STYLE_ID = 'backstory-hn-style';

const PAGE_CSS = `
tr[${SELECTED_ATTR}] > td > table td.default { background: rgba(130, 80, 223, 0.08); }
tr[${CURRENT_ATTR}] > td > table td.default { outline: 2px solid #8250df; outline-offset: 2px; border-radius: 3px; }
tr[${FOLDED_ATTR}] { display: none !important; }
`;

const CHIP_CSS =
  ':host{all:initial;display:inline-block;margin-left:6px;vertical-align:baseline}' +
  'button{all:unset;cursor:pointer;font:10px/14px Verdana,Geneva,sans-serif;padding:0 6px;border-radius:7px;background:#efe7fb;color:#5a32a3;border:1px solid #d8c8f5}' +
  'button.tangent{background:#eee;color:#666;border-color:#ddd}button:focus-visible{outline:2px solid #8250df}';

interface Row {
  el: Element;
  id: string;
  indent: number;
  text: string;
}

/** The comment rows of an HN item page, in page order, for current and older markup (HN_DOM.md §3, §5). */
export function readRows(doc: Document): Element[] {
  const bodies = doc.querySelectorAll('.commtext, span.comment');
  const rows: Element[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const inner = bodies[i]!.closest('tr');
    const row = inner?.parentElement?.closest('tr') ?? inner;
    if (row && rows[rows.length - 1] !== row) rows.push(row);
  }
  return rows;
}

function rowInfo(el: Element): Row {
  let id = el.getAttribute('id') ?? '';
  if (!/^\d+$/.test(id)) {
    const age = el.querySelector('a[href^="item?id="]')?.getAttribute('href');
    id = /item\?id=(\d+)/.exec(age ?? '')?.[1] ?? '';
  }
  const ind = el.querySelector('td.ind');
  let indent = Number(ind?.getAttribute('indent'));
  if (!Number.isFinite(indent) || ind?.getAttribute('indent') === null) {
    const w = Number(el.querySelector('img[src$="s.gif"]')?.getAttribute('width'));
    indent = Number.isFinite(w) ? Math.round(w / 40) : 0;
  }
  const body = el.querySelector('.commtext, span.comment');
  return { el, id, indent, text: normalizeText(body?.textContent ?? '') };
}

/** The outline of one thread page: its rows, their topics, and what the reader selected. */
class ThreadOutline implements PanelEnhancement {
  readonly css = outlineCss;
  readonly #controller = new AbortController();
  readonly #comments: OutlineComment[];
  readonly #labels: Map<string, TopicCard>;
  readonly #redraw: () => void;
  readonly #rows: Row[] = [];
  readonly #topicRows = new Map<string, number[]>();
  readonly #rowTopic: (string | undefined)[] = [];
  readonly #rowOfComment = new Map<number, number>();
  readonly #chips: Element[] = [];
  readonly #style = document.createElement('style');
  #matched = 0;
  #selected: string | null = null;
  #position = 0;
  #folded = false;
  #foldRows: number[] = [];

  constructor(data: PanelData, redraw: () => void) {
    const thread = data.threads[0];
    this.#comments = thread?.outline ?? [];
    this.#labels = new Map((thread?.topics ?? []).map((t) => [t.id, t]));
    this.#redraw = redraw;
    this.#style.id = STYLE_ID;
    this.#style.textContent = PAGE_CSS;
    (document.head ?? document.documentElement).append(this.#style);
    document.addEventListener('keydown', (e) => this.#onKey(e), { signal: this.#controller.signal });
    // Read the rows in slices (a 3,000-comment thread must not become one long task), then match and tag.
    forEachSliced(
      readRows(document),
      (el) => this.#rows.push(rowInfo(el)),
      () => this.#match(),
      this.#controller.signal,
    );
  }

  #match() {
    const result = matchComments(
      this.#comments,
      this.#rows.map((r) => ({ id: r.id, text: r.text })),
    );
    this.#matched = result.byComment.size;
    const byN = new Map(this.#comments.map((c) => [c.n, c]));
    for (const [n, i] of result.byComment) {
      this.#rowOfComment.set(n, i);
      const topics = byN.get(n)!.topics;
      this.#rowTopic[i] = topics[0];
      for (const t of topics) this.#topicRows.set(t, [...(this.#topicRows.get(t) ?? []), i]);
    }
    for (const list of this.#topicRows.values()) list.sort((a, b) => a - b);
    const tangent = (i: number) => !!this.#rowTopic[i] && !!this.#labels.get(this.#rowTopic[i]!)?.tangent;
    this.#foldRows = tangentFoldRows(this.#rows.map((r, i) => ({ indent: r.indent, tangent: tangent(i) })));
    if (result.unmatched.length) {
      console.info(
        `[Backstory] ${result.unmatched.length} of ${this.#comments.length} dataset comments are not on this page (other page of the thread, edited or deleted).`,
      );
    }
    forEachSliced(
      [...this.#rowOfComment.values()],
      (i) => this.#tag(i),
      () => this.#arrived(),
      this.#controller.signal,
    );
  }

  /** Tag a matched row with its topic (CONTRACT.md) and put a chip by its byline. */
  #tag(i: number) {
    const row = this.#rows[i]!;
    const topic = this.#rowTopic[i]!;
    row.el.setAttribute(TOPIC_ATTR, topic);
    const byline = row.el.querySelector('span.comhead') ?? row.el.querySelector('.comhead, span.comment')?.parentElement;
    if (!byline) return;
    const c = this.#chip(topic);
    byline.append(c);
    this.#chips.push(c);
  }

  #chip(topic: string): Element {
    const host = uiHost(CHIP_TAG);
    host.setAttribute(CHIP_ATTR, topic);
    const root = host.attachShadow({ mode: 'open' });
    const st = document.createElement('style');
    st.textContent = CHIP_CSS;
    const b = document.createElement('button');
    const t = this.#labels.get(topic);
    b.textContent = t?.label.replace(/^Tangent: /, '') ?? topic;
    b.className = t?.tangent ? 'tangent' : '';
    b.title = 'Backstory: highlight every comment on this topic';
    b.addEventListener('click', (e) => {
      e.preventDefault();
      this.select(topic);
    });
    root.append(st, b);
    return host;
  }

  #setCurrent(rowIndex: number | undefined, scroll: boolean) {
    for (const el of document.querySelectorAll(`[${CURRENT_ATTR}]`)) el.removeAttribute(CURRENT_ATTR);
    const row = rowIndex === undefined ? undefined : this.#rows[rowIndex];
    if (!row) return;
    row.el.setAttribute(CURRENT_ATTR, '');
    if (scroll) row.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  select = (topic: string | null) => {
    for (const el of document.querySelectorAll(`[${SELECTED_ATTR}]`)) el.removeAttribute(SELECTED_ATTR);
    const rows = topic ? this.#topicRows.get(topic) : undefined;
    this.#selected = rows?.length ? topic : null;
    this.#position = rows?.length ? 1 : 0;
    for (const i of rows ?? []) this.#rows[i]!.el.setAttribute(SELECTED_ATTR, '');
    this.#setCurrent(rows?.[0], !!rows?.length);
    this.#redraw();
  };

  step = (delta: 1 | -1) => {
    const list = this.#selected ? this.#topicRows.get(this.#selected) : undefined;
    if (!list?.length) return;
    this.#position = ((this.#position - 1 + delta + list.length) % list.length) + 1;
    this.#setCurrent(list[this.#position - 1], true);
    this.#redraw();
  };

  fold = () => {
    this.#folded = !this.#folded;
    for (const i of this.#foldRows) this.#rows[i]!.el.toggleAttribute(FOLDED_ATTR, this.#folded);
    this.#redraw();
  };

  #onKey(e: KeyboardEvent) {
    if (!this.#selected || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === 'n') this.step(1);
    else if (e.key === 'p') this.step(-1);
    else if (e.key === 'Escape') this.select(null);
  }

  /** The row a Backstory comment link points at: `#<comment id>` or `#bs-<n>` (with a text fragment). */
  #rowForHash(hash: string): number | undefined {
    const bs = /^bs-(\d+)/.exec(hash);
    if (bs) return this.#rowOfComment.get(Number(bs[1]));
    const i = /^\d+$/.test(hash) ? this.#rows.findIndex((r) => r.id === hash) : -1;
    return i >= 0 ? i : undefined;
  }

  /** Arriving from a Backstory link: highlight the comment it names. */
  #arrived() {
    const hash = location.hash.slice(1);
    const idx = hash ? this.#rowForHash(hash) : undefined;
    if (idx !== undefined) this.#setCurrent(idx, hash.startsWith('bs-'));
    this.#redraw();
  }

  /** A citation in the panel that points into this very thread: show it in place instead of a new tab. */
  cite = (url: string): boolean => {
    const u = new URL(url);
    if (u.pathname !== location.pathname || u.searchParams.get('id') !== new URLSearchParams(location.search).get('id')) return false;
    const idx = this.#rowForHash(u.hash.slice(1));
    if (idx === undefined) return false;
    this.#setCurrent(idx, true);
    return true;
  };

  props(): Partial<PanelProps> {
    const o: OutlineControls = {
      selected: this.#selected,
      position: this.#position,
      counts: Object.fromEntries([...this.#topicRows].map(([t, l]) => [t, l.length])),
      matched: this.#matched,
      total: this.#comments.length,
      folded: this.#folded,
      foldable: this.#foldRows.length,
      onSelect: this.select,
      onStep: this.step,
      onFold: this.fold,
    };
    const labels = Object.fromEntries([...this.#labels.values()].map((t) => [t.id, t.label]));
    return {
      outlineBar: h(OutlineBar, { o, labels }),
      topicAction: (t) => h(TopicAction, { t, o }),
      selectedTopic: this.#selected,
      onCite: this.cite,
    };
  }

  remove() {
    this.#controller.abort();
    for (const el of document.querySelectorAll(`[${SELECTED_ATTR}], [${CURRENT_ATTR}], [${FOLDED_ATTR}]`)) {
      el.removeAttribute(SELECTED_ATTR);
      el.removeAttribute(CURRENT_ATTR);
      el.removeAttribute(FOLDED_ATTR);
    }
    for (const r of this.#rows) r.el.removeAttribute(TOPIC_ATTR);
    for (const c of this.#chips) c.remove();
    this.#style.remove();
  }
}

/** The outline for a panel whose thread carries one (the thread's own page). */
export function createOutline(_life: Lifetime, data: PanelData, redraw: () => void): PanelEnhancement {
  return new ThreadOutline(data, redraw);
}
