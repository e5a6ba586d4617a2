/**
 * Newer notices on request (issue 26), in real Chromium with the built extension: GitHub's API and raw
 * files are served at their real URLs in the documented shapes (tests/fixtures/dmca-updates.ts).
 *
 * The one stub: headless Chromium cannot show the permission prompt (nor can a test answer it), so
 * `allowAtPrompt` (harness.ts) plays the user's "Allow": the options page's `chrome.permissions.request` is replaced
 * by a function that records what was asked (and so when: only within the click) and says yes, and the
 * worker's `permissions.contains` / `permissions.remove` answer from that grant. Everything else — the
 * click, the worker's fetches, the routing at GitHub's real URLs — is real. Firefox grants the hosts for
 * real (tests/e2e/shared/core-suite.ts, "notice updates").
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allowAtPrompt, launch, panels, waitForPanel, type Harness } from './harness';
import { repoPage } from '../fixtures/github';
import { githubAnswer, NEW_REPO, OLD_REPO, UPDATE_REQUESTS } from '../fixtures/dmca-updates';

const GITHUB_DATA = /^https:\/\/(api\.github\.com|raw\.githubusercontent\.com)\//;
let h: Harness;
/** What GitHub's API answers instead, for the next requests (a corrupt answer). */
let override: ((url: string) => { status: number; body: string } | null) | null = null;

beforeAll(async () => {
  h = await launch({ expected: (url) => GITHUB_DATA.test(url) });
  await h.context.route(GITHUB_DATA, (route) => {
    const url = route.request().url();
    const o = override?.(url);
    if (o) return route.fulfill({ status: o.status, headers: { 'access-control-allow-origin': '*' }, body: o.body });
    const a = githubAnswer(url);
    return route.fulfill({ status: a.status, headers: a.headers, body: a.body });
  });
});
afterAll(async () => {
  await h?.close();
});

const toGitHubData = () => h.requests.filter((r) => GITHUB_DATA.test(r.url));
/** The requests of the first update (made after pages were visited). */
let firstUpdate: string[] = [];

const worker = () => h.context.serviceWorkers()[0]!;

async function outcomeAt(repo: string) {
  const url = `https://github.com/${repo}`;
  h.serve(url, repoPage({ owner: repo.split('/')[0]!, name: repo.split('/')[1]! }));
  const page = await h.open(url);
  await waitForPanel(page, `repo:${repo}`);
  const [p] = await panels(page);
  await page.close();
  return p!.outcome;
}

describe('newer notices, on request', () => {
  test('off: visiting pages makes no request; the options page says the notices are as of the snapshot', async () => {
    expect(await outcomeAt(OLD_REPO)).toBe('disabled');
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByText('Notices as of').waitFor();
    expect(await options.locator('.updates-asof').textContent()).toBe('Notices as of Aug 21, 2026 (bundled)');
    await options.close();
    expect(toGitHubData()).toEqual([]);
  });

  test('the hosts are asked for at the click; the update makes exactly its requests, from the background; a newer counter-notice changes an older repo’s outcome', async () => {
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Check for newer notices' }).waitFor();
    const asked = await allowAtPrompt(options, worker());
    expect(await asked()).toEqual([]);
    expect(toGitHubData()).toEqual([]);
    await options.getByRole('button', { name: 'Check for newer notices' }).click();
    expect(await asked()).toEqual([{ origins: ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'] }]);
    await options.getByText('Notices as of Sep 5, 2026').waitFor();
    expect(await options.locator('.updates-added').textContent()).toMatch(/added 2 notices: 1 counter-notice, 1 takedown/);
    const made = toGitHubData();
    expect(made.map((r) => r.url)).toEqual(UPDATE_REQUESTS);
    firstUpdate = made.map((r) => r.url);
    expect(made.every((r) => r.fromWorker)).toBe(true);
    await options.close();
    expect(await outcomeAt(OLD_REPO)).toBe('disputed');
    expect(await outcomeAt(NEW_REPO)).not.toBeNull();
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.getByText('Notices as of Sep 5, 2026').waitFor();
    await popup.close();
  });

  test('a corrupt answer changes nothing and says so', async () => {
    override = (url) => (url.includes('/branches/') ? { status: 200, body: '<html><img src=x onerror=alert(1)>' } : null);
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Check for newer notices' }).click();
    await options.getByRole('alert').waitFor();
    expect(await options.getByRole('alert').textContent()).toMatch(
      /not what Backstory expects.*Nothing was changed: the notices as of Sep 5, 2026 are still used/,
    );
    expect(await options.locator('img').count()).toBe(0);
    await options.close();
    override = null;
    expect(await outcomeAt(OLD_REPO)).toBe('disputed');
  });

  test('turned off: the notices and the hosts go, pages make no request; a check with no page visited since makes the same requests as the first', async () => {
    const options = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Turn off and delete the downloaded notices' }).click();
    await options.getByText('Notices as of Aug 21, 2026 (bundled)').waitFor();
    expect(await worker().evaluate(() => (globalThis as unknown as { granted: boolean }).granted)).toBe(false);
    await options.close();
    const before = toGitHubData().length;
    expect(await outcomeAt(OLD_REPO)).toBe('disabled');
    expect(toGitHubData().length).toBe(before);
    // Again, straight from the options page: no page visited since the data was deleted.
    const again = await h.open(`chrome-extension://${h.extensionId}/options.html`);
    await again.getByText('Notices as of').waitFor();
    const asked = await allowAtPrompt(again, worker());
    await again.getByRole('button', { name: 'Check for newer notices' }).click();
    expect(await asked()).toHaveLength(1);
    await again.getByText('Notices as of Sep 5, 2026').waitFor();
    await again.close();
    expect(
      toGitHubData()
        .slice(before)
        .map((r) => r.url),
    ).toEqual(firstUpdate);
    expect(firstUpdate).toEqual(UPDATE_REQUESTS);
  });
});
