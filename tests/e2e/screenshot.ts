/**
 * `npm run screenshot`: README screenshots, taken in headless Chromium with the built extension, on
 * pages styled like the real sites (tests/fixtures/styled.ts: Primer CSS on GitHub's 2022 and 2025
 * markup, HN's own rules). It also prints what a user meets first (panel height collapsed and open,
 * where the page's own content starts) and where Backstory sits: GitHub's content column against the
 * panel's box, and HN's page width with and without Backstory, at 1280 and 800 px (issue 24).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openDetails, panelHeight, waitForPanel } from './harness';
import { githubBox, hnWidths } from './measure';
import { manyLinksReadme, takedownPage } from '../fixtures/github';
import { hnNoticeStoryPage, styledRepoPage, styledSeedPage } from '../fixtures/styled';

const out = resolve(__dirname, '../screenshots');
const h = await launch();

/** The y of the page's first own content below the panel (the repo's file list or first comment). */
async function contentTop(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => Math.round(document.querySelector(s)?.getBoundingClientRect().top ?? -1), selector);
}

async function repo(owner: string, name: string, description: string, readme = '', mode: 'light' | 'dark' = 'light') {
  const url = `https://github.com/${owner}/${name}?${mode}`;
  h.serve(url, styledRepoPage(2025, { owner, name, description, readme, colorMode: mode }));
  const page = await h.open(url);
  await page.setViewportSize({ width: 1280, height: 900 });
  await waitForPanel(page, `repo:${owner}/${name}`);
  await page.waitForTimeout(200);
  return page;
}

try {
  const readme =
    '<p>High-speed download of LLaMA. See also <a href="https://github.com/facebookresearch/llama/pull/73">the torrent PR</a> and <a href="https://news.ycombinator.com/item?id=35287733">the HN thread</a>.</p>';
  const rows: string[] = [];
  for (const [owner, name, desc] of [
    ['shawwn', 'llama-dl', 'High-speed download of LLaMA'],
    ['facebookresearch', 'llama', 'Inference code for LLaMA models'],
    ['ggerganov', 'llama.cpp', 'Port of Facebook’s LLaMA model in C/C++'],
  ] as const) {
    const page = await repo(owner, name, desc, owner === 'shawwn' ? readme : '');
    const collapsed = await panelHeight(page);
    const top = await contentTop(page, '[data-files]');
    if (owner === 'shawwn') await page.screenshot({ path: `${out}/github-status.png`, clip: { x: 0, y: 0, width: 1280, height: 420 } });
    if (owner === 'ggerganov')
      await page.screenshot({ path: `${out}/github-detected.png`, clip: { x: 0, y: 0, width: 1280, height: 420 } });
    await openDetails(page);
    await page.waitForTimeout(200);
    rows.push(
      `${owner}/${name}: collapsed ${collapsed} px (files at y=${top}); open ${await panelHeight(page)} px (files at y=${await contentTop(page, '[data-files]')})`,
    );
    await page.close();
  }
  for (const mode of ['light', 'dark'] as const) {
    const page = await repo('shawwn', 'llama-dl', 'High-speed download of LLaMA', readme, mode);
    await page.setViewportSize({ width: 1100, height: 1300 });
    await openDetails(page);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/github-panel-${mode}.png` });
    await page.close();
  }
  const url = 'https://github.com/someone/awesome-llm';
  h.serve(
    url,
    styledRepoPage(2025, {
      owner: 'someone',
      name: 'awesome-llm',
      readme: manyLinksReadme(12, ['/shawwn/llama-dl', 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md']),
    }),
  );
  const page = await h.open(url);
  await page.setViewportSize({ width: 900, height: 520 });
  await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 2);
  await page.locator('article').screenshot({ path: `${out}/github-badges.png` });
  // The HN thread page: the outline bar under the status line, rows tagged.
  const hn = 'https://news.ycombinator.com/item?id=35287733';
  h.serve(hn, styledSeedPage());
  const t = await h.open(hn);
  await t.setViewportSize({ width: 1280, height: 900 });
  await waitForPanel(t, 'thread:hn:35287733');
  await t.waitForFunction(() => document.querySelectorAll('[data-backstory-topic]').length > 150);
  await t.waitForTimeout(300);
  rows.push(`HN thread: panel ${await panelHeight(t)} px, first comment at y=${await contentTop(t, 'tr.athing.comtr')}`);
  await t.screenshot({ path: `${out}/hn-outline.png` });
  // Any DMCA notice: GitHub's takedown page of a disabled repo.
  const td = 'https://github.com/ytdl-org/youtube-dl';
  h.serve(td, takedownPage('2020/10/2020-10-23-RIAA.md'));
  const tp = await h.open(td);
  await tp.setViewportSize({ width: 1100, height: 900 });
  await waitForPanel(tp, 'repo:ytdl-org/youtube-dl');
  await openDetails(tp);
  await tp.waitForTimeout(300);
  await tp.screenshot({ path: `${out}/github-takedown.png` });
  await tp.close();
  // Where Backstory sits, at 1280 and 800 px (issue 24).
  for (const year of [2022, 2025] as const)
    for (const width of [1280, 800]) {
      const u = `https://github.com/shawwn/llama-dl?year=${year}&width=${width}`;
      h.serve(u, styledRepoPage(year, { owner: 'shawwn', name: 'llama-dl', description: 'High-speed download of LLaMA', readme }));
      const p = await h.open(u);
      await p.setViewportSize({ width, height: 900 });
      await waitForPanel(p, 'repo:shawwn/llama-dl');
      const b = await githubBox(p);
      await p.waitForTimeout(200);
      await p.screenshot({ path: `${out}/github-${year}-${width}.png`, clip: { x: 0, y: 0, width, height: 480 } });
      await openDetails(p);
      const o = await githubBox(p);
      rows.push(
        `GitHub ${year} at ${width} px: column ${b.column.join('…')}, panel ${b.panel.join('…')}; ${b.height} px, open ${o.height} px (files at y=${o.filesTop} of ${o.viewport}); same font: ${b.panelFont === b.pageFont}`,
      );
      await p.close();
    }
  for (const [name, u, html] of [
    ['seed thread', 'https://news.ycombinator.com/item?id=35287733', styledSeedPage],
    ['story linking a notice', 'https://news.ycombinator.com/item?id=24872911', hnNoticeStoryPage],
  ] as const)
    for (const width of [1280, 800]) {
      const at = `${u}&width=${width}`;
      h.serve(at, html());
      const p = await h.open(at);
      await p.setViewportSize({ width, height: 900 });
      await p.waitForFunction(() => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.bs-root'));
      await p.waitForTimeout(600);
      const c = await hnWidths(p);
      if (name === 'seed thread') await p.screenshot({ path: `${out}/hn-${width}.png`, clip: { x: 0, y: 0, width, height: 600 } });
      await openDetails(p);
      const o = await hnWidths(p);
      rows.push(`HN ${name} at ${width} px: page ${c.with} px with Backstory, ${c.without} px without; open ${o.with} / ${o.without} px`);
      await p.close();
    }
  console.log(rows.join('\n'));
  console.log(`screenshots written to ${out}`);
} finally {
  await h.close();
}
