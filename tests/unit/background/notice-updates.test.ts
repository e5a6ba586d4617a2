/**
 * Notice updates against a fake GitHub answering in the documented API shapes (no network here): the
 * requests made (and not made), what a new notice changes in the answers, and that bad answers change
 * nothing. The notices' texts are our own minimal fixtures; the older notice they answer is the bundle's.
 */
import { describe, expect, test, vi } from 'vitest';
import type { PanelData, RepoPanel } from '@/utils/core/model';
import type { NoticeUpdatesView } from '@/utils/core/notice-updates';
import { overlayIndex, OVERLAY_FORMAT } from '@/utils/dmca/overlay';
import { createNoticeUpdates } from '@/utils/background/updates/service';
import { OVERLAY_KEY, readOverlay, type Area } from '@/utils/background/updates/store';
import { openDmcaIndexSync } from '@/utils/node/files';
import { index, memoryArea, POPUP, setup } from './harness';
import {
  BUNDLED,
  fakeSha,
  gitHub,
  HEAD,
  NEW_FILES,
  OLD_REPO,
  SMALL,
  UPDATE_REQUESTS,
  updateRequests,
  type Commit,
  type History,
} from '../../fixtures/dmca-updates';
import { isNoticePath } from '@/utils/dmca/overlay';
import { CAPS, fetchHead, fetchNotice } from '@/utils/background/updates/source';

const FILES = NEW_FILES;

interface FakeOptions {
  /** github/dmca's history after the bundled commit (default: two notices of September 2026). */
  history?: History;
  /** Answer this URL with this instead. */
  override?: (url: string) => Response | 'offline' | undefined;
}

/** GitHub answering in its documented shapes (tests/fixtures/dmca-updates.ts), as `fetch`; every request recorded. */
function fakeGitHub(opts: FakeOptions = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const answer = gitHub(opts.history ?? SMALL);
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    const o = opts.override?.(url);
    if (o === 'offline') throw new TypeError('Failed to fetch');
    if (o) return o;
    const a = answer(url);
    return new Response(a.body, { status: a.status, headers: a.headers });
  });
  return { fetch, requests };
}

/** A takedown of our own naming one repository (no third-party text). */
const takedownOf = (repo: string) => `Please provide a detailed description: our code was copied.\n\nhttps://github.com/${repo}\n`;

/** The bundled index, fully read once for every test (updates only read it). */
let bundledLoaded: ReturnType<typeof openDmcaIndexSync> | undefined;

function world(opts: { permission?: boolean; github?: ReturnType<typeof fakeGitHub>; area?: ReturnType<typeof memoryArea> } = {}) {
  const github = opts.github ?? fakeGitHub();
  const area = opts.area ?? memoryArea();
  const local: Area = { get: area.get, set: area.set, remove: async (k) => void delete area.data[k] };
  let permission = opts.permission ?? true;
  const removePermission = vi.fn(async () => void (permission = false));
  let reset = () => {};
  const updates = createNoticeUpdates({
    fetch: github.fetch,
    area: local,
    bundled: BUNDLED,
    openBundled: () => (bundledLoaded ??= openDmcaIndexSync()).prepareAll().then(() => bundledLoaded!),
    hasPermission: async () => permission,
    removePermission,
    changed: () => reset(),
    log: () => {},
  });
  const s = setup(
    {},
    {
      area,
      async dmca() {
        const o = await readOverlay(local, BUNDLED.commit);
        return o ? overlayIndex(index, o.notices, o.asOf) : index;
      },
    },
  );
  s.route.services.deps.updates = updates;
  reset = () => s.route.services.resetKnowledge();
  const status = async () => (await s.ask<{ view: NoticeUpdatesView }>({ type: 'noticeUpdates', action: 'status' }, POPUP))!.view;
  /** The page's question; a takedown page gives its link to the notice (raw, as the page reads it). */
  const page = async (subject: string, takedownHref?: string) =>
    (await s.ask<{ data: PanelData | null }>({ type: 'page', subject, ...(takedownHref ? { takedownHref } : {}) }))!.data;
  return { ...s, github, updates, status, page, removePermission, grant: () => void (permission = true) };
}

describe('notice updates', () => {
  test('off by default: no request, the bundled notices as of the snapshot; a check without the hosts fetches nothing', async () => {
    const w = world({ permission: false });
    expect(await w.status()).toMatchObject({ auto: false, asOf: '2026-08-21', downloaded: 0, permission: false, error: null });
    await w.updates.daily();
    await w.updates.check();
    expect(w.github.requests).toEqual([]);
    expect((await w.status()).error?.kind).toBe('permission');
  });

  test('a check: the head, what changed since the bundled commit, one raw file per new notice — no cookies, no referrer', async () => {
    const w = world();
    await w.updates.check();
    expect(w.github.requests.map((r) => r.url)).toEqual(UPDATE_REQUESTS);
    for (const { init } of w.github.requests) expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    const v = await w.status();
    expect(v).toMatchObject({ asOf: '2026-09-05', downloaded: 2, error: null, running: null, skipped: [] });
    expect(v.lastAdded).toMatchObject({ count: 2, byKind: { takedown: 1, 'counter-notice': 1 } });
    // Nothing new: the head is the same, one request.
    w.github.requests.length = 0;
    await w.updates.check();
    expect(w.github.requests.map((r) => r.url)).toEqual(['https://api.github.com/repos/github/dmca/branches/master']);
    expect((await w.status()).downloaded).toBe(2);
  });

  test('a newer counter-notice changes an older repo’s outcome; a newer takedown gives its repo a panel, a badge and its takedown page a card', async () => {
    const w = world();
    const before = (await w.page(`repo:${OLD_REPO}`)) as RepoPanel;
    expect(before.outcome.state).toBe('disabled');
    expect(await w.page('repo:newowner/copied-repo')).toBeNull();
    await w.updates.check();
    const after = (await w.page(`repo:${OLD_REPO}`)) as RepoPanel;
    expect(after.outcome.state).toBe('disputed');
    expect(after.notices[0]!.card.answers.map((a) => a.path)).toEqual(['2026/09/2026-09-02-sacombank-counternotice.md']);
    const fresh = (await w.page('repo:newowner/copied-repo')) as RepoPanel;
    expect(fresh.notices.map((n) => n.card.path)).toEqual(['2026/09/2026-09-03-example-corp.md']);
    const links = await w.ask<{ known: Record<string, unknown> }>({ type: 'links', hrefs: ['/newowner/copied-repo'] });
    expect(Object.keys(links!.known)).toEqual(['/newowner/copied-repo']);
    const takedown = (await w.page(
      'repo:newowner/copied-repo',
      '/github/dmca/blob/master/2026/09/2026-09-03-example-corp.md',
    )) as RepoPanel;
    expect(takedown.takedownPage).toMatchObject({ known: true, notice: { path: '2026/09/2026-09-03-example-corp.md' } });
  });

  test('a panel is dated by the notices it reads: the bundle’s date, or the newest of the downloaded notices it shows — never when the user checked', async () => {
    const w = world();
    expect(((await w.page(`repo:${OLD_REPO}`)) as RepoPanel).asOf).toBe('2026-08-21');
    await w.updates.check();
    // The check reached master's head of Sep 5; each answer gives the date of the downloaded notices it shows.
    expect(((await w.page(`repo:${OLD_REPO}`)) as RepoPanel).asOf).toBe('2026-09-02');
    expect((await w.page('repo:newowner/copied-repo'))!.asOf).toBe('2026-09-03');
    expect((await w.page('notice:2026/09/2026-09-03-example-corp.md'))!.asOf).toBe('2026-09-03');
    expect((await w.page('repo:newowner/copied-repo', 'notice:2026/09/2026-09-03-example-corp.md'))!.asOf).toBe('2026-09-03');
    // Bundled notices only: the bundle's date, as for every user of this version, updates or not.
    for (const s of ['repo:shawwn/llama-dl', 'notice:2023/03/2023-03-21-meta.md', 'thread:hn:35287733', 'repo:ytdl-org/youtube-dl'])
      expect((await w.page(s))!.asOf, s).toBe('2026-08-21');
    expect((await w.page('repo:ytdl-org/youtube-dl', 'notice:2020/10/2020-10-23-RIAA.md'))!.asOf).toBe('2026-08-21');
  });

  test('two users whose answers read the same notices see the same date, whenever each checked', async () => {
    // The second user checked weeks later: master has moved on (an unrelated notice, and one GitHub filed late under August).
    const lateAugust = '2026/08/2026-08-15-late-filed.md';
    const later: History = {
      ...SMALL,
      commits: [
        ...SMALL.commits,
        { sha: fakeSha('late August notice'), date: '2026-09-20T08:00:00Z', files: { [lateAugust]: takedownOf('lateowner/august-repo') } },
        {
          sha: fakeSha('October notice'),
          date: '2026-10-01T08:00:00Z',
          files: { '2026/10/2026-10-01-other.md': takedownOf('otherowner/other') },
        },
      ],
    };
    const early = world();
    await early.updates.check();
    const late = world({ github: fakeGitHub({ history: later }) });
    await late.updates.check();
    expect((await early.status()).asOf).not.toBe((await late.status()).asOf);
    for (const s of [`repo:${OLD_REPO}`, 'repo:newowner/copied-repo', 'repo:shawwn/llama-dl'])
      expect((await late.page(s))!.asOf, s).toBe((await early.page(s))!.asOf);
    expect((await late.page('repo:otherowner/other'))!.asOf).toBe('2026-10-01');
    // A downloaded notice dated before the bundled snapshot: the snapshot's date, not an earlier one.
    expect((await late.page('repo:lateowner/august-repo'))!.asOf).toBe('2026-08-21');
  });

  test('the same requests whatever pages were visited before', async () => {
    const a = world();
    await a.updates.check();
    const b = world();
    for (const s of ['repo:shawwn/llama-dl', `repo:${OLD_REPO}`, 'repo:x/y', 'notice:2023/03/2023-03-21-meta.md']) await b.page(s);
    await b.ask({ type: 'links', hrefs: ['/facebookresearch/llama', 'https://github.com/github/dmca/blob/master/2026/08/x.md'] });
    await b.updates.check();
    expect(b.github.requests).toEqual(a.github.requests);
  });

  test.each([
    ['offline', () => 'offline' as const, 'offline'],
    [
      'rate-limited',
      () => new Response('{}', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1788600000' } }),
      'rate-limited',
    ],
    ['a server error', () => new Response('oops', { status: 502 }), 'server'],
    ['not JSON', () => new Response('<html><script>alert(1)</script>', { status: 200 }), 'invalid'],
    ['an unexpected shape', () => new Response('{"commit":{"sha":"../../etc"}}', { status: 200 }), 'invalid'],
    ['an oversized answer', () => new Response('{}', { status: 200, headers: { 'content-length': String(50_000_000) } }), 'too-large'],
  ])('%s: shown plainly, and the notices of the last good check are kept', async (_name, answer, kind) => {
    const w = world();
    await w.updates.check();
    const stored = structuredClone(w.area.data[OVERLAY_KEY]);
    // The next check meets a new head (so it reads on), then the failure.
    let failing = false;
    w.github.fetch.mockImplementationOnce(async (url: string, init: RequestInit) => {
      w.github.requests.push({ url, init });
      failing = true;
      const o = answer();
      if (o === 'offline') throw new TypeError('Failed to fetch');
      return o;
    });
    await w.updates.check();
    expect(failing).toBe(true);
    const v = await w.status();
    expect(v.error?.kind).toBe(kind);
    if (kind === 'rate-limited') expect(v.error?.resetAt).toBe(new Date(1788600000 * 1000).toISOString());
    expect(v.running).toBeNull();
    expect(w.area.data[OVERLAY_KEY]).toEqual(stored);
    expect(((await w.page(`repo:${OLD_REPO}`)) as RepoPanel).outcome.state).toBe('disputed');
  });

  test('a check that fails part-way stores nothing: the previous notices stay in use', async () => {
    const github = fakeGitHub({ override: (url) => (url.endsWith('example-corp.md') ? 'offline' : undefined) });
    const w = world({ github });
    await w.updates.check();
    expect(github.requests.some((r) => r.url.endsWith('sacombank-counternotice.md'))).toBe(true);
    expect(w.area.data[OVERLAY_KEY]).toBeUndefined();
    expect(await w.status()).toMatchObject({ downloaded: 0, asOf: '2026-08-21', error: { kind: 'offline' } });
    expect(((await w.page(`repo:${OLD_REPO}`)) as RepoPanel).outcome.state).toBe('disabled');
  });

  test('a comparison that names paths outside the notice folders, and a file too large to read: those are skipped, the rest kept', async () => {
    const github = fakeGitHub({
      override(url) {
        if (url.includes('/compare/'))
          return new Response(
            JSON.stringify({
              total_commits: 2,
              commits: SMALL.commits.map((c) => ({ sha: c.sha })),
              files: [
                ...Object.keys(FILES).map((filename) => ({ filename, status: 'added' })),
                { filename: '2026/09/../../.github/secret.md', status: 'added' },
                { filename: 'data/notices.csv', status: 'modified' },
                { filename: '2026/09/sub/x.md', status: 'added' },
                { filename: '2026/09/2026-09-04-huge.md', status: 'added' },
              ],
            }),
          );
        if (url.endsWith('2026-09-04-huge.md')) return new Response('x', { headers: { 'content-length': '5000000' } });
        return undefined;
      },
    });
    const w = world({ github });
    await w.updates.check();
    const urls = github.requests.map((r) => r.url);
    expect(urls.filter((u) => u.includes('secret') || u.includes('csv') || u.includes('/sub'))).toEqual([]);
    const v = await w.status();
    expect(v.downloaded).toBe(2);
    expect(v.skipped).toEqual([{ path: '2026/09/2026-09-04-huge.md', reason: expect.stringMatching(/larger than/) }]);
  });

  test('a notice GitHub committed late into an earlier month’s folder is fetched: what changed since the bundled commit decides, not the folder', async () => {
    // After the bundle (2026-08-21), GitHub adds a notice to the July folder, then September's.
    const late = '2026/07/2026-07-30-late-example.md';
    const history: History = {
      ...SMALL,
      commits: [
        { sha: fakeSha('late July notice'), date: '2026-08-28T12:00:00Z', files: { [late]: takedownOf('lateowner/late-repo') } },
        ...SMALL.commits,
      ],
    };
    const github = fakeGitHub({ history });
    const w = world({ github });
    expect(await w.page('repo:lateowner/late-repo')).toBeNull();
    await w.updates.check();
    expect(github.requests.map((r) => r.url)).toContain(`https://raw.githubusercontent.com/github/dmca/${HEAD}/${late}`);
    expect(await w.status()).toMatchObject({ downloaded: 3, error: null });
    const panel = (await w.page('repo:lateowner/late-repo')) as RepoPanel;
    expect(panel.notices.map((n) => n.card.path)).toEqual([late]);
    expect(github.requests.map((r) => r.url)).toEqual(updateRequests(history));
    // The next check starts from the commit the last one reached: nothing new, one request.
    github.requests.length = 0;
    await w.updates.check();
    expect(github.requests.map((r) => r.url)).toEqual(['https://api.github.com/repos/github/dmca/branches/master']);
  });

  test('more files than GitHub lists in one comparison: the range is read in parts; a file removed later is not fetched', async () => {
    // 349 commits of one new notice each, one that removes an earlier one, then the head.
    const commits: Commit[] = [];
    for (let k = 0; k < 349; k++) {
      const day = String(1 + (k % 28)).padStart(2, '0');
      commits.push({
        sha: fakeSha(`bulk ${k}`),
        date: `2026-09-${day}T00:00:00Z`,
        files: { [`2026/09/2026-09-${day}-bulk-${String(k).padStart(3, '0')}.md`]: takedownOf(`bulk${k}/repo`) },
      });
    }
    commits.push({ sha: fakeSha('bulk removal'), date: '2026-09-29T00:00:00Z', files: { '2026/09/2026-09-01-bulk-000.md': null } });
    const history: History = { ...SMALL, commits };
    const github = fakeGitHub({ history });
    const w = world({ github });
    await w.updates.check();
    const head = commits.at(-1)!.sha;
    const api = github.requests.map((r) => r.url).filter((u) => u.startsWith('https://api.github.com/'));
    const at = (i: number) => (i < 0 ? BUNDLED.commit : commits[i]!.sha);
    const cmp = 'https://api.github.com/repos/github/dmca/compare/';
    expect(api).toEqual([
      'https://api.github.com/repos/github/dmca/branches/master',
      ...[1, 2, 3, 4].map((p) => `${cmp}${BUNDLED.commit}...${head}?per_page=100&page=${p}`),
      ...[
        [-1, 99],
        [99, 199],
        [199, 299],
        [299, 349],
      ].map(([i, j]) => `${cmp}${at(i!)}...${at(j!)}?per_page=1`),
    ]);
    const raws = github.requests.filter((r) => r.url.startsWith('https://raw.githubusercontent.com/'));
    expect(raws.length).toBe(348);
    expect(raws.some((r) => r.url.endsWith('bulk-000.md'))).toBe(false);
    expect(await w.status()).toMatchObject({ downloaded: 348, error: null });
  });

  test('one commit that changes more files than GitHub lists: a plain error, nothing changed', async () => {
    const files: Commit['files'] = {};
    for (let k = 0; k < 301; k++) files[`2026/09/2026-09-01-many-${k}.md`] = takedownOf(`many${k}/repo`);
    const github = fakeGitHub({ history: { ...SMALL, commits: [{ sha: fakeSha('many'), date: '2026-09-01T00:00:00Z', files }] } });
    const w = world({ github });
    await w.updates.check();
    expect(await w.status()).toMatchObject({
      downloaded: 0,
      error: { kind: 'too-large', message: expect.stringMatching(/more files than GitHub lists/) },
    });
    expect(github.requests.some((r) => r.url.startsWith('https://raw.githubusercontent.com/'))).toBe(false);
  });

  test('stored notices of another format are dropped, not read; turning off removes the permission and, on request, the notices', async () => {
    const w = world();
    await w.updates.check();
    expect((await w.status()).downloaded).toBe(2);
    await w.updates.turnOff(false);
    expect(w.removePermission).toHaveBeenCalledTimes(1);
    expect((await w.status()).downloaded).toBe(2);
    await w.updates.turnOff(true);
    expect(w.area.data[OVERLAY_KEY]).toBeUndefined();
    expect(((await w.page(`repo:${OLD_REPO}`)) as RepoPanel).outcome.state).toBe('disabled');
    // Another format (an extension update changed the index format): dropped when read.
    w.grant();
    await w.updates.check();
    (w.area.data[OVERLAY_KEY] as { format: string }).format = 'backstory-dmca-index v3 / overlay 1';
    w.route.services.resetKnowledge();
    expect((await w.status()).downloaded).toBe(0);
    expect(w.area.data[OVERLAY_KEY]).toBeUndefined();
    expect(OVERLAY_FORMAT).toMatch(/v4/);
  });

  test('the daily check: only when on, permitted, and the last check is a day old', async () => {
    let now = new Date('2026-09-10T08:00:00Z');
    const github = fakeGitHub();
    const area = memoryArea();
    const w = world({ github, area });
    const u = createNoticeUpdates({
      fetch: github.fetch,
      area: { ...area, remove: async (k) => void delete area.data[k] },
      bundled: BUNDLED,
      openBundled: () => (bundledLoaded ??= openDmcaIndexSync()).prepareAll().then(() => bundledLoaded!),
      hasPermission: async () => true,
      removePermission: async () => {},
      changed: () => {},
      now: () => now,
    });
    await u.daily();
    expect(github.requests).toEqual([]);
    await u.setAuto(true);
    await u.daily();
    expect(github.requests.length).toBe(UPDATE_REQUESTS.length);
    now = new Date('2026-09-11T07:00:00Z');
    await u.daily();
    expect(github.requests.length).toBe(UPDATE_REQUESTS.length);
    now = new Date('2026-09-11T09:00:00Z');
    await u.daily();
    expect(github.requests.length).toBe(UPDATE_REQUESTS.length + 1);
    expect((await w.status()).auto).toBe(true);
  });
});

describe('the pure parts', () => {
  test.each([
    ['2026/09/2026-09-03-example-corp.md', true],
    ['2014/2014-02-07-Ninja-Courses.md', true],
    ['2012/2012-08-09-rtmpdump.markdown', true],
    ['2026/09/../../.github/x.md', false],
    ['2026/09/.hidden.md', false],
    ['data/notices.csv', false],
    ['2026/09/sub/x.md', false],
    ['README.md', false],
    ['2026/09/x.md\n', false],
    ['2026/09/a\u0000.md', false],
    [`2026/09/${'a'.repeat(400)}.md`, false],
  ])('%j is a notice path: %s', (path, ok) => {
    expect(isNoticePath(path)).toBe(ok);
  });
});

test('an answer without a length is read no further than its cap (not buffered whole first)', async () => {
  const endless = () => {
    const pulled = { bytes: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled.bytes += 65_536;
        c.enqueue(new Uint8Array(65_536).fill(0x61));
      },
    });
    return { pulled, fetch: async () => new Response(body, { status: 200 }) };
  };
  const head = endless();
  await expect(fetchHead(head.fetch)).rejects.toMatchObject({ kind: 'too-large' });
  expect(head.pulled.bytes).toBeLessThanOrEqual(CAPS.branch + 3 * 65_536);
  const notice = endless();
  await expect(fetchNotice(notice.fetch, 'a'.repeat(40), '2026/08/x.md')).rejects.toMatchObject({ kind: 'too-large' });
  expect(notice.pulled.bytes).toBeLessThanOrEqual(CAPS.notice + 3 * 65_536);
  // A notice in several languages is whole when its characters are split across chunks.
  const text = 'Ünïcödé — 著作権 '.repeat(5000);
  const bytes = new TextEncoder().encode(text);
  const chunked = new ReadableStream<Uint8Array>({
    start(c) {
      for (let i = 0; i < bytes.length; i += 1000) c.enqueue(bytes.subarray(i, i + 1000));
      c.close();
    },
  });
  expect(await fetchNotice(async () => new Response(chunked, { status: 200 }), 'a'.repeat(40), '2026/08/x.md')).toBe(text);
  // A connection lost mid-answer is said plainly, like one never made.
  const cut = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes.subarray(0, 1000));
      c.error(new TypeError('network error'));
    },
  });
  await expect(fetchNotice(async () => new Response(cut, { status: 200 }), 'a'.repeat(40), '2026/08/x.md')).rejects.toMatchObject({
    kind: 'offline',
  });
});
