/**
 * Newer notices over the real snapshot, in real Chromium: a test build whose bundled index stops at
 * 2026-06-30 (tests/fixtures/dmca-cut.ts: cut at test time, built once and cached under node_modules/.cache),
 * and an update that brings July–August 2026's real notices, answered at the real api.github.com /
 * raw.githubusercontent.com URLs in GitHub's documented shapes (tests/fixtures/dmca-updates.ts).
 * Skipped, saying so, when ../shared/data is absent (CI always has it).
 *
 * The headless browser cannot show a permission prompt: as in notice-updates.test.ts, the options page's
 * `permissions.request` is replaced by a user's "Allow" (recorded: what was asked, and when) and the
 * worker's `permissions.contains` answers that it was granted. Firefox grants it for real
 * (tests/e2e/shared/core-suite.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { allowAtPrompt, badges, launch, openDetails, panels, settle, waitForPanel, type Harness } from './harness';
import { manyLinksReadme, repoPage, takedownPage } from '../fixtures/github';
import { CUT_COMMIT, cutHistory, ensureCutBuild, hasSnapshot, newerFiles, SNAPSHOT } from '../fixtures/dmca-cut';
import { gitHub, type History } from '../fixtures/dmca-updates';

const GITHUB_DATA = /^https:\/\/(api\.github\.com|raw\.githubusercontent\.com)\//;
/** Named by a July takedown (2026/07/2026-07-01-figma-mcp-bridge.md) and by no earlier notice. */
const JULY_REPO = 'gethopp/figma-mcp-bridge';
/** Named by an August takedown, whose takedown page links it. */
const AUGUST_REPO = 'b15al/htb_paperowk_exploit';
const AUGUST_NOTICE = '2026/08/2026-08-03-hack-the-box-2.md';
/** Named by an April takedown; a July counter-notice (2026/07/2026-07-09-pearson-education-counternotice.md) disputes it. */
const APRIL_REPO = 'pdeitel/javase8forprogrammers';
/** Named only by a notice GitHub filed under 2026/06 (2026-09-06-portfolio-code.md), after the cut by its date. */
const LATE_REPO = 'mayanksharma1352/portfolio';

const present = hasSnapshot();
if (!present) console.warn('[e2e] notice updates over the real snapshot: skipped (../shared/data/github-dmca not found)');

describe.skipIf(!present)('newer notices over the real snapshot: bundle cut at 2026-06-30, update with July–August 2026', () => {
  let h: Harness;
  let history: History;
  /** Every GitHub request answered: its URL and the size of the answer. */
  const answered: { url: string; bytes: number }[] = [];

  beforeAll(async () => {
    const t0 = performance.now();
    const build = await ensureCutBuild();
    console.log(
      `[e2e] cut build: ${build.madeIndex ? 'committed index cut at 2026-06-30, ' : ''}${build.built ? 'built' : 'cached'} in ${Math.round(performance.now() - t0)} ms`,
    );
    history = cutHistory();
    const answer = gitHub(history);
    h = await launch({ extensionDir: build.extensionDir, expected: (url) => GITHUB_DATA.test(url) });
    await h.context.route(GITHUB_DATA, (route) => {
      const a = answer(route.request().url());
      answered.push({ url: route.request().url(), bytes: Buffer.byteLength(a.body) });
      return route.fulfill({ status: a.status, headers: a.headers, body: a.body });
    });
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  const toGitHubData = () => h.requests.filter((r) => GITHUB_DATA.test(r.url));

  async function repo(name: string, html = repoPage({ owner: name.split('/')[0]!, name: name.split('/')[1]! })): Promise<Page> {
    const url = `https://github.com/${name}`;
    h.serve(url, html);
    return h.open(url);
  }
  /** A page linking `name`, and the badges it gets. */
  async function badgesFor(name: string) {
    const url = `https://github.com/someone/links-to-${name.replace('/', '-')}`;
    h.serve(url, repoPage({ owner: 'someone', name: `links-to-${name.replace('/', '-')}`, readme: manyLinksReadme(5, [`/${name}`]) }));
    const page = await h.open(url);
    await settle(page);
    const b = await badges(page);
    await page.close();
    return b;
  }
  const outcome = async (name: string) => {
    const page = await repo(name);
    await waitForPanel(page, `repo:${name}`);
    const [p] = await panels(page);
    await page.close();
    return p!.outcome;
  };
  /** The panel's footer, opened. */
  const footer = async (name: string) => {
    const page = await repo(name);
    await waitForPanel(page, `repo:${name}`);
    await openDetails(page);
    const text = await page.evaluate(() => document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.foot')!.textContent);
    const host = await page.evaluate(() =>
      [...document.querySelector('backstory-panel')!.attributes].map((a) => `${a.name}=${a.value}`).sort(),
    );
    await page.close();
    return { text, host };
  };

  test('before: the bundle stops at Jun 30, 2026 — July–August’s repos have no panel and no badge; visiting pages makes no request', async () => {
    const july = await repo(JULY_REPO);
    await settle(july);
    expect(await panels(july)).toEqual([]);
    await july.close();
    expect(await badgesFor(JULY_REPO)).toEqual([]);
    expect(await outcome(APRIL_REPO)).toBe('named');
    // GitHub's takedown page of an August notice: only a link, the notice being newer than the bundle.
    const page = await repo(AUGUST_REPO, takedownPage(AUGUST_NOTICE));
    await waitForPanel(page, `repo:${AUGUST_REPO}`);
    expect((await openDetails(page)).text).toMatch(/newer than Backstory's copy of github\/dmca/);
    await page.close();
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByText('Notices as of').waitFor();
    expect(await options.locator('.updates-asof').textContent()).toBe('Notices as of Jun 30, 2026 (bundled)');
    await options.close();
    expect(toGitHubData()).toEqual([]);
  });

  test('"Check for newer notices": the hosts asked at the click; exactly the update’s requests, from the worker — 9 API calls and 384 notice files', async () => {
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Check for newer notices' }).waitFor();
    // Headless Chromium shows no prompt: the user's "Allow" stands in for it (see the file's comment).
    const asked = await allowAtPrompt(options, h.context.serviceWorkers()[0]!);
    expect(toGitHubData()).toEqual([]);
    const t0 = performance.now();
    await options.getByRole('button', { name: 'Check for newer notices' }).click();
    expect(await asked()).toEqual([{ origins: ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'] }]);
    await options.getByText('Notices as of Aug 21, 2026').waitFor({ timeout: 90_000 });
    const ms = Math.round(performance.now() - t0);
    expect(await options.locator('.updates-added').textContent()).toMatch(/added 384 notices: /);
    await options.close();

    const files = newerFiles();
    const head = SNAPSHOT.sha;
    const commits = history.commits.map((c) => c.sha);
    const cmp = 'https://api.github.com/repos/github/dmca/compare/';
    const at = (i: number) => (i < 0 ? CUT_COMMIT : commits[i]!);
    const made = toGitHubData();
    expect(made.map((r) => r.url)).toEqual([
      'https://api.github.com/repos/github/dmca/branches/master',
      // 384 files: more than the 300 GitHub lists in one comparison, so the commits are read…
      ...[1, 2, 3, 4].map((p) => `${cmp}${CUT_COMMIT}...${head}?per_page=100&page=${p}`),
      // …and the range compared in parts of at most 100 commits.
      ...[-1, 99, 199, 299].map((i) => `${cmp}${at(i)}...${at(Math.min(i + 100, commits.length - 1))}?per_page=1`),
      ...[...files]
        .sort()
        .map((p) => `https://raw.githubusercontent.com/github/dmca/${head}/${p.split('/').map(encodeURIComponent).join('/')}`),
    ]);
    expect(made.every((r) => r.fromWorker)).toBe(true);
    const size = (re: RegExp) => answered.filter((a) => re.test(a.url)).reduce((s, a) => s + a.bytes, 0);
    const stored = await h.context.serviceWorkers()[0]!.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { getBytesInUse(k: string): Promise<number> } } } }).chrome;
      return c.storage.local.getBytesInUse('noticeOverlay');
    });
    console.log(
      `[e2e] update of July–August 2026: ${made.length} requests (${made.length - files.length} API) in ${ms} ms from the click; ` +
        `API answers ${(size(/api\.github/) / 1e6).toFixed(2)} MB, notice files ${(size(/raw\.github/) / 1e6).toFixed(2)} MB; stored ${(stored / 1e6).toFixed(2)} MB`,
    );
  });

  test('after: a July repo gets its panel and badge, an April repo is disputed by July’s counter-notice, an August takedown page gets its full card, a notice filed under June is there', async () => {
    expect(await outcome(JULY_REPO)).toBe('named');
    expect((await badgesFor(JULY_REPO)).map((b) => b.subject)).toEqual([`repo:${JULY_REPO}`]);
    expect(await outcome(APRIL_REPO)).toBe('disputed');
    expect(await outcome(LATE_REPO)).toBe('disabled');
    const page = await repo(AUGUST_REPO, takedownPage(AUGUST_NOTICE));
    await waitForPanel(page, `repo:${AUGUST_REPO}`);
    const p = await openDetails(page);
    expect(p.outcome).toBe('disabled');
    expect(p.text).not.toMatch(/newer than Backstory's copy/);
    // The card: its file, kind and date, and where it names this repository (a link to its line).
    expect(p.text).toContain('2026-08-03-hack-the-box-2.md');
    expect(
      await page.evaluate(
        (path) =>
          [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('a')].some((a) =>
            a.href.startsWith(`https://github.com/github/dmca/blob/master/${path}#L`),
          ),
        AUGUST_NOTICE,
      ),
    ).toBe(true);
    await page.close();
  });

  test('the footer dates what the answer used: the downloaded notice’s own date (not the update’s), the bundle’s without; no attribute on the host', async () => {
    // The April repo's answer reads one downloaded notice, July 9's counter-notice; the update reached Aug 21.
    const april = await footer(APRIL_REPO);
    expect(april.text).toBe('Notices as of Jul 9, 2026 · offline summary · no data leaves your browser');
    // The host: CONTRACT.md's attributes (and where it is placed), no date, nothing of the user's.
    expect(april.host.map((a) => a.split('=')[0])).toEqual(expect.arrayContaining(['data-outcome', 'data-relations', 'data-subject']));
    for (const a of april.host) expect(a).toMatch(/^data-(outcome|relations|subject|placement)=/);
    expect(april.host.join(' ')).not.toMatch(/\d{4}-\d{2}|Aug|Jul|Jun|as of/i);
    expect((await footer('shawwn/llama-dl')).text).toMatch(/^Notices as of Jun 30, 2026 · /);
  });
});
