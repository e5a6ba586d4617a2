// @vitest-environment happy-dom
/**
 * The page session with a fake background (its real answers, from the engine): one visit per subject,
 * one panel, badges on known links counted only when they are ours, over-long links never sent,
 * unanswered links asked again, and a lifetime only the runtime can end.
 */
import { afterEach, beforeAll, expect, test } from 'vitest';
import { h, render } from 'preact';
import { createSend } from '@/utils/core/send';
import { createLifetime } from '@/utils/content/lifetime';
import { PageSession } from '@/utils/content/session';
import { githubSite } from '@/utils/content/sites/github';
import { installUi } from '@/utils/content/ui-loader';
import { createRouter } from '@/utils/background/router';
import { mountPanel } from '@/utils/ui/mount';
import { bundledDataset } from '@/utils/dataset/bundled';
import { openDmcaIndexSync } from '@/utils/node/files';
import { DEFAULT_SETTINGS } from '@/utils/schema/settings';
import { repoBody, repoMetas, repoPage } from '../../fixtures/github';
import { loadPage, resetPage, until } from './page';

const index = openDmcaIndexSync();
const route = createRouter({
  dataset: () => bundledDataset,
  dmca: async () => index,
  ownId: 'self',
  area: { get: async () => ({}), set: async () => undefined },
  settings: async () => DEFAULT_SETTINGS,
  records: { get: async () => undefined, set: async () => undefined, clear: () => undefined, forget: () => undefined },
  sendToTab: async () => undefined,
});
const runtime: { id?: string } = { id: 'self' };
let sent: { type: string; [k: string]: unknown }[] = [];
/** The background, as the content script reaches it; `fail` makes the next `links` question go unanswered. */
let failLinks = 0;
const send = createSend(async (m) => {
  const msg = m as { type: string };
  sent.push(msg);
  if (msg.type === 'links' && failLinks > 0) {
    failLinks--;
    throw new Error('Could not establish connection');
  }
  return route(m, { id: 'self', url: location.href, tab: { id: 1 }, frameId: 0 });
});

beforeAll(() => installUi({ mountPanel, h, render }));
const lives: ReturnType<typeof createLifetime>[] = [];
afterEach(() => {
  // The runtime goes away: each session's lifetime ends (as it does when checked) and cleans up.
  runtime.id = undefined;
  for (const l of lives.splice(0)) l.alive();
  resetPage();
  sent = [];
  runtime.id = 'self';
});

function start(url: string, html: string) {
  loadPage(html, url);
  const life = createLifetime(() => runtime);
  lives.push(life);
  const session = new PageSession(githubSite, send, life);
  session.start();
  return { session, life };
}
const panels = () => [...document.querySelectorAll('backstory-panel')].map((p) => p.getAttribute('data-subject'));
const badges = () => [...document.querySelectorAll('[data-backstory-badge]')].map((b) => b.getAttribute('data-backstory-badge'));
const reports = () =>
  sent.filter((m) => m.type === 'report') as unknown as { panel: string | null; badges: Record<string, number>; settled?: boolean }[];

test('a repo page: one panel, badges on the known links only, one report with both', async () => {
  const readme =
    '<p><a href="/ggml-org/whisper">w</a> <a href="https://github.com/ytdl-org/youtube-dl">y</a> <a href="/facebookresearch/llama/pull/73">p</a> <a href="/torvalds/linux">l</a></p>';
  start('https://github.com/shawwn/llama-dl', repoPage({ owner: 'shawwn', name: 'llama-dl', readme }));
  await until(() => reports().some((r) => r.settled));
  expect(panels()).toEqual(['repo:shawwn/llama-dl']);
  expect(badges().sort()).toEqual(['repo:facebookresearch/llama', 'repo:ytdl-org/youtube-dl']);
  expect(reports().at(-1)).toEqual({
    type: 'report',
    panel: 'repo:shawwn/llama-dl',
    badges: { 'repo:ytdl-org/youtube-dl': 1, 'repo:facebookresearch/llama': 1 },
    settled: true,
    url: 'https://github.com/shawwn/llama-dl',
  });
});

test('a page with nothing known reports once, when idle: after its links were answered (what e2e negative checks wait on)', async () => {
  const readme = '<p><a href="/torvalds/linux">l</a> <a href="/someone/else">e</a></p>';
  start('https://github.com/torvalds/linux', repoPage({ owner: 'torvalds', name: 'linux', readme }));
  await until(() => reports().length > 0);
  expect(reports()).toEqual([{ type: 'report', panel: null, badges: {}, settled: true, url: 'https://github.com/torvalds/linux' }]);
  // The links were asked about before the page said it was idle.
  const order = sent.map((m) => m.type);
  expect(order.indexOf('links')).toBeGreaterThanOrEqual(0);
  expect(order.lastIndexOf('links')).toBeLessThan(order.indexOf('report'));
  expect(panels()).toEqual([]);
});

test('a soft navigation ends the visit: one panel, the new subject; none on an unrelated repo', async () => {
  const { session } = start('https://github.com/shawwn/llama-dl', repoPage({ owner: 'shawwn', name: 'llama-dl' }));
  await until(() => panels().length === 1);
  const go = (owner: string, name: string) => {
    history.pushState({}, '', `https://github.com/${owner}/${name}`);
    for (const m of document.head.querySelectorAll('meta[name^="octolytics"]')) m.remove();
    for (const [n, c] of Object.entries(repoMetas({ owner, name })))
      document.head.append(Object.assign(document.createElement('meta'), { name: n, content: c }));
    document.body.innerHTML = repoBody({ owner, name });
    void session.sync();
  };
  go('cocktailpeanut', 'dalai');
  await until(() => panels()[0] === 'repo:cocktailpeanut/dalai');
  expect(panels()).toEqual(['repo:cocktailpeanut/dalai']);
  go('torvalds', 'linux');
  await until(() => sent.filter((m) => m.type === 'page').length === 3);
  await until(() => panels().length === 0);
});

test("links to the page's own subject stay bare while the page is it, and are badged from the same answer after a soft navigation", async () => {
  const readme = '<p><a href="/shawwn/llama-dl/issues">issues</a></p><p><a href="/ytdl-org/youtube-dl">y</a></p>';
  const { session } = start('https://github.com/shawwn/llama-dl', repoPage({ owner: 'shawwn', name: 'llama-dl', readme }));
  await until(() => reports().some((r) => r.settled));
  expect(badges()).toEqual(['repo:ytdl-org/youtube-dl']);
  const asked = () => sent.filter((m) => m.type === 'links').flatMap((m) => m.hrefs as string[]);
  expect(asked()).toContain('/shawwn/llama-dl/issues');
  // A soft navigation to another repo whose page shows a link to llama-dl (as links that show up do, it is read).
  history.pushState({}, '', 'https://github.com/cocktailpeanut/dalai');
  for (const m of document.head.querySelectorAll('meta[name^="octolytics"]')) m.remove();
  const before = asked().length;
  void session.sync();
  document.body.append(Object.assign(document.createElement('p'), { innerHTML: '<a href="/shawwn/llama-dl/issues">again</a>' }));
  await until(() => badges().includes('repo:shawwn/llama-dl'));
  const again = [...document.querySelectorAll('a')].find((a) => a.textContent === 'again')!;
  await until(() => again.nextElementSibling?.getAttribute('data-backstory-badge') === 'repo:shawwn/llama-dl');
  // Known from the first answer: not asked again.
  expect(asked().slice(before)).not.toContain('/shawwn/llama-dl/issues');
});

test("a page's own badge markers are not counted; an over-long link is never sent", async () => {
  const long = `/shawwn/llama-dl?${'x'.repeat(2100)}`;
  const readme = `<p><a href="/ytdl-org/youtube-dl">y</a> <a href="${long}">long</a> <backstory-badge data-backstory-badge="repo:evil/fake"></backstory-badge><span data-backstory-badge="repo:evil/fake2"></span></p>`;
  start('https://github.com/someone/list', repoPage({ owner: 'someone', name: 'list', readme }));
  await until(() => reports().length > 0);
  expect(reports().at(-1)!.badges).toEqual({ 'repo:ytdl-org/youtube-dl': 1 });
  const asked = sent.filter((m) => m.type === 'links').flatMap((m) => m.hrefs as string[]);
  expect(asked).toContain('/ytdl-org/youtube-dl');
  expect(asked.some((h) => h.length > 2048)).toBe(false);
});

test('links whose question went unanswered are asked again when they show up again', async () => {
  failLinks = 1;
  start(
    'https://github.com/someone/list',
    repoPage({ owner: 'someone', name: 'list', readme: '<p id="x"><a href="/ytdl-org/youtube-dl">y</a></p>' }),
  );
  await until(() => sent.some((m) => m.type === 'links'));
  expect(badges()).toEqual([]);
  // The page re-renders the same link (a list refresh): it is read again and, no longer in flight, asked again.
  const again = document.createElement('a');
  again.setAttribute('href', '/ytdl-org/youtube-dl');
  document.getElementById('x')!.append(again);
  await until(() => badges().length > 0);
  const asked = sent.filter((m) => m.type === 'links').map((m) => m.hrefs as string[]);
  expect(asked).toHaveLength(2);
  expect(asked[0]).toContain('/ytdl-org/youtube-dl');
  expect(asked[1]).toEqual(['/ytdl-org/youtube-dl']);
});

test('only the runtime going away ends the session (a forged WXT event does nothing); then everything is removed', async () => {
  const { life } = start(
    'https://github.com/shawwn/llama-dl',
    repoPage({ owner: 'shawwn', name: 'llama-dl', readme: '<a href="/ytdl-org/youtube-dl">y</a>' }),
  );
  await until(() => panels().length === 1 && badges().length === 1);
  document.dispatchEvent(
    new CustomEvent('self:github:wxt:content-script-started', { detail: { contentScriptName: 'github', messageId: 'forged' } }),
  );
  expect(life.alive()).toBe(true);
  expect(panels()).toHaveLength(1);
  runtime.id = undefined;
  expect(life.alive()).toBe(false);
  expect(panels()).toEqual([]);
  expect(badges()).toEqual([]);
});

test('settings changed: everything comes down and back up with the new view', async () => {
  const { session } = start('https://github.com/shawwn/llama-dl', repoPage({ owner: 'shawwn', name: 'llama-dl' }));
  await until(() => panels().length === 1);
  session.onMessage({ type: 'settingsChanged' });
  await until(() => sent.filter((m) => m.type === 'page').length === 2 && panels().length === 1);
  expect(panels()).toEqual(['repo:shawwn/llama-dl']);
  session.onMessage({ type: 'togglePanel' });
  expect(panels()).toEqual([]);
  session.onMessage({ type: 'togglePanel' });
  await until(() => panels().length === 1);
});
