import { expect, test, vi } from 'vitest';
import { createHandler, type BackgroundDeps } from '@/utils/background/handler';
import { badgeText } from '@/utils/background/main';
import { bundledDataset } from '@/utils/dataset/bundled';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/schema/settings';
import type { TabReport } from '@/utils/core/protocol';

function memoryArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (k: string) => ({ [k]: data[k] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

function setup(over: Partial<Settings> = {}, area = memoryArea()) {
  const log = vi.fn();
  const reports = new Map<number, TabReport>();
  const sent: [number, unknown][] = [];
  const deps: BackgroundDeps = {
    dataset: () => bundledDataset,
    ownId: 'self',
    area,
    settings: async () => ({ ...DEFAULT_SETTINGS, ...over }),
    reports: { get: async (id) => reports.get(id) ?? null, set: async (id, r) => void reports.set(id, r) },
    sendToTab: async (id, m) => void sent.push([id, m]),
    log,
  };
  return { handle: createHandler(deps), log, reports, sent, area };
}

const GH = { id: 'self', url: 'https://github.com/shawwn/llama-dl', tab: { id: 7 } };
const { handle, log } = setup();

test('answers lookups and page requests from our own extension', async () => {
  expect(await handle({ type: 'lookup', subjects: ['repo:shawwn/llama-dl', 'repo:x/y'] }, GH)).toMatchObject({
    type: 'lookup',
    known: { 'repo:shawwn/llama-dl': { relations: ['named-in-notice', 'counter-noticed', 'discussed', 'llama'] } },
  });
  expect(await handle({ type: 'page', subject: 'repo:x/y' }, GH)).toMatchObject({ type: 'page', data: null, state: 'open', silent: false });
  expect(await handle({ type: 'page' }, GH)).toMatchObject({ type: 'page', data: null });
});

test('links: raw hrefs are parsed in the background and answered by href; links to the page itself are set apart', async () => {
  const HN = { id: 'self', url: 'https://news.ycombinator.com/item?id=1', tab: { id: 8 } };
  const gh = (await handle(
    {
      type: 'links',
      hrefs: [
        '/shawwn/llama-dl',
        '/Shawwn/LLaMA-dl/issues?q=1',
        'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
        '/torvalds/linux',
        '/features',
        'item?id=35287733',
        '/me/self/pulls',
      ],
      skip: 'repo:me/self',
    },
    GH,
  )) as { known: Record<string, { subject: string }>; own: string[] };
  expect(Object.fromEntries(Object.entries(gh.known).map(([h, b]) => [h, b.subject]))).toEqual({
    '/shawwn/llama-dl': 'repo:shawwn/llama-dl',
    '/Shawwn/LLaMA-dl/issues?q=1': 'repo:shawwn/llama-dl',
    'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md': 'notice:2023/03/2023-03-21-meta.md',
  });
  expect(gh.own).toEqual(['/me/self/pulls']);
  // Relative links are read as the sender's site reads them: `item?id=` is a thread on HN only.
  const hn = (await handle(
    { type: 'links', hrefs: ['item?id=35287733', 'item?id=35288415', '/shawwn/llama-dl', 'https://github.com/shawwn/llama-dl'] },
    HN,
  )) as { known: Record<string, { subject: string }> };
  expect(Object.fromEntries(Object.entries(hn.known).map(([h, b]) => [h, b.subject]))).toEqual({
    'item?id=35287733': 'thread:hn:35287733',
    'item?id=35288415': 'thread:hn:35287733',
    'https://github.com/shawwn/llama-dl': 'repo:shawwn/llama-dl',
  });
});

test('the panel code is injected with the page answer unless the page already runs it', async () => {
  const injected: unknown[] = [];
  const s = createHandler({
    dataset: () => bundledDataset,
    ownId: 'self',
    area: memoryArea(),
    settings: async () => DEFAULT_SETTINGS,
    reports: { get: async () => null, set: async () => undefined },
    sendToTab: async () => undefined,
    injectUi: async (t) => void injected.push(t),
    log: vi.fn(),
  });
  await s({ type: 'page', subject: 'repo:shawwn/llama-dl', hasUi: true }, { ...GH, documentId: 'd1' });
  expect(injected).toEqual([]);
  await s({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'd2' });
  await s({ type: 'page', subject: 'repo:x/y' }, { ...GH, documentId: 'd3' });
  expect(injected).toEqual([{ tabId: 7, frameId: 0 }]);
});

test('remembers collapse/dismiss per subject and answers it with the panel', async () => {
  const s = setup();
  expect(await s.handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)).toMatchObject({ type: 'page', state: 'open' });
  expect(await s.handle({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'dismissed' }, GH)).toEqual({ type: 'ok' });
  expect(await s.handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)).toMatchObject({ state: 'dismissed' });
  expect(await s.handle({ type: 'page', subject: 'repo:facebookresearch/llama' }, GH)).toMatchObject({ state: 'open' });
  await s.handle({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'open' }, GH);
  expect(s.area.data.panelState).toEqual({});
});

test.each([
  [null],
  ['x'],
  [[1, 2]],
  [{ 'repo:shawwn/llama-dl': 'exploded' }],
  [{ 'repo:shawwn/llama-dl': 7 }],
  [{ '<script>': 'dismissed' }],
])('a corrupted stored panel state %# reads as open and is repaired on the next write', async (stored) => {
  const s = setup({}, memoryArea({ panelState: stored }));
  expect(await s.handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)).toMatchObject({ state: 'open' });
  await s.handle({ type: 'panelState', subject: 'repo:cocktailpeanut/dalai', state: 'collapsed' }, GH);
  expect(s.area.data.panelState).toEqual({ 'repo:cocktailpeanut/dalai': 'collapsed' });
});

test('settings shape the page: silence, panel behaviour, tangents, badges', async () => {
  const silentSite = setup({ github: false });
  expect(await silentSite.handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)).toMatchObject({ silent: true, data: null });
  const silentRepo = setup({ silence: ['shawwn/*'] });
  expect(await silentRepo.handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)).toMatchObject({ silent: true });
  expect(await silentRepo.handle({ type: 'page', subject: 'repo:facebookresearch/llama' }, GH)).toMatchObject({ silent: false });
  const collapsed = setup({ panel: 'collapsed', badges: false, placement: 'side', theme: 'dark' });
  expect(await collapsed.handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, GH)).toMatchObject({
    state: 'collapsed',
    view: { panel: 'collapsed', badges: false, placement: 'side', theme: 'dark' },
  });
  const noTangents = setup({ tangents: false });
  const thread = (await noTangents.handle(
    { type: 'page', subject: 'thread:hn:35287733' },
    { ...GH, url: 'https://news.ycombinator.com/item?id=35287733' },
  )) as {
    data: { topics: { tangent: boolean }[] };
  };
  expect(thread.data.topics.length).toBe(10);
  expect(thread.data.topics.some((t) => t.tangent)).toBe(false);
});

test('reports feed the toolbar badge and the popup', async () => {
  const s = setup();
  await s.handle(
    { type: 'report', panel: 'repo:shawwn/llama-dl', badges: { 'repo:facebookresearch/llama': 2, 'thread:hn:35287733': 1 } },
    GH,
  );
  expect(s.reports.get(7)).toEqual({
    panel: 'repo:shawwn/llama-dl',
    badges: { 'repo:facebookresearch/llama': 2, 'thread:hn:35287733': 1 },
    count: 4,
  });
  const info = (await s.handle({ type: 'tabInfo', tabId: 7 }, { id: 'self' })) as {
    panel: { subject: string };
    badges: { subject: string; hint: string }[];
  };
  expect(info.panel.subject).toBe('repo:shawwn/llama-dl');
  expect(info.badges.map((b) => b.subject)).toEqual(['repo:facebookresearch/llama', 'thread:hn:35287733']);
  await s.handle({ type: 'showPanel', tabId: 7 }, { id: 'self' });
  expect(s.sent).toEqual([[7, { type: 'showPanel' }]]);
});

test.each([
  ['shawwn/llama-dl', 'repo:shawwn/llama-dl'],
  ['https://github.com/shawwn/llama-dl/issues', 'repo:shawwn/llama-dl'],
  ['llama-dl', 'repo:shawwn/llama-dl'],
  ['2023-03-21-meta', 'notice:2023/03/2023-03-21-meta.md'],
  ['opsec', 'notice:2023/03/2023-03-21-meta.md'],
  ['trade secrets', 'thread:hn:35287733'],
  ['https://news.ycombinator.com/item?id=35288415', 'thread:hn:35287733'],
])('search "%s" finds %s with its context', async (query, subject) => {
  const r = (await handle({ type: 'search', query }, { id: 'self' })) as { results: { subject: string; panel: unknown }[] };
  expect(r.results[0]?.subject).toBe(subject);
  expect(r.results[0]?.panel).toBeTruthy();
});

test('search for nothing known finds nothing', async () => {
  expect(await handle({ type: 'search', query: 'torvalds/linux' }, { id: 'self' })).toEqual({ type: 'search', results: [] });
});

test.each([
  [null],
  ['lookup'],
  [{}],
  [{ type: 'lookup' }],
  [{ type: 'lookup', subjects: 'repo:a/b' }],
  [{ type: 'lookup', subjects: [1, 2] }],
  [{ type: 'lookup', subjects: Array(6000).fill('repo:a/b') }],
  [{ type: 'links', hrefs: Array(6000).fill('/a/b') }],
  [{ type: 'links', hrefs: ['x'.repeat(3000)] }],
  [{ type: 'probe', hashes: [1] }],
  [{ type: 'page', subject: 7 }],
  [{ type: 'page', subject: 'x'.repeat(1000) }],
  [{ type: 'page', subject: 'repo:a/b', extra: true }],
  [{ type: 'steal-cookies' }],
  [{ type: 'panelState', subject: 'repo:a/b', state: 'exploded' }],
  [{ type: 'report', panel: null, badges: { a: -1 } }],
  [{ type: 'tabInfo', tabId: 'x' }],
])('malformed message %# is ignored and logged', (msg) => {
  log.mockClear();
  expect(handle(msg, GH)).toBeUndefined();
  expect(log).toHaveBeenCalledWith(expect.stringMatching(/ignored a malformed message/));
});

test('messages from other senders are ignored', () => {
  log.mockClear();
  expect(handle({ type: 'lookup', subjects: ['repo:shawwn/llama-dl'] }, { id: 'another-extension' })).toBeUndefined();
  expect(handle({ type: 'lookup', subjects: [] }, {})).toBeUndefined();
  expect(log).toHaveBeenCalledTimes(2);
});

test.each([
  [0, ''],
  [1, '1'],
  [42, '42'],
  [999, '999'],
  [1000, '999+'],
  [123456, '999+'],
])('toolbar badge text for %i matches is "%s" (≤ 4 characters)', (n, text) => {
  expect(badgeText(n)).toBe(text);
  expect(text.length).toBeLessThanOrEqual(4);
});

test('detection: lookups badge likely LLaMA repos, detect answers a panel with reasons, the lists and the setting rule', async () => {
  const on = setup();
  const r = (await on.handle(
    { type: 'lookup', subjects: ['repo:someone/llama-go', 'repo:alpacahq/alpaca-py', 'repo:ollama/ollama'] },
    GH,
  )) as { known: Record<string, { relations: string[]; hint: string }> };
  expect(Object.keys(r.known)).toEqual(['repo:someone/llama-go']);
  expect(r.known['repo:someone/llama-go']).toMatchObject({
    relations: ['llama'],
    hint: 'Backstory: likely LLaMA-related — name token `llama`',
  });
  const info = { description: 'Run LLaMA models in Go', topics: ['llama'], readmeTitle: 'llama-go' };
  const d = (await on.handle({ type: 'detect', subject: 'repo:someone/llama-go', info }, GH)) as {
    data: { relations: string[]; reasons: string[] };
  };
  expect(d.data.relations).toEqual(['llama']);
  expect(d.data.reasons[0]).toContain('name token `llama`');
  const off = setup({ detection: 'dataset' });
  expect(await off.handle({ type: 'detect', subject: 'repo:someone/llama-go', info }, GH)).toMatchObject({ data: null });
  const never = setup({ llamaNever: ['someone/llama-go'] });
  expect(await never.handle({ type: 'detect', subject: 'repo:someone/llama-go', info }, GH)).toMatchObject({ data: null });
  const always = setup({ detection: 'dataset', llamaAlways: ['someone/plain'] });
  expect(await always.handle({ type: 'page', subject: 'repo:someone/plain' }, GH)).toMatchObject({ data: { relations: ['llama'] } });
});
