/**
 * The Hacker News content script in real Chromium, on fixture pages served at real URLs.
 * Test URLs:
 *   https://news.ycombinator.com/item?id=35287733 (+ &p=2, #<comment id>, #bs-<n>, other query orders)
 *   https://news.ycombinator.com/news, /from?site=github.com (badges)
 *   https://news.ycombinator.com/item?id=<other story linking to a known repo> (compact panel)
 *   an older-markup item page, a 3,000-comment thread
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import comments from '../../utils/dataset/data/threads/35287733/comments.json';
import topics from '../../utils/dataset/data/threads/35287733/topics.json';
import { tangentFoldRows } from '../../utils/core/hn-match';
import { badges, launch, openDetails, panels, settle, waitForPanel, type Harness } from './harness';
import { hnItemPage, hnListPage, hnOldItemPage, syntheticThread } from '../fixtures/hn';
import { seedComments, seedThreadPage } from '../fixtures/hn-seed';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const THREAD = 'thread:hn:35287733';
const SEED_URL = 'https://news.ycombinator.com/item?id=35287733';
const tangent = new Set(topics.filter((t) => t.tangent).map((t) => t.id));
const primary = (n: number) => comments[n]!.topics[0]!;

/** The seed thread's page with its panel's details open (`details: false` leaves the status line alone). */
async function openSeed(url = SEED_URL, html = seedThreadPage(), details = true) {
  h.serve(url, html);
  const page = await h.open(url);
  await waitForPanel(page, THREAD);
  await page.waitForFunction(() => document.querySelectorAll('[data-backstory-topic]').length > 0);
  await settle(page);
  if (details) await openDetails(page);
  return page;
}

const tags = (page: Awaited<ReturnType<typeof openSeed>>) =>
  page.evaluate(() => [...document.querySelectorAll('tr.athing.comtr')].map((r) => r.getAttribute('data-backstory-topic')));

describe('the seed thread page', () => {
  test('outline panel, every dataset comment found and tagged with its topic, chips by the bylines', async () => {
    // By default: the status line and the outline's bar, the topics on demand.
    const closed = await openSeed(SEED_URL, seedThreadPage(), false);
    const [c] = await panels(closed);
    expect(c!.text).toContain('Backstory outline · 203 comments in 12 topics and 4 tangents');
    expect(c!.text).toContain('203 of 203 comments found on this page');
    expect(await closed.locator('backstory-panel details.topic').count()).toBe(0);
    expect(
      await closed.evaluate(() => Math.round(document.querySelector('backstory-panel')!.getBoundingClientRect().height)),
    ).toBeLessThanOrEqual(110);
    await closed.close();
    const page = await openSeed();
    const [p] = await panels(page);
    expect(p!.subject).toBe(THREAD);
    expect(p!.relations).toEqual(['discussed', 'llama']);
    expect(p!.text).toContain('203 of 203 comments found on this page');
    const t = await tags(page);
    expect(t).toHaveLength(203);
    const right = t.filter((topic, n) => topic === primary(n)).length;
    expect(right / 203).toBeGreaterThanOrEqual(0.95);
    expect(await page.locator('[data-backstory-chip]').count()).toBe(203);
    // The bar chart: one bar per topic, widths in proportion to the comment counts.
    const bars = await page.evaluate(() =>
      [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('details.topic')].map((d) => ({
        topic: d.getAttribute('data-topic'),
        width: parseFloat((d.querySelector('.bar > span') as HTMLElement).style.width),
      })),
    );
    expect(bars).toHaveLength(topics.length);
    const widest = bars.reduce((a, b) => (b.width > a.width ? b : a));
    expect(widest.topic).toBe('copyright-weights');
    await page.close();
  });

  test('a topic highlights its comments; next / previous by buttons and keys n / p', async () => {
    const page = await openSeed();
    const expected = comments.filter((c) => c.topics.includes('dmca-process')).map((c) => c.n);
    const details = page.locator('backstory-panel details.topic[data-topic="dmca-process"]');
    await details.locator('summary').click();
    await details.locator('button', { hasText: 'Highlight its' }).click();
    const state = () =>
      page.evaluate(() => {
        const rows = [...document.querySelectorAll('tr.athing.comtr')];
        return {
          selected: rows.flatMap((r, i) => (r.hasAttribute('data-backstory-selected') ? [i] : [])),
          current: rows.findIndex((r) => r.hasAttribute('data-backstory-current')),
        };
      });
    let s = await state();
    expect(s.selected).toEqual(expected);
    expect(s.current).toBe(expected[0]);
    await page.locator('backstory-panel button', { hasText: 'Next ▶' }).click();
    expect((await state()).current).toBe(expected[1]);
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('n');
    expect((await state()).current).toBe(expected[2]);
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    expect((await state()).current).toBe(expected[0]);
    await page.keyboard.press('p'); // wraps to the last
    expect((await state()).current).toBe(expected[expected.length - 1]);
    expect((await panels(page))[0]!.text).toContain(`comment ${expected.length} of ${expected.length}`);
    await page.keyboard.press('Escape');
    s = await state();
    expect(s).toEqual({ selected: [], current: -1 });
    // A citation that points into this thread is shown in place, not in a new tab.
    const pagesBefore = h.context.pages().length;
    await details.locator('a.cite').first().click();
    const cited = comments.find((c) => c.topics.includes('dmca-process') && c.n === 95)!;
    await page.waitForFunction((n) => document.querySelectorAll('tr.athing.comtr')[n]!.hasAttribute('data-backstory-current'), cited.n);
    expect(h.context.pages().length).toBe(pagesBefore);
    await page.close();
  });

  test('choosing a topic from a chip highlights without moving the page; the navigator stays in view', async () => {
    const page = await openSeed(SEED_URL, seedThreadPage(), false);
    const row = page.locator('tr.athing.comtr').nth(150);
    await row.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await row.locator('[data-backstory-chip] button').click();
    await settle(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(await row.getAttribute('data-backstory-current')).toBe('');
    // The navigator is fixed in the corner, inside the viewport, and steps on.
    const nav = page.locator('[data-backstory-nav] .nav');
    const box = (await nav.boundingBox())!;
    const vh = page.viewportSize()!.height;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(vh);
    await nav.getByRole('button', { name: 'Next comment (n)' }).click();
    expect(await row.getAttribute('data-backstory-current')).toBeNull();
    // "?" lists the keys.
    await nav.getByRole('button', { name: 'Keyboard keys (?)' }).click();
    await page.locator('[data-backstory-nav] .keys').waitFor();
    // One tab stop for all the chips.
    const stops = await page.evaluate(
      () =>
        [...document.querySelectorAll('[data-backstory-chip]')].filter((c) => c.shadowRoot!.querySelector('button')!.tabIndex === 0).length,
    );
    expect(stops).toBe(1);
    await page.close();
  });

  test('fold tangents hides exactly the tangent subthreads and restores them; HN collapse keeps working', async () => {
    const page = await openSeed();
    const rows = seedComments();
    const expected = tangentFoldRows(rows.map((c, n) => ({ indent: c.indent, tangent: tangent.has(primary(n)) })));
    // HN's own collapse (classes coll / noshow) on one non-tangent row, before and after our fold.
    await page.evaluate(() => {
      const st = document.createElement('style');
      st.textContent = '.noshow{display:none}';
      document.head.append(st);
      document.querySelectorAll('tr.athing.comtr')[60]!.classList.add('noshow');
    });
    const visible = () =>
      page.evaluate(() => [...document.querySelectorAll('tr.athing.comtr')].map((r) => getComputedStyle(r).display !== 'none'));
    const before = await visible();
    await page.locator('backstory-panel button.fold').click();
    const folded = await visible();
    const hidden = folded.flatMap((v, i) => (!v && before[i] ? [i] : []));
    expect(hidden).toEqual(expected.filter((i) => before[i]));
    expect(hidden.length).toBeGreaterThan(20);
    await page.locator('backstory-panel button.fold').click();
    expect(await visible()).toEqual(before);
    expect(await page.evaluate(() => document.querySelectorAll('tr.athing.comtr')[60]!.className)).toBe('athing comtr noshow');
    await page.close();
  });

  test('first try (issue 24): n works before anything is chosen; one pick follows a topic; folded tangents leave "[n more]"', async () => {
    const page = await openSeed(SEED_URL, seedThreadPage(), false);
    const current = () =>
      page.evaluate(() => [...document.querySelectorAll('tr.athing.comtr')].findIndex((r) => r.hasAttribute('data-backstory-current')));
    const tagged = await page.evaluate(() =>
      [...document.querySelectorAll('tr.athing.comtr')].flatMap((r, i) => (r.hasAttribute('data-backstory-topic') ? [i] : [])),
    );
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('n');
    expect(await current()).toBe(tagged[0]);
    await page.keyboard.press('Escape');
    // One action, with the panel still collapsed: the bar's list.
    const expected = comments.filter((c) => c.topics.includes('dmca-process')).map((c) => c.n);
    await page.locator('backstory-panel select').selectOption('dmca-process');
    expect(await current()).toBe(expected[0]);
    expect(await page.evaluate(() => document.querySelectorAll('[data-backstory-selected]').length)).toBe(expected.length);
    // Fold: a placeholder with the count where each run was; clicking it brings the run back.
    await page.locator('backstory-panel button.fold').click();
    const holder = page.locator('tr[data-backstory-fold]').first();
    const n = Number(await holder.getAttribute('data-backstory-fold'));
    await expect.poll(() => holder.locator('button').textContent()).toBe(`[${n} more]`);
    const hidden = () => page.evaluate(() => document.querySelectorAll('[data-backstory-folded]').length);
    const before = await hidden();
    await holder.locator('button').click();
    expect(await hidden()).toBe(before - n);
    await page.close();
  });

  test('query-string variants, paging and fragments', async () => {
    // Any query order; page 2 holds only part of the thread.
    const part = seedComments().slice(100);
    const url = 'https://news.ycombinator.com/item?p=2&id=35287733';
    const page = await openSeed(
      url,
      hnItemPage({
        id: 35287733,
        title: "Facebook is going after LLaMA repos with DMCA's",
        points: 320,
        user: 'nothrowaways',
        comments: part,
      }),
    );
    expect((await panels(page))[0]!.text).toContain('103 of 203 comments found on this page');
    const t = await tags(page);
    expect(t.filter((x, i) => x === primary(100 + i)).length).toBe(103);
    await page.close();

    // A link from GitHub's panel: `#<id>` lands on that comment, highlighted.
    const byId = await openSeed(`${SEED_URL}#35288415`);
    expect(await byId.evaluate(() => document.getElementById('35288415')!.hasAttribute('data-backstory-current'))).toBe(true);
    await byId.close();
    // `#bs-<n>` (with a text fragment) for comments whose id is not known.
    const byMarker = await openSeed(`${SEED_URL}#bs-10:~:text=Fair%20enough`);
    expect(
      await byMarker.evaluate(() =>
        [...document.querySelectorAll('tr.athing.comtr')].findIndex((r) => r.hasAttribute('data-backstory-current')),
      ),
    ).toBe(10);
    await byMarker.close();
  });

  test('edited and deleted comments: the rest still match (≥ 95%), the misses are reported once', async () => {
    const edited = seedComments().map((c, n) =>
      [5, 40, 90, 120, 150, 180].includes(n) ? { ...c, id: 36000000 + n, text: '[deleted]' } : c,
    );
    const url = `${SEED_URL}&edited`;
    h.serve(url, hnItemPage({ id: 35287733, title: 'x', points: 1, user: 'u', comments: edited }));
    const page = await h.context.newPage();
    const infos: string[] = [];
    page.on('console', (m) => m.text().includes('[Backstory]') && infos.push(m.text()));
    await page.goto(url);
    await waitForPanel(page, THREAD);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-topic]').length >= 190);
    await settle(page);
    expect((await tags(page)).filter(Boolean).length).toBe(197);
    expect(infos.filter((m) => m.includes('not on this page'))).toEqual([
      '[Backstory] 6 of 203 dataset comments are not on this page (other page of the thread, edited or deleted).',
    ]);
    await page.close();
  });
});

describe('other HN pages', () => {
  test('front page: badges on links to known subjects only; no panel', async () => {
    const url = 'https://news.ycombinator.com/news';
    h.serve(
      url,
      hnListPage([
        {
          id: 35287733,
          title: "Facebook is going after LLaMA repos with DMCA's",
          url: 'https://twitter.com/theshawwn',
          site: 'twitter.com/theshawwn',
          points: 320,
          comments: 204,
        },
        { id: 40000001, title: 'llama-dl', url: 'https://github.com/shawwn/llama-dl', site: 'github.com/shawwn', points: 10, comments: 3 },
        {
          id: 40000002,
          title: 'Linux 9.0',
          url: 'https://github.com/torvalds/linux',
          site: 'github.com/torvalds',
          points: 99,
          comments: 50,
        },
        {
          id: 40000003,
          title: 'The notice',
          url: 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
          site: 'github.com/github',
          points: 5,
          comments: 1,
        },
      ]),
    );
    const page = await h.open(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 3);
    await settle(page);
    const b = await badges(page);
    // A story's two links to its thread (age, comments) stand in one block: one badge (CONTRACT.md).
    expect(b.map((x) => `${x.subject} ${x.after}`).sort()).toEqual([
      'notice:2023/03/2023-03-21-meta.md https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
      'repo:shawwn/llama-dl https://github.com/shawwn/llama-dl',
      'thread:hn:35287733 item?id=35287733',
    ]);
    // Quiet and HN-like: no filled pill, HN's own type.
    const look = await page.evaluate(() => {
      const span = document.querySelector('[data-backstory-badge]')!.shadowRoot!.querySelector('span')!;
      const cs = getComputedStyle(span);
      return { bg: cs.backgroundColor, font: cs.fontFamily };
    });
    expect(look.bg).toBe('rgba(0, 0, 0, 0)');
    expect(look.font).toMatch(/Verdana/);
    expect(await panels(page)).toEqual([]);
    await page.close();
  });

  test('an item page whose story links to a known repo gets a compact panel', async () => {
    const url = 'https://news.ycombinator.com/item?id=40000001';
    h.serve(
      url,
      hnItemPage({
        id: 40000001,
        title: 'llama-dl',
        url: 'https://github.com/shawwn/llama-dl',
        site: 'github.com/shawwn',
        points: 10,
        user: 'u',
        comments: syntheticThread(5, 40000010),
      }),
    );
    const page = await h.open(url);
    await waitForPanel(page, 'repo:shawwn/llama-dl');
    const [p] = await panels(page);
    expect(p!.relations).toContain('named-in-notice');
    // Compact: one line naming the repo and what became of it, expandable to the full context.
    expect(p!.outcome).toBe('disputed');
    expect(p!.text).toContain('shawwn/llama-dl · Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023');
    expect(await page.locator('backstory-panel .body').count()).toBe(0);
    await page.locator('backstory-panel button.status').click();
    await page.waitForFunction(() => document.querySelector('backstory-panel')!.shadowRoot!.textContent!.includes('OpSec Online LLC'));
    await page.close();
  });

  test('older markup: no crash, badges and tags still work', async () => {
    const url = 'https://news.ycombinator.com/item?id=35287733&old';
    h.serve(
      url,
      hnOldItemPage({
        id: 35287733,
        title: 'old',
        url: 'https://github.com/shawwn/llama-dl',
        points: 1,
        user: 'u',
        comments: seedComments(),
      }),
    );
    const page = await h.open(url);
    await waitForPanel(page, THREAD);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-topic]').length >= 190);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge="repo:shawwn/llama-dl"]').length === 1);
    expect(h.pageErrors.filter((e) => e.includes('&old'))).toEqual([]);
    await page.close();
  });

  test('a 3,000-comment thread works (the seed thread padded with synthetic comments)', async () => {
    const seed = seedComments();
    const extra = syntheticThread(2797, 36100000, 7);
    const mixed = [...seed.slice(0, 100), ...extra.slice(0, 1500), ...seed.slice(100), ...extra.slice(1500)];
    const url = `${SEED_URL}&big`;
    const page = await openSeed(url, hnItemPage({ id: 35287733, title: 'big', points: 1, user: 'u', comments: mixed }));
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-topic]').length === 203, undefined, { timeout: 15_000 });
    expect((await panels(page))[0]!.text).toContain('203 of 203 comments found');
    await page.close();
  });
});
