/** `search` (popup): repos, notices and topics, each with a one-line hint and its panel. */
import { expect, test } from 'vitest';
import { POPUP, setup } from './harness';

type SearchReply = { results: { subject: string; title: string; hint: string; panel: unknown }[] };
const s = setup();

test.each([
  ['shawwn/llama-dl', 'repo:shawwn/llama-dl'],
  ['https://github.com/shawwn/llama-dl/issues', 'repo:shawwn/llama-dl'],
  ['llama-dl', 'repo:shawwn/llama-dl'],
  ['2023-03-21-meta', 'notice:2023/03/2023-03-21-meta.md'],
  ['trade secrets', 'thread:hn:35287733'],
  ['https://news.ycombinator.com/item?id=35288415', 'thread:hn:35287733'],
  ['youtube-dl', 'repo:ytdl-org/youtube-dl'],
])('"%s" finds %s with its context', async (query, subject) => {
  const r = await s.ask<SearchReply>({ type: 'search', query }, POPUP);
  expect(r!.results.map((x) => x.subject)).toContain(subject);
  const hit = r!.results.find((x) => x.subject === subject)!;
  expect(hit.panel).toBeTruthy();
  expect(hit.hint).not.toMatch(/^Backstory:|`/);
});

test('notices by party; nothing for unknown subjects', async () => {
  const r = await s.ask<SearchReply>({ type: 'search', query: 'riaa' }, POPUP);
  expect(r!.results.some((x) => x.subject.startsWith('notice:') && /riaa/i.test(x.title))).toBe(true);
  expect(await s.ask({ type: 'search', query: 'torvalds/linux' }, POPUP)).toEqual({ type: 'search', results: [] });
});
