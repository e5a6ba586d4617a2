/**
 * Accessibility measured with axe-core (npm) in real Chromium: the panel collapsed and open, light and
 * dark; the HN outline (panel, chips, navigator); the popup; the options page. Zero serious or critical
 * violations in what Backstory adds (the fixture pages themselves are not ours to judge).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openDetails, settle, waitForPanel, type Harness } from './harness';
import { repoPage } from '../fixtures/github';
import { seedThreadPage } from '../fixtures/hn-seed';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** axe's serious and critical violations within `include` (selectors of our hosts), or the whole document. */
async function axe(page: Page, include: string[] | null): Promise<Violation[]> {
  // Evaluated over the DevTools protocol: extension pages' CSP forbids adding a script tag.
  await page.evaluate(AXE);
  return page.evaluate(async (inc) => {
    const run = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe.run;
    const ctx = inc ? { include: inc.filter((s) => document.querySelector(s)).map((s) => [s]) } : document;
    const r = await run(ctx, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  }, include);
}

test.each([
  ['light', 'light'],
  ['dark', 'dark'],
])('the panel on a repo page, collapsed and open (%s)', async (_, mode) => {
  const url = `https://github.com/shawwn/llama-dl?a11y=${mode}`;
  h.serve(url, repoPage({ owner: 'shawwn', name: 'llama-dl', colorMode: mode as 'light' | 'dark' }));
  const page = await h.open(url);
  await waitForPanel(page, 'repo:shawwn/llama-dl');
  expect(await axe(page, ['backstory-panel'])).toEqual([]);
  await openDetails(page);
  expect(await axe(page, ['backstory-panel'])).toEqual([]);
  // Each card's source list, opened as a user does: a target of at least 24 × 24 px (WCAG 2.2, target size).
  const sources = page.locator('backstory-panel details.sources > summary');
  expect(await sources.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await sources.count()); i++) {
    const box = (await sources.nth(i).boundingBox())!;
    expect([box.width >= 24, box.height >= 24]).toEqual([true, true]);
    await sources.nth(i).click();
  }
  expect(await page.locator('backstory-panel details.sources[open] a.src').count()).toBeGreaterThan(0);
  expect(await axe(page, ['backstory-panel'])).toEqual([]);
  // What a screen reader is told: each summary names its card, each line link the fact it is the source of.
  const ax = await axNames(page);
  expect(ax.summaries).toEqual(['Source of the DMCA takedown notice of Mar 21, 2023']);
  expect(ax.links).toEqual(
    expect.arrayContaining([
      'For: line 45 of the notice, on github/dmca',
      'Sent by: line 38 of the notice, on github/dmca',
      'Names this repository: line 20 of the notice, on github/dmca',
      'Counter-notice of Apr 27, 2023: filed for: line 41 of the counter-notice, on github/dmca',
    ]),
  );
  await page.close();
});

/** The names Chromium's accessibility tree gives the panel's source lists: their summaries, and their line links. */
async function axNames(page: Page): Promise<{ summaries: string[]; links: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  const named = (role: string, re: RegExp) =>
    nodes.filter((n) => !n.ignored && n.role?.value === role && re.test(n.name?.value ?? '')).map((n) => n.name!.value);
  return { summaries: named('DisclosureTriangle', /^Source\b/), links: named('link', /: line \d+ of /) };
}

test('the HN outline: panel, chips and navigator', async () => {
  const url = 'https://news.ycombinator.com/item?id=35287733';
  h.serve(url, seedThreadPage());
  const page = await h.open(url);
  await waitForPanel(page, 'thread:hn:35287733');
  await page.waitForFunction(() => document.querySelectorAll('[data-backstory-chip]').length > 100);
  await page.locator('tr.athing.comtr').nth(40).locator('[data-backstory-chip] button').click();
  await settle(page);
  await openDetails(page);
  expect(await axe(page, ['backstory-panel', '[data-backstory-nav]', '[data-backstory-chip]'])).toEqual([]);
  await page.close();
});

test('the popup and the options page', async () => {
  const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html`);
  await popup.getByLabel('Look up a repo, notice or topic').fill('shawwn/llama-dl');
  await popup.locator('.results .result').first().click();
  expect(await axe(popup, null)).toEqual([]);
  await popup.close();
  const opts = await h.open(`chrome-extension://${h.extensionId}/options.html`);
  await opts.getByText('About the data').waitFor();
  expect(await axe(opts, null)).toEqual([]);
  await opts.close();
});
