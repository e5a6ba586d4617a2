/** Extension lifecycle: a reload of the extension while a GitHub page is open leaves nothing behind. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badges, launch, panels, waitForPanel, type Harness } from './harness';
import { repoPage } from '../fixtures/github';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

test('reloading the extension removes our panel and badges from open pages, without page errors', async () => {
  const url = 'https://github.com/shawwn/llama-dl';
  h.serve(url, repoPage({ owner: 'shawwn', name: 'llama-dl', readme: '<a href="/facebookresearch/llama/pull/73">PR</a>' }));
  const page = await h.open(url);
  await waitForPanel(page, 'repo:shawwn/llama-dl');
  await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

  await h
    .worker!.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => {});
  await page.waitForFunction(
    () => !document.querySelector('backstory-panel') && !document.querySelector('[data-backstory-badge]'),
    undefined,
    {
      timeout: 10_000,
    },
  );
  expect(await panels(page)).toEqual([]);
  expect(await badges(page)).toEqual([]);
  // The page keeps working: its own DOM changes do not throw from our orphaned observer. The old script's
  // lifetime ended (the signal: its UI went, waited for above) and in the same step disconnected its observer
  // and cleared its timer, so nothing of ours can run later; mutation callbacks run in the order observers
  // were made, so once the page's own (made now) has seen the link, ours would have run before it.
  await page.evaluate(
    () =>
      new Promise<void>((seen) => {
        new MutationObserver(() => seen()).observe(document.body, { childList: true });
        document.body.append(Object.assign(document.createElement('a'), { href: '/shawwn/llama-dl', textContent: 'x' }));
      }),
  );
  expect(h.pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
