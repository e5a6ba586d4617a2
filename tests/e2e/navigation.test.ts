/**
 * Long browsing sessions (issue #8): hundreds of GitHub soft navigations, history back/forward and
 * bfcache, with exactly one right panel throughout and nothing of ours accumulating.
 * Test URLs: https://github.com/someone/start, then Turbo visits among five repos.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launch, panels, settle, waitForPanel, type Harness } from './harness';
import { repoBody, repoMetas, repoPage, type RepoPageOptions } from '../fixtures/github';

let h: Harness;
beforeAll(async () => {
  h = await launch(process.env.BACKSTORY_EXT ? { extensionDir: process.env.BACKSTORY_EXT } : {});
});
afterAll(async () => {
  await h?.close();
});

/** Listeners on window and document (all worlds, ours included) and the renderer's JS heap after a GC. */
async function footprint(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  const count = async (expr: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.length;
  };
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { windowListeners: await count('window'), documentListeners: await count('document'), heap: usedSize };
}

test('200 soft navigations (visits, back, forward) and a bfcache round trip: always exactly one right panel, no growth', async () => {
  const targets: [RepoPageOptions, string | null][] = [
    [{ owner: 'shawwn', name: 'llama-dl', readme: '<a href="/facebookresearch/llama">llama</a>' }, 'repo:shawwn/llama-dl'],
    [{ owner: 'facebookresearch', name: 'llama' }, 'repo:facebookresearch/llama'],
    [{ owner: 'torvalds', name: 'linux' }, null],
    [{ owner: 'ytdl-org', name: 'youtube-dl', readme: '<a href="/shawwn/llama-dl">dl</a>' }, 'repo:ytdl-org/youtube-dl'],
    [{ owner: 'someone', name: 'llama-dl', networkRoot: 'shawwn/llama-dl' }, 'repo:someone/llama-dl'],
  ];
  const start = 'https://github.com/someone/start';
  h.serve(start, repoPage({ owner: 'someone', name: 'start' }));
  const page = await h.open(start);
  const cdp = await h.context.newCDPSession(page);
  const expected = new Map<string, string | null>([[start, null]]);
  const check = async (page: Page, step: string) => {
    const want = expected.get(page.url()) ?? null;
    if (want) await waitForPanel(page, want).catch(() => undefined);
    else await settle(page);
    await page
      .waitForFunction((n) => document.querySelectorAll('backstory-panel').length === n, want ? 1 : 0, { timeout: 5000 })
      .catch(() => undefined);
    expect(
      (await panels(page)).map((p) => p.subject),
      `${step} at ${page.url()}`,
    ).toEqual(want ? [want] : []);
  };
  /** history.back()/forward() are asynchronous: wait until the location has changed. */
  const go = async (page: Page, where: 'back' | 'forward') => {
    const from = page.url();
    await page.evaluate((w) => (w === 'back' ? history.back() : history.forward()), where);
    await page.waitForFunction((f) => location.href !== f, from);
  };
  let visits = 0;
  let backs = 0;
  let forwards = 0;
  let before: Awaited<ReturnType<typeof footprint>> | null = null;
  for (let i = 0; i < 200; i++) {
    if (i === 20) before = await footprint(cdp);
    // A cycle of ten: visit ×3, back ×2, forward, back, forward ×2, visit (depth stays valid).
    const move = 'VVVBBFBFFV'[i % 10]!;
    if (move === 'V') {
      const [o, subject] = targets[visits % targets.length]!;
      const path = `/${o.owner}/${o.name}?v=${i}`;
      await page.evaluate(([u, b, m]) => (window as unknown as { turboVisit(u: string, b: string, m: object): void }).turboVisit(u, b, m), [
        path,
        repoBody(o),
        repoMetas(o),
      ] as const);
      expected.set(`https://github.com${path}`, subject);
      visits++;
    } else if (move === 'B') {
      await go(page, 'back');
      backs++;
    } else {
      await go(page, 'forward');
      forwards++;
    }
    await check(page, `step ${i}`);
  }
  const after = await footprint(cdp);
  expect(visits + backs + forwards).toBe(200);
  expect([visits, backs, forwards]).toEqual([80, 60, 60]);
  // No listeners or heap left behind by our runs (20 → 200 navigations).
  expect(after.windowListeners).toBe(before!.windowListeners);
  expect(after.documentListeners).toBe(before!.documentListeners);
  // The page's own growth (Turbo's snapshot cache, history) is most of it: 3.0–3.1 MB measured with and without
  // the 2026-11-30 panel changes; a leaked panel per navigation (tens of kB each) would add several MB more.
  expect(after.heap - before!.heap).toBeLessThan(4_000_000);

  // A full navigation away and back (bfcache when Chromium uses it): still one right panel.
  const other = 'https://github.com/facebookresearch/llama';
  h.serve(other, repoPage({ owner: 'facebookresearch', name: 'llama' }));
  await page.goto(other);
  await waitForPanel(page, 'repo:facebookresearch/llama');
  await page.goBack();
  await check(page, 'bfcache back');
  await page.goForward();
  await waitForPanel(page, 'repo:facebookresearch/llama');
  expect((await panels(page)).length).toBe(1);
  expect(h.pageErrors).toEqual([]);
  console.info(
    `[lifecycle] ${visits} visits, ${backs} back, ${forwards} forward; listeners ${before!.windowListeners}/${before!.documentListeners} → ${after.windowListeners}/${after.documentListeners}; heap +${Math.round((after.heap - before!.heap) / 1024)} kB`,
  );
  await page.close();
}, 180_000);
