import { describe, expect, test } from 'vitest';
import { bundledDataset } from '@/utils/dataset/bundled';
import { panelPagePatterns } from '@/utils/dataset/panel-pages';
import { createKnowledge } from '@/utils/knowledge/engine';
import { openDmcaIndexSync } from '@/utils/node/files';

/** Chrome's match-pattern test for the https patterns we generate (scheme, exact host, path glob incl. query). */
function matches(pattern: string, url: string): boolean {
  const m = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern)!;
  const u = new URL(url);
  if (u.protocol !== 'https:' || u.host !== m[1]) return false;
  const glob = new RegExp(
    `^${m[2]!
      .split('*')
      .map((p) => p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return glob.test(u.pathname + u.search);
}

describe('panelPagePatterns: the pages whose panel code is declared up front', () => {
  const patterns = panelPagePatterns(bundledDataset);
  const k = createKnowledge(bundledDataset, openDmcaIndexSync());

  test.each([
    ['https://github.com/shawwn/llama-dl', true],
    ['https://github.com/shawwn/llama-dl/pull/1', true],
    ['https://github.com/facebookresearch/llama/pull/73', true],
    ['https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md', true],
    ['https://github.com/github/dmca/blob/0123abc/2023/03/2023-03-21-meta.md', true],
    ['https://news.ycombinator.com/item?id=35287733', true],
    ['https://news.ycombinator.com/item?id=35287733&p=2', true],
    ['https://github.com/torvalds/linux', false],
    ['https://github.com/shawwn/llama-dlx', false],
    ['https://github.com/shawwn', false],
    ['https://news.ycombinator.com/item?id=352877330', false],
    ['https://news.ycombinator.com/news', false],
  ])('%s → %s', (url, expected) => {
    expect(patterns.some((p) => matches(p, url))).toBe(expected);
  });

  test('every page they match has a panel in the bundled dataset (no panel code where none shows)', async () => {
    const subjects = bundledDataset.stories.flatMap((s) => [
      ...s.repos.map((r) => `repo:${r.repo}`),
      ...s.notices.map((n) => `notice:${n.path.toLowerCase()}`),
    ]);
    subjects.push(...bundledDataset.threads.map((t) => `thread:hn:${t.id}`));
    await k.prepare(subjects);
    for (const s of subjects) expect(k.panel(s), s).not.toBeNull();
  });

  test('sorted and without duplicates (deterministic manifest)', () => {
    expect([...new Set(patterns)].sort()).toEqual(patterns);
  });
});
