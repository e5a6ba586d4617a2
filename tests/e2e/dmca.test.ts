/**
 * Every github/dmca notice, offline (issue #7), in real Chromium with the built extension.
 * Test URLs:
 *   https://github.com/github/dmca/blob/master/2014/2014-02-07-Ninja-Courses.md (a 2014 notice)
 *   https://github.com/github/dmca/blob/master/2019/12/2019-12-03-msft-counternotice.md (a counter-notice)
 *   https://github.com/ytdl-org/youtube-dl as GitHub's "unavailable due to DMCA takedown" page
 *   https://github.com/fresh-owner/fresh-repo, disabled by a notice newer than the snapshot
 *   https://github.com/some-dev/awesome-list linking repos named in three different notices
 *   https://news.ycombinator.com/news with a story linking a noticed repo
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { badges, launch, openDetails, panels, settle, waitForPanel, type Harness } from './harness';
import { manyLinksReadme, noticePage, repoPage, takedownPage } from '../fixtures/github';
import { hnListPage } from '../fixtures/hn';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** The panel at `url`: its status line (the button's title), then its details opened as a user does. */
async function panelAt(url: string, subject: string) {
  const page = await h.open(url);
  await waitForPanel(page, subject);
  const ps = await panels(page);
  expect(ps).toHaveLength(1);
  const status = (await page.locator('backstory-panel button.status').getAttribute('title')) ?? '';
  return { page, panel: await openDetails(page), status };
}

/** Every notice card's source list, as it shows when opened: [fact, link words shown, address]. */
async function sourceLines(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('details.sources li')].map((li) => {
      const a = li.querySelector('a')!;
      const shown = [...a.childNodes].filter((x) => !(x instanceof Element && x.matches('.sr')));
      return [li.textContent!.split(' — ')[0]!, shown.map((x) => x.textContent).join(''), a.href];
    }),
  );
}

/** What Chromium's accessibility tree (what a screen reader is told) holds of these roles: name, and whether focused. */
async function axNodes(page: Page, roles: readonly string[]): Promise<{ role: string; name: string; focused: boolean }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      ignored: boolean;
      role?: { value: string };
      name?: { value: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && roles.includes(n.role?.value ?? ''))
    .map((n) => ({
      role: n.role!.value,
      name: n.name?.value ?? '',
      focused: !!n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    }));
}

const noticeLine = (path: string, n: number) => `https://github.com/github/dmca/blob/master/${path}#L${n}`;

describe('notice pages', () => {
  test('a 2014 notice: its facts and the repositories it names, collapsed with a count', async () => {
    const url = 'https://github.com/github/dmca/blob/master/2014/2014-02-07-Ninja-Courses.md';
    h.serve(url, noticePage('2014/2014-02-07-Ninja-Courses.md', ['Dear GitHub, …']));
    const { page, panel, status } = await panelAt(url, 'notice:2014/2014-02-07-ninja-courses.md');
    expect(status).toMatch(/^DMCA takedown notice · from Ninja Courses · Feb 7, 2014 · names 4 repositories/);
    // The sender as the text states it, with no line number after it: its line is in the card's source list.
    expect(panel.text).toMatch(/Sent byNinja Courses LLC(?! ?line)/);
    expect(await sourceLines(page)).toContainEqual(['Sent by', 'line 19', noticeLine('2014/2014-02-07-Ninja-Courses.md', 19)]);
    expect(panel.text).toContain('Repositories named (4)');
    // No link to the page you are on.
    const self = await page.evaluate(
      () =>
        [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('a')].filter((a) =>
          a.href.endsWith('2014-02-07-Ninja-Courses.md'),
        ).length,
    );
    expect(self).toBe(0);
    const list = await page.evaluate(() => {
      const root = document.querySelector('backstory-panel')!.shadowRoot!;
      const d = root.querySelector('details.repos-details') as HTMLDetailsElement;
      return { open: d.open, repos: [...d.querySelectorAll('li a')].map((a) => a.textContent) };
    });
    expect(list.open).toBe(false);
    expect(list.repos).toEqual(['ucb-ist-eas/ninja', 'dotasif/ninja', 'seidu626/ninja', 'venturanima/ninja']);
    await page.close();
  });

  test('a counter-notice: shown after the notice it disputes, which does not repeat it among its answers', async () => {
    const url = 'https://github.com/github/dmca/blob/master/2019/12/2019-12-03-msft-counternotice.md';
    h.serve(url, noticePage('2019/12/2019-12-03-msft-counternotice.md', ['Counter notice …']));
    const { page, panel } = await panelAt(url, 'notice:2019/12/2019-12-03-msft-counternotice.md');
    // CONTRACT.md: `counter-noticed` means a counter-notice disputes the subject; nothing disputes a counter-notice.
    expect(panel.relations).toEqual([]);
    const cards = await page.evaluate(() =>
      [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('section.card.notice')].map((s) =>
        s.getAttribute('aria-label'),
      ),
    );
    expect(cards).toEqual(['DMCA takedown notice of Nov 25, 2019', 'Counter-notice of Dec 3, 2019']);
    // No link to the page you are on: its own card follows, with its facts.
    const self = await page.evaluate(
      () =>
        [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('a')].filter((a) => a.href === location.href).length,
    );
    expect(self).toBe(0);
    expect(panel.text).toContain('chef-koch/kms-activator');
    await page.close();
  });
});

describe("a notice's standing: its page's lead and its card in one colour (issue 24)", () => {
  test.each([
    // Retracted for 2 of its 5 repositories: still a takedown, in the takedown's colour.
    ['2014/2014-07-15-notcake.md', 'dmca', 'retracted for 2 of them · Jul 17, 2014'],
    // GitHub reversed it for the parent repository only; a fork's counter-notice disputes it.
    ['2020/10/2020-10-23-RIAA.md', 'disputed', 'disputed by a counter-notice · Apr 13, 2021'],
    // Retracted for the one repository it names.
    ['2014/2014-10-05-tildeslash.md', 'ok', 'retracted · Oct 6, 2014'],
  ])('%s: %s', async (path, tone, said) => {
    const url = `https://github.com/github/dmca/blob/master/${path}`;
    h.serve(url, noticePage(path, ['A notice.']));
    const { page, status } = await panelAt(url, `notice:${path.toLowerCase()}`);
    expect(status).toContain(said);
    const seen = await page.evaluate(() => {
      const root = document.querySelector('backstory-panel')!.shadowRoot!;
      const color = (sel: string) => getComputedStyle(root.querySelector(sel)!).color;
      return {
        lead: root.querySelector('button.status')!.className,
        leadColor: color('button.status .lead'),
        cardColor: color('section.card.notice.kind-takedown .kind'),
      };
    });
    expect(seen.lead).toContain(`tone-${tone}`);
    expect(seen.cardColor).toBe(seen.leadColor);
    await page.close();
  });
});

describe('what the record says, and no more (issue 21, ../shared/CONTRACT.md of 2026-12-05)', () => {
  test("a repo a takedown names by one file, with GitHub's changes note: named, never worded disabled; the rights holder first", async () => {
    const url = 'https://github.com/ClashUnico/Wiseplay';
    h.serve(url, repoPage({ owner: 'ClashUnico', name: 'Wiseplay' }));
    const { page, panel, status } = await panelAt(url, 'repo:clashunico/wiseplay');
    expect(panel.outcome).toBe('named');
    expect(status).toMatch(/^Named in a DMCA takedown · specific files · LaLiga, via Sportian · Jun 4, 2025 — /);
    expect(status).not.toMatch(/disabled/i);
    // The details open with the plain sentence, then say what the notice asks for; the card's source list has each line.
    expect(panel.text).toMatch(
      /It is named in the DMCA takedown notice of Jun 4, 2025 from LaLiga, via Sportian, which names specific files in it; the record does not say GitHub disabled it/,
    );
    expect(panel.text).toMatch(/Asks forspecific files within the repository(?! ?line)/);
    expect(panel.text).toMatch(/GitHub gives owners a chance to remove the named files before disabling anything\.(?! ?line)/);
    const laliga = (n: number) => noticeLine('2025/06/2025-06-04-laliga-2.md', n);
    expect(await sourceLines(page)).toEqual(
      expect.arrayContaining([
        ['Sent by', 'line 23', laliga(23)],
        ['Asks for', 'line 38', laliga(38)],
        ['Names this repository', 'line 42', laliga(42)],
        ['Chance to make changes', 'line 2', laliga(2)],
      ]),
    );
    // Each outcome word explained on hover and focus (and to screen readers), without adding to the text.
    const term = await page.evaluate(() => {
      const t = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.outcome-line .term') as HTMLElement;
      t.focus();
      return { tip: t.getAttribute('aria-description'), shown: getComputedStyle(t, '::after').content };
    });
    expect(term.tip).toMatch(/^A DMCA takedown notice names this repository, but GitHub’s published record does not say it disabled it/);
    expect(term.shown).toContain('does not say it disabled it');
    await page.close();
  });

  test("the complainant's own original work is never shown as taken down", async () => {
    const url = 'https://github.com/skyverge/wc-plugins';
    h.serve(url, repoPage({ owner: 'skyverge', name: 'wc-plugins' }));
    const { page, panel, status } = await panelAt(url, 'repo:skyverge/wc-plugins');
    expect(panel.outcome).toBe('none');
    expect(status).toMatch(/^Named as the original work · in a DMCA takedown/);
    await page.close();
  });

  test('a fork of a repo whose notice GitHub did not process against the network has no outcome of its own', async () => {
    const url = 'https://github.com/someone/youtube-dl';
    h.serve(url, repoPage({ owner: 'someone', name: 'youtube-dl', networkRoot: 'ytdl-org/youtube-dl' }));
    const { page, panel, status } = await panelAt(url, 'repo:someone/youtube-dl');
    expect(panel.outcome).toBe('none');
    expect(status).toMatch(/^A fork of a repository named in a DMCA takedown · ytdl-org\/youtube-dl/);
    await page.close();
  });
});

describe('where each fact comes from (issue 24)', () => {
  test('one Source per card, closed: the keyboard opens it and reaches each line link', async () => {
    const url = 'https://github.com/ClashUnico/Wiseplay/tree/main';
    h.serve(url, repoPage({ owner: 'ClashUnico', name: 'Wiseplay' }));
    const { page } = await panelAt(url, 'repo:clashunico/wiseplay');
    const cards = await page.locator('backstory-panel section.card.notice').count();
    const summary = page.locator('backstory-panel details.sources > summary');
    expect(await summary.count()).toBe(cards);
    const links = page.locator('backstory-panel details.sources a');
    expect(await links.first().isVisible()).toBe(false);
    // A comfortable target: each summary is at least 24 × 24 px (WCAG 2.2, target size).
    for (const box of await summary.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    // Keyboard only: focus the disclosure, open it, tab to its first line.
    await summary.first().focus();
    await page.keyboard.press('Enter');
    expect(await links.first().isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const a = document.querySelector('backstory-panel')!.shadowRoot!.activeElement as HTMLAnchorElement | null;
      return a && { href: a.href, target: a.target };
    });
    const [first] = await sourceLines(page);
    expect(focused).toEqual({ href: first![2], target: '_blank' });
    // The name a screen reader is told carries the fact it is the source of; the label shown before it is not read twice.
    const ax = await axNodes(page, ['link', 'DisclosureTriangle', 'StaticText']);
    expect(ax.find((n) => n.focused)).toEqual({
      role: 'link',
      name: `${first![0]}: ${first![1]} of the notice, on github/dmca`,
      focused: true,
    });
    expect(ax.filter((n) => n.role === 'StaticText' && n.name.includes(' — '))).toEqual([]);
    // Each card's summary says whose source it is: its kind and date.
    const summaries = ax.filter((n) => n.role === 'DisclosureTriangle' && n.name.startsWith('Source')).map((n) => n.name);
    expect(summaries).toHaveLength(cards);
    expect(summaries[0]).toBe('Source of the DMCA takedown notice of Jun 4, 2025');
    expect(new Set(summaries).size).toBe(cards);
    // Every link of the list is https to github.com.
    for (const [, , href] of await sourceLines(page)) expect(href).toMatch(/^https:\/\/github\.com\/github\/dmca\/blob\/master\/.+#L\d+$/);
    await page.close();
  });
});

describe('a repository disabled by a DMCA takedown', () => {
  test("GitHub's takedown page gets the panel, leading with the notice", async () => {
    const url = 'https://github.com/ytdl-org/youtube-dl';
    h.serve(url, takedownPage('2020/10/2020-10-23-RIAA.md'));
    const { page, panel, status } = await panelAt(url, 'repo:ytdl-org/youtube-dl');
    expect(panel.relations).toContain('named-in-notice');
    expect(status).toMatch(/^Disabled · DMCA takedown · Recording Industry Association of America · Oct 23, 2020/);
    expect(panel.text).toContain('Recording Industry Association of America, Inc.');
    expect(panel.text).toMatch(/Reversal/);
    // GitHub's page says it is disabled, whatever the published record says became of the notice.
    expect(panel.outcome).toBe('disabled');
    // The notice link on GitHub's page gets its badge too.
    const b = await badges(page);
    expect(b.map((x) => x.subject)).toEqual(['notice:2020/10/2020-10-23-riaa.md']);
    await page.close();
  });

  test('the same repo when GitHub serves it again: reinstated, GitHub reversed the notice', async () => {
    const url = 'https://github.com/ytdl-org/youtube-dl/tree/master';
    h.serve(url, repoPage({ owner: 'ytdl-org', name: 'youtube-dl' }));
    const { page, panel, status } = await panelAt(url, 'repo:ytdl-org/youtube-dl');
    expect(panel.outcome).toBe('reinstated');
    expect(status).toMatch(
      /^Reinstated · Recording Industry Association of America · takedown of Oct 23, 2020 · reversed by GitHub Nov 16, 2020/,
    );
    // The card's source list links the line of the notice that names this repo.
    expect(await sourceLines(page)).toContainEqual(['Names this repository', 'line 18', noticeLine('2020/10/2020-10-23-RIAA.md', 18)]);
    await page.close();
  });

  test('a notice newer than the bundled snapshot still explains the page and links the notice', async () => {
    const url = 'https://github.com/fresh-owner/fresh-repo';
    h.serve(url, takedownPage('2026/11/2026-11-20-acme.md'));
    const { page, panel, status } = await panelAt(url, 'repo:fresh-owner/fresh-repo');
    expect(status).toMatch(/^Disabled · DMCA takedown of Nov 20, 2026 · newer than Backstory's copy/);
    expect(panel.text).toMatch(/newer than Backstory's copy of github\/dmca/);
    const hrefs = await page.evaluate(() =>
      [...document.querySelector('backstory-panel')!.shadowRoot!.querySelectorAll('a')].map((a) => a.href),
    );
    expect(hrefs).toContain('https://github.com/github/dmca/blob/master/2026/11/2026-11-20-acme.md');
    await page.close();
  });
});

describe('badges for every noticed repo', () => {
  test('a page linking repos named in three different notices (among 2,000 links) badges exactly those', async () => {
    const url = 'https://github.com/some-dev/awesome-list';
    const known = [
      '/ytdl-org/youtube-dl',
      'https://github.com/chef-koch/kms-activator',
      '/dotasif/ninja/tree/master',
      '/github/dmca/blob/master/2022/10/2022-10-31-novelai.md',
    ];
    h.serve(url, repoPage({ owner: 'some-dev', name: 'awesome-list', readme: manyLinksReadme(2000, known) }));
    const page = await h.open(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 4, null, { timeout: 5000 });
    await settle(page);
    const b = await badges(page);
    expect(b.map((x) => x.subject).sort()).toEqual([
      'notice:2022/10/2022-10-31-novelai.md',
      'repo:chef-koch/kms-activator',
      'repo:dotasif/ninja',
      'repo:ytdl-org/youtube-dl',
    ]);
    expect(await panels(page)).toEqual([]); // the page itself is not noticed
    const hint = await page.evaluate(
      () =>
        document.querySelector('[data-backstory-badge="repo:ytdl-org/youtube-dl"]')?.getAttribute('title') ??
        document.querySelector('[data-backstory-badge="repo:ytdl-org/youtube-dl"]')?.getAttribute('aria-label'),
    );
    // The badge says what the repo's own panel says: GitHub reversed the RIAA notice (issue 24's youtube-dl case).
    expect(hint).toMatch(/^ytdl-org\/youtube-dl — reinstated: GitHub reversed the DMCA takedown of Oct 23, 2020 .* on Nov 16, 2020/);
    const tone = await page.evaluate(
      () => document.querySelector('[data-backstory-badge="repo:ytdl-org/youtube-dl"]')?.shadowRoot?.querySelector('span')?.className,
    );
    expect(tone).toBe('ok');
    // Links added later are probed too, once per link.
    await page.evaluate(() => {
      const ul = document.createElement('ul');
      ul.innerHTML =
        '<li><a href="/ucb-ist-eas/ninja">late</a></li><li><a href="/ytdl-org/youtube-dl/issues">again</a></li><li><a href="/nobody-here/nothing">no</a></li>';
      document.querySelector('main')!.append(ul);
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 6, null, { timeout: 5000 });
    await settle(page);
    expect((await badges(page)).length).toBe(6);
    await page.close();
  });

  test('Hacker News: a story linking a noticed repo gets a badge', async () => {
    const url = 'https://news.ycombinator.com/news';
    h.serve(
      url,
      hnListPage([
        {
          id: 24872911,
          title: 'youtube-dl taken down',
          url: 'https://github.com/ytdl-org/youtube-dl',
          site: 'github.com/ytdl-org',
          points: 100,
          comments: 10,
        },
        { id: 1, title: 'Unrelated', url: 'https://github.com/torvalds/linux', site: 'github.com/torvalds', points: 5, comments: 1 },
      ]),
    );
    const page = await h.open(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 1, null, { timeout: 5000 });
    await settle(page);
    expect((await badges(page)).map((x) => x.subject)).toEqual(['repo:ytdl-org/youtube-dl']);
    await page.close();
  });
});

test('no page errors on any of these pages', () => {
  expect(h.pageErrors).toEqual([]);
});
