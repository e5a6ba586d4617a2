/** `page`: the panel for the page's subject, the remembered state, the view; the panel's code injected once. */
import { describe, expect, test } from 'vitest';
import type { PanelData } from '@/utils/core/model';
import { GH, memoryArea, setup } from './harness';

type PageReply = { type: 'page'; data: PanelData | null; state: string; silent: boolean; view: Record<string, unknown> };

describe('page', () => {
  test('answers with the panel, or none', async () => {
    const { ask } = setup();
    // By default one status line: the details on demand.
    expect(await ask<PageReply>({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({
      type: 'page',
      state: 'collapsed',
      silent: false,
      data: { subject: 'repo:shawwn/llama-dl' },
    });
    expect(await ask({ type: 'page', subject: 'repo:x/y' })).toMatchObject({ type: 'page', data: null, silent: false });
    expect(await ask({ type: 'page' })).toMatchObject({ type: 'page', data: null });
  });

  test('the panel code is injected with the answer unless the page already runs it, once per document', async () => {
    const { ask, injected } = setup();
    await ask({ type: 'page', subject: 'repo:shawwn/llama-dl', hasUi: true }, { ...GH, documentId: 'd1' });
    expect(injected).toEqual([]);
    await ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'd2' });
    await ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'd2' });
    await ask({ type: 'page', subject: 'repo:x/y' }, { ...GH, documentId: 'd3' });
    expect(injected).toEqual([{ tabId: 7, frameId: 0 }]);
  });

  test('remembers collapse/dismiss per subject and answers it with the panel', async () => {
    const s = setup();
    expect(await s.ask({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'dismissed' })).toEqual({ type: 'panelState' });
    expect(await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({ state: 'dismissed' });
    expect(await s.ask({ type: 'page', subject: 'repo:facebookresearch/llama' })).toMatchObject({ state: 'collapsed' });
    // Opening the details is for this visit: the next one starts with the status line again.
    await s.ask({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'open' });
    expect(s.area.data.panelState).toEqual({});
    expect(await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({ state: 'collapsed' });
  });

  test('in a private (incognito) tab, collapse/dismiss is kept in memory only: nothing written, normal tabs unaffected', async () => {
    const s = setup();
    const priv = { ...GH, tab: { id: 9, incognito: true } };
    await s.ask({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'dismissed' }, priv);
    expect(s.area.data.panelState).toBeUndefined();
    expect(await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, priv)).toMatchObject({ state: 'dismissed' });
    expect(await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({ state: 'collapsed' });
    // A choice stored from a normal tab still applies in private tabs until they make their own.
    await s.ask({ type: 'panelState', subject: 'repo:facebookresearch/llama', state: 'dismissed' });
    expect(await s.ask({ type: 'page', subject: 'repo:facebookresearch/llama' }, priv)).toMatchObject({ state: 'dismissed' });
  });

  test.each([
    [null],
    ['x'],
    [[1, 2]],
    [{ 'repo:shawwn/llama-dl': 'exploded' }],
    [{ 'repo:shawwn/llama-dl': 7 }],
    [{ '<script>': 'dismissed' }],
  ])('a corrupted stored panel state %# reads as nothing remembered and is repaired on the next write', async (stored) => {
    const s = setup({}, { area: memoryArea({ panelState: stored }) });
    expect(await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({ state: 'collapsed' });
    await s.ask({ type: 'panelState', subject: 'repo:cocktailpeanut/dalai', state: 'collapsed' });
    expect(s.area.data.panelState).toEqual({ 'repo:cocktailpeanut/dalai': 'collapsed' });
  });

  test('settings shape the page: silence, panel behaviour, tangents', async () => {
    expect(await setup({ github: false }).ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({
      silent: true,
      data: null,
    });
    const silentRepo = setup({ silence: ['shawwn/*'] });
    expect(await silentRepo.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({ silent: true });
    expect(await silentRepo.ask({ type: 'page', subject: 'repo:facebookresearch/llama' })).toMatchObject({ silent: false });
    expect(
      await setup({ panel: 'collapsed', badges: false, theme: 'dark' }).ask({
        type: 'page',
        subject: 'repo:shawwn/llama-dl',
      }),
    ).toMatchObject({
      state: 'collapsed',
      view: { panel: 'collapsed', badges: false, theme: 'dark' },
    });
    expect(await setup({ panel: 'open' }).ask({ type: 'page', subject: 'repo:shawwn/llama-dl' })).toMatchObject({ state: 'open' });
    const thread = await setup({ tangents: false }).ask<PageReply>(
      { type: 'page', subject: 'thread:hn:35287733' },
      { ...GH, url: 'https://news.ycombinator.com/item?id=35287733' },
    );
    const topics = thread!.data!.threads[0]!.topics;
    expect(topics).toHaveLength(12);
    expect(topics.some((t) => t.tangent)).toBe(false);
  });

  test('a fork, a takedown page, an HN item page about a known repo', async () => {
    const { ask } = setup();
    expect(await ask<PageReply>({ type: 'page', subject: 'repo:someone/llama-dl', networkRoot: 'shawwn/llama-dl' })).toMatchObject({
      data: { subject: 'repo:someone/llama-dl', match: { via: 'fork', root: 'shawwn/llama-dl' } },
    });
    expect(
      await ask<PageReply>({
        type: 'page',
        subject: 'repo:ytdl-org/youtube-dl',
        takedownHref: '/github/dmca/blob/master/2020/10/2020-10-23-RIAA.md',
      }),
    ).toMatchObject({
      data: { takedownPage: { known: true, notice: { path: '2020/10/2020-10-23-RIAA.md' } } },
    });
    const hn = { ...GH, url: 'https://news.ycombinator.com/item?id=123' };
    expect(
      await ask<PageReply>({ type: 'page', subject: 'thread:hn:123', fallbackHref: 'https://github.com/shawwn/llama-dl' }, hn),
    ).toMatchObject({
      data: { subject: 'repo:shawwn/llama-dl' },
    });
    // The page's links are read here, as links are: a link that is not a notice makes no takedown page,
    // a story linking its own thread no fallback, and a relative `item?id=` is HN's only on HN.
    expect(
      await ask<PageReply>({ type: 'page', subject: 'repo:ytdl-org/youtube-dl', takedownHref: 'https://github.com/github/dmca' }),
    ).not.toMatchObject({ data: { takedownPage: expect.anything() } });
    expect(await ask<PageReply>({ type: 'page', subject: 'thread:hn:123', fallbackHref: 'item?id=123' }, hn)).toMatchObject({ data: null });
    expect(await ask<PageReply>({ type: 'page', subject: 'repo:a/b', fallbackHref: 'item?id=35287733' })).toMatchObject({ data: null });
  });

  test("a repo on the user's always list gets the detected panel", async () => {
    const reply = await setup({ llamaAlways: ['me/thing'] }).ask<PageReply>({ type: 'page', subject: 'repo:me/thing' });
    expect(reply?.data).toMatchObject({ kind: 'repo', match: { via: 'detected' }, notices: [] });
  });

  test('without the DMCA index, curated stories still answer (threads), and the failure is logged', async () => {
    const s = setup({}, { dmca: async () => Promise.reject(new Error('no index')) });
    const reply = await s.ask<PageReply>({ type: 'page', subject: 'repo:facebookresearch/llama' });
    expect(reply?.data?.threads[0]?.id).toBe(35287733);
    expect(s.log).toHaveBeenCalledWith(expect.stringMatching(/DMCA index could not be loaded/), expect.anything());
  });
});
