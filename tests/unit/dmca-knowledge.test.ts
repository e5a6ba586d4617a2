import { describe, expect, test, vi } from 'vitest';
import { createHandler } from '@/utils/background/handler';
import { bundledDataset } from '@/utils/dataset/bundled';
import { readDmcaIndexTexts } from '@/utils/node/files';
import { openIndex, readIndex } from '@/utils/dmca/dmca-index';
import { buildKnowledge } from '@/utils/knowledge/knowledge';
import { DEFAULT_SETTINGS } from '@/utils/schema/settings';
import { safeHref } from '@/utils/core/safe-url';
import type { PanelData } from '@/utils/core/protocol';

const { notices, repos } = readDmcaIndexTexts();
const index = await readIndex(notices, repos);
const k = buildKnowledge(bundledDataset, index);

const allLinks = (p: PanelData) => [
  ...p.notices.flatMap((n) => [n.url, ...n.answeredBy.map((a) => a.url)]),
  ...p.mentions.map((m) => m.url),
];

describe('every DMCA notice, not just LLaMA ones', () => {
  test('a repo named only in the index: badge, relations, panel with the notice card and its reversal', () => {
    const info = k.lookup(['repo:ytdl-org/youtube-dl'])['repo:ytdl-org/youtube-dl']!;
    expect(info.relations).toContain('named-in-notice');
    expect(info.hint).toMatch(/youtube-dl — named in/);
    const p = k.panel('repo:ytdl-org/youtube-dl')!;
    expect(p.title).toBe('ytdl-org/youtube-dl');
    expect(p.reasons.join(' ')).toMatch(/DMCA notice of 2020-10-23 from RIAA/);
    expect(p.reasons.join(' ')).toMatch(/reversed by GitHub on 2020-11-16/);
    // The takedown comes first, and its reversal is told once (as reversing it), not again as a notice naming the repo.
    expect(p.reasons[0]).toMatch(/^Named in the DMCA notice of 2020-10-23/);
    expect(p.reasons.join(' ')).not.toMatch(/Named in a reversal/);
    const riaa = p.notices.find((n) => n.path === '2020/10/2020-10-23-RIAA.md')!;
    expect(riaa.answeredBy.map((a) => a.kind)).toContain('reversal');
    expect(riaa.repoCount).toBe(18);
    expect(p.thread).toBeNull();
    for (const u of allLinks(p)) expect(safeHref(u)).toBe(u);
  });

  test('a fork whose network root is named gets named-in-notice and says so', () => {
    const p = k.panel('repo:someone-new/youtube-dl', 'ytdl-org/youtube-dl')!;
    expect(p.relations).toContain('named-in-notice');
    expect(p.reasons[0]).toMatch(/^A fork of ytdl-org\/youtube-dl, which the DMCA notice of/);
    expect(k.panel('repo:someone-new/youtube-dl')).toBeNull();
  });

  test('the LLaMA repo keeps its thread context and its curated notes', () => {
    const p = k.panel('repo:shawwn/llama-dl')!;
    expect(p.thread?.id).toBe(35287733);
    expect(p.relations).toEqual(['named-in-notice', 'counter-noticed', 'discussed', 'llama']);
    // The curated card (with our note) is shown once, not again from the index.
    expect(p.notices.filter((n) => n.path === '2023/03/2023-03-21-meta.md')).toHaveLength(1);
    expect(p.notices[0]!.note).toBeTruthy();
  });

  test('a notice page of 2014: parsed facts and the repos it names, collapsed with a count', () => {
    const path = index.searchNotices('2014/2014-02-10-codility', 1)[0]?.path ?? index.notice(1000)!.path;
    const p = k.panel(`notice:${path.toLowerCase()}`)!;
    expect(p.title).toMatch(/^DMCA notice: /);
    expect(p.reasons[0]).toMatch(/^DMCA notice of 2014-/);
    const own = p.notices.at(-1)!;
    expect(own.path).toBe(path);
    expect(own.repos.length).toBe(Math.min(own.repoCount, 300));
  });

  test('a counter-notice page shows the notice it answers first, then itself', () => {
    const p = k.panel('notice:2019/12/2019-12-03-msft-counternotice.md')!;
    expect(p.notices[0]!.path).toBe('2019/11/2019-11-25-msft.md');
    expect(p.notices[0]!.answeredBy.map((a) => a.path)).toContain('2019/12/2019-12-03-msft-counternotice.md');
    expect(p.notices.at(-1)!.kind).toBe('counter-notice');
    expect(p.relations).toContain('counter-noticed');
  });

  test('an answer whose text cites no notice is linked by inference, and says so', () => {
    const p = k.panel('notice:2017/2017-06-08-borderless-gaming-retraction.md')!;
    expect(p.notices[0]!.path).toBe('2017/2017-06-05-Borderless-Gaming.md');
    expect(p.reasons.join(' ')).toMatch(/linked by the repositories or party it names/);
  });

  test('the takedown page of a disabled repo leads with what happened; a notice newer than the snapshot still gets a panel', () => {
    const p = k.takedownPanel('repo:ytdl-org/youtube-dl', 'notice:2020/10/2020-10-23-riaa.md')!;
    expect(p.reasons[0]).toMatch(/^GitHub has disabled this repository after the DMCA notice of 2020-10-23/);
    const fresh = k.takedownPanel('repo:fresh-owner/thing', 'notice:2026/11/2026-11-20-acme.md')!;
    expect(fresh.reasons[0]).toMatch(/newer than Backstory's copy/);
    expect(fresh.notices[0]!.url).toBe('https://github.com/github/dmca/blob/master/2026/11/2026-11-20-acme.md');
    expect(k.takedownPanel('repo:fresh-owner/thing', 'javascript:alert(1)')).toBeNull();
  });

  test('search finds index repos and notices by party', () => {
    const r = k.search('youtube-dl');
    expect(r.some((x) => x.subject === 'repo:ytdl-org/youtube-dl')).toBe(true);
    const n = k.search('riaa');
    expect(n.some((x) => x.subject.startsWith('notice:') && /riaa/i.test(x.title))).toBe(true);
  });
});

describe('the background with the index', () => {
  const deps = (dmca: () => Promise<typeof index | null>) =>
    createHandler({
      dataset: () => bundledDataset,
      dmca,
      ownId: 'self',
      area: { get: async () => ({}), set: async () => undefined },
      settings: async () => DEFAULT_SETTINGS,
      reports: { get: async () => null, set: async () => undefined },
      sendToTab: async () => undefined,
      log: vi.fn(),
    });
  const GH = { id: 'self', url: 'https://github.com/ytdl-org/youtube-dl', tab: { id: 1 } };

  test('page requests answer from the index; lookups and links too', async () => {
    const handle = deps(async () => index);
    const page = (await handle({ type: 'page', subject: 'repo:ytdl-org/youtube-dl' }, GH)) as { data: PanelData };
    expect(page.data.relations).toContain('named-in-notice');
    expect(
      await handle(
        { type: 'lookup', subjects: ['repo:ytdl-org/youtube-dl', 'repo:nobody/nothing', 'notice:2020/10/2020-10-23-riaa.md'] },
        GH,
      ),
    ).toMatchObject({
      type: 'lookup',
      known: {
        'repo:ytdl-org/youtube-dl': { relations: expect.arrayContaining(['named-in-notice']) },
        'notice:2020/10/2020-10-23-riaa.md': { subject: 'notice:2020/10/2020-10-23-riaa.md' },
      },
    });
  });

  test('the sharded index the extension ships answers a page after reading a few shards only', async () => {
    const { manifest, files } = readDmcaIndexTexts();
    const read: string[] = [];
    const sharded = openIndex(manifest, async (f) => {
      read.push(f);
      return files.get(f)!;
    });
    const handle = deps(async () => sharded);
    const page = (await handle({ type: 'page', subject: 'repo:ytdl-org/youtube-dl' }, GH)) as { data: PanelData };
    expect(page.data.notices.map((n) => n.path)).toContain('2020/10/2020-10-23-RIAA.md');
    expect(page.data).toEqual(k.panel('repo:ytdl-org/youtube-dl'));
    expect(read.length).toBeLessThanOrEqual(8);
    expect(read.length).toBeGreaterThan(1);
    // Links are answered by href, from the shards their repos need (no card repos are read for badges).
    const before = read.length;
    const links = (await handle(
      {
        type: 'links',
        hrefs: [
          '/chef-koch/kms-activator',
          'https://github.com/Chef-Koch/KMS-Activator/issues',
          '/nobody/nothing-here',
          '#top',
          '/ytdl-org/youtube-dl/pulls',
        ],
        skip: 'repo:ytdl-org/youtube-dl',
      },
      GH,
    )) as {
      known: Record<string, { subject: string; relations: string[] }>;
      own: string[];
    };
    expect(Object.keys(links.known)).toEqual(['/chef-koch/kms-activator', 'https://github.com/Chef-Koch/KMS-Activator/issues']);
    expect(links.known['/chef-koch/kms-activator']).toMatchObject({
      subject: 'repo:chef-koch/kms-activator',
      relations: expect.arrayContaining(['named-in-notice']),
    });
    expect(links.own).toEqual(['/ytdl-org/youtube-dl/pulls']);
    expect(read.length - before).toBeLessThanOrEqual(4);
    expect(handle({ type: 'links', hrefs: [7] }, GH)).toBeUndefined();
  });

  test('an index that fails to load leaves the LLaMA dataset working', async () => {
    const handle = deps(async () => {
      throw new Error('gone');
    });
    const page = (await handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)) as { data: PanelData };
    expect(page.data.thread?.id).toBe(35287733);
  });
});
