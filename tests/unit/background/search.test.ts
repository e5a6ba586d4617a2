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

test('"RIAA" (issue 24): the takedown first, then its answers; exact party above names that merely contain the letters', async () => {
  const r = await s.ask<SearchReply>({ type: 'search', query: 'RIAA' }, POPUP);
  const rows = r!.results;
  const notices = rows.filter((x) => x.subject.startsWith('notice:'));
  expect(notices[0]!.subject).toBe('notice:2020/10/2020-10-23-riaa.md');
  expect(notices[0]!.title).toBe('Recording Industry Association of America · Oct 23, 2020 · DMCA takedown notice');
  // Every exact hit comes before any repo whose name merely contains "riaa".
  const firstRepo = rows.findIndex((x) => x.subject.startsWith('repo:'));
  const lastNotice = rows.map((x) => x.subject.startsWith('notice:')).lastIndexOf(true);
  if (firstRepo >= 0) expect(rows.slice(0, firstRepo).every((x) => x.subject.startsWith('notice:'))).toBe(true);
  expect(lastNotice).toBeGreaterThanOrEqual(1);
  // Titled by what they are: never a bare path; no hint repeats its title.
  for (const x of rows) {
    expect(x.title).not.toMatch(/^\d{4}\/.*\.(md|markdown)$/);
    expect(x.hint.startsWith(x.title)).toBe(false);
  }
});

test('a repo result does not repeat its name in its hint', async () => {
  const r = await s.ask<SearchReply>({ type: 'search', query: 'youtube-dl' }, POPUP);
  const hit = r!.results.find((x) => x.subject === 'repo:ytdl-org/youtube-dl')!;
  expect(hit.title).toBe('ytdl-org/youtube-dl');
  expect(hit.hint).not.toContain('ytdl-org/youtube-dl');
  expect(hit.hint).toMatch(/^[A-Z]/);
});
