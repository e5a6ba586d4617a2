/**
 * Backstory as part of the page (issue 24), on pages styled like the real sites (tests/fixtures/styled.ts):
 * inside GitHub's content column on its 2022 and 2025 repo layouts, in GitHub's type, its details
 * leaving the files in reach; on Hacker News never wider than the page without it, in HN's type.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openDetails, waitForPanel, type Harness } from './harness';
import { githubBox, hnWidths } from './measure';
import { hnNoticeStoryPage, styledRepoPage, styledSeedPage } from '../fixtures/styled';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe.each([2022, 2025] as const)('GitHub %i markup, Primer CSS', (year) => {
  test.each([1280, 800])(
    'at %i px: the status line in the content column, in GitHub’s font; open, the files stay in reach',
    async (width) => {
      const url = `https://github.com/shawwn/llama-dl?y=${year}&w=${width}`;
      h.serve(url, styledRepoPage(year, { owner: 'shawwn', name: 'llama-dl', description: 'High-speed download of LLaMA' }));
      const page = await h.open(url);
      await page.setViewportSize({ width, height: 900 });
      await waitForPanel(page, 'repo:shawwn/llama-dl');
      const closed = await githubBox(page);
      // GitHub's column: 32…1248 at 1280 px, 24…776 at 800 px (Primer's container-xl and its padding).
      expect(closed.column).toEqual(width === 1280 ? [32, 1248] : [24, 776]);
      expect(closed.panel).toEqual(closed.column);
      expect(closed.height).toBeLessThanOrEqual(56);
      expect(closed.panelFont).toBe(closed.pageFont);
      expect(closed.pageFont).toContain('Mona Sans');
      await openDetails(page);
      const open = await githubBox(page);
      expect(open.panel).toEqual(closed.column);
      // The details scroll on their own: the file list still starts inside the window.
      expect(open.filesTop).toBeLessThan(open.viewport);
      const scrolls = await page.evaluate(() => {
        const body = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.body')!;
        return body.scrollHeight > body.clientHeight && getComputedStyle(body).overflowY === 'auto';
      });
      expect(scrolls).toBe(true);
      await page.close();
    },
  );
});

describe('Hacker News, its own stylesheet', () => {
  const pages = [
    ['the seed thread', 'https://news.ycombinator.com/item?id=35287733', 'thread:hn:35287733', styledSeedPage],
    ['a story linking a notice', 'https://news.ycombinator.com/item?id=24872911', 'notice:2020/10/2020-10-23-riaa.md', hnNoticeStoryPage],
  ] as const;
  test.each(pages.flatMap(([name, url, subject, html]) => [1280, 800].map((w) => [name, w, url, subject, html] as const)))(
    '%s at %i px: never wider than without Backstory; HN’s type',
    async (_name, width, url, subject, html) => {
      const at = `${url}&w=${width}`;
      h.serve(at, html());
      const page = await h.open(at);
      await page.setViewportSize({ width, height: 900 });
      await waitForPanel(page, subject);
      if (subject.startsWith('thread:')) await page.waitForFunction(() => document.querySelectorAll('[data-backstory-chip]').length > 150);
      const closed = await hnWidths(page);
      expect(closed.with).toBe(closed.without);
      expect(closed.without).toBe(width === 800 ? 804 : width);
      await openDetails(page);
      const open = await hnWidths(page);
      expect(open.with).toBe(open.without);
      const type = await page.evaluate(() => {
        const root = document.querySelector('backstory-panel')!.shadowRoot!;
        const font = (el: Element | null | undefined) => (el ? getComputedStyle(el).font : null);
        const chip = document.querySelector('[data-backstory-chip]')?.shadowRoot?.querySelector('button');
        return { status: font(root.querySelector('button.status')), bar: font(root.querySelector('.outline-bar')), chip: font(chip) };
      });
      expect(type.status).toMatch(/^(normal )?13(\.33+)?px .*Verdana/);
      if (subject.startsWith('thread:')) {
        expect(type.bar).toMatch(/^(normal )?10(\.66+7?)?px .*Verdana/);
        expect(type.chip).toMatch(/^(normal )?10(\.66+7?)?px .*Verdana/);
      }
      await page.close();
    },
  );
});
