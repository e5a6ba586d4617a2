/** `report`, `tabInfo`, `showPanel`, `panelState`, the keyboard command: the toolbar badge, the popup and the panel's code. */
import { expect, test, vi } from 'vitest';
import { badgeText } from '@/utils/background/toolbar';
import { GH, POPUP, setup } from './harness';

test('reports feed the toolbar badge and the popup, which can show the panel', async () => {
  const s = setup();
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' });
  expect(
    await s.ask({ type: 'report', panel: 'repo:shawwn/llama-dl', badges: { 'repo:facebookresearch/llama': 2, 'thread:hn:35287733': 1 } }),
  ).toEqual({ type: 'report' });
  expect(s.records.get(7)!.shown).toEqual({
    panel: 'repo:shawwn/llama-dl',
    badges: { 'repo:facebookresearch/llama': 2, 'thread:hn:35287733': 1 },
    count: 4,
    settled: false,
  });
  const info = await s.ask<{ panel: { subject: string }; badges: { subject: string; count: number; hint: string }[] }>(
    { type: 'tabInfo', tabId: 7 },
    POPUP,
  );
  expect(info!.panel.subject).toBe('repo:shawwn/llama-dl');
  expect(info!.badges).toEqual([
    { subject: 'repo:facebookresearch/llama', count: 2, hint: 'facebookresearch/llama — discussed on Hacker News' },
    { subject: 'thread:hn:35287733', count: 1, hint: "“Facebook is going after LLaMA repos with DMCA's” (204 comments)" },
  ]);
  expect(await s.ask({ type: 'showPanel', tabId: 7 }, POPUP)).toEqual({ type: 'showPanel' });
  expect(s.sent).toEqual([[7, { type: 'showPanel' }]]);
});

test('a report whose keys are not subjects is refused whole: a page cannot put its text in the popup', async () => {
  const s = setup();
  expect(await s.ask({ type: 'report', panel: null, badges: { 'SECURITY WARNING: reinstall from evil.example': 41 } })).toBeUndefined();
  expect(await s.ask({ type: 'report', panel: 'Backstory is compromised', badges: {} })).toBeUndefined();
  expect(s.records.size).toBe(0);
});

test('the panel code goes in with a panel answered, once per document; never where the manifest declares it', async () => {
  const s = setup();
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'a' });
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'a' });
  expect(await s.ask({ type: 'showPanel', tabId: 7 }, POPUP)).toEqual({ type: 'showPanel' });
  await s.route.services.reveal(7, { type: 'togglePanel' });
  expect(s.injected).toEqual([{ tabId: 7, frameId: 0 }]);
  expect(s.sent).toEqual([
    [7, { type: 'showPanel' }],
    [7, { type: 'togglePanel' }],
  ]);
  const declared = setup();
  await declared.ask({ type: 'page', subject: 'repo:shawwn/llama-dl', hasUi: true });
  await declared.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(declared.injected).toEqual([]);
  // On Hacker News the thread outline goes with it.
  const hn = setup();
  await hn.ask({ type: 'page', subject: 'thread:hn:35287733' }, { ...GH, url: 'https://news.ycombinator.com/item?id=35287733' });
  expect(hn.injected).toEqual([{ tabId: 7, frameId: 0, outline: true }]);
});

test('"only when I ask": the popup\'s request and the keyboard command bring the panel code first, once', async () => {
  const s = setup({ panel: 'ask' });
  await s.ask({ type: 'page', subject: 'repo:ytdl-org/youtube-dl' }, { ...GH, url: 'https://github.com/ytdl-org/youtube-dl' });
  expect(s.injected).toEqual([]);
  await s.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(s.injected).toEqual([{ tabId: 7, frameId: 0 }]);
  await s.route.services.reveal(7, { type: 'togglePanel' });
  await s.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(s.injected).toHaveLength(1);
  expect(s.sent.map(([, m]) => m)).toEqual([{ type: 'showPanel' }, { type: 'togglePanel' }, { type: 'showPanel' }]);
  // A tab with nothing to show gets the request and no code.
  const none = setup({ panel: 'ask' });
  await none.ask({ type: 'page', subject: 'repo:torvalds/linux' }, { ...GH, url: 'https://github.com/torvalds/linux' });
  await none.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(none.injected).toEqual([]);
});

test('a detected repo gets the panel code with its answer (none when only asked)', async () => {
  const info = { description: 'LLM inference in C/C++', topics: ['llama'], readmeTitle: 'llama.cpp' };
  const sender = { ...GH, url: 'https://github.com/ggerganov/llama.cpp' };
  const s = setup();
  await s.ask({ type: 'detect', subject: 'repo:ggerganov/llama.cpp', info }, sender);
  // Not awaited by the answer (which must not wait for it): the page waits for the code instead.
  await vi.waitFor(() => expect(s.injected).toEqual([{ tabId: 7, frameId: 0 }]));
  const ask = setup({ panel: 'ask' });
  await ask.ask({ type: 'detect', subject: 'repo:ggerganov/llama.cpp', info }, sender);
  expect(ask.injected).toEqual([]);
  await ask.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(ask.injected).toEqual([{ tabId: 7, frameId: 0 }]);
});

test('toolbar badge text is at most four characters', () => {
  expect([0, 1, 42, 999, 1000, 123456].map(badgeText)).toEqual(['', '1', '42', '999', '999+', '999+']);
});
