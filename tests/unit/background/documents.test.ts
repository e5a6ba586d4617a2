/**
 * The document record (utils/background/documents.ts): one answer per document, shared by the early push
 * and the page's question, read by the popup and the toolbar (issue 22: B2, B3, B4).
 */
import { expect, test } from 'vitest';
import { earlyAnswer } from '@/utils/background/early-push';
import { createDocuments, type DocumentRecord } from '@/utils/background/documents';
import type { PageReply } from '@/utils/schema/messages';
import type { Settings } from '@/utils/schema/settings';
import { GH, HN, POPUP, setup } from './harness';

type Info = { panel: { subject: string; relations: string[] } | null; report: { count: number } | null };
const FORK = { ...GH, url: 'https://github.com/someone/llama-dl', documentId: 'fork' };

test('the popup offers the panel a fork was answered, with its network root (B2)', async () => {
  const s = setup();
  const page = await s.ask<{ data: { subject: string } }>(
    { type: 'page', subject: 'repo:someone/llama-dl', networkRoot: 'shawwn/llama-dl' },
    FORK,
  );
  expect(page!.data.subject).toBe('repo:someone/llama-dl');
  await s.ask({ type: 'report', panel: 'repo:someone/llama-dl', badges: {} }, FORK);
  const info = await s.ask<Info>({ type: 'tabInfo', tabId: 7 }, POPUP);
  expect(info!.panel?.subject).toBe('repo:someone/llama-dl');
  expect(info!.report?.count).toBe(1);
  expect(s.badgeCounts.get(7)).toBe(1);
});

test('the popup offers a panel only the detector knows (B2)', async () => {
  const s = setup();
  const sender = { ...GH, url: 'https://github.com/ggerganov/llama.cpp', documentId: 'cpp' };
  expect((await s.ask<{ data: unknown }>({ type: 'page', subject: 'repo:ggerganov/llama.cpp' }, sender))!.data).toBeNull();
  const info0 = { description: 'LLM inference in C/C++', topics: ['llama'], readmeTitle: 'llama.cpp' };
  await s.ask({ type: 'detect', subject: 'repo:ggerganov/llama.cpp', info: info0 }, sender);
  const info = await s.ask<Info>({ type: 'tabInfo', tabId: 7 }, POPUP);
  expect(info!.panel?.subject).toBe('repo:ggerganov/llama.cpp');
  expect(info!.panel?.relations).toEqual(['llama']);
});

test('"only when I ask": nothing is shown, and the popup still offers the panel (B3)', async () => {
  const s = setup({ panel: 'ask' });
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' });
  await s.ask({ type: 'report', panel: null, badges: { 'repo:facebookresearch/llama': 2 } });
  const info = await s.ask<Info>({ type: 'tabInfo', tabId: 7 }, POPUP);
  expect(info!.panel?.subject).toBe('repo:shawwn/llama-dl');
  expect(info!.report?.count).toBe(2);
  // The panel's code is left for the user's request.
  expect(s.injected).toEqual([]);
});

test('a silenced page offers nothing in the popup', async () => {
  const s = setup({ github: false });
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' });
  expect((await s.ask<Info>({ type: 'tabInfo', tabId: 7 }, POPUP))!.panel).toBeNull();
});

test('the early push answers a private tab with its private choices (B4)', async () => {
  const s = setup();
  const url = 'https://github.com/shawwn/llama-dl';
  const privately = { ...GH, tab: { id: 9, incognito: true } };
  await s.ask({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'dismissed' }, privately);
  const services = s.route.services;
  services.documents.begin(9, url, true);
  expect((await earlyAnswer(services, { id: 9, url, incognito: true }))!.state).toBe('dismissed');
  // …and never in a normal tab: the private choice was not written anywhere.
  services.documents.begin(10, url, false);
  expect((await earlyAnswer(services, { id: 10, url, incognito: false }))!.state).toBe('collapsed');
  expect(s.area.data).toEqual({});
  expect(s.records.get(9)!.private).toBe(true);
});

test('the early push and the page question share one computation; a later question computes afresh', async () => {
  const s = setup();
  const url = 'https://github.com/shawwn/llama-dl';
  const services = s.route.services;
  services.documents.begin(7, url, false);
  const pushed = await earlyAnswer(services, { id: 7, url });
  expect(s.calls.settings).toBe(1);
  const asked = await s.ask<{ data: unknown; state: string }>(
    { type: 'page', subject: 'repo:shawwn/llama-dl', hasUi: true },
    {
      ...GH,
      documentId: 'd1',
    },
  );
  expect(s.calls.settings).toBe(1);
  expect(asked!.data).toEqual(pushed!.data);
  expect(s.records.get(7)).toMatchObject({ documentId: 'd1', early: true, ui: 'declared', answer: { source: 'dataset' } });
  // The user dismisses it; the page asks again (a soft navigation back): the answer says so.
  await s.ask({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'dismissed' }, { ...GH, documentId: 'd1' });
  const again = await s.ask<{ state: string }>({ type: 'page', subject: 'repo:shawwn/llama-dl', hasUi: true }, { ...GH, documentId: 'd1' });
  expect(again!.state).toBe('dismissed');
  expect(s.calls.settings).toBe(2);
});

test('a new document in the tab starts a new record: the panel code is injected into it once', async () => {
  const s = setup();
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'a' });
  // A second question of the same document (a soft navigation back): no second injection.
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'a' });
  expect(s.injected).toHaveLength(1);
  await s.ask({ type: 'report', panel: 'repo:shawwn/llama-dl', badges: {} }, { ...GH, documentId: 'a' });
  await s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { ...GH, documentId: 'b' });
  await s.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(s.injected).toHaveLength(2);
  expect(s.records.get(7)).toMatchObject({ documentId: 'b', ui: 'injected', shown: { count: 0 } });
});

test("the page's report says where it is and whether it is idle; a location on another origin is not kept", async () => {
  const s = setup();
  await s.ask({ type: 'report', panel: null, badges: {}, settled: true, url: 'https://github.com/shawwn/llama-dl/issues' });
  expect(s.records.get(7)!.shown).toMatchObject({ settled: true, url: 'https://github.com/shawwn/llama-dl/issues' });
  await s.ask({ type: 'report', panel: null, badges: {}, settled: true, url: 'https://evil.example/' });
  expect(s.records.get(7)!.shown.url).toBeUndefined();
});

test('messages that arrive at once from a tab the worker has no record of share one record', async () => {
  const s = setup();
  await Promise.all([
    s.ask({ type: 'page', subject: 'repo:shawwn/llama-dl', hasUi: true }),
    s.ask({ type: 'report', panel: null, badges: {}, settled: true, url: 'https://github.com/shawwn/llama-dl' }),
  ]);
  await s.ask({ type: 'showPanel', tabId: 7 }, POPUP);
  expect(s.records.get(7)).toMatchObject({ ui: 'declared', answer: { source: 'dataset' }, shown: { settled: true } });
  expect(s.injected).toEqual([]);
});

test('after a settings change, the answer says whether the panel is the one this document was given (the page then keeps it)', async () => {
  const over: { -readonly [K in keyof Settings]?: Settings[K] } = {};
  const s = setup(over);
  const ask = () => s.ask<{ data: unknown; same?: boolean }>({ type: 'page', subject: 'thread:hn:35287733' }, HN);
  expect((await ask())!.same).toBeUndefined();
  // Badges off: the panel is as it was.
  over.badges = false;
  s.route.services.documents.settingsChanged();
  expect((await ask())!.same).toBe(true);
  // Tangents off: the thread's tangent topics go, so the panel is another.
  over.tangents = false;
  s.route.services.documents.settingsChanged();
  expect((await ask())!.same).toBeUndefined();
  // Another question is never the same answer; neither is a silent page.
  expect((await s.ask<{ same?: boolean }>({ type: 'page', subject: 'thread:hn:35288415' }, HN))!.same).toBeUndefined();
  over.hn = false;
  s.route.services.documents.settingsChanged();
  expect((await ask())!.same).toBeUndefined();
});

test('a worker that has just started computes the answer while the tab’s record is read back (cold start)', async () => {
  let release!: () => void;
  const area = {
    get: () => new Promise<unknown>((r) => (release = () => r(undefined))),
    set: async (_id: number, r: DocumentRecord) => void (saved = r),
    clear: () => {},
    forget: () => {},
  };
  let saved: DocumentRecord | null = null;
  const documents = createDocuments(area);
  let computed = 0;
  const reply = { data: null, state: 'open', silent: false, view: { panel: 'auto' } } as unknown as PageReply;
  const answer = documents.answer({ ...GH, documentId: 'd1' }, { subject: 'repo:shawwn/llama-dl' }, async () => {
    computed++;
    return { reply, source: null };
  });
  await Promise.resolve();
  expect(computed).toBe(1); // before the session storage answered
  release();
  expect(await answer).toEqual(reply);
  expect(computed).toBe(1);
  // The answer is the record's, as on a warm worker (the popup and the toolbar read it).
  expect(saved).toMatchObject({ tabId: 7, documentId: 'd1', answer: { question: { subject: 'repo:shawwn/llama-dl' }, state: 'open' } });
  expect((await documents.get(7))?.answer?.question.subject).toBe('repo:shawwn/llama-dl');
});
