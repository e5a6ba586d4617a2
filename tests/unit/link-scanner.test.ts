// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { startLinkScanner } from '@/utils/link-scanner';
import { hashSubject, NOT_A_SUBJECT, PARSE_FULLY, quickSubjectHash, subjectFromHref } from '@/utils/subjects';
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
  ['/shawwn/llama-dl', 'github.com'],
  ['/Shawwn/LLaMA-dl/issues/3?x=1#y', 'github.com'],
  ['/shawwn/llama-dl?tab=readme', 'github.com'],
  ['/shawwn/llama-dl#readme', 'github.com'],
  ['/facebookresearch/llama/pull/73/files', 'github.com'],
  ['/torvalds/linux', 'github.com'],
  ['item?id=35287733', 'news.ycombinator.com'],
  ['item?id=35287733&p=2', 'news.ycombinator.com'],
  ['item?id=35288415#35288415', 'news.ycombinator.com'],
])('quickSubjectHash(%s) equals the hash of the parsed subject', (href, host) => {
  const subject = subjectFromHref(href, host as 'github.com');
  expect(subject).not.toBeNull();
  expect(quickSubjectHash(href, host as 'github.com')).toBe(hashSubject(subject!));
});

test.each([
  ['/shawwn', 'github.com', NOT_A_SUBJECT],
  ['#top', 'github.com', NOT_A_SUBJECT],
  ['mailto:x@y', 'github.com', NOT_A_SUBJECT],
  ['/item?id=1', 'github.com', NOT_A_SUBJECT],
  ['/shawwn/llama-dl', 'news.ycombinator.com', NOT_A_SUBJECT],
  ['item?id=35287733', 'github.com', NOT_A_SUBJECT],
  ['item?idx=1', 'news.ycombinator.com', NOT_A_SUBJECT],
  ['/github/dmca/blob/master/2023/03/2023-03-21-meta.md', 'github.com', PARSE_FULLY],
  ['/shawwn/llama-dl.git', 'github.com', PARSE_FULLY],
  ['/shawwn/llama%2Ddl', 'github.com', PARSE_FULLY],
  ['https://github.com/shawwn/llama-dl', 'github.com', PARSE_FULLY],
  ['https://news.ycombinator.com/item?id=1', 'github.com', PARSE_FULLY],
  ['item?id=007', 'news.ycombinator.com', PARSE_FULLY],
])('quickSubjectHash(%s on %s) = %s', (href, host, out) => expect(quickSubjectHash(href, host as 'github.com')).toBe(out));
