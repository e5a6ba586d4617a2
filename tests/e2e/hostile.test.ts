/**
 * Hostile and odd pages (issue #8): Backstory must never break a page, never run or render the
 * page's markup as ours, and keep working when the page misbehaves.
 * Test URLs: https://github.com/hostile/<case> (one fixture per case below).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { badges, launch, openDetails, panels, settle, waitForPanel, type Harness } from './harness';
import { repoBody, repoMetas, repoPage, takedownPage } from '../fixtures/github';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

/** Cases tried, reported in the README's "Reliability and privacy" section. */
const LLAMA_DL = { owner: 'shawwn', name: 'llama-dl' } as const;

function serve(name: string, html: string) {
  const url = `https://github.com/hostile/${name}`;
  h.serve(url, html);
  return url;
}

async function openWithErrors(url: string): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = [];
  const page = await h.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { page, errors };
}

describe('huge and deep pages', () => {
  test('100,000 links, 5 known: exactly 5 badges, no page errors', async () => {
    const known = [
      '/shawwn/llama-dl',
      '/ytdl-org/youtube-dl',
      '/facebookresearch/llama/pull/73',
      '/chef-koch/kms-activator',
      '/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
    ];
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++)
      parts.push(i % 20_000 === 10_000 ? `<a href="${known[i / 20_000 - 0.5]}">k</a>` : `<a href="/u${i % 1009}/p${i}">p</a>`);
    const url = serve('links-100k', repoPage({ owner: 'hostile', name: 'links-100k', readme: parts.join(' ') }));
    const { page, errors } = await openWithErrors(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 5, null, { timeout: 30_000 });
    await settle(page);
    expect((await badges(page)).map((b) => b.subject).sort()).toEqual([
      'notice:2023/03/2023-03-21-meta.md',
      'repo:chef-koch/kms-activator',
      'repo:facebookresearch/llama',
      'repo:shawwn/llama-dl',
      'repo:ytdl-org/youtube-dl',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  test('a link at DOM depth 5,000 gets its badge; no stack overflow', async () => {
    const depth = 5000;
    // Hidden: Chromium's own layout crashes the tab on 5,000 nested rendered boxes, extension or not
    // (checked with no extension loaded); our scan never recurses, so depth is what matters to us.
    const url = serve('deep', repoPage({ owner: 'hostile', name: 'deep', readme: '<div id="deep" hidden></div>' }));
    const { page, errors } = await openWithErrors(url);
    await page.evaluate((d) => {
      let el = document.getElementById('deep')!;
      for (let i = 0; i < d; i++) el = el.appendChild(document.createElement('div'));
      const a = document.createElement('a');
      a.href = '/shawwn/llama-dl';
      a.textContent = 'deep link';
      el.append(a);
    }, depth);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 1, null, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('links where we do not look', () => {
  test("links inside iframes and inside the page's own shadow roots are left alone, without errors", async () => {
    const url = serve(
      'frames',
      repoPage({
        owner: 'hostile',
        name: 'frames',
        readme: `<iframe srcdoc="<a href='https://github.com/shawwn/llama-dl'>in a frame</a>"></iframe><div id="sh"></div><a href="/ytdl-org/youtube-dl">outside</a>`,
      }),
    );
    const { page, errors } = await openWithErrors(url);
    await page.evaluate(() => {
      const root = document.getElementById('sh')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<a href="/shawwn/llama-dl">in a shadow root</a>';
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 1, null, { timeout: 5000 });
    await settle(page);
    expect((await badges(page)).map((b) => b.subject)).toEqual(['repo:ytdl-org/youtube-dl']);
    const inShadow = await page.evaluate(() => document.getElementById('sh')!.shadowRoot!.innerHTML);
    expect(inShadow).toBe('<a href="/shawwn/llama-dl">in a shadow root</a>');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('payloads in links', () => {
  test('HTML and script in link text and attributes are never run nor copied into our UI', async () => {
    const payload = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const url = serve(
      'payloads',
      repoPage({
        owner: 'hostile',
        name: 'payloads',
        readme: `<a href="/shawwn/llama-dl" title="${esc(payload)}" data-x="${esc(payload)}">${esc(payload)}</a>
          <a href="/ytdl-org/youtube-dl?q=${encodeURIComponent(payload)}#${encodeURIComponent(payload)}">q</a>
          <a href="javascript:window.__pwned=3//github.com/shawwn/llama-dl">js</a>
          <a href="data:text/html,<script>parent.__pwned=4</script>//github.com/shawwn/llama-dl">data</a>`,
      }),
    );
    const { page, errors } = await openWithErrors(url);
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 2, null, { timeout: 5000 });
    await settle(page);
    const b = await badges(page);
    expect(b.map((x) => x.subject).sort()).toEqual(['repo:shawwn/llama-dl', 'repo:ytdl-org/youtube-dl']);
    const check = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      imgs: [...document.querySelectorAll('[data-backstory-badge]')].map(
        (x) => x.querySelectorAll('img,script').length + (x.shadowRoot?.querySelectorAll('img,script').length ?? 0),
      ),
      badgeText: [...document.querySelectorAll('[data-backstory-badge]')].map((x) => x.shadowRoot?.textContent ?? x.textContent),
    }));
    expect(check.pwned).toBeNull();
    expect(check.imgs).toEqual([0, 0]);
    for (const t of check.badgeText) expect(t).not.toContain('onerror');
    expect(errors.filter((e) => !/ERR_|Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('hrefs the markup scan must read back exactly', () => {
  test('quotes, ampersands, angle brackets, backslashes, brackets, newlines and NBSP in hrefs: one right badge each', async () => {
    // Links are read from the page's serialised markup (attribute values escaped by the browser) and
    // found again by a CSS attribute selector: both must round-trip every character.
    const hrefs = [
      '/shawwn/llama-dl?q=a"b',
      '/ytdl-org/youtube-dl?x=\\y]z',
      '/chef-koch/kms-activator?a=1&b=2<x>',
      'https://github.com/facebookresearch/llama?x=1\ny',
      '/github/dmca/blob/master/2023/03/2023-03-21-meta.md#a\u00a0b',
    ];
    const url = serve('odd-hrefs', repoPage({ owner: 'hostile', name: 'odd-hrefs', readme: '<ul id="odd"></ul>' }));
    const page = await h.context.newPage();
    // Set with setAttribute (no HTML escaping of ours in the way) before the scan starts.
    await page.addInitScript((list: string[]) => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState !== 'interactive') return;
        const ul = document.getElementById('odd')!;
        for (const href of list) {
          const a = document.createElement('a');
          a.setAttribute('href', href);
          a.textContent = 'odd';
          ul.append(document.createElement('li'), a);
        }
      });
    }, hrefs);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length >= 5, null, { timeout: 5000 });
    await settle(page);
    const got = await page.evaluate(() =>
      [...document.querySelectorAll('#odd a')].map((a) => [
        a.getAttribute('href'),
        a.nextElementSibling?.getAttribute('data-backstory-badge') ?? null,
      ]),
    );
    expect(got).toEqual([
      [hrefs[0], 'repo:shawwn/llama-dl'],
      [hrefs[1], 'repo:ytdl-org/youtube-dl'],
      [hrefs[2], 'repo:chef-koch/kms-activator'],
      [hrefs[3], 'repo:facebookresearch/llama'],
      [hrefs[4], 'notice:2023/03/2023-03-21-meta.md'],
    ]);
    expect(await badges(page)).toHaveLength(5);
    await page.close();
  });
});

describe('pages that fight back', () => {
  test('a page that removes our panel gets it back once; removed badges are not duplicated later', async () => {
    const url = 'https://github.com/shawwn/llama-dl?remover';
    h.serve(url, repoPage({ ...LLAMA_DL, readme: '<a href="/facebookresearch/llama">llama</a>' }));
    const page = await h.open(url);
    await waitForPanel(page, 'repo:shawwn/llama-dl');
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
    for (let i = 0; i < 5; i++) {
      await page.evaluate(() => document.querySelector('backstory-panel')!.remove());
      await page.waitForFunction(() => document.querySelectorAll('backstory-panel').length === 1, null, { timeout: 5000 });
    }
    await page.evaluate(() => document.querySelector('[data-backstory-badge]')!.remove());
    await page.evaluate(() =>
      document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'the page re-renders something' })),
    );
    await settle(page);
    expect(await panels(page)).toHaveLength(1);
    expect(await badges(page)).toHaveLength(0);
    expect(h.pageErrors).toEqual([]);
    await page.close();
  });

  test('a page that overrides DOM prototypes and defines our element names cannot break our UI', async () => {
    const url = 'https://github.com/shawwn/llama-dl?hostile-prototypes';
    const evil = `<script>
      window.__calls = 0;
      const attach = Element.prototype.attachShadow;
      const ours = (x) => !!x && x.nodeType === 1 && (x.localName.startsWith('backstory') || x.hasAttribute('data-backstory-badge'));
      for (const [proto, name] of [[Node.prototype, 'appendChild'], [Node.prototype, 'insertBefore'], [Element.prototype, 'attachShadow'], [Element.prototype, 'after'], [Element.prototype, 'prepend'], [Element.prototype, 'append']]) {
        const orig = proto[name];
        proto[name] = function (...a) {
          if (ours(this) || a.some(ours)) window.__calls++;
          if (name === 'attachShadow') throw new Error('no shadows for you');
          return orig.apply(this, a);
        };
      }
      // The page's own registry upgrades elements by name when they are connected, ours included:
      // its constructor tries to take the shadow root, its callback writes light DOM.
      customElements.define('backstory-panel', class extends HTMLElement { constructor() { super(); attach.call(this, { mode: 'open' }).innerHTML = 'HIJACKED'; } connectedCallback() { this.textContent = 'HIJACKED'; } });
      customElements.define('backstory-badge', class extends HTMLElement { constructor() { super(); attach.call(this, { mode: 'open' }).innerHTML = 'HIJACKED'; } });
      window.setTimeout = function () { throw new Error('no timers'); };
      window.queueMicrotask = function () { throw new Error('no microtasks'); };
    </script>`;
    h.serve(url, repoPage({ ...LLAMA_DL, readme: '<a href="/facebookresearch/llama">llama</a>' }).replace('<head>', `<head>${evil}`));
    const { page, errors } = await openWithErrors(url);
    await waitForPanel(page, 'repo:shawwn/llama-dl');
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
    const ps = await panels(page);
    expect(ps).toHaveLength(1);
    expect((await openDetails(page)).text).toContain('OpSec Online LLC');
    const state = await page.evaluate(() => {
      const host = document.querySelector('backstory-panel')!;
      const badge = document.querySelector('[data-backstory-badge]')!;
      return {
        calls: (window as unknown as { __calls: number }).__calls,
        ours: !!host.shadowRoot!.querySelector('.bs-root') && !host.shadowRoot!.textContent!.includes('HIJACKED'),
        height: host.getBoundingClientRect().height,
        badge: badge.shadowRoot!.querySelector('span')?.textContent,
      };
    });
    // Content scripts run in their own world: the page's overrides never see our calls.
    expect(state.calls).toBe(0);
    // We attach our shadow roots before inserting the hosts, so the page's upgrade cannot take them
    // (its constructor fails; Chromium reports that to the page's console, not as our error).
    expect(state.ours).toBe(true);
    expect(state.height).toBeGreaterThan(100);
    expect(state.badge).toBe('HN'); // facebookresearch/llama is discussed in the thread
    expect(errors.filter((e) => !/attachShadow|shadow/i.test(e))).toEqual([]);
    await page.close();
  });

  test('page CSS aimed at *, custom elements and our names does not hide or restyle our UI', async () => {
    const url = 'https://github.com/shawwn/llama-dl?hostile-css';
    const css = `<style>
      * { font-size: 40px !important; color: red !important; display: inline !important; visibility: visible; }
      backstory-panel, backstory-badge, [data-backstory-badge], [data-subject] { display: none !important; opacity: 0 !important; transform: scale(0) !important; width: 0 !important; height: 0 !important; }
      :host, ::slotted(*) { display: none !important; }
    </style>`;
    h.serve(url, repoPage({ ...LLAMA_DL, readme: '<a href="/facebookresearch/llama">llama</a>' }).replace('</head>', `${css}</head>`));
    const page = await h.open(url);
    await waitForPanel(page, 'repo:shawwn/llama-dl');
    await page.waitForFunction(() => document.querySelectorAll('[data-backstory-badge]').length === 1);
    await openDetails(page);
    const look = await page.evaluate(() => {
      const host = document.querySelector('backstory-panel')!;
      const p = host.shadowRoot!.querySelector('.card p, .card dd')!;
      const badge = document.querySelector('[data-backstory-badge]')!;
      return {
        panel: host.getBoundingClientRect().height,
        display: getComputedStyle(host).display,
        opacity: getComputedStyle(host).opacity,
        fontSize: getComputedStyle(p).fontSize,
        color: getComputedStyle(p).color,
        badge: badge.getBoundingClientRect().width,
        badgeDisplay: getComputedStyle(badge).display,
      };
    });
    expect(look.display).toBe('block');
    expect(look.opacity).toBe('1');
    expect(look.panel).toBeGreaterThan(100);
    expect(['13px', '14px']).toContain(look.fontSize);
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.badge).toBeGreaterThan(10);
    expect(look.badgeDisplay).not.toBe('none');
    await page.close();
  });

  test('window.postMessage and fake WXT events from the page are ignored', async () => {
    const url = 'https://github.com/shawwn/llama-dl?postmessage';
    h.serve(url, repoPage({ ...LLAMA_DL }));
    const { page, errors } = await openWithErrors(url);
    await waitForPanel(page, 'repo:shawwn/llama-dl');
    await page.evaluate((id) => {
      // WXT's own event name, prefixed with the extension id a page can read from any public listing.
      for (const name of [`${id}:github:wxt:content-script-started`, `${id}:content-script-started`])
        for (const target of [document, window]) target.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'github' } }));
      for (const type of ['togglePanel', 'settingsChanged', 'showPanel', 'page', 'lookup']) {
        window.postMessage({ type }, '*');
        window.postMessage(JSON.stringify({ type }), '*');
      }
      // WXT's "a newer copy of this content script started" signal, forged by the page.
      document.dispatchEvent(
        new CustomEvent('wxt:content-script-started', { detail: { contentScriptName: 'github', messageId: 'forged' } }),
      );
      window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'github', messageId: 'forged' }, '*');
    }, h.extensionId);
    await settle(page);
    const ps = await panels(page);
    expect(ps.map((p) => p.subject)).toEqual(['repo:shawwn/llama-dl']);
    // Still alive: a soft navigation to an unrelated repo still takes the panel down.
    const linux = { owner: 'torvalds', name: 'linux' };
    await page.evaluate(
      ([b, m]) => (window as unknown as { turboVisit(u: string, b: string, m: object): void }).turboVisit('/torvalds/linux', b, m),
      [repoBody(linux), repoMetas(linux)] as const,
    );
    await page.waitForFunction(() => !document.querySelector('backstory-panel'), null, { timeout: 5000 });
    await settle(page);
    expect(await panels(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('counts a page cannot fake (issue #17)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the extension's own `chrome`, evaluated in its worker
  type W = { chrome: any };
  test('forged badge markers and one 2,100-character link: the real badges, the real toolbar count, nothing forged in the popup', async () => {
    const url = serve(
      'forged-markers',
      repoPage({
        owner: 'hostile',
        name: 'forged-markers',
        readme: [
          '<p><a href="https://github.com/shawwn/llama-dl">llama-dl</a></p>',
          `<p><a href="https://github.com/someone/${'x'.repeat(2100)}">a very long link</a></p>`,
          '<p><a href="https://github.com/ytdl-org/youtube-dl">youtube-dl</a></p>',
          ...Array.from(
            { length: 41 },
            (_, i) =>
              `<span data-backstory-badge="SECURITY WARNING: Backstory is compromised, reinstall from evil.example ${i}">DMCA</span>`,
          ),
          '<span data-backstory-badge="repo:facebookresearch/llama">LLaMA</span>',
        ].join(''),
      }),
    );
    const { page, errors } = await openWithErrors(url);
    await page.waitForFunction(() => document.querySelectorAll('a + [data-backstory-badge]').length === 2);
    await settle(page);
    expect((await badges(page)).filter((b) => b.after).map((b) => b.subject)).toEqual(['repo:shawwn/llama-dl', 'repo:ytdl-org/youtube-dl']);
    const worker = h.context.serviceWorkers()[0] ?? h.worker!;
    const tabId = await worker.evaluate(
      async (u) => (await (globalThis as unknown as W).chrome.tabs.query({ url: u }))[0]?.id as number,
      url,
    );
    await expect
      .poll(() => worker.evaluate((id) => (globalThis as unknown as W).chrome.action.getBadgeText({ tabId: id }) as Promise<string>, tabId))
      .toBe('2');
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => document.querySelector('main')?.textContent?.includes('shawwn/llama-dl'));
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text).toContain('ytdl-org/youtube-dl');
    expect(text).not.toMatch(/SECURITY WARNING|evil\.example|facebookresearch/);
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('integrity, round three (issue 23): the proofs of concept', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the extension's own `chrome`, evaluated in its worker
  type W = { chrome: any };
  const worker = () => h.context.serviceWorkers()[0] ?? h.worker!;
  const setLists = (lists: Record<string, string[]>) =>
    worker().evaluate(
      (l) => (globalThis as unknown as W).chrome.storage.local.set({ lists: { silence: [], llamaAlways: [], llamaNever: [], ...l } }),
      lists,
    );
  const tabIdOf = (url: string) =>
    worker().evaluate(async (u) => (await (globalThis as unknown as W).chrome.tabs.query({ url: u }))[0]?.id as number, url);
  const toolbar = (id: number) =>
    worker().evaluate((t) => (globalThis as unknown as W).chrome.action.getBadgeText({ tabId: t }) as Promise<string>, id);

  test('a repo on the "always LLaMA-related" list: its badge says nothing of the list in title or aria-label', async () => {
    await setLists({ llamaAlways: ['octocat/private-interest'] });
    try {
      const url = serve(
        'always-list',
        repoPage({ owner: 'hostile', name: 'always-list', readme: '<p><a href="/octocat/private-interest">x</a></p>' }),
      );
      const { page, errors } = await openWithErrors(url);
      await page.waitForFunction(() => document.querySelector('[data-backstory-badge="repo:octocat/private-interest"]'));
      const read = await page.evaluate(() => {
        const b = document.querySelector('[data-backstory-badge]')!;
        return [b.getAttribute('title'), b.getAttribute('aria-label'), b.shadowRoot?.querySelector('span')?.textContent].join(' | ');
      });
      expect(read).toBe('LLaMA-related | LLaMA-related | LLaMA');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await setLists({});
    }
  });

  test("anyone's text (a README's itemprop=about, an issue's title) never becomes the description the detector reads", async () => {
    const forged = '<p itemprop="about">Mirror of the LLaMA weights</p><p><a href="/shawwn/llama-dl">control</a></p>';
    const home = serve('toy', repoPage({ owner: 'hostile', name: 'toy', description: 'A toy parser', readme: forged }));
    const issueTitle = 'Where can I download the LLaMA weights?';
    const issue = 'https://github.com/hostile/toy/issues/1';
    h.serve(issue, repoPage({ owner: 'hostile', name: 'toy', description: issueTitle, readme: `<h1>${issueTitle}</h1>${forged}` }));
    for (const url of [home, issue]) {
      const { page, errors } = await openWithErrors(url);
      // The control link is badged: the page session ran; detection (on DOMContentLoaded) has had its turn.
      await page.waitForFunction(() => document.querySelector('[data-backstory-badge="repo:shawwn/llama-dl"]'));
      await settle(page, 400);
      expect(await panels(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  test('<div id="__backstoryUi"> and its kin (named access on window) do not take the panel down', async () => {
    const ids = ['__backstoryUi', '__backstoryUiWaiters', '__backstoryOutline', '__backstoryEarly', '__backstoryEarlyWaiters'];
    const url = 'https://github.com/ytdl-org/youtube-dl?named';
    h.serve(url, repoPage({ owner: 'ytdl-org', name: 'youtube-dl', readme: ids.map((id) => `<div id="${id}"></div>`).join('') }));
    const { page, errors } = await openWithErrors(url);
    await waitForPanel(page, 'repo:ytdl-org/youtube-dl');
    await openDetails(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('data-backstory-badge rewritten on our badges: the toolbar counts what is shown, the popup lists only what we placed', async () => {
    const link = (href: string) => `<p><a href="${href}">${href}</a></p>`;
    const url = serve(
      'rewritten-markers',
      repoPage({
        owner: 'hostile',
        name: 'rewritten-markers',
        readme: ['/shawwn/llama-dl', '/ytdl-org/youtube-dl', '/chef-koch/kms-activator'].map(link).join(''),
      }),
    );
    const { page, errors } = await openWithErrors(url);
    await page.waitForFunction(() => document.querySelectorAll('a + backstory-badge').length === 3);
    const id = await tabIdOf(url);
    await expect.poll(() => toolbar(id)).toBe('3');
    await page.evaluate(
      (more) => {
        const ours = document.querySelectorAll('a + backstory-badge');
        ours[0]!.setAttribute('data-backstory-badge', 'repo:facebookresearch/llama');
        ours[1]!.setAttribute('data-backstory-badge', 'SECURITY WARNING: reinstall from evil.example '.repeat(20));
        // Two more real links: the page reports again.
        document.querySelector('article')!.insertAdjacentHTML('beforeend', more);
      },
      link('/github/dmca/blob/master/2023/03/2023-03-21-meta.md') + link('/cocktailpeanut/dalai'),
    );
    await page.waitForFunction(() => document.querySelectorAll('a + backstory-badge').length === 5);
    await expect.poll(() => toolbar(id)).toBe('5');
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${id}`);
    await popup.waitForFunction(() => /Links badged on this page \(5\)/.test(document.querySelector('main')?.textContent ?? ''));
    const text = (await popup.locator('main').textContent()) ?? '';
    expect(text).toContain('shawwn/llama-dl');
    expect(text).toContain('ytdl-org/youtube-dl');
    expect(text).not.toMatch(/SECURITY WARNING|evil\.example|facebookresearch/);
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a page script's click() on ✕ dismisses nothing; the user's dismiss leaves nothing in the page, even after a forged turbo:load", async () => {
    const url = 'https://github.com/cocktailpeanut/dalai';
    h.serve(url, repoPage({ owner: 'cocktailpeanut', name: 'dalai' }));
    const { page, errors } = await openWithErrors(url);
    await waitForPanel(page, 'repo:cocktailpeanut/dalai');
    await page.evaluate(() => {
      const root = document.querySelector('backstory-panel')!.shadowRoot!;
      (root.querySelector('button[aria-label^="Hide Backstory"]') as HTMLButtonElement).click();
      (root.querySelector('button.status') as HTMLButtonElement).click();
    });
    await page.reload();
    await waitForPanel(page, 'repo:cocktailpeanut/dalai');
    expect((await panels(page)).map((p) => p.subject)).toEqual(['repo:cocktailpeanut/dalai']);

    // The user's own click: the panel goes, and nothing says what was hidden.
    await page.locator('backstory-panel button[aria-label^="Hide Backstory"]').click();
    await page.waitForFunction(() => !document.querySelector('backstory-panel'));
    const dalai = { owner: 'cocktailpeanut', name: 'dalai' };
    await page.evaluate(
      ([b, m]) => {
        (window as unknown as { turboVisit(u: string, b: string, m: object): void }).turboVisit('/cocktailpeanut/dalai', b, m);
        document.documentElement.dispatchEvent(new Event('turbo:load'));
      },
      [repoBody(dalai), repoMetas(dalai)] as const,
    );
    await page.reload();
    // A page session that ran (a badge for a link added now), and no panel, no "hidden for".
    await page.evaluate(() =>
      document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p><a href="/shawwn/llama-dl">x</a></p>'),
    );
    await page.waitForFunction(() => document.querySelector('[data-backstory-badge="repo:shawwn/llama-dl"]'));
    await settle(page, 300);
    expect(await page.evaluate(() => document.querySelectorAll('backstory-panel').length)).toBe(0);
    const tabId = await tabIdOf(url);
    // The user brings it back from the toolbar.
    const popup = await h.open(`chrome-extension://${h.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Open the details on the page' }).click();
    await page.waitForFunction(() => !!document.querySelector('backstory-panel')?.shadowRoot?.querySelector('.body'));
    await popup.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('links with .., %2e%2e, backslashes or under a <base href> get the badge of where the browser goes, or none', async () => {
    const hrefs = [
      '/evil/repo/%2e%2e/%2e%2e/shawwn/llama-dl',
      '/shawwn/llama-dl/../../torvalds/linux',
      '/ytdl-org/youtube-dl/..%2F..%2Fx/y',
      '/evil/repo\\..\\..\\chef-koch\\kms-activator',
      '/x/y/../../cocktailpeanut/dalai/issues',
    ];
    const readme = hrefs.map((href, i) => `<p><a id="l${i}" href="${href.replaceAll('"', '&quot;')}">link ${i}</a></p>`).join('');
    const url = serve('dots', repoPage({ owner: 'hostile', name: 'dots', readme }));
    const { page, errors } = await openWithErrors(url);
    await page.waitForFunction(() => document.querySelectorAll('a + backstory-badge').length >= 3);
    await settle(page, 300);
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('article a[id]')].map((a) => ({
        goes: (a as HTMLAnchorElement).pathname,
        badge: a.nextElementSibling?.localName === 'backstory-badge' ? a.nextElementSibling.getAttribute('data-backstory-badge') : null,
      })),
    );
    expect(seen).toEqual([
      { goes: '/shawwn/llama-dl', badge: 'repo:shawwn/llama-dl' },
      { goes: '/torvalds/linux', badge: null },
      { goes: '/ytdl-org/youtube-dl/..%2F..%2Fx/y', badge: 'repo:ytdl-org/youtube-dl' },
      { goes: '/chef-koch/kms-activator', badge: 'repo:chef-koch/kms-activator' },
      { goes: '/cocktailpeanut/dalai/issues', badge: 'repo:cocktailpeanut/dalai' },
    ]);
    expect(errors).toEqual([]);
    await page.close();

    // A <base href> elsewhere: relative links leave GitHub, so only the absolute one is badged.
    const based = serve(
      'base-href',
      repoPage({
        owner: 'hostile',
        name: 'base-href',
        readme: '<p><a href="/shawwn/llama-dl">relative</a></p><p><a href="https://github.com/ytdl-org/youtube-dl">absolute</a></p>',
      }).replace('<head>', '<head><base href="https://example.invalid/">'),
    );
    const b = await openWithErrors(based);
    await b.page.waitForFunction(() => document.querySelector('[data-backstory-badge="repo:ytdl-org/youtube-dl"]'));
    await settle(b.page, 300);
    expect((await badges(b.page)).map((x) => x.subject)).toEqual(['repo:ytdl-org/youtube-dl']);
    expect(b.errors).toEqual([]);
    await b.page.close();
  });

  test('an advisory page quoting a takedown is not a takedown page', async () => {
    const url = 'https://github.com/advisories/GHSA-h4qh-3c2x-xj4m';
    h.serve(url, takedownPage('2020/10/2020-10-23-RIAA.md'));
    const { page, errors } = await openWithErrors(url);
    // Its link to the notice is badged (the session ran); no panel claims the page was taken down.
    await page.waitForFunction(() => document.querySelector('[data-backstory-badge^="notice:"]'));
    await settle(page, 300);
    expect(await panels(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
