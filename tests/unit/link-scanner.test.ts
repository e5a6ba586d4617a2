// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { hrefsInMarkup, isCandidateHref, startLinkScanner, unescapeAttr } from '@/utils/content/scanner';
import { githubSite } from '@/utils/content/sites/github';
import { hnSite } from '@/utils/content/sites/hn';
import { placeBadge, removeAllBadges } from '@/utils/content/badges';

let ac = new AbortController();
afterEach(() => {
  ac.abort();
  ac = new AbortController();
});

function collect() {
  const found: string[][] = [];
  return { found, all: () => found.flat(), onHrefs: (h: string[]) => void found.push(h) };
}

test('reads candidate hrefs from the page markup and from later-added links, raw and deduplicated', async () => {
  document.body.innerHTML = `
    <a href="/shawwn/llama-dl">a</a>
    <a class="x" href="/shawwn/llama-dl">a again</a>
    <a href="https://github.com/shawwn/llama-dl/issues?q=a&amp;b=c">b</a>
    <a href="/settings/profile">settings</a>
    <a href="#top">top</a><a href="//cdn.example/x">cdn</a><a href="mailto:x@y">mail</a>
    <a>no href</a><span data-href="/not/a-link">x</span>`;
  const c = collect();
  const controller = new AbortController();
  const s = startLinkScanner(document, { host: 'github.com', signal: controller.signal, onHrefs: c.onHrefs, sliceMs: 1 });
  await s.idle();
  // The background decides which name subjects (`/settings/profile` does not): the page only pre-filters.
  expect(c.all()).toEqual(['/shawwn/llama-dl', 'https://github.com/shawwn/llama-dl/issues?q=a&b=c', '/settings/profile']);

  const div = document.createElement('div');
  div.innerHTML = '<p><a href="https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md">notice</a></p>';
  document.body.append(div);
  const a = document.createElement('a');
  a.setAttribute('href', '/added/one');
  document.body.append(a);
  // The observer's records arrive as a microtask; idle() then waits for the queued flush and its slices.
  await Promise.resolve();
  await s.idle();
  expect(c.all().slice(3).sort()).toEqual(['/added/one', 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md']);
  controller.abort();
});

test('on HN: item links (relative or absolute) and GitHub URLs', async () => {
  document.body.innerHTML =
    '<a href="item?id=35287733">t</a><a href="user?id=x">u</a><a href="/item?id=1">i</a><a href="https://github.com/a/b">g</a><a href="/shawwn/llama-dl">not on HN</a>';
  const c = collect();
  const s = startLinkScanner(document, { host: 'news.ycombinator.com', signal: ac.signal, onHrefs: c.onHrefs });
  await s.idle();
  expect(c.all()).toEqual(['item?id=35287733', '/item?id=1', 'https://github.com/a/b']);
});

test('huge pages are read element by element in many small slices, with the same result', async () => {
  document.body.innerHTML = Array.from({ length: 5000 }, (_, i) => `<a href="/u${i}/r${i}">x</a>`).join('');
  const c = collect();
  const s = startLinkScanner(document, {
    host: 'github.com',
    signal: ac.signal,
    onHrefs: c.onHrefs,
    sliceMs: 0.5,
    serializeMaxLinks: 1000,
  });
  await s.idle();
  expect(new Set(c.all()).size).toBe(5000);
  expect(c.found.length).toBeGreaterThan(1);
  const viaMarkup = collect();
  const ac2 = new AbortController();
  await startLinkScanner(document, { host: 'github.com', signal: ac2.signal, onHrefs: viaMarkup.onHrefs }).idle();
  ac2.abort();
  expect(new Set(viaMarkup.all())).toEqual(new Set(c.all()));
});

test('markup parsing: attribute order, escaping, other tags and attributes named like href', () => {
  const html =
    '<abbr href="/no/abbr"></abbr><a\nclass="k" href="/x/y?a=1&amp;b=&quot;2&quot;">x</a><a data-href="/no/data" href="/p/q">y</a>' +
    '<link href="/no/link"><a title="a&gt;b" href="https://github.com/o/r">z</a><a href="&lt;/o/r">w</a>';
  expect(hrefsInMarkup(html, 'github.com')).toEqual(['/x/y?a=1&b="2"', '/p/q', 'https://github.com/o/r']);
  expect(unescapeAttr('a&amp;b&nbsp;c&lt;&gt;&quot;')).toBe('a&b\u00a0c<>"');
  expect(isCandidateHref('/o/r', 'github.com')).toBe(true);
  expect(isCandidateHref('//o/r', 'github.com')).toBe(false);
  expect(isCandidateHref('item?id=1', 'github.com')).toBe(false);
  expect(isCandidateHref('item?id=1', 'news.ycombinator.com')).toBe(true);
});

test('at most one badge per link, and all removable', () => {
  document.body.innerHTML = '<p><a href="/shawwn/llama-dl">a</a></p>';
  const a = document.querySelector('a')!;
  const info = {
    subject: 'repo:shawwn/llama-dl' as const,
    relations: ['named-in-notice' as const],
    hint: 'Backstory: shawwn/llama-dl — named in a DMCA notice',
  };
  const made = new Set<Element>();
  const first = placeBadge(a, info, (el) => made.has(el), githubSite.badges);
  expect(first).not.toBeNull();
  made.add(first!);
  expect(placeBadge(a, info, (el) => made.has(el), githubSite.badges)).toBeNull();
  const b = document.querySelector('[data-backstory-badge]')!;
  expect(b.getAttribute('data-backstory-badge')).toBe('repo:shawwn/llama-dl');
  expect(b.previousElementSibling).toBe(a);
  expect(b.shadowRoot!.textContent).toContain('DMCA');
  removeAllBadges();
  expect(document.querySelector('[data-backstory-badge]')).toBeNull();
});

const INFO = { subject: 'repo:shawwn/llama-dl' as const, relations: ['named-in-notice' as const], hint: 'shawwn/llama-dl' };

test('links to one subject in one block share one badge, after the first of them (CONTRACT.md)', () => {
  document.body.innerHTML =
    '<p>See <a id="s" href="/shawwn/llama-dl/stargazers">its stars</a> and <a id="r" href="/shawwn/llama-dl">the repo</a>.</p>' +
    '<ul><li><a id="l1" href="/shawwn/llama-dl">one</a></li><li><a id="l2" href="/shawwn/llama-dl">two</a></li></ul>';
  const made = new Set<Element>();
  const ours = (el: Element) => made.has(el);
  // The later link is badged first (answers come in any order); the earlier one takes the badge over.
  made.add(placeBadge(document.getElementById('r')!, INFO, ours, githubSite.badges)!);
  expect(placeBadge(document.getElementById('s')!, INFO, ours, githubSite.badges)).toBeNull();
  const p = document.querySelector('p')!;
  expect(p.querySelectorAll('[data-backstory-badge]')).toHaveLength(1);
  expect(p.querySelector('[data-backstory-badge]')!.previousElementSibling!.id).toBe('s');
  // Separate list items are separate blocks.
  for (const id of ['l1', 'l2']) made.add(placeBadge(document.getElementById(id)!, INFO, ours, githubSite.badges)!);
  expect(document.querySelectorAll('li [data-backstory-badge]')).toHaveLength(2);
});

test("a marker the page wrote itself never counts as the block's badge", () => {
  document.body.innerHTML =
    '<p><a href="/shawwn/llama-dl">a</a> <backstory-badge data-backstory-badge="repo:shawwn/llama-dl"></backstory-badge> <a id="b" href="/shawwn/llama-dl/issues">b</a></p>';
  const made = new Set<Element>();
  const b = placeBadge(document.querySelector('a')!, INFO, (el) => made.has(el), githubSite.badges);
  expect(b).not.toBeNull();
  expect(made.has(document.querySelector('p backstory-badge')!)).toBe(false);
});

test("on HN a story's two rows are one block: its title and comments links share one badge, quiet and HN-like", () => {
  document.body.innerHTML =
    '<table><tr class="athing"><td class="title"><span class="titleline"><a id="t" href="item?id=35287733">Facebook…</a></span></td></tr>' +
    '<tr><td class="subtext"><a id="c" href="item?id=35287733">204 comments</a></td></tr></table>';
  const made = new Set<Element>();
  const info = { subject: 'thread:hn:35287733' as const, relations: ['discussed' as const], hint: 'thread' };
  made.add(placeBadge(document.getElementById('t')!, info, (el) => made.has(el), hnSite.badges)!);
  expect(placeBadge(document.getElementById('c')!, info, (el) => made.has(el), hnSite.badges)).toBeNull();
  const style = document.querySelector('[data-backstory-badge]')!.shadowRoot!.querySelector('style')!.textContent!;
  expect(style).toContain('Verdana');
});
