/**
 * Options page, popup, toolbar badge and keyboard command, in real Chromium with the built extension.
 * Extension pages are opened as tabs at chrome-extension://<id>/…; the popup takes `?tabId=` so a test
 * can point it at a given tab.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { badges, launch, panels, resetSettings as resetHarnessSettings, settle, waitForPanel, type Harness } from './harness';
import { manyLinksReadme, noticePage, repoPage } from '../fixtures/github';
import { readDmcaIndexTexts } from '../../utils/node/files';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.serve(
    'https://github.com/shawwn/llama-dl',
    repoPage({
      owner: 'shawwn',
      name: 'llama-dl',
      readme: manyLinksReadme(50, ['/facebookresearch/llama/pull/73', 'https://news.ycombinator.com/item?id=35287733']),
    }),
  );
  h.serve('https://github.com/torvalds/linux', repoPage({ owner: 'torvalds', name: 'linux' }));
  h.serve('https://github.com/someone/llama-dl', repoPage({ owner: 'someone', name: 'llama-dl', networkRoot: 'shawwn/llama-dl' }));
  h.serve(
    'https://github.com/ggerganov/llama.cpp',
    repoPage({ owner: 'ggerganov', name: 'llama.cpp', description: 'LLM inference in C/C++', topics: ['llama', 'ggml'] }),
  );
});
afterAll(async () => {
  await h?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the extension's own `chrome`, evaluated in its worker
type W = { chrome: any };
const worker = () => h.context.serviceWorkers()[0] ?? h.worker!;
const tabIdOf = (url: string) =>
  worker().evaluate(async (u) => (await (globalThis as unknown as W).chrome.tabs.query({ url: u }))[0]?.id as number, url);
const badgeText = (tabId: number) =>
  worker().evaluate((id) => (globalThis as unknown as W).chrome.action.getBadgeText({ tabId: id }) as Promise<string>, tabId);
const options = () => h.open(`chrome-extension://${h.extensionId}/options.html`);
const resetSettings = () => resetHarnessSettings(h);
const storedLists = () =>
  worker().evaluate(
    async () => (await (globalThis as unknown as W).chrome.storage.local.get('lists')).lists as Record<string, string[]> | undefined,
  );

async function llamaTab(): Promise<Page> {
  const page = await h.open('https://github.com/shawwn/llama-dl');
  await waitForPanel(page, 'repo:shawwn/llama-dl');
  await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 2);
  return page;
}

describe('options page', () => {
  test('changes persist across reopening and apply live to an open GitHub tab', async () => {
    await resetSettings();
    const tab = await llamaTab();
    const opts = await options();
    await opts.getByText('About the data').waitFor();

    // Badges off: they leave the open tab without a reload; the panel is not touched (issue 22: a
    // settings change applies as a diff — the panel, its open details, stay as they are).
    await tab.locator('backstory-panel button.status').click();
    await tab.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
    await tab.evaluate(() => ((document.querySelector('backstory-panel') as HTMLElement & { __kept?: number }).__kept = 1));
    await opts.getByLabel('Badge links to known repos, notices and threads').uncheck();
    await tab.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 0);
    expect(await panels(tab)).toHaveLength(1);
    expect(await tab.evaluate(() => (document.querySelector('backstory-panel') as HTMLElement & { __kept?: number }).__kept)).toBe(1);
    expect(await tab.evaluate(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'))).toBe(true);

    // Dark theme, then panel only when asked: applied live too.
    await opts.getByLabel('Dark').check();
    await tab.waitForFunction(() => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.bs-root.dark'));
    await opts.getByLabel('Only when I ask (toolbar button or keyboard shortcut)').check();
    await tab.waitForFunction(() => !document.querySelector('backstory-panel'));

    await opts.close();
    const again = await options();
    await again.getByText('About the data').waitFor();
    expect(await again.getByLabel('Badge links to known repos, notices and threads').isChecked()).toBe(false);
    expect(await again.getByLabel('Dark').isChecked()).toBe(true);
    expect(await again.getByLabel('Only when I ask (toolbar button or keyboard shortcut)').isChecked()).toBe(true);

    // The keyboard command's message shows the panel on request, and hides it again.
    const tabId = await tabIdOf('https://github.com/shawwn/llama-dl');
    await worker().evaluate((id) => (globalThis as unknown as W).chrome.tabs.sendMessage(id, { type: 'togglePanel' }), tabId);
    await waitForPanel(tab, 'repo:shawwn/llama-dl');
    await worker().evaluate((id) => (globalThis as unknown as W).chrome.tabs.sendMessage(id, { type: 'togglePanel' }), tabId);
    await tab.waitForFunction(() => !document.querySelector('backstory-panel'));

    // Reset to defaults brings everything back.
    await again.getByRole('button', { name: 'Reset to defaults' }).click();
    await again.getByRole('button', { name: 'Reset', exact: true }).click();
    await waitForPanel(tab, 'repo:shawwn/llama-dl');
    await tab.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 2);
    await again.close();
    await tab.close();
  });

  test('the silence list is validated, and silences a repo live', async () => {
    await resetSettings();
    const tab = await llamaTab();
    const opts = await options();
    await opts.getByText('About the data').waitFor();
    // The list saves itself as you type; an invalid entry is named inline and nothing is saved.
    await opts.locator('#silence').fill('not a repo!\nshawwn/*');
    await opts.getByText(/Not saved: “not a repo!”/).waitFor();
    await settle(tab);
    expect(await panels(tab)).toHaveLength(1);
    await opts.locator('#silence').fill('shawwn/*');
    await tab.waitForFunction(() => !document.querySelector('backstory-panel') && !document.querySelector('[data-backstory-badge]'));
    await resetSettings();
    await opts.close();
    await tab.close();
  });

  const storedSync = () =>
    worker().evaluate(
      async () => (await (globalThis as unknown as W).chrome.storage.sync.get('settings')).settings as Record<string, unknown>,
    );

  test('B1: "On GitHub" switched off within half a second of typing in the silence list stays off, after the list saves and a reload', async () => {
    await resetSettings();
    const opts = await options();
    await opts.getByText('About the data').waitFor();
    await opts.locator('#silence').fill('someone/quiet');
    await opts.getByLabel('On GitHub').uncheck(); // the list's 500 ms timer is still running
    // Both stored (before the fix one of the two saves undid the other, whichever came last).
    await expect
      .poll(async () => ({ github: (await storedSync())?.github, silence: (await storedLists())?.silence }), { timeout: 3000 })
      .toEqual({ github: false, silence: ['someone/quiet'] });
    await opts.reload();
    await opts.getByText('About the data').waitFor();
    expect(await opts.getByLabel('On GitHub').isChecked()).toBe(false);
    expect(await opts.locator('#silence').inputValue()).toBe('someone/quiet');
    await resetSettings();
    await opts.close();
  });

  test('settings changed in another tab are neither lost nor shown stale: options in two tabs (issue 23)', async () => {
    await resetSettings();
    const a = await options();
    await a.getByText('About the data').waitFor();
    const b = await options();
    await b.getByText('About the data').waitFor();
    await b.locator('#silence').fill('shawwn/llama-dl');
    await b.locator('#silence').blur();
    await b.getByLabel('On GitHub').uncheck();
    // Tab A follows what is stored, then picks a theme: nothing B did is undone.
    await a.waitForFunction(() => !(document.getElementById('github') as HTMLInputElement).checked);
    expect(await a.locator('#silence').inputValue()).toBe('shawwn/llama-dl');
    await a.getByLabel('Dark').check();
    await expect.poll(async () => (await storedSync())?.theme).toBe('dark');
    expect(await storedSync()).toMatchObject({ github: false, theme: 'dark' });
    expect((await storedLists())?.silence).toEqual(['shawwn/llama-dl']);
    await resetSettings();
    await a.close();
    await b.close();
  });

  test('silencing github/dmca silences its notice pages; a silenced repo loses its link badges; a fork of a silenced root shows no panel', async () => {
    await resetSettings();
    const notice = 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md';
    h.serve(notice, noticePage('2023/03/2023-03-21-meta.md', ['A notice.']));
    const fork = 'https://github.com/someone/llama-dl';
    h.serve(
      fork,
      repoPage({
        owner: 'someone',
        name: 'llama-dl',
        networkRoot: 'shawwn/llama-dl',
        readme: '<p><a href="/ytdl-org/youtube-dl">y</a></p>',
      }),
    );
    const links = 'https://github.com/torvalds/linux?links';
    h.serve(
      links,
      repoPage({
        owner: 'torvalds',
        name: 'linux',
        readme: '<p><a href="/shawwn/llama-dl">a</a></p><p><a href="/shawwn/other">b</a></p><p><a href="/ytdl-org/youtube-dl">y</a></p>',
      }),
    );
    const n = await h.open(notice);
    await waitForPanel(n, 'notice:2023/03/2023-03-21-meta.md');
    const f = await h.open(fork);
    await waitForPanel(f, 'repo:someone/llama-dl');
    const opts = await options();
    await opts.getByText('About the data').waitFor();
    await opts.locator('#silence').fill('github/dmca\nshawwn/*');
    await opts.locator('#silence').blur();
    await n.waitForFunction(() => !document.querySelector('backstory-panel'));
    await f.waitForFunction(() => !document.querySelector('backstory-panel'));
    await n.reload();
    await f.reload();
    const l = await h.open(links);
    // Only youtube-dl's badge: llama-dl's owner is silenced.
    await l.waitForFunction(() => document.querySelector('[data-backstory-badge="repo:ytdl-org/youtube-dl"]'));
    await settle(l, 300);
    expect((await badges(l)).map((x) => x.subject)).toEqual(['repo:ytdl-org/youtube-dl']);
    for (const t of [n, f]) expect(await panels(t)).toEqual([]);
    await resetSettings();
    for (const t of [opts, n, f, l]) await t.close();
  });

  test('importing a bad file changes nothing and says why; a good file applies', async () => {
    await resetSettings();
    const opts = await options();
    await opts.getByText('About the data').waitFor();
    const input = opts.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"backstorySettings":{"badges":"sometimes","panel":"collapsed"}}'),
    });
    await opts.getByRole('alert').filter({ hasText: 'Nothing was changed' }).waitFor();
    expect(await opts.getByRole('alert').innerText()).toMatch(/badges:/);
    expect(await opts.getByLabel('One status line; the details when I click it (default)').isChecked()).toBe(true);
    const stored = await worker().evaluate(() => (globalThis as unknown as W).chrome.storage.sync.get('settings'));
    expect(stored).toEqual({});

    await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(10 * 1024 * 1024, 'x') });
    await opts.getByRole('alert').filter({ hasText: 'too large' }).waitFor();

    await input.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"backstorySettings":{"version":2,"panel":"open","theme":"light"}}'),
    });
    await opts.getByText('Imported.').waitFor();
    expect(await opts.getByLabel('Open, with all the details').isChecked()).toBe(true);
    await resetSettings();
    await opts.close();
  });

  test('three 500-entry lists round-trip through export, reset, import and reload; an oversized import changes nothing', async () => {
    await resetSettings();
    // Entries of 100 characters: ~150 kB in all, far past sync storage's 8 kB per item.
    const list = (p: string) => Array.from({ length: 500 }, (_, i) => `${p}${i}/${'n'.repeat(90)}`);
    const file = { backstorySettings: { version: 3, silence: list('quiet'), llamaAlways: list('yes'), llamaNever: list('no') } };
    const opts = await options();
    await opts.getByText('About the data').waitFor();
    const input = opts.locator('input[type="file"]');
    const lines = (id: string) =>
      opts.locator(`#${id}`).evaluate((t) => (t as HTMLTextAreaElement).value.split('\n').filter(Boolean).length);
    await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await opts.getByText('Imported.').waitFor();
    expect((await storedLists())?.silence).toHaveLength(500);
    const [download] = await Promise.all([opts.waitForEvent('download'), opts.getByRole('button', { name: 'Export settings…' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    // Reset asks first (issue 24): Cancel changes nothing.
    await opts.getByRole('button', { name: 'Reset to defaults' }).click();
    await opts.getByRole('button', { name: 'Cancel' }).click();
    expect((await storedLists())?.silence).toHaveLength(500);
    await opts.getByRole('button', { name: 'Reset to defaults' }).click();
    await opts.getByRole('button', { name: 'Reset', exact: true }).click();
    await opts.getByText('Back to the defaults.').waitFor();
    expect(await lines('silence')).toBe(0);
    expect((await storedLists())?.silence).toEqual([]);
    // And it can be undone.
    await opts.getByRole('button', { name: 'Undo reset' }).click();
    await opts.getByText('Your settings are back as they were.').waitFor();
    await expect.poll(async () => (await storedLists())?.silence?.length).toBe(500);
    await opts.getByRole('button', { name: 'Reset to defaults' }).click();
    await opts.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(async () => (await storedLists())?.silence?.length).toBe(0);
    await input.setInputFiles({ name: 'exported.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await opts.getByText('Imported.').waitFor();
    await opts.reload();
    await opts.getByText('About the data').waitFor();
    await expect.poll(() => lines('silence')).toBe(500);
    expect(await lines('llama-always')).toBe(500);
    expect(await lines('llama-never')).toBe(500);
    // 501 entries: refused with the reason; what is stored and shown stays as it was.
    const over = { backstorySettings: { ...file.backstorySettings, silence: list('quiet').concat('one/more') } };
    await input.setInputFiles({ name: 'over.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(over)) });
    await opts.getByRole('alert').filter({ hasText: 'Nothing was changed' }).waitFor();
    expect(await opts.getByRole('alert').innerText()).toMatch(/silence:.*500/);
    expect((await storedLists())?.silence).toHaveLength(500);
    expect(await lines('silence')).toBe(500);
    await resetSettings();
    await opts.close();
  });

  test('about the data states the counts and that no network requests are made unless asked for newer notices', async () => {
    const opts = await options();
    await opts.getByText('Notices as of').waitFor();
    const text = await opts.locator('main').innerText();
    expect(text).toContain('Backstory makes no network requests unless you ask it to fetch newer DMCA notices');
    expect(text).toContain('Notices as of Aug 21, 2026 (bundled)');
    // The index's real counts, and the curated stories' apart.
    expect(text).toMatch(/Notices, counter-notices, retractions and reversals\s+21,856/);
    // As many as the committed index holds (139,254 on the 2026-08-21 snapshot), counted here, not copied.
    const repos = readDmcaIndexTexts().repos.split('\n').filter(Boolean).length.toLocaleString('en-US');
    expect(text).toMatch(new RegExp(`Repositories they name\\s+${repos}`));
    expect(text).toMatch(/Comments\s+203/);
    expect(text).toMatch(/Topics\s+16/);
    expect(text).toMatch(/Notices annotated\s+3/);
    await opts.close();
  });
});

describe('popup and toolbar badge', () => {
  test('the toolbar badge counts the matches; the popup lists them and shows the panel on request', async () => {
    await resetSettings();
    const tab = await llamaTab();
    await settle(tab);
    const tabId = await tabIdOf('https://github.com/shawwn/llama-dl');
    const count = 1 + (await badges(tab)).length;
    await expect.poll(() => badgeText(tabId)).toBe(String(count));

    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 380, height: 800 });
    await popup.getByText('shawwn/llama-dl').first().waitFor();
    // Actions first; the status line; no internal ids anywhere; at most 600 px tall.
    const first = await popup.locator('main section button, main section a.button').first().innerText();
    expect(first).toBe('Open the details on the page');
    const text = await popup.locator('main').innerText();
    expect(text).toContain('Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023 · counter-notice Apr 27, 2023');
    expect(text).toMatch(/Links badged on this page \(2\)/);
    expect(text).not.toMatch(/\brepo:|\bnotice:\d|thread:hn/);
    expect(await popup.evaluate(() => document.querySelector('main')!.getBoundingClientRect().height)).toBeLessThanOrEqual(600);
    expect(await popup.getByRole('link', { name: 'Open the HN thread' }).getAttribute('href')).toBe(
      'https://news.ycombinator.com/item?id=35287733',
    );

    // Dismissed on the page; the popup's action brings it back, open.
    await tab.locator('backstory-panel button[aria-label^="Hide Backstory"]').click();
    // Nothing of a dismissed panel stays in the page (issue 23); the toolbar still counts it.
    await tab.waitForFunction(() => !document.querySelector('backstory-panel'));
    expect(await badgeText(tabId)).toBe('3');
    await popup.getByRole('button', { name: 'Open the details on the page' }).click();
    await tab.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
    await tab.close();
  });

  // Issue 22, B2: the popup recomputed the panel from the page's subject alone and lost a fork's panel
  // (its context is the fork network's root) and a detected repo's (only the detector knows it).
  test.each([
    [
      'a fork of llama-dl',
      'https://github.com/someone/llama-dl',
      'repo:someone/llama-dl',
      /Was disabled · Meta Platforms, via OpSec Online · Mar 21, 2023 · with its fork network/,
    ],
    ['a repo the detector relates (llama.cpp)', 'https://github.com/ggerganov/llama.cpp', 'repo:ggerganov/llama.cpp', /May be related/],
  ])('the popup offers the panel the page shows: %s', async (_, url, subject, status) => {
    await resetSettings();
    const tab = await h.open(url);
    await waitForPanel(tab, subject);
    const tabId = await tabIdOf(url);
    await expect.poll(() => badgeText(tabId)).not.toBe('');
    await tab.locator('backstory-panel button[aria-label^="Hide Backstory"]').click();
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('main p.nothing, main section[aria-label="Found on this page"]').first().waitFor();
    const text = await popup.locator('main').innerText();
    expect(text).not.toContain('Nothing Backstory knows about on this page.');
    expect(text).toMatch(status);
    await popup.getByRole('button', { name: 'Open the details on the page' }).click();
    await tab.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
    await popup.close();
    await tab.close();
  });

  // Issue 22, B3: with the panel shown only when asked, the popup is one of the two ways to ask.
  test('"Only when I ask": the popup offers the panel and opens it', async () => {
    await resetSettings();
    const opts = await options();
    await opts.getByLabel('Only when I ask (toolbar button or keyboard shortcut)').check();
    const tab = await h.open('https://github.com/shawwn/llama-dl');
    await tab.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 2);
    expect(await panels(tab)).toEqual([]);
    const tabId = await tabIdOf('https://github.com/shawwn/llama-dl');
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Open the details on the page' }).click();
    await waitForPanel(tab, 'repo:shawwn/llama-dl');
    await tab.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
    await resetSettings();
    await opts.close();
    await popup.close();
    await tab.close();
  });

  // Issue 22: no `ui` message — the page never asks for the panel's code; the background brings it with the request.
  test('"Only when I ask" where the panel code is not declared (a fork): the popup brings the code and one panel', async () => {
    await resetSettings();
    const opts = await options();
    await opts.getByLabel('Only when I ask (toolbar button or keyboard shortcut)').check();
    const url = 'https://github.com/someone/llama-dl';
    const tab = await h.open(url);
    await settle(tab);
    const tabId = await tabIdOf(url);
    // The document's record: answered with a panel, nothing shown, no code injected.
    const record = () =>
      worker().evaluate(
        async (k) => (await (globalThis as unknown as W).chrome.storage.session.get(k))[k] as { ui: string; answer: { panel: unknown } },
        `tab:${tabId}`,
      );
    expect(await panels(tab)).toEqual([]);
    expect(await record()).toMatchObject({ ui: 'none', answer: { panel: expect.anything() } });
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Open the details on the page' }).click();
    await waitForPanel(tab, 'repo:someone/llama-dl');
    expect((await panels(tab)).map((p) => p.subject)).toEqual(['repo:someone/llama-dl']);
    expect((await record()).ui).toBe('injected');
    await resetSettings();
    await opts.close();
    await popup.close();
    await tab.close();
  });

  test('nothing found: the popup says so and its search finds shawwn/llama-dl with context', async () => {
    const tab = await h.open('https://github.com/torvalds/linux');
    await settle(tab);
    const tabId = await tabIdOf('https://github.com/torvalds/linux');
    expect(await badgeText(tabId)).toBe('');
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByText('Nothing Backstory knows about on this page.').waitFor();
    const box = popup.getByLabel('Look up a repo, notice or topic');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    // The first result of each query, as a user types them: a bare URL, a name only the detector knows,
    // an HN id, several words, a party (its notices before repos that merely contain the letters).
    const firstResult = async (query: string) => {
      await box.fill(query);
      await popup.waitForFunction((q) => !!document.querySelector(`[data-for="${q}"]`), query);
      return (
        await popup
          .locator('.results .result .title')
          .first()
          .innerText()
          .catch(() => '')
      ).trim();
    };
    expect(await firstResult('github.com/shawwn/llama-dl')).toBe('shawwn/llama-dl');
    expect(await firstResult('ggerganov/llama.cpp')).toBe('ggerganov/llama.cpp');
    expect(await firstResult('35287733')).toMatch(/Facebook is going after LLaMA repos/);
    expect(await firstResult('llama dl')).toBe('shawwn/llama-dl');
    // The takedown itself first, titled by what it is (issue 24).
    expect(await firstResult('RIAA')).toBe('Recording Industry Association of America · Oct 23, 2020 · DMCA takedown notice');
    // A pasted link whose tracking parameters pass 500 characters still finds its repo (issue 23).
    expect(await firstResult(`https://github.com/shawwn/llama-dl?utm_source=news&utm_campaign=${'x'.repeat(600)}`)).toBe('shawwn/llama-dl');
    await firstResult('shawwn/llama-dl');
    await popup.locator('.results .result').first().click();
    const text = await popup.locator('main').innerText();
    expect(text).toContain('Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023');
    await box.fill('no such thing anywhere');
    await popup.getByText(/Nothing in Backstory's dataset matches/).waitFor();
    // The per-site switch turns Backstory off for github.com.
    await popup.getByLabel('On for github.com').uncheck();
    const llama = await h.open('https://github.com/shawwn/llama-dl');
    await settle(llama);
    expect(await panels(llama)).toEqual([]);
    await resetSettings();
    await llama.close();
    await popup.close();
    await tab.close();
  });

  test('after the service worker is stopped, the badge, the popup and new pages still work', async () => {
    await resetSettings();
    const tab = await llamaTab();
    const tabId = await tabIdOf('https://github.com/shawwn/llama-dl');
    await expect.poll(() => badgeText(tabId)).toBe('3');
    // Stop the extension's service worker through DevTools protocol (as Chrome does after 30 s idle).
    await worker().evaluate(() => ((globalThis as unknown as { __marker: number }).__marker = 1));
    const cdp = await h.context.newCDPSession(tab);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByText('Links badged on this page (2)').waitFor();
    await expect.poll(() => badgeText(tabId)).toBe('3');
    const fresh = await h.open('https://github.com/shawwn/llama-dl/issues');
    await waitForPanel(fresh, 'repo:shawwn/llama-dl');
    // It really was a new worker: the marker set on the old one is gone.
    const workers = h.context.serviceWorkers();
    expect(await workers[workers.length - 1]!.evaluate(() => (globalThis as unknown as { __marker?: number }).__marker)).toBeUndefined();
    await fresh.close();
    await popup.close();
    await tab.close();
  });
});

describe('bad settings and messages (issue #8)', () => {
  test('corrupted stored settings: each bad key falls back to its default, good keys stay, the page keeps working', async () => {
    await resetSettings();
    const tab = await llamaTab();
    const corrupted = {
      version: 2,
      panel: 'open', // valid: kept
      badges: 'yes', // wrong type
      theme: 'x'.repeat(7000), // wrong value, large
      silence: 'github.com', // not a list
      github: null,
      placement: ['side'],
      surprise: { nested: [1, 2, 3] }, // unknown key
    };
    await worker().evaluate((v) => (globalThis as unknown as W).chrome.storage.sync.set({ settings: v }), corrupted);
    // Applied live to the open tab: open with its details (the valid key), badges on and GitHub on (defaults).
    await tab.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('#bs-body'), null, {
      timeout: 5000,
    });
    await waitForPanel(tab, 'repo:shawwn/llama-dl');
    await tab.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 2);
    // The stored value is repaired: nothing of the valid key is lost, nothing invalid is kept.
    await expect
      .poll(() =>
        worker().evaluate(
          async () => (await (globalThis as unknown as W).chrome.storage.sync.get('settings')).settings as Record<string, unknown>,
        ),
      )
      .toMatchObject({ panel: 'open', badges: true, theme: 'site', github: true, version: 4 });
    const stored = await worker().evaluate(
      async () => (await (globalThis as unknown as W).chrome.storage.sync.get('settings')).settings as Record<string, unknown>,
    );
    // A key we do not know may be a newer version's: kept. The list moved to local storage, repaired.
    expect(stored.surprise).toEqual({ nested: [1, 2, 3] });
    // `placement` is no longer a setting (v4): an old one is dropped, not kept as a newer version's key.
    expect(stored.placement).toBeUndefined();
    expect(stored.silence).toBeUndefined();
    expect((await storedLists())?.silence).toEqual([]);
    const opts = await options();
    await expect
      .poll(() =>
        opts.evaluate(() => (document.querySelector('input[name="panel"][value="open"]') as HTMLInputElement | null)?.checked ?? null),
      )
      .toBe(true);
    await opts.close();
    await tab.close();
    expect(h.pageErrors).toEqual([]);
  });

  test('runtime messages of the wrong shape get no answer and change nothing', async () => {
    await resetSettings();
    const tab = await llamaTab();
    const opts = await options();
    const answers = await opts.evaluate(async () => {
      const send = (m: unknown) =>
        (globalThis as unknown as W).chrome.runtime.sendMessage(m).then(
          (r: unknown) => r ?? null,
          (e: Error) => `error: ${e.message}`,
        );
      return Promise.all([
        send({ type: 'page', subject: 42 }),
        send({ type: 'lookup', subjects: 'repo:shawwn/llama-dl' }),
        send({ type: 'lookup', subjects: new Array(6000).fill('repo:a/b') }),
        send({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'exploded' }),
        send({ type: 'report', panel: null, badges: { 'repo:x/y': -1 } }),
        send({ type: 'nope' }),
        send('just a string'),
        send(null),
        send({ type: 'search', query: 'x'.repeat(10_000) }),
      ]);
    });
    for (const a of answers) expect(a === null || /error/.test(String(a))).toBe(true);
    // The service worker still answers a good message, and the tab still has its panel and badges.
    const good = await opts.evaluate(() =>
      (globalThis as unknown as W).chrome.runtime.sendMessage({ type: 'search', query: 'shawwn/llama-dl' }),
    );
    expect((good as { results: { subject: string }[] }).results[0]!.subject).toBe('repo:shawwn/llama-dl');
    expect((await panels(tab)).length).toBe(1);
    expect((await badges(tab)).length).toBe(2);
    await opts.close();
    await tab.close();
  });
});
