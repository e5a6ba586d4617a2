/** `report`, `tabInfo`, `showPanel`, `ui`, `panelState`: the toolbar badge, the popup and the panel's code. */
import { expect, test } from 'vitest';
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

test('ui: the panel code goes to the asking document once', async () => {
  const s = setup();
  await s.ask({ type: 'ui' }, { ...GH, documentId: 'a' });
  await s.ask({ type: 'ui' }, { ...GH, documentId: 'a' });
  expect(s.injected).toEqual([{ tabId: 7, frameId: 0 }]);
});

test('toolbar badge text is at most four characters', () => {
  expect([0, 1, 42, 999, 1000, 123456].map(badgeText)).toEqual(['', '1', '42', '999', '999+', '999+']);
});
