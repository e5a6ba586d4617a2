/** `npm run screenshot`: README screenshots of the panel, taken in headless Chromium with the built extension. */
import { resolve } from 'node:path';
import { launch, waitForPanel } from './harness';
import { manyLinksReadme, repoPage, takedownPage } from '../fixtures/github';
import { seedThreadPage } from '../fixtures/hn-seed';

const out = resolve(__dirname, '../screenshots');
const h = await launch();
try {
  const readme =
    '<p>High-speed download of LLaMA. See also <a href="https://github.com/facebookresearch/llama/pull/73">the torrent PR</a> and <a href="https://news.ycombinator.com/item?id=35287733">the HN thread</a>.</p>';
  for (const mode of ['light', 'dark'] as const) {
    const url = `https://github.com/shawwn/llama-dl?${mode}`;
    h.serve(url, repoPage({ owner: 'shawwn', name: 'llama-dl', description: 'High-speed download of LLaMA', readme, colorMode: mode }));
    const page = await h.open(url);
    await page.setViewportSize({ width: 1100, height: 1300 });
    await waitForPanel(page, 'repo:shawwn/llama-dl');
    await page
      .locator('backstory-panel details.topic')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
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
  // The HN thread page: outline with a topic selected, rows tagged.
  const hn = 'https://news.ycombinator.com/item?id=35287733';
  h.serve(hn, seedThreadPage());
  const t = await h.open(hn);
  await t.setViewportSize({ width: 1100, height: 1400 });
  await waitForPanel(t, 'thread:hn:35287733');
  await t.waitForFunction(() => document.querySelectorAll('[data-backstory-topic]').length > 150);
  const d = t.locator('backstory-panel details.topic[data-topic="gpl-derivative"]');
  await d.locator('summary').click();
  await d.locator('button', { hasText: 'Highlight its' }).click();
  await t.waitForTimeout(800);
  await t.evaluate(() => window.scrollTo(0, 0));
  await t.screenshot({ path: `${out}/hn-outline.png` });
  // Any DMCA notice: GitHub's takedown page of a disabled repo.
  const td = 'https://github.com/ytdl-org/youtube-dl';
  h.serve(td, takedownPage('2020/10/2020-10-23-RIAA.md'));
  const tp = await h.open(td);
  await tp.setViewportSize({ width: 1100, height: 900 });
  await waitForPanel(tp, 'repo:ytdl-org/youtube-dl');
  await tp.waitForTimeout(300);
  await tp.screenshot({ path: `${out}/github-takedown.png` });
  console.log(`screenshots written to ${out}`);
} finally {
  await h.close();
}
