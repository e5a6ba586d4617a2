/**
 * The thread outline's rows: the comment rows of an HN item page, in page order, with what the outline
 * needs of each (its id, indent and text), for current and older markup.
 */
import { normalizeText } from '../core/hn-match';

export interface Row {
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

export function rowInfo(el: Element): Row {
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
