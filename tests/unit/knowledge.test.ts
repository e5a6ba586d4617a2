/**
 * The knowledge engine: the curated stories and the index of every github/dmca notice, one model.
 * Answers are structured facts; the words are tested with the components.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PanelData, RepoPanel } from '@/utils/core/model';
import { safeHref } from '@/utils/core/safe-url';
import { bundledDataset } from '@/utils/dataset/bundled';
import { validateDatasetTexts } from '@/utils/dataset/validate';
import { badgeLabel } from '@/utils/content/badges';
import { badgeHint, badgeTone } from '@/utils/core/words';
import { createKnowledge } from '@/utils/knowledge/engine';
import { openDmcaIndexSync, readDatasetTexts } from '@/utils/node/files';

const index = openDmcaIndexSync();
await index.prepareAll();
const k = createKnowledge(bundledDataset, index);

/** Every URL a panel renders. */
const urls = (p: PanelData) => [
  ...(p.kind === 'repo'
    ? [...p.notices.map((n) => n.card), ...p.storyNotices]
    : p.kind === 'notice'
      ? [p.notice, ...p.answers.map((a) => a.card)]
      : p.notices
  ).flatMap((c) => [
    c.url,
    ...[c.sender, c.principal, c.filer, c.textDate, c.network, c.party].flatMap((f) => (f ? [f.source] : [])),
    ...c.answers.flatMap((a) => [a.url, ...(a.cites ? [a.cites] : []), ...(a.party ? [a.party.source] : [])]),
  ]),
  ...(p.kind === 'repo'
    ? [...p.notices.flatMap((n) => (n.namedAt ? [n.namedAt] : [])), ...(p.outcome.namedAt ? [p.outcome.namedAt] : [])]
    : []),
  ...p.threads.flatMap((t) => [
    t.url,
    ...t.mentions.map((m) => m.url),
    ...t.topics.flatMap((x) => x.points.flatMap((pt) => pt.cites.map((c) => c.url))),
  ]),
  ...p.timeline.flatMap((e) => (e.source.url ? [e.source.url] : [])),
];

describe('badges', () => {
  test('known subjects only, with their relations; a comment of a thread resolves to the thread', () => {
    const subjects = [
      'repo:shawwn/llama-dl',
      'repo:facebookresearch/llama',
      'repo:torvalds/linux',
      'notice:2023/03/2023-03-21-meta.md',
      'notice:2099/01/2099-01-01-nobody.md',
      'thread:hn:35287733',
      'thread:hn:35288415',
      'thread:hn:35007978',
      'thread:hn:1',
      'not a subject',
    ];
    const known = Object.fromEntries(subjects.flatMap((s) => (k.badge(s) ? [[s, k.badge(s)!]] : [])));
    expect(Object.keys(known).sort()).toEqual([
      'notice:2023/03/2023-03-21-meta.md',
      'repo:facebookresearch/llama',
      'repo:shawwn/llama-dl',
      'thread:hn:35007978',
      'thread:hn:35287733',
      'thread:hn:35288415',
    ]);
    expect(known['repo:shawwn/llama-dl']!.relations).toEqual(['named-in-notice', 'counter-noticed', 'discussed', 'llama']);
    expect(known['notice:2023/03/2023-03-21-meta.md']!.relations).toEqual(['counter-noticed', 'discussed', 'llama']);
    expect(known['thread:hn:35288415']!.subject).toBe('thread:hn:35287733');
    expect(known['repo:shawwn/llama-dl']!.facts).toMatchObject({
      kind: 'repo',
      outcome: { state: 'disputed', notice: { path: '2023/03/2023-03-21-meta.md', party: { value: 'Meta Platforms, Inc.' } } },
      takedowns: 1,
      discussed: true,
    });
  });
});

describe('repo panels', () => {
  test('llama-dl: its takedown with the answer, the thread with mentions and its topics, the timeline', () => {
    const p = k.panel('repo:shawwn/llama-dl') as RepoPanel;
    expect(p.relations).toEqual(['named-in-notice', 'counter-noticed', 'discussed', 'llama']);
    expect(p.match).toEqual({ via: 'record' });
    expect(p.notices).toHaveLength(1);
    const line = (n: number) => `https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md#L${n}`;
    // Every fact of the card links to the line of the notice it was read from.
    expect(p.notices[0]).toMatchObject({
      role: 'named',
      namedAt: line(20),
      card: {
        path: '2023/03/2023-03-21-meta.md',
        file: '2023-03-21-meta.md',
        network: { value: 403, source: line(1) },
        sender: { value: 'OpSec Online LLC', source: line(38) },
        principal: { value: 'Meta Platforms, Inc.', source: line(45) },
        textDate: { value: '2023-03-20', source: line(7) },
        llama: 'stated',
      },
    });
    // The counter-notice is filed for Tensorfork Labs (never "from Meta"), and concerns this repo.
    expect(p.notices[0]!.card.answers[0]).toMatchObject({
      kind: 'counter-notice',
      party: {
        value: 'Tensorfork Labs',
        source: 'https://github.com/github/dmca/blob/master/2023/04/2023-04-27-meta-counternotice.md#L41',
      },
      date: '2023-04-27',
      inferred: false,
      concerns: 'this',
    });
    expect(p.notices[0]!.card.answers[0]!.cites).toMatch(/2023-04-27-meta-counternotice\.md#L\d+$/);
    expect(p.outcome).toMatchObject({
      state: 'disputed',
      notice: { path: '2023/03/2023-03-21-meta.md' },
      namedAt: line(20),
      by: { kind: 'counter-notice', path: '2023/04/2023-04-27-meta-counternotice.md' },
      viaRoot: null,
    });
    expect(p.threads).toHaveLength(1);
    expect(p.threads[0]).toMatchObject({ id: 35287733, points: 320, commentCount: 204, recorded: 203 });
    expect(p.threads[0]!.topics.map((t) => t.id)).toEqual([
      'dmca-process',
      'copyright-weights',
      'mirroring',
      'trade-secrets',
      'github-role',
      'weights-nature',
    ]);
    expect(p.threads[0]!.mentions.length).toBeGreaterThanOrEqual(4);
    expect(p.timeline.map((e) => e.date)).toContain('2023-03-21');
  });

  test('a fork inherits its network root’s notice, and says it is a fork', () => {
    const p = k.panel('repo:someone/llama-dl', 'shawwn/llama-dl') as RepoPanel;
    expect(p.subject).toBe('repo:someone/llama-dl');
    expect(p.relations).toEqual(['named-in-notice', 'counter-noticed', 'llama']);
    expect(p.match).toEqual({ via: 'fork', root: 'shawwn/llama-dl' });
    expect(p.notices[0]).toMatchObject({ role: 'network', card: { network: { value: 403 } } });
    // Disabled with its network; the counter-notice was filed for the root, not for this fork.
    expect(p.outcome).toMatchObject({ state: 'disabled', viaRoot: 'shawwn/llama-dl', by: null });
    expect(k.panel('repo:someone-new/youtube-dl', 'ytdl-org/youtube-dl')).toMatchObject({
      match: { via: 'fork' },
      relations: ['named-in-notice', 'counter-noticed'],
    });
    expect(k.panel('repo:someone-new/youtube-dl')).toBeNull();
  });

  test('a repo only the index knows: its notices newest first, each answer told with the notice it answers', () => {
    const p = k.panel('repo:ytdl-org/youtube-dl') as RepoPanel;
    expect(p.threads).toEqual([]);
    const riaa = p.notices.find((n) => n.card.path === '2020/10/2020-10-23-RIAA.md')!;
    expect(riaa.role).toBe('named');
    expect(riaa.card.repoCount).toBe(18);
    expect(riaa.card.answers.map((a) => a.kind)).toContain('reversal');
    // The reversal names the repo too, but it is told once: with the notice it reverses.
    expect(p.notices.filter((n) => n.card.kind === 'reversal')).toEqual([]);
  });

  test('the 2025 notice: inferred LLaMA link, its own story, no thread of another story', () => {
    const p = k.panel('repo:junjie18/experiments_llama') as RepoPanel;
    expect(p.relations).toEqual(['named-in-notice', 'llama']);
    expect(p.notices[0]!.card.llama).toBe('inferred');
    expect(p.threads).toEqual([]);
    expect((k.panel('repo:yqy2001/experiments') as RepoPanel).relations).toEqual(['named-in-notice']);
  });

  test('takedown pages: known notice, and a notice newer than the snapshot', () => {
    const p = k.takedownPanel('repo:ytdl-org/youtube-dl', 'notice:2020/10/2020-10-23-riaa.md')!;
    expect(p.takedownPage).toMatchObject({
      known: true,
      notice: { path: '2020/10/2020-10-23-RIAA.md', party: { value: 'Recording Industry Association of America, Inc.' } },
    });
    // GitHub's page says it is disabled now, whatever the record says became of the notice.
    expect(p.outcome.state).toBe('disabled');
    const fresh = k.takedownPanel('repo:fresh-owner/thing', 'notice:2026/11/2026-11-20-acme.md')!;
    expect(fresh).toMatchObject({
      relations: ['named-in-notice'],
      notices: [],
      takedownPage: {
        known: false,
        notice: { url: 'https://github.com/github/dmca/blob/master/2026/11/2026-11-20-acme.md', date: '2026-11-20', party: null },
      },
      outcome: { state: 'disabled', notice: { path: '2026/11/2026-11-20-acme.md' } },
    });
    expect(k.takedownPanel('repo:fresh-owner/thing', 'javascript:alert(1)')).toBeNull();
  });

  test.each([
    // Reversed by GitHub: reinstated, though a counter-notice or others may also name it.
    ['ytdl-org/youtube-dl', undefined, 'reinstated', '2020/10/2020-10-23-RIAA.md', 'reversal'],
    // A retraction names one repo of the notice: that one is reinstated, the rest stay disabled.
    [
      'thesnowguru/pytrader-python-mt4-mt5-trading-api-connector-drag-n-drop',
      undefined,
      'reinstated',
      '2023/11/2023-11-07-metatrader.md',
      'retraction',
    ],
    ['aliakseis/copy_trade_system', undefined, 'disabled', '2023/11/2023-11-07-metatrader.md', null],
    // A reversal naming no repo reverses the whole notice.
    ['6un9-h0-dan/community_kit', undefined, 'reinstated', '2022/11/2022-11-15-cobaltstrike.md', 'reversal'],
    // GitHub reversed the counter-notice: undisputed; and the notice names only files in it: named, not disabled.
    ['moongazer07/dev', undefined, 'named', '2023/08/2023-08-18-chessaid.md', null],
    // GitHub's note that the owners were first offered changes, one playlist file: named.
    ['clashunico/wiseplay', undefined, 'named', '2025/06/2025-06-04-laliga-2.md', null],
    // The complainant's own original work (a letter: "The original work resides in this repo"): no outcome.
    ['skyverge/wc-plugins', undefined, 'none', null, null],
    // The owner withdrew its counter-notice: the takedown stands, undisputed.
    ['gh0stblade/lumberyard', undefined, 'disabled', '2017/2017-11-17-AWS.md', null],
    // Two takedowns on one day: the one asking for the whole repository decides.
    ['erick-alvino/jym', undefined, 'disabled', '2020/09/2020-09-21-product-version.md', null],
    // A retraction named after its notice (…-Galleria-5-Retraction) restores what that notice named.
    ['b-works/bworks', undefined, 'reinstated', '2017/2017-02-13-Galleria-5.md', 'retraction'],
    ['shawwn/llama-dl', undefined, 'disputed', '2023/03/2023-03-21-meta.md', 'counter-notice'],
    // A fork of a named repo is decided by the root's takedown only when GitHub processed it against the
    // whole network (the RIAA notice was not): no outcome of its own.
    ['someone/youtube-dl', 'ytdl-org/youtube-dl', 'none', null, null],
    // …and a fork of a repo whose network was processed is disabled with it.
    ['someone/llama-dl', 'shawwn/llama-dl', 'disabled', '2023/03/2023-03-21-meta.md', null],
    // Discussed or LLaMA-related only: no takedown names it.
    ['facebookresearch/llama', undefined, 'none', null, null],
  ])('outcome of %s (root %s): %s', (repo, root, state, notice, by) => {
    const p = k.panel(`repo:${repo}`, root) as RepoPanel;
    expect(p.outcome.state).toBe(state);
    expect(p.outcome.notice?.path ?? null).toBe(notice);
    expect(p.outcome.by?.kind ?? null).toBe(by);
  });

  test('an answer for other repositories is told as such', () => {
    const p = k.panel('repo:aliakseis/copy_trade_system') as RepoPanel;
    const retraction = p.notices[0]!.card.answers.find((a) => a.kind === 'retraction')!;
    expect(retraction.concerns).toBe('others');
  });

  test('unknown subjects get no panel', () => {
    for (const [s, root] of [['repo:torvalds/linux'], ['repo:torvalds/linux', 'torvalds/linux'], ['repo:a/b', 'c/d'], ['garbage']])
      expect(k.panel(s!, root)).toBeNull();
  });
});

describe('notice and thread panels', () => {
  test('a notice page: the notice with the repos it names; a counter-notice shows the notice it answers', () => {
    const n = k.panel('notice:2023/03/2023-03-21-meta.md')!;
    expect(n).toMatchObject({
      kind: 'notice',
      relations: ['counter-noticed', 'discussed', 'llama'],
      notice: { repos: ['shawwn/llama-dl'] },
    });
    const c = k.panel('notice:2023/04/2023-04-27-meta-counternotice.md')!;
    expect(c).toMatchObject({
      kind: 'notice',
      notice: { kind: 'counter-notice' },
      answers: [{ card: { path: '2023/03/2023-03-21-meta.md' }, inferred: false }],
    });
    const inferred = k.panel('notice:2017/2017-06-08-borderless-gaming-retraction.md')!;
    expect(inferred).toMatchObject({ answers: [{ card: { path: '2017/2017-06-05-Borderless-Gaming.md' }, inferred: true }] });
  });

  test('the thread page: every topic, the outline of every comment, the story’s notices', () => {
    const t = k.panel('thread:hn:35287733')!;
    expect(t.kind).toBe('thread');
    expect(t.threads[0]!.topics).toHaveLength(16);
    expect(t.threads[0]!.outline).toHaveLength(203);
    expect(t.kind === 'thread' && t.notices.map((n) => n.path)).toEqual(['2023/03/2023-03-21-meta.md']);
  });

  test('every link in every panel of the curated stories is allowed', () => {
    const d = bundledDataset;
    const subjects = [
      ...d.stories.flatMap((s) => [...s.repos.map((r) => `repo:${r.repo}`), ...s.notices.map((n) => `notice:${n.path.toLowerCase()}`)]),
      ...d.threads.map((t) => `thread:hn:${t.id}`),
    ];
    for (const s of subjects) {
      const p = k.panel(s);
      expect(p, s).not.toBeNull();
      for (const u of urls(p!)) expect(safeHref(u), u).toBe(u);
    }
  });
});

describe('stories are data: a second story with two threads needs no code', () => {
  const texts = { ...readDatasetTexts(), ...readDatasetTexts(join(__dirname, '../fixtures/dataset')) };
  const { dataset, problems } = validateDatasetTexts(texts);
  if (!dataset) throw new Error(`the synthetic story is invalid: ${JSON.stringify(problems)}`);
  const k2 = createKnowledge(dataset, index);

  test('the combined dataset is valid', () => {
    expect(problems).toEqual([]);
  });

  test('its repo page shows two thread cards, each with the comment that mentions it', () => {
    const p = k2.panel('repo:example-org/second-story') as RepoPanel;
    expect(p.relations).toEqual(['discussed']);
    expect(p.story).toBe('a synthetic test story');
    expect(p.threads.map((t) => t.id)).toEqual([900000001, 900000002]);
    expect(p.threads.map((t) => t.topics.map((x) => x.id))).toEqual([['alpha'], ['beta']]);
    expect(p.threads.every((t) => t.mentions.length === 1)).toBe(true);
  });

  test('its thread pages get the outline; comment ids resolve to their thread; the seed story is unchanged', () => {
    const t = k2.panel('thread:hn:900000002')!;
    expect(t.threads[0]!.outline).toHaveLength(3);
    expect(k2.badge('thread:hn:900000002')?.subject).toBe('thread:hn:900000002');
    expect(k2.badge('thread:hn:900000003')?.subject).toBe('thread:hn:900000002');
    expect(k2.panel('repo:shawwn/llama-dl')).toEqual(k.panel('repo:shawwn/llama-dl'));
  });
});

describe('a badge says what the panel says (issues 21, 24)', () => {
  test('a repo named only in counter-notices: a grey DMCA badge naming the counter-notice, never a LLaMA label', async () => {
    await k.prepareBadges(['repo:midgetspy/sick-beard']);
    const b = k.badge('repo:midgetspy/sick-beard')!;
    expect(b.relations).not.toContain('named-in-notice');
    const info = { subject: b.subject, relations: b.relations, hint: badgeHint(b.facts), tone: badgeTone(b.facts)! };
    expect(info.tone).toBe('named');
    expect(info.hint).toMatch(/^midgetspy\/sick-beard — named in a counter-notice of /);
    expect(badgeLabel(info)).toEqual({ text: 'DMCA', cls: 'named' });
  });

  test("a link to a counter-notice is amber, as its page's lead", () => {
    const b = k.badge('notice:2023/04/2023-04-27-meta-counternotice.md')!;
    expect(badgeTone(b.facts)).toBe('disputed');
  });
});
