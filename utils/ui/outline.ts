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
import { matchComments, normalizeText, tangentFoldRows, type PageRow } from '../core/hn-match';
import type { Lifetime } from '../content/lifetime';
import { uiHost } from '../content/ui-host';
import type { PanelEnhancement } from './mount';
import type { PanelData } from '../core/model';
import { forEachSliced } from '../content/slices';

export const TOPIC_ATTR = 'data-backstory-topic';
const SELECTED_ATTR = 'data-backstory-selected';
const CURRENT_ATTR = 'data-backstory-current';
const FOLDED_ATTR = 'data-backstory-folded';
const CHIP_TAG = 'backstory-chip';
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

export function createOutline(_life: Lifetime, data: PanelData, redraw: () => void): PanelEnhancement {
  const thread = data.threads[0];
  const comments = thread?.outline ?? [];
  const labels = new Map((thread?.topics ?? []).map((t) => [t.id, t]));
  const controller = new AbortController();
  const rows: Row[] = [];
  const topicRows = new Map<string, number[]>();
  const rowTopic: (string | undefined)[] = [];
  const rowOfComment = new Map<number, number>();
  const chips: Element[] = [];
  let matched = 0;
  let selected: string | null = null;
  let position = 0;
  let folded = false;
  let foldRows: number[] = [];

  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = PAGE_CSS;
  (document.head ?? document.documentElement).append(style);

  function chip(topic: string): Element {
    // From the inert document: a page's custom-element definitions never run for our hosts.
    const host = uiHost(CHIP_TAG);
    host.setAttribute('data-backstory-chip', topic);
    const root = host.attachShadow({ mode: 'open' });
    const st = document.createElement('style');
    st.textContent = CHIP_CSS;
    const b = document.createElement('button');
    const t = labels.get(topic);
    b.textContent = t?.label.replace(/^Tangent: /, '') ?? topic;
    b.className = t?.tangent ? 'tangent' : '';
    b.title = 'Backstory: highlight every comment on this topic';
    b.addEventListener('click', (e) => {
      e.preventDefault();
      select(topic);
    });
    root.append(st, b);
    return host;
  }

  function setCurrent(rowIndex: number | undefined, scroll: boolean) {
    for (const el of document.querySelectorAll(`[${CURRENT_ATTR}]`)) el.removeAttribute(CURRENT_ATTR);
    const row = rowIndex === undefined ? undefined : rows[rowIndex];
    if (!row) return;
    row.el.setAttribute(CURRENT_ATTR, '');
    if (scroll) row.el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  function select(topic: string | null) {
    for (const el of document.querySelectorAll(`[${SELECTED_ATTR}]`)) el.removeAttribute(SELECTED_ATTR);
    selected = topic && topicRows.get(topic)?.length ? topic : null;
    position = 0;
    if (selected) {
      for (const i of topicRows.get(selected)!) rows[i]!.el.setAttribute(SELECTED_ATTR, '');
      position = 1;
      setCurrent(topicRows.get(selected)![0], true);
    } else setCurrent(undefined, false);
    redraw();
  }

  function step(delta: 1 | -1) {
    const list = selected ? topicRows.get(selected) : undefined;
    if (!list?.length) return;
    position = ((position - 1 + delta + list.length) % list.length) + 1;
    setCurrent(list[position - 1], true);
    redraw();
  }

  function fold() {
    folded = !folded;
    for (const i of foldRows) {
      if (folded) rows[i]!.el.setAttribute(FOLDED_ATTR, '');
      else rows[i]!.el.removeAttribute(FOLDED_ATTR);
    }
    redraw();
  }

  document.addEventListener(
    'keydown',
    (e: KeyboardEvent) => {
      if (!selected || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (e.key === 'n') step(1);
      else if (e.key === 'p') step(-1);
      else if (e.key === 'Escape') select(null);
    },
    { signal: controller.signal },
  );

  /** The row a Backstory comment link points at: `#<comment id>` or `#bs-<n>` (with a text fragment). */
  function rowForHash(hash: string): number | undefined {
    const bs = /^bs-(\d+)/.exec(hash);
    if (bs) return rowOfComment.get(Number(bs[1]));
    if (/^\d+$/.test(hash)) {
      const i = rows.findIndex((r) => r.id === hash);
      return i >= 0 ? i : undefined;
    }
    return undefined;
  }

  /** Arriving from a Backstory link: highlight the comment it names. */
  function highlightArrival() {
    const hash = location.hash.slice(1);
    const idx = hash ? rowForHash(hash) : undefined;
    if (idx !== undefined) setCurrent(idx, hash.startsWith('bs-'));
  }

  /** A citation in the panel that points into this very thread: show it in place instead of a new tab. */
  function cite(url: string): boolean {
    const u = new URL(url);
    if (u.pathname !== location.pathname || u.searchParams.get('id') !== new URLSearchParams(location.search).get('id')) return false;
    const idx = rowForHash(u.hash.slice(1));
    if (idx === undefined) return false;
    setCurrent(idx, true);
    return true;
  }

  // Read the rows in slices (a 3,000-comment thread must not become one long task), then match and tag.
  const els = readRows(document);
  forEachSliced(
    els,
    (el) => rows.push(rowInfo(el)),
    () => {
      const pageRows: PageRow[] = rows.map((r) => ({ id: r.id, text: r.text }));
      const result = matchComments(comments, pageRows);
      matched = result.byComment.size;
      const byN = new Map(comments.map((c) => [c.n, c]));
      for (const [n, i] of result.byComment) {
        rowOfComment.set(n, i);
        const topics = byN.get(n)!.topics;
        rowTopic[i] = topics[0];
        for (const t of topics) {
          const list = topicRows.get(t) ?? [];
          list.push(i);
          topicRows.set(t, list);
        }
      }
      for (const list of topicRows.values()) list.sort((a, b) => a - b);
      foldRows = tangentFoldRows(rows.map((r, i) => ({ indent: r.indent, tangent: !!rowTopic[i] && !!labels.get(rowTopic[i]!)?.tangent })));
      if (result.unmatched.length) {
        console.info(
          `[Backstory] ${result.unmatched.length} of ${comments.length} dataset comments are not on this page (other page of the thread, edited or deleted).`,
        );
      }
      const tagged = [...rowOfComment.values()];
      forEachSliced(
        tagged,
        (i) => {
          const row = rows[i]!;
          const topic = rowTopic[i]!;
          row.el.setAttribute(TOPIC_ATTR, topic);
          const byline = row.el.querySelector('span.comhead') ?? row.el.querySelector('.comhead, span.comment')?.parentElement;
          if (byline) {
            const c = chip(topic);
            byline.append(c);
            chips.push(c);
          }
        },
        () => {
          highlightArrival();
          redraw();
        },
        controller.signal,
      );
    },
    controller.signal,
  );

  const labelText = Object.fromEntries([...labels.values()].map((t) => [t.id, t.label]));
  return {
    css: outlineCss,
    props: (): Partial<PanelProps> => {
      const o: OutlineControls = {
        selected,
        position,
        counts: Object.fromEntries([...topicRows].map(([t, l]) => [t, l.length])),
        matched,
        total: comments.length,
        folded,
        foldable: foldRows.length,
        onSelect: select,
        onStep: step,
        onFold: fold,
      };
      return {
        outlineBar: h(OutlineBar, { o, labels: labelText }),
        topicAction: (t) => h(TopicAction, { t, o }),
        selectedTopic: selected,
        onCite: cite,
      };
    },
    remove() {
      controller.abort();
      for (const el of document.querySelectorAll(`[${SELECTED_ATTR}], [${CURRENT_ATTR}], [${FOLDED_ATTR}]`)) {
        el.removeAttribute(SELECTED_ATTR);
        el.removeAttribute(CURRENT_ATTR);
        el.removeAttribute(FOLDED_ATTR);
      }
      for (const r of rows) r.el.removeAttribute(TOPIC_ATTR);
      for (const c of chips) c.remove();
      style.remove();
    },
  };
}
