/**
 * Where Backstory sits on pages that look like the real sites (tests/fixtures/styled.ts): the page's
 * content column and the panel's box on GitHub 2022/2025 markup, the page's width with and without
 * Backstory on HN. Shared by tests/e2e/native.test.ts and `npm run screenshot`.
 */
import type { Page } from 'playwright-core';

export interface GithubBox {
  /** The content column's left and right edges (inside its padding): the repo's files and its About. */
  column: [number, number];
  /** The panel's visible box (its root in the shadow): left and right edges, and height. */
  panel: [number, number];
  height: number;
  /** The top of the file list, and the viewport's height. */
  filesTop: number;
  viewport: number;
  /** Computed font families of the page's body and the panel. */
  pageFont: string;
  panelFont: string;
}

export async function githubBox(page: Page): Promise<GithubBox> {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-panel')!;
    const files = document.querySelector('[data-files]')!;
    const col = document.querySelector('[data-column]')!;
    const h = host.shadowRoot!.querySelector('.bs-root')!.getBoundingClientRect();
    const f = files.getBoundingClientRect();
    const c = col.getBoundingClientRect();
    const cs = getComputedStyle(col);
    const root = host.shadowRoot!.querySelector('.bs-root')!;
    return {
      column: [Math.round(c.left + parseFloat(cs.paddingLeft)), Math.round(c.right - parseFloat(cs.paddingRight))] as [number, number],
      panel: [Math.round(h.left), Math.round(h.right)] as [number, number],
      height: Math.round(h.height),
      filesTop: Math.round(f.top + scrollY),
      viewport: innerHeight,
      pageFont: getComputedStyle(document.body).fontFamily,
      panelFont: getComputedStyle(root).fontFamily,
    };
  });
}

/** The page's width as laid out, and again with everything Backstory added taken out of the layout. */
export async function hnWidths(page: Page): Promise<{ with: number; without: number }> {
  return page.evaluate(() => {
    const ours = [...document.querySelectorAll('backstory-panel, [data-backstory-badge], [data-backstory-chip], [data-backstory-nav]')];
    const width = () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    const withUs = width();
    // Out of the page for one measurement (our hosts' own styles win over anything set on them here),
    // then back exactly where they were.
    const marks = ours.map((el) => {
      const mark = document.createComment('');
      el.replaceWith(mark);
      return mark;
    });
    const without = width();
    marks.forEach((m, i) => m.replaceWith(ours[i]!));
    return { with: withUs, without };
  });
}
