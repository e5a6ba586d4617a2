import { describe, expect, test } from 'vitest';
import { bundledDataset } from '@/utils/dataset/bundled';
import { buildKnowledge } from '@/utils/knowledge/knowledge';
import { safeHref } from '@/utils/core/safe-url';

const k = buildKnowledge(bundledDataset);

describe('lookup', () => {
  test('answers only known subjects, with their relations', () => {
    const known = k.lookup([
      'repo:shawwn/llama-dl',
      'repo:facebookresearch/llama',
      'repo:torvalds/linux',
      'notice:2023/03/2023-03-21-meta.md',
      'notice:2099/01/2099-01-01-nobody.md',
      'thread:hn:35287733',
      'thread:hn:35288415',
      'thread:hn:1',
      'not a subject',
    ]);
    expect(Object.keys(known).sort()).toEqual([
      'notice:2023/03/2023-03-21-meta.md',
      'repo:facebookresearch/llama',
      'repo:shawwn/llama-dl',
      'thread:hn:35287733',
      'thread:hn:35288415',
    ]);
    expect(known['repo:shawwn/llama-dl']!.relations).toEqual(['named-in-notice', 'counter-noticed', 'discussed', 'llama']);
    expect(known['notice:2023/03/2023-03-21-meta.md']!.relations).toEqual(['counter-noticed', 'discussed', 'llama']);
    // A link to a comment of the thread resolves to the thread.
    expect(known['thread:hn:35288415']!.subject).toBe('thread:hn:35287733');
  });
});

describe('panel', () => {
  test('llama-dl: notice, counter-notice, thread, topics and timeline', () => {
    const p = k.panel('repo:shawwn/llama-dl')!;
    expect(p.relations).toEqual(['named-in-notice', 'counter-noticed', 'discussed', 'llama']);
    expect(p.notices[0]).toMatchObject({ path: '2023/03/2023-03-21-meta.md', networkSize: 403, sender: 'OpSec Online LLC' });
    expect(p.notices[0]!.answeredBy[0]).toMatchObject({ kind: 'counter-notice', onBehalfOf: 'Tensorfork Labs', date: '2023-04-27' });
    expect(p.thread).toMatchObject({ id: 35287733, points: 320, commentCount: 204 });
    expect(p.topics.map((t) => t.id)).toEqual(['dmca-process', 'copyright-weights', 'mirroring', 'trade-secrets']);
    expect(p.topics[0]!.count).toBeGreaterThan(10);
    expect(p.mentions.length).toBeGreaterThanOrEqual(4);
    expect(p.timeline.map((e) => e.date)).toContain('2023-03-21');
    expect(p.reasons.join(' ')).toMatch(/Named in the DMCA notice of 2023-03-21/);
  });

  test('a fork inherits the notice through its network root and says so', () => {
    const p = k.panel('repo:someone/llama-dl', 'shawwn/llama-dl')!;
    expect(p.subject).toBe('repo:someone/llama-dl');
    expect(p.relations).toEqual(['named-in-notice', 'counter-noticed', 'llama']);
    expect(p.reasons[0]).toMatch(/fork of shawwn\/llama-dl.*entire network of 403/i);
  });

  test('facebookresearch/llama is discussed (PR #73 torrent, PR #184 licence)', () => {
    const p = k.panel('repo:facebookresearch/llama')!;
    expect(p.relations).toEqual(['discussed', 'llama']);
    expect(p.note).toMatch(/#73.*#184/);
    expect(p.mentions.map((m) => m.url)).toHaveLength(2);
  });

  test('notice and counter-notice pages', () => {
    const n = k.panel('notice:2023/03/2023-03-21-meta.md')!;
    expect(n.relations).toEqual(['counter-noticed', 'discussed', 'llama']);
    expect(n.notices[0]!.repos).toEqual(['shawwn/llama-dl']);
    const c = k.panel('notice:2023/04/2023-04-27-meta-counternotice.md')!;
    expect(c.reasons[0]).toMatch(/Counter-notice of 2023-04-27/);
    expect(c.notices[0]!.path).toBe('2023/03/2023-03-21-meta.md');
  });

  test('the inferred 2025 notice and its repos', () => {
    const p = k.panel('repo:junjie18/experiments_llama')!;
    expect(p.relations).toEqual(['named-in-notice', 'llama']);
    expect(p.notices[0]!.llama).toBe('inferred');
    expect(p.thread).toBeNull();
    const plain = k.panel('repo:yqy2001/experiments')!;
    expect(plain.relations).toEqual(['named-in-notice']);
  });

  test('unknown subjects get no panel', () => {
    expect(k.panel('repo:torvalds/linux')).toBeNull();
    expect(k.panel('repo:torvalds/linux', 'torvalds/linux')).toBeNull();
    expect(k.panel('repo:a/b', 'c/d')).toBeNull();
    expect(k.panel('garbage')).toBeNull();
  });

  test('every link in every panel is allowed', () => {
    const subjects = [
      ...bundledDataset.repos.map((r) => `repo:${r.repo}`),
      ...bundledDataset.notices.map((n) => `notice:${n.path.toLowerCase()}`),
      'thread:hn:35287733',
    ];
    for (const s of subjects) {
      const p = k.panel(s);
      expect(p, s).not.toBeNull();
      const urls = [
        ...p!.mentions.map((m) => m.url),
        ...p!.topics.flatMap((t) => t.points.flatMap((x) => x.links.map((l) => l.url))),
        ...p!.notices.map((n) => n.url),
        ...p!.timeline.flatMap((e) => (e.source.url ? [e.source.url] : [])),
      ];
      for (const u of urls) expect(safeHref(u), u).toBe(u);
    }
  });
});
