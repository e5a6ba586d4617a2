// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { hrefKey, startLinkScanner } from '@/utils/link-scanner';
import { subjectFromHref } from '@/utils/subjects';
import { placeBadge, removeAllBadges } from '@/utils/badges';
import type { Subject } from '@/utils/subjects';

let ac = new AbortController();
afterEach(() => {
  ac.abort();
  ac = new AbortController();
});

function collect() {
  const found = new Map<Subject, Element[]>();
  return {
    found,
    onLinks(m: Map<Subject, Element[]>) {
      for (const [s, l] of m) found.set(s, [...(found.get(s) ?? []), ...l]);
    },
  };
}

test('finds subjects in existing and later-added links, once per link, skipping the page subject', async () => {
  document.body.innerHTML = `
    <a href="/shawwn/llama-dl">a</a>
    <a href="https://github.com/shawwn/llama-dl/issues">b</a>
    <a href="/settings/profile">settings</a>
    <a href="/me/self">self</a>
    <a>no href</a>`;
  const c = collect();
  const controller = new AbortController();
  const s = startLinkScanner(document, { host: 'github.com', signal: controller.signal, onLinks: c.onLinks, skip: (x) => x === 'repo:me/self', sliceMs: 1 });
  await s.idle();
  expect([...c.found.keys()]).toEqual(['repo:shawwn/llama-dl']);
  expect(c.found.get('repo:shawwn/llama-dl')).toHaveLength(2);

  const div = document.createElement('div');
  div.innerHTML = '<p><a href="https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md">notice</a></p>';
  document.body.append(div);
  document.body.append(div); // moved again: still one examination
  await new Promise((r) => setTimeout(r, 80));
  await s.idle();
  expect(c.found.get('notice:2023/03/2023-03-21-meta.md')).toHaveLength(1);
  expect(s.examined).toBe(5);
  controller.abort();
});

test('large pages are examined in many small slices', async () => {
  document.body.innerHTML = Array.from({ length: 5000 }, (_, i) => `<a href="/u${i}/r${i}">x</a>`).join('');
  const c = collect();
  let calls = 0;
  const s = startLinkScanner(document, { host: 'github.com', signal: ac.signal, onLinks: (m) => (calls++, c.onLinks(m)), sliceMs: 0.5 });
  await s.idle();
  expect(c.found.size).toBe(5000);
  expect(calls).toBeGreaterThan(1);
});

test('at most one badge per link, and all removable', () => {
  document.body.innerHTML = '<p><a href="/shawwn/llama-dl">a</a></p>';
  const a = document.querySelector('a')!;
  const info = { subject: 'repo:shawwn/llama-dl' as const, relations: ['named-in-notice' as const], hint: 'Backstory: shawwn/llama-dl — named in a DMCA notice' };
  expect(placeBadge(a, info)).toBe(true);
  expect(placeBadge(a, info)).toBe(false);
  const b = document.querySelector('[data-backstory-badge]')!;
  expect(b.getAttribute('data-backstory-badge')).toBe('repo:shawwn/llama-dl');
  expect(b.previousElementSibling).toBe(a);
  expect(b.shadowRoot!.textContent).toContain('DMCA');
  removeAllBadges();
  expect(document.querySelector('[data-backstory-badge]')).toBeNull();
});

test.each([
  ['/shawwn/llama-dl/issues/3', '/shawwn/llama-dl'],
  ['/shawwn/llama-dl?tab=readme', '/shawwn/llama-dl'],
  ['/shawwn/llama-dl#x', '/shawwn/llama-dl'],
  ['/shawwn', '/shawwn'],
  ['/github/dmca/blob/master/2023/03/2023-03-21-meta.md', '/github/dmca/blob/master/2023/03/2023-03-21-meta.md'],
  ['/GitHub/DMCA/blob/master/2023/03/2023-03-21-meta.md', '/GitHub/DMCA/blob/master/2023/03/2023-03-21-meta.md'],
  ['https://github.com/a/b/c', 'https://github.com/a/b/c'],
  ['//github.com/a/b/c', '//github.com/a/b/c'],
])('hrefKey(%s) keeps what decides the subject', (href, key) => {
  expect(hrefKey(href)).toBe(key);
  expect(subjectFromHref(key, 'github.com')).toBe(subjectFromHref(href, 'github.com'));
});
