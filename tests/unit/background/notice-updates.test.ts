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
import { HEAD, NEW_FILES, OLD_REPO, OLD_TAKEDOWN, UPDATE_REQUESTS } from '../../fixtures/dmca-updates';
import { isNoticePath } from '@/utils/dmca/overlay';
import { monthsBetween } from '@/utils/background/updates/source';

const BUNDLED = { commit: '9f92b957c670caebcee96b88e257192e92505fc1', snapshot: '2026-08-21' };
const FILES = NEW_FILES;

interface FakeOptions {
  /** Answer this URL (a prefix) with this instead. */
  override?: (url: string) => Response | 'offline' | undefined;
}

function fakeGitHub(opts: FakeOptions = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const json = (body: unknown, init: ResponseInit = {}) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    const o = opts.override?.(url);
    if (o === 'offline') throw new TypeError('Failed to fetch');
    if (o) return o;
    if (url === 'https://api.github.com/repos/github/dmca/branches/master')
      return json({ name: 'master', commit: { sha: HEAD, commit: { committer: { date: '2026-09-05T10:00:00Z' } } } });
    const m = /^https:\/\/api\.github\.com\/repos\/github\/dmca\/contents\/(\d{4}\/\d{2})\?ref=([0-9a-f]{40})$/.exec(url);
    if (m) {
      const listing =
        m[1] === '2026/08'
          ? [{ type: 'file', path: OLD_TAKEDOWN, size: 100, sha: 'x', name: 'x' }]
          : m[1] === '2026/09'
            ? Object.keys(FILES).map((path) => ({ type: 'file', path, size: 100, name: path.split('/').pop() }))
            : null;
      return listing ? json(listing) : new Response('{"message":"Not Found"}', { status: 404 });
    }
    const raw = `https://raw.githubusercontent.com/github/dmca/${HEAD}/`;
    if (url.startsWith(raw) && FILES[decodeURIComponent(url.slice(raw.length))] !== undefined)
      return new Response(FILES[decodeURIComponent(url.slice(raw.length))], { status: 200 });
    return new Response('not found', { status: 404 });
  });
  return { fetch, requests };
}

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
        return o ? overlayIndex(index, o.notices) : index;
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

  test('a check: the head, one listing per month since the snapshot, one raw file per new notice — no cookies, no referrer', async () => {
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

  test('a listing that names paths outside the notice folders, and a file too large to read: those are skipped, the rest kept', async () => {
    const github = fakeGitHub({
      override(url) {
        if (url.endsWith('contents/2026/09?ref=' + HEAD))
          return new Response(
            JSON.stringify([
              ...Object.keys(FILES).map((path) => ({ type: 'file', path, size: 1 })),
              { type: 'file', path: '2026/09/../../.github/secret.md', size: 1 },
              { type: 'file', path: 'data/notices.csv', size: 1 },
              { type: 'dir', path: '2026/09/sub', size: 0 },
              { type: 'file', path: '2026/09/2026-09-04-huge.md', size: 1 },
            ]),
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

  test('months from the snapshot to the head, across a year', () => {
    expect(monthsBetween('2026-08-21', '2026-08-30')).toEqual(['2026/08']);
    expect(monthsBetween('2026-11-02', '2027-02-01')).toEqual(['2026/11', '2026/12', '2027/01', '2027/02']);
    expect(monthsBetween('2026-08-21', '2026-07-01')).toEqual([]);
  });
});
