/**
 * `npm run screenshot`: README screenshots, taken in headless Chromium with the built extension.
 * It also prints what a user meets first on each page (panel height collapsed and open, where the
 * page's own content starts) at 1280×900, the figures the README and issue #15 quote.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openDetails, panelHeight, waitForPanel } from './harness';
import { manyLinksReadme, repoPage, takedownPage } from '../fixtures/github';
import { seedThreadPage } from '../fixtures/hn-seed';

const out = resolve(__dirname, '../screenshots');
const h = await launch();

/** The y of the page's first own content below the panel (the repo's file list or first comment). */
async function contentTop(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => Math.round(document.querySelector(s)?.getBoundingClientRect().top ?? -1), selector);
}

async function repo(owner: string, name: string, description: string, readme = '', mode: 'light' | 'dark' = 'light') {
  const url = `https://github.com/${owner}/${name}?${mode}`;
  h.serve(url, repoPage({ owner, name, description, readme, colorMode: mode }));
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
    const top = await contentTop(page, 'article');
    if (owner === 'shawwn') await page.screenshot({ path: `${out}/github-status.png`, clip: { x: 0, y: 0, width: 1280, height: 420 } });
    if (owner === 'ggerganov')
      await page.screenshot({ path: `${out}/github-detected.png`, clip: { x: 0, y: 0, width: 1280, height: 420 } });
    await openDetails(page);
    await page.waitForTimeout(200);
    rows.push(`${owner}/${name}: collapsed ${collapsed} px (readme at y=${top}); open ${await panelHeight(page)} px`);
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
    repoPage({
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
  h.serve(hn, seedThreadPage());
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
  console.log(rows.join('\n'));
  console.log(`screenshots written to ${out}`);
} finally {
  await h.close();
}
