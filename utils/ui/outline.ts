/**
 * The thread outline on a dataset thread's HN page: finds the dataset's comments among the page's
 * rows, tags each row with its topic (`data-backstory-topic`, ../shared/CONTRACT.md) and a chip by its
 * byline, and lets the panel highlight a topic, step through its comments (buttons, keys n / p) and
 * fold the tangents. Everything it adds is removed again with the panel.
 */
import type { h as H, render as Render } from 'preact';
import { outlineViews, type OutlineControls } from '@/components/outline/views';
import type { PanelProps } from '@/components/panel/Panel';
import outlineCss from '@/components/outline/outline.css?inline';
import { matchComments, tangentFoldRows, type OutlineComment } from '../core/hn-match';
import { foldPlaceholder, foldRuns, labelChip, topicChip } from './outline-chips';
import { OutlineNavigator } from './outline-navigator';
import { readRows, rowInfo, type Row } from './outline-rows';
import type { Lifetime } from '../content/lifetime';
import type { PanelEnhancement } from './mount';
import type { PanelData, TopicCard } from '../core/model';
import { forEachSliced } from '../content/slices';

export const TOPIC_ATTR = 'data-backstory-topic';
const SELECTED_ATTR = 'data-backstory-selected';
const CURRENT_ATTR = 'data-backstory-current';
const FOLDED_ATTR = 'data-backstory-folded';
const STYLE_ID = 'backstory-hn-style';

const PAGE_CSS = `
tr[${SELECTED_ATTR}] > td > table td.default { background: rgba(130, 80, 223, 0.08); }
tr[${CURRENT_ATTR}] > td > table td.default { outline: 2px solid #8250df; outline-offset: 2px; border-radius: 3px; }
tr[${FOLDED_ATTR}] { display: none !important; }
`;

interface Tagged {
  row: Row;
  topic: string;
  byline: Element | null;
  chip: Element | null;
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
  /** The chip button of each tagged row (its label follows the topic chosen). */
  readonly #chipOfRow = new Map<number, HTMLButtonElement>();
  readonly #nav: OutlineNavigator;
  readonly #h: typeof H;
  readonly #views: ReturnType<typeof outlineViews>;
  #current: number | undefined;
  readonly #style = document.createElement('style');
  #matched = 0;
  #selected: string | null = null;
  #position = 0;
  #folded = false;
  #foldRows: number[] = [];
  readonly #placeholders: Element[] = [];

  constructor(data: PanelData, redraw: () => void, preact: Preact) {
    this.#h = preact.h;
    this.#views = outlineViews(preact.h);
    const thread = data.threads[0];
    this.#comments = thread?.outline ?? [];
    this.#labels = new Map((thread?.topics ?? []).map((t) => [t.id, t]));
    this.#redraw = () => {
      redraw();
      this.#drawNav();
    };
    this.#nav = new OutlineNavigator(preact, this.#views);
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
    // Chips are built in slices, off the page; then every tag and chip goes in at once, in one task, so
    // the browser restyles and lays out the (possibly huge) comment table once, not once per slice.
    const pending: Tagged[] = [];
    forEachSliced(
      [...this.#rowOfComment.values()],
      (i) => pending.push(this.#prepareTag(i)),
      () => {
        for (const t of pending) {
          t.row.el.setAttribute(TOPIC_ATTR, t.topic);
          if (!t.chip) continue;
          t.byline!.append(t.chip);
          this.#chips.push(t.chip);
        }
        this.#arrived();
      },
      this.#controller.signal,
    );
  }

  /** A matched row's tag (CONTRACT.md) and its chip by the byline, built but not yet in the page. */
  #prepareTag(i: number): Tagged {
    const row = this.#rows[i]!;
    const topic = this.#rowTopic[i]!;
    const byline = row.el.querySelector('span.comhead') ?? row.el.querySelector('.comhead, span.comment')?.parentElement ?? null;
    return { row, topic, byline, chip: byline ? this.#chip(topic, i) : null };
  }

  #chip(topic: string, rowIndex: number): Element {
    const b = topicChip(topic, this.#labels.get(topic), (chosen) => this.select(chosen, rowIndex));
    // One tab stop for all chips (roving): the current row's chip, else the first.
    b.button.tabIndex = this.#chipOfRow.size ? -1 : 0;
    this.#chipOfRow.set(rowIndex, b.button);
    return b.host;
  }

  #setCurrent(rowIndex: number | undefined, scroll: boolean) {
    if (rowIndex !== undefined) this.#useStyle();
    for (const el of document.querySelectorAll(`[${CURRENT_ATTR}]`)) el.removeAttribute(CURRENT_ATTR);
    const before = this.#current === undefined ? undefined : this.#chipOfRow.get(this.#current);
    this.#current = rowIndex;
    const row = rowIndex === undefined ? undefined : this.#rows[rowIndex];
    if (!row) return;
    row.el.setAttribute(CURRENT_ATTR, '');
    const chip = this.#chipOfRow.get(rowIndex!);
    if (chip) {
      if (before && before !== chip) before.tabIndex = -1;
      for (const b of this.#chipOfRow.values()) if (b !== chip) b.tabIndex = -1;
      chip.tabIndex = 0;
    }
    if (scroll) row.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  /** A row's chip names the topic being followed when the row has it, else the row's own first topic. */
  #labelChips(topic: string | null) {
    const rows = new Set(topic ? this.#topicRows.get(topic) : []);
    for (const [i, b] of this.#chipOfRow) {
      const t = topic && rows.has(i) ? topic : this.#rowTopic[i]!;
      labelChip(b, t, this.#labels.get(t));
    }
  }

  /**
   * The page stylesheet (highlight, current, folded) goes in only when first needed: a new sheet makes
   * the browser recompute style for the whole document — on a 3,000-comment thread, for nothing until
   * the reader picks a topic or folds.
   */
  #useStyle() {
    if (this.#style.isConnected || this.#controller.signal.aborted) return;
    this.#style.id = STYLE_ID;
    this.#style.textContent = PAGE_CSS;
    (document.head ?? document.documentElement).append(this.#style);
  }

  /** Follow a topic: from a chip's row without moving the page, else from its first comment (scrolled to). */
  select = (topic: string | null, fromRow?: number) => {
    if (topic) this.#useStyle();
    for (const el of document.querySelectorAll(`[${SELECTED_ATTR}]`)) el.removeAttribute(SELECTED_ATTR);
    const rows = topic ? this.#topicRows.get(topic) : undefined;
    this.#selected = rows?.length ? topic : null;
    const start = rows && fromRow !== undefined && rows.includes(fromRow) ? fromRow : rows?.[0];
    this.#position = rows?.length && start !== undefined ? rows.indexOf(start) + 1 : 0;
    for (const i of rows ?? []) this.#rows[i]!.el.setAttribute(SELECTED_ATTR, '');
    this.#labelChips(this.#selected);
    this.#setCurrent(start, !!rows?.length && fromRow === undefined);
    this.#redraw();
  };

  /** Every tagged row, in page order: what n / p step through before a topic is chosen. */
  #allRows(): number[] {
    return [...this.#rowOfComment.values()].sort((a, b) => a - b);
  }

  step = (delta: 1 | -1) => {
    const list = this.#selected ? this.#topicRows.get(this.#selected) : this.#allRows();
    if (!list?.length) return;
    // From nothing yet: n starts at the first, p at the last.
    if (!this.#position && delta === -1) this.#position = 1;
    this.#position = ((this.#position - 1 + delta + list.length) % list.length) + 1;
    this.#setCurrent(list[this.#position - 1], true);
    this.#redraw();
  };

  fold = () => {
    this.#useStyle();
    this.#folded = !this.#folded;
    for (const i of this.#foldRows) this.#rows[i]!.el.toggleAttribute(FOLDED_ATTR, this.#folded);
    for (const p of this.#placeholders.splice(0)) p.remove();
    if (this.#folded) for (const run of foldRuns(this.#foldRows)) this.#placeholders.push(this.#placeholder(run));
    this.#redraw();
  };

  /** Where a run of folded rows was, as HN's own collapse does: "[n more]", which brings that run back. */
  #placeholder(run: number[]): Element {
    const first = this.#rows[run[0]!]!;
    const tr = foldPlaceholder(run.length, first.indent, () => {
      for (const i of run) this.#rows[i]!.el.removeAttribute(FOLDED_ATTR);
      tr.remove();
      this.#placeholders.splice(this.#placeholders.indexOf(tr), 1);
      if (!this.#placeholders.length) this.#folded = false;
      this.#redraw();
    });
    first.el.before(tr);
    return tr;
  }

  #onKey(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === '?') return this.#toggleKeys();
    if (e.key === 'n') this.step(1);
    else if (e.key === 'p') this.step(-1);
    else if (e.key === 'Escape' && (this.#selected || this.#position)) this.select(null);
  }

  /** The row a Backstory comment link points at: `#<comment id>` or `#bs-<n>` (with a text fragment). */
  #rowForHash(hash: string): number | undefined {
    const bs = /^bs-(\d+)/.exec(hash);
    if (bs) return this.#rowOfComment.get(Number(bs[1]));
    const i = /^\d+$/.test(hash) ? this.#rows.findIndex((r) => r.id === hash) : -1;
    return i >= 0 ? i : undefined;
  }

  #toggleKeys = () => {
    this.#nav.toggleKeys();
    this.#drawNav();
  };

  #drawNav() {
    if (this.#controller.signal.aborted) return;
    const count = this.#selected ? (this.#topicRows.get(this.#selected)?.length ?? 0) : this.#rowOfComment.size;
    const label = this.#selected ? (this.#labels.get(this.#selected)?.label ?? this.#selected) : 'Every tagged comment';
    const following = !!this.#selected || this.#position > 0;
    this.#nav.draw({
      selected: following ? { label, position: this.#position, count } : null,
      onKeys: this.#toggleKeys,
      onStep: this.step,
      onClear: () => this.select(null),
    });
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
      outlineBar: this.#h(this.#views.OutlineBar, { o, labels }),
      topicAction: (t) => this.#h(this.#views.TopicAction, { t, o }),
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
    for (const c of [...this.#chips, ...this.#placeholders]) c.remove();
    this.#nav.remove();
    this.#style.remove();
  }
}

/** The panel's Preact (from /ui.js): the outline's views render with it. */
export interface Preact {
  h: typeof H;
  render: typeof Render;
}

/** The outline for a panel whose thread carries one (the thread's own page). */
export function createOutline(_life: Lifetime, data: PanelData, redraw: () => void, preact: Preact): PanelEnhancement {
  return new ThreadOutline(data, redraw, preact);
}
