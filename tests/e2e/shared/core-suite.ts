/**
 * The core end-to-end suite, one definition run in both browsers: Chromium (tests/e2e/core.test.ts)
 * and Firefox ESR (tests/firefox/core.test.ts). Same fixtures, same assertions; what differs between
 * the browsers is only in their drivers.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import comments from '../../../utils/dataset/data/threads/35287733/comments.json';
import { manyLinksReadme, noticePage, repoBody, repoMetas, repoPage, takedownPage, type RepoPageOptions } from '../../fixtures/github';
import { githubAnswer, NEW_REPO, OLD_REPO, UPDATE_REQUESTS } from '../../fixtures/dmca-updates';
import { seedThreadPage } from '../../fixtures/hn-seed';
import { styledRepoPage, styledSeedPage } from '../../fixtures/styled';
import type { Driver, Tab } from './driver';
import { badges, openDetails, panelHeight, panels, waitForPanel } from './probes';

const NOTICE = 'notice:2023/03/2023-03-21-meta.md';
const NOTICE_TEXT = ['Infringing material: http://github.com/shawwn/llama-dl', 'Sent on behalf of Meta Platforms, Inc.'];
const LLAMA_DL: RepoPageOptions = { owner: 'shawwn', name: 'llama-dl', description: 'High-speed download of LLaMA' };

/** The status line's full text (its title holds it whole; the line itself may be cut by an ellipsis). */
const statusLine = (t: Tab) =>
  t.evaluate(() => document.querySelector('backstory-panel')?.shadowRoot?.querySelector('button.status')?.getAttribute('title') ?? '');

export function coreSuite(make: () => Promise<Driver>) {
  let d: Driver;
  beforeAll(async () => {
    d = await make();
  }, 120_000);
  afterAll(async () => {
    await d?.close();
  }, 60_000);

  async function page(url: string, html: string): Promise<Tab> {
    d.serve(url, html);
    return d.open(url);
  }

  describe('repository and notice pages', () => {
    test('llama-dl (declared panel script): one status line saying "Disputed", data-outcome, details on demand', async () => {
      const t = await page('https://github.com/shawwn/llama-dl', repoPage(LLAMA_DL));
      await waitForPanel(t, 'repo:shawwn/llama-dl');
      const [p] = await panels(t);
      expect(p).toMatchObject({ subject: 'repo:shawwn/llama-dl', outcome: 'disputed', open: true });
      expect(p!.relations).toEqual(['named-in-notice', 'counter-noticed', 'discussed', 'llama']);
      expect(await panelHeight(t)).toBeLessThanOrEqual(56);
      expect(await statusLine(t)).toContain('Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023 · counter-notice Apr 27, 2023');
      const open = await openDetails(t);
      expect(open.text).toContain('OpSec Online LLC');
      expect(open.text).toContain('Facebook is going after LLaMA repos');
      await t.close();
    });

    test('a fork of llama-dl (panel code injected on demand): disabled with its network', async () => {
      const t = await page(
        'https://github.com/someone/llama-dl',
        repoPage({ owner: 'someone', name: 'llama-dl', networkRoot: 'shawwn/llama-dl' }),
      );
      await waitForPanel(t, 'repo:someone/llama-dl');
      expect((await panels(t))[0]!.outcome).toBe('disabled');
      expect(await statusLine(t)).toContain(
        'Was disabled · Meta Platforms, via OpSec Online · Mar 21, 2023 · with its fork network (shawwn/llama-dl)',
      );
      await t.close();
    });

    test('the notice page: its facts, the counter-notice that answers it', async () => {
      const url = 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md';
      const t = await page(url, noticePage('2023/03/2023-03-21-meta.md', NOTICE_TEXT));
      await waitForPanel(t, NOTICE);
      expect(await statusLine(t)).toContain('DMCA takedown notice · from Meta Platforms, via OpSec Online · Mar 21, 2023');
      const open = await openDetails(t);
      expect(open.text).toContain('Counter-notice');
      expect(open.text).toContain('shawwn/llama-dl');
      await t.close();
    });

    test("GitHub's takedown page: disabled, leading with the notice", async () => {
      const t = await page('https://github.com/ytdl-org/youtube-dl', takedownPage('2020/10/2020-10-23-RIAA.md'));
      await waitForPanel(t, 'repo:ytdl-org/youtube-dl');
      expect((await panels(t))[0]!.outcome).toBe('disabled');
      expect(await statusLine(t)).toMatch(/^Disabled · DMCA takedown · Recording Industry Association of America/);
      await t.close();
    });

    test('an unrelated repo: no panel, no badges', async () => {
      const t = await page('https://github.com/torvalds/linux', repoPage({ owner: 'torvalds', name: 'linux' }));
      await d.settled(t.url());
      expect(await panels(t)).toEqual([]);
      expect(await badges(t)).toEqual([]);
      await t.close();
    });
  });

  describe('part of the page (pages styled like the sites: Primer CSS, HN’s stylesheet)', () => {
    test('GitHub 2025 markup at 800 px: the status line in the content column (24…776), in the page’s font', async () => {
      const t = await page('https://github.com/shawwn/llama-dl?styled=2025', styledRepoPage(2025, LLAMA_DL));
      await t.resize(800, 900);
      await waitForPanel(t, 'repo:shawwn/llama-dl');
      const box = await t.evaluate(() => {
        const root = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.bs-root')!;
        const r = root.getBoundingClientRect();
        return {
          x: [Math.round(r.left), Math.round(r.right)],
          same: getComputedStyle(root).fontFamily === getComputedStyle(document.body).fontFamily,
        };
      });
      expect(box).toEqual({ x: [24, 776], same: true });
      await t.close();
    });

    test('the HN seed thread at 800 px: as wide as HN’s own page (804 px), open or not; Verdana', async () => {
      const t = await page('https://news.ycombinator.com/item?id=35287733&styled', styledSeedPage());
      await t.resize(800, 900);
      await waitForPanel(t, 'thread:hn:35287733');
      await t.waitFor(() => document.querySelectorAll('[data-backstory-chip]').length > 150, undefined, 15_000);
      const width = () => t.evaluate(() => document.documentElement.scrollWidth);
      expect(await width()).toBe(804);
      await openDetails(t);
      expect(await width()).toBe(804);
      const font = await t.evaluate(
        () => getComputedStyle(document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.bs-root')!).fontFamily,
      );
      expect(font).toMatch(/^Verdana/);
      await t.close();
    });
  });

  describe('badges and navigation', () => {
    test('2,000 links, 3 known: exactly 3 badges; a link added later gets its own; the toolbar counts them', async () => {
      const url = 'https://github.com/someone/awesome-list';
      const known = [
        '/shawwn/llama-dl',
        'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
        'https://news.ycombinator.com/item?id=35287733',
      ];
      const t = await page(url, repoPage({ owner: 'someone', name: 'awesome-list', readme: manyLinksReadme(2000, known) }));
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 3);
      expect((await badges(t)).map((b) => b.after)).toEqual(known);
      await t.evaluate(() => {
        const a = Object.assign(document.createElement('a'), { href: 'https://github.com/cocktailpeanut/dalai', textContent: 'dalai' });
        const p = document.createElement('p');
        p.append(a);
        document.querySelector('article')!.append(p);
      });
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 4);
      expect((await badges(t)).map((b) => b.subject)).toContain('repo:cocktailpeanut/dalai');
      const id = await d.tabId(url);
      await expect.poll(() => d.toolbarBadge(id), { timeout: 5000 }).toBe('4');
      await t.close();
    });

    test('soft navigations: always one panel, the right subject; none on an unrelated repo', async () => {
      const t = await page('https://github.com/someone/start', repoPage({ owner: 'someone', name: 'start' }));
      const targets: [RepoPageOptions, string | null][] = [
        [LLAMA_DL, 'repo:shawwn/llama-dl'],
        [{ owner: 'torvalds', name: 'linux' }, null],
        [{ owner: 'facebookresearch', name: 'llama' }, 'repo:facebookresearch/llama'],
        [{ owner: 'cocktailpeanut', name: 'dalai' }, 'repo:cocktailpeanut/dalai'],
      ];
      for (let i = 0; i < 8; i++) {
        const [o, subject] = targets[i % targets.length]!;
        await t.evaluate(
          ([u, body, metas]) => (window as unknown as { turboVisit(u: string, b: string, m: object): void }).turboVisit(u, body, metas),
          [`/${o.owner}/${o.name}`, repoBody(o), repoMetas(o)] as const,
        );
        if (subject) await waitForPanel(t, subject);
        else await t.waitFor(() => !document.querySelector('backstory-panel'));
        await d.settled(t.url());
        expect(
          (await panels(t)).map((p) => p.subject),
          `navigation ${i}`,
        ).toEqual(subject ? [subject] : []);
      }
      await t.close();
    });
  });

  describe('the HN thread outline', () => {
    test('every comment tagged; a topic highlights its comments; tangents fold and come back', async () => {
      const url = 'https://news.ycombinator.com/item?id=35287733';
      const t = await page(url, seedThreadPage());
      await waitForPanel(t, 'thread:hn:35287733');
      await t.waitFor(() => document.querySelectorAll('tr.athing.comtr[data-backstory-topic]').length === 203);
      const tags = await t.evaluate(() =>
        [...document.querySelectorAll('tr.athing.comtr')].map((r) => r.getAttribute('data-backstory-topic')),
      );
      const right = tags.filter((topic, n) => topic === comments[n]!.topics[0]).length;
      expect(right / 203).toBeGreaterThanOrEqual(0.95);
      await openDetails(t);
      const expected = comments.filter((c) => c.topics.includes('dmca-process')).map((c) => c.n);
      await t.evaluate(() => {
        const root = document.querySelector('backstory-panel')!.shadowRoot!;
        const det = root.querySelector('details.topic[data-topic="dmca-process"]') as HTMLDetailsElement;
        det.open = true;
        ([...det.querySelectorAll('button')].find((b) => b.textContent?.includes('Highlight its')) as HTMLButtonElement).click();
      });
      await t.waitFor(() => document.querySelectorAll('[data-backstory-selected]').length > 0);
      const selected = await t.evaluate(() =>
        [...document.querySelectorAll('tr.athing.comtr')].flatMap((r, i) => (r.hasAttribute('data-backstory-selected') ? [i] : [])),
      );
      expect(selected).toEqual(expected);
      const visible = () =>
        t.evaluate(() => [...document.querySelectorAll('tr.athing.comtr')].filter((r) => getComputedStyle(r).display !== 'none').length);
      const before = await visible();
      const fold = () =>
        t.evaluate(() =>
          (document.querySelector('backstory-panel')!.shadowRoot!.querySelector('button.fold') as HTMLButtonElement).click(),
        );
      await fold();
      await t.waitFor(
        (n) => [...document.querySelectorAll('tr.athing.comtr')].filter((r) => getComputedStyle(r).display !== 'none').length < n,
        before,
      );
      expect(before - (await visible())).toBeGreaterThan(20);
      await fold();
      await t.waitFor(
        (n) => [...document.querySelectorAll('tr.athing.comtr')].filter((r) => getComputedStyle(r).display !== 'none').length === n,
        before,
      );
      await t.close();
    });
  });

  describe('options, popup and toolbar', () => {
    test('options persist and apply live: badges off leaves the open tab; reopened, the choice is still there', async () => {
      await d.resetStorage();
      const url = 'https://github.com/shawwn/llama-dl?options';
      const t = await page(url, repoPage({ ...LLAMA_DL, readme: manyLinksReadme(20, ['/facebookresearch/llama/pull/73']) }));
      await waitForPanel(t, 'repo:shawwn/llama-dl');
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
      const opts = await d.extensionPage('options.html');
      await opts.waitFor(() => document.querySelector('#badges'));
      // Newer notices are off: the notices are the bundled snapshot's, the daily check unticked (issue 26).
      await opts.waitFor(() => document.querySelector('.updates-asof'));
      expect(
        await opts.evaluate(() => [
          document.querySelector('.updates-asof')!.textContent,
          (document.querySelector('.notice-updates input[type=checkbox]') as HTMLInputElement).checked,
        ]),
      ).toEqual(['Notices as of Aug 21, 2026 (bundled)', false]);
      await opts.evaluate(() => (document.querySelector('#badges') as HTMLInputElement).click());
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 0);
      // The page restarts with the new settings: its panel is back (one), only the badges are gone.
      await waitForPanel(t, 'repo:shawwn/llama-dl');
      expect((await panels(t)).length).toBe(1);
      await opts.close();
      const again = await d.extensionPage('options.html');
      await again.waitFor(() => document.querySelector('#badges'));
      expect(await again.evaluate(() => (document.querySelector('#badges') as HTMLInputElement).checked)).toBe(false);
      await again.evaluate(() => (document.querySelector('#badges') as HTMLInputElement).click());
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
      await again.close();
      await t.close();
    });

    test("the popup: this tab's status and matches; its search finds a repo by words", async () => {
      await d.resetStorage();
      const url = 'https://github.com/shawwn/llama-dl?popup';
      const t = await page(url, repoPage({ ...LLAMA_DL, readme: manyLinksReadme(20, ['/facebookresearch/llama/pull/73']) }));
      await waitForPanel(t, 'repo:shawwn/llama-dl');
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
      const id = await d.tabId(url);
      await expect.poll(() => d.toolbarBadge(id), { timeout: 5000 }).toBe('2');
      const popup = await d.extensionPage(`popup.html?tabId=${id}`);
      await popup.waitFor(() => document.querySelector('main')?.textContent?.includes('Open the details on the page'));
      const text = await popup.evaluate(() => document.querySelector('main')!.textContent ?? '');
      expect(text).toContain('Disputed · Meta Platforms, via OpSec Online');
      expect(text).toContain('facebookresearch/llama');
      await popup.evaluate(() => {
        const box = document.querySelector('input#q') as HTMLInputElement;
        box.value = 'llama dl';
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await popup.waitFor(() => !!document.querySelector('[data-for="llama dl"]'), undefined, 10_000);
      expect(await popup.evaluate(() => document.querySelector('.results .result .title')?.textContent?.trim())).toBe('shawwn/llama-dl');
      await popup.close();
      await t.close();
    });
  });

  describe('notice updates (GitHub answered at its real URLs: tests/fixtures/dmca-updates.ts)', () => {
    test('off until asked; "Check for newer notices" gets the hosts at the click and makes exactly the update’s requests, without cookies or referrer; a newer notice’s repo gets its answer; turned off, the hosts and notices go', async () => {
      await d.resetStorage();
      d.serveGitHubData(githubAnswer);
      const opts = await d.extensionPage('options.html');
      await opts.waitFor(() => document.querySelector('.notice-updates .actions button'));
      expect(await d.updateHostsGranted()).toBe(false);
      // The user will answer the browser's prompt "Allow" (Firefox: for real; Chromium: stubbed, see the driver).
      await d.allowPermissionPrompt(opts);
      expect(d.gitHubRequests()).toEqual([]);
      await opts.click('.notice-updates .actions', 'button');
      await opts.waitFor(
        () => document.querySelector('.updates-asof')?.textContent?.startsWith('Notices as of Sep 5, 2026'),
        undefined,
        20_000,
      );
      expect(await d.updateHostsGranted()).toBe(true);
      const made = d.gitHubRequests();
      expect(made.map((r) => r.url)).toEqual(UPDATE_REQUESTS);
      for (const r of made) expect(Object.keys(r.headers).filter((k) => /^(cookie|referer)$/i.test(k))).toEqual([]);
      await opts.close();
      // A repo named only by the newer takedown (of Sep 3): its panel, dated by that notice, not by the update (Sep 5).
      const t = await page(`https://github.com/${NEW_REPO}`, repoPage({ owner: 'newowner', name: 'copied-repo' }));
      await waitForPanel(t, `repo:${NEW_REPO}`);
      expect((await panels(t))[0]!.outcome).toBe('disabled');
      expect((await openDetails(t)).text).toContain('Notices as of Sep 3, 2026');
      await t.close();
      // An older repo, disputed by the newer counter-notice.
      const old = await page(`https://github.com/${OLD_REPO}`, repoPage({ owner: OLD_REPO.split('/')[0]!, name: OLD_REPO.split('/')[1]! }));
      await waitForPanel(old, `repo:${OLD_REPO}`);
      expect((await panels(old))[0]!.outcome).toBe('disputed');
      await old.close();
      // "Turn off and delete the downloaded notices": the hosts are removed, the bundle answers again.
      const again = await d.extensionPage('options.html');
      await again.waitFor(() => document.querySelectorAll('.notice-updates .actions button').length === 2);
      await again.click('.notice-updates .actions', 'button:nth-of-type(2)');
      await again.waitFor(() => document.querySelector('.updates-asof')?.textContent === 'Notices as of Aug 21, 2026 (bundled)');
      expect(await d.updateHostsGranted()).toBe(false);
      await again.close();
      expect(d.gitHubRequests().length).toBe(UPDATE_REQUESTS.length);
    });
  });

  describe('privacy and lifecycle', () => {
    test('no uncaught errors in pages, content scripts, extension pages or the background so far', () => {
      expect(d.errors()).toEqual([]);
    });

    test('reloading the extension takes its old panel and badges out of open pages (Firefox then adds fresh ones, once)', async () => {
      await d.resetStorage();
      const url = 'https://github.com/shawwn/llama-dl?reload';
      const t = await page(url, repoPage({ ...LLAMA_DL, readme: manyLinksReadme(20, ['/facebookresearch/llama/pull/73']) }));
      await waitForPanel(t, 'repo:shawwn/llama-dl');
      await t.waitFor(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
      // Marked from the page's world, to tell the old UI from any new one.
      await t.evaluate(() => {
        for (const el of document.querySelectorAll('backstory-panel, [data-backstory-badge]')) el.setAttribute('data-test-old', '');
      });
      const reloaded = await d.reloadExtension();
      await t.waitFor(() => !document.querySelector('[data-test-old]'), undefined, 10_000);
      if (d.browser === 'firefox') {
        expect(reloaded).toBe('running');
        // Firefox injects the reloaded add-on's content scripts into open tabs: one new panel, one badge.
        await waitForPanel(t, 'repo:shawwn/llama-dl');
        await d.settled(t.url());
        expect((await panels(t)).map((p) => p.subject)).toEqual(['repo:shawwn/llama-dl']);
        expect((await badges(t)).length).toBe(1);
      } else {
        // Headless Chromium does not bring the reloaded extension back (reloadExtension waited for it to be
        // unloaded), and it never injects an extension's scripts into open tabs: once the old script's
        // lifetime ended (its UI went, waited for above) nothing of Backstory runs in the browser, so nothing
        // can come later: the check proves it without a delay.
        expect(reloaded).toBe('unloaded');
        expect(await panels(t)).toEqual([]);
        expect(await badges(t)).toEqual([]);
      }
      expect(d.errors()).toEqual([]);
      await t.close();
    });
  });
}
