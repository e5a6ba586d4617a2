/**
 * Issue 23 (integrity, round three), the background's side: nothing of the user's own lists reaches a
 * page through a badge, and a silenced repo (or github/dmca, or an owner) stays silent on every path —
 * its notice pages, its forks, its links.
 */
import { expect, test } from 'vitest';
import type { PanelData } from '@/utils/core/model';
import { HN, setup } from './harness';

type LinksReply = { known: Record<string, { subject: string; relations: string[]; hint: string }> };
type PageReply = { type: 'page'; data: PanelData | null; silent: boolean };
const NOTICE = 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md';

test('a repo on the "always LLaMA-related" list gets a badge whose title names no list (nor any reason)', async () => {
  for (const detection of ['heuristic', 'dataset'] as const) {
    const r = await setup({ llamaAlways: ['octocat/private-interest'], detection }).ask<LinksReply>({
      type: 'links',
      hrefs: ['/octocat/private-interest'],
    });
    const b = r!.known['/octocat/private-interest'];
    expect(b).toMatchObject({ subject: 'repo:octocat/private-interest', relations: ['llama'] });
    expect(b!.hint).toBe('LLaMA-related');
    expect(b!.hint).not.toMatch(/list|your/i);
  }
  // A repo the detector finds on its own still says why.
  const d = await setup().ask<LinksReply>({ type: 'links', hrefs: ['/ggerganov/llama.cpp'] });
  expect(d!.known['/ggerganov/llama.cpp']!.hint).toMatch(/^likely LLaMA-related — .+/);
});

test('silenced repos, owners and github/dmca get no link badges; others keep theirs', async () => {
  const hrefs = ['/shawwn/llama-dl', '/facebookresearch/llama', NOTICE, '/ytdl-org/youtube-dl'];
  const all = await setup().ask<LinksReply>({ type: 'links', hrefs });
  expect(Object.keys(all!.known).sort()).toEqual([...hrefs].sort());
  const quiet = await setup({ silence: ['shawwn/llama-dl', 'facebookresearch/*', 'github/dmca'] }).ask<LinksReply>({
    type: 'links',
    hrefs,
  });
  expect(Object.keys(quiet!.known)).toEqual(['/ytdl-org/youtube-dl']);
  const owner = await setup({ silence: ['github/*'] }).ask<LinksReply>({ type: 'links', hrefs: [NOTICE] }, HN);
  expect(owner!.known).toEqual({});
});

test('silencing github/dmca or github/* silences its notice pages; a silenced root silences its forks', async () => {
  const notice = { type: 'page', subject: 'notice:2023/03/2023-03-21-meta.md' };
  expect(await setup().ask<PageReply>(notice)).toMatchObject({ data: { subject: notice.subject }, silent: false });
  for (const silence of [['github/dmca'], ['github/*']])
    expect(await setup({ silence }).ask<PageReply>(notice)).toMatchObject({ data: null, silent: true });

  const fork = { type: 'page', subject: 'repo:someone/llama-dl', networkRoot: 'shawwn/llama-dl' };
  expect((await setup().ask<PageReply>(fork))!.data).not.toBeNull();
  for (const silence of [['shawwn/llama-dl'], ['shawwn/*']])
    expect(await setup({ silence }).ask<PageReply>(fork)).toMatchObject({ data: null, silent: true });
});

test('an HN page whose story links a silenced repo shows no panel about it', async () => {
  const page = { type: 'page', subject: 'thread:hn:1', fallbackHref: 'https://github.com/shawwn/llama-dl/' };
  expect((await setup().ask<PageReply>(page, HN))!.data).toMatchObject({ subject: 'repo:shawwn/llama-dl' });
  expect((await setup({ silence: ['shawwn/llama-dl'] }).ask<PageReply>(page, HN))!.data).toBeNull();
});
