// @vitest-environment happy-dom
/** The Panel component, rendered with happy-dom from the engine's real answers. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { Panel, type PanelState } from '@/components/panel/Panel';
import type { PanelData, RepoPanel } from '@/utils/core/model';
import { bundledDataset } from '@/utils/dataset/bundled';
import { createKnowledge } from '@/utils/knowledge/engine';
import { openDmcaIndexSync } from '@/utils/node/files';
import { userClick } from './dom/page';

const k = createKnowledge(bundledDataset, openDmcaIndexSync());
await k.prepare(['repo:shawwn/llama-dl']);
const data = k.panel('repo:shawwn/llama-dl') as RepoPanel;
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(d: PanelData, state: PanelState = 'open', onState = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Panel data={d} state={state} theme="light" floating={false} onState={onState} />, root));
  return onState;
}

test('open: the status line, the DMCA card (with where it names this repo), the thread card, topics and timeline; each fact once', () => {
  mount(data);
  const text = root.textContent!;
  expect(root.querySelector('button.status')!.getAttribute('title')).toBe(
    'Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023 · counter-notice Apr 27, 2023 — hide the details',
  );
  expect(root.querySelector('.named-at a.src')!.getAttribute('href')).toBe(
    'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md#L20',
  );
  expect(text).toContain('OpSec Online LLC');
  expect(text).toContain('entire network of 403 repositories');
  expect(text).toContain('Tensorfork Labs');
  expect(text).toContain("Facebook is going after LLaMA repos with DMCA's");
  expect(text).toContain('320 points · 204 comments');
  expect(root.querySelectorAll('details.topic')).toHaveLength(data.threads[0]!.topics.length);
  expect(root.querySelectorAll('.timeline li').length).toBe(data.timeline.length);
  expect(root.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Backstory: context for shawwn/llama-dl');
  // Each fact once: the network of 403 is said by the card alone.
  expect(text.match(/403/g)).toHaveLength(1);
  // No raw tokens, backticks or internal ids anywhere a user reads.
  expect(text.match(/.{0,60}(?:`|\brepo:[a-z0-9]|\bnotice:\d|thread:hn:).{0,60}/)?.[0] ?? null).toBeNull();
});

test('the footer dates the notices the answer rests on: the bundle’s, or an update’s when the answer reads a downloaded notice', () => {
  expect(data.asOf).toBe('2026-08-21');
  mount(data);
  expect(root.querySelector('.foot')!.textContent).toBe('Notices as of Aug 21, 2026 · offline summary · no data leaves your browser');
  render(null, root);
  root.remove();
  mount({ ...data, asOf: '2026-09-05' });
  expect(root.querySelector('.foot')!.textContent).toMatch(/^Notices as of Sep 5, 2026 · /);
});

test('citations say something: a quote of the comment and its place in the thread', () => {
  mount(data);
  const cite = root.querySelector('.points a.cite')!;
  // Its place among the 203 comments recorded from the page, not HN's count of 204 (the card's figure).
  expect(cite.textContent).toMatch(/^“.{3,}…” #\d+ of 203$/);
  expect(cite.querySelector('.place')!.getAttribute('title')).toMatch(/^comment \d+ of the 203 recorded from the page$/);
});

test('every DMCA fact on the card links to the line of the notice it comes from', () => {
  mount(data);
  const card = root.querySelector('section.card.notice')!;
  const line = (n: number) => `https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md#L${n}`;
  const sources = [...card.querySelectorAll('a.src')].map((a) => [a.textContent, a.getAttribute('href')]);
  expect(sources).toEqual(
    expect.arrayContaining([
      ['line 45 of the notice, on github/dmca', line(45)], // For Meta Platforms, Inc.
      ['line 38 of the notice, on github/dmca', line(38)], // Sent by OpSec Online LLC
      ['line 7 of the notice, on github/dmca', line(7)], // Dated
      ['line 1 of the notice, on github/dmca', line(1)], // network of 403
      ['line 20 of the notice, on github/dmca', line(20)], // names this repository
      ['line 41 of the notice, on github/dmca', 'https://github.com/github/dmca/blob/master/2023/04/2023-04-27-meta-counternotice.md#L41'],
    ]),
  );
  for (const a of card.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/github\.com\//);
});

test('the status line opens and closes the details (aria-expanded); dismiss calls back', () => {
  const onState = mount(data);
  const [status, dismiss] = root.querySelectorAll('.statusbar button');
  expect(status!.getAttribute('aria-expanded')).toBe('true');
  act(() => userClick(status!));
  expect(onState).toHaveBeenLastCalledWith('collapsed');
  act(() => userClick(dismiss!));
  expect(onState).toHaveBeenLastCalledWith('dismissed');
});

test('a page script’s click() on the status line or ✕ (untrusted) changes nothing (issue 23)', () => {
  const onState = mount(data);
  for (const b of root.querySelectorAll<HTMLButtonElement>('.statusbar button')) act(() => b.click());
  expect(onState).not.toHaveBeenCalled();
});

test.each([
  [
    'repo:shawwn/llama-dl',
    undefined,
    'disputed',
    'Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023 · counter-notice Apr 27, 2023',
  ],
  [
    'repo:ytdl-org/youtube-dl',
    undefined,
    'ok',
    'Reinstated · Recording Industry Association of America · takedown of Oct 23, 2020 · reversed by GitHub Nov 16, 2020',
  ],
  [
    'repo:someone/llama-dl',
    'shawwn/llama-dl',
    'dmca',
    'Was disabled · Meta Platforms, via OpSec Online · Mar 21, 2023 · with its fork network (shawwn/llama-dl)',
  ],
  [
    'repo:facebookresearch/llama',
    undefined,
    'hn',
    "Discussed on Hacker News · “Facebook is going after LLaMA repos with DMCA's” · 320 points, 204 comments",
  ],
])('collapsed, %s is one status line coloured by its own record', async (subject, root2, tone, line) => {
  await k.prepare([subject, root2 ? `repo:${root2}` : undefined]);
  mount(k.panel(subject, root2)!, 'collapsed');
  expect(root.querySelector('.body')).toBeNull();
  const status = root.querySelector('button.status')!;
  expect(status.classList.contains(`tone-${tone}`)).toBe(true);
  expect(
    status
      .textContent!.replace(/^Backstory: /, '')
      .replace(/ ›$/, '')
      .replace(/›$/, '')
      .trim(),
  ).toBe(line);
});

test('a repo only the detector relates: "may be related", neutral, the story only as context', async () => {
  await k.prepareDetected();
  const p = k.detectedPanel('repo:someone/llama-2-7b-chat', ['its name contains “llama”'])!;
  mount(p, 'collapsed');
  const status = root.querySelector('button.status')!;
  expect(status.classList.contains('tone-neutral')).toBe(true);
  expect(status.textContent).toContain("May be related · to Meta's 2023 DMCA takedowns of LLaMA downloads · its name contains “llama”");
  render(null, root);
  mount(p, 'open');
  expect(root.querySelectorAll('section.card.notice:not(.context)')).toHaveLength(0);
  expect(root.querySelector('details.context')!.hasAttribute('open')).toBe(false);
});

test('dismissed renders nothing: what the user hid is not written into the page (issue 23)', () => {
  mount(data, 'dismissed');
  expect(root.textContent).toBe('');
});

test('hostile strings render as inert text and disallowed links are not rendered as links', () => {
  const link = (url: string) => ({ n: 0, id: null, quote: '<b>x</b>', url });
  const thread = data.threads[0]!;
  const evil: RepoPanel = {
    ...data,
    title: '<img src=x onerror=alert(1)>',
    note: '<script>alert(1)</script>\u202eevil',
    threads: [
      {
        ...thread,
        mentions: [
          link('javascript:alert(1)'),
          link('data:text/html,<b>x</b>'),
          link('https://evil.example/'),
          link('http://github.com/a/b'),
        ],
      },
    ],
  };
  mount(evil);
  expect(root.querySelector('img, script, b')).toBeNull();
  expect(root.textContent).toContain('<script>alert(1)</script>');
  for (const a of root.querySelectorAll('a')) {
    const u = new URL(a.getAttribute('href')!);
    expect(u.protocol).toBe('https:');
    expect(['github.com', 'news.ycombinator.com']).toContain(u.hostname);
    expect(a.getAttribute('rel')).toContain('noopener');
  }
  expect([...root.querySelectorAll('.mentions li')].map((li) => li.querySelector('a'))).toEqual([null, null, null, null]);
});

test('a repo discussed in two threads shows two thread cards (stories are data)', () => {
  const second = { ...data.threads[0]!, id: 900000001, title: 'A second thread', url: 'https://news.ycombinator.com/item?id=900000001' };
  mount({ ...data, threads: [data.threads[0]!, second] });
  expect([...root.querySelectorAll('section.card.thread h3')].map((h) => h.textContent)).toEqual([
    "Facebook is going after LLaMA repos with DMCA's",
    'A second thread',
  ]);
});

test('a takedown card takes the colour of what became of it, as its status line does (issue 24: the RIAA notice)', async () => {
  await k.prepare(['notice:2020/10/2020-10-23-riaa.md', 'repo:shawwn/llama-dl']);
  mount(k.panel('notice:2020/10/2020-10-23-riaa.md')!);
  expect(root.querySelector('button.status')!.className).toContain('tone-ok');
  const self = [...root.querySelectorAll('section.card.notice.kind-takedown')];
  expect(self.length).toBeGreaterThan(0);
  for (const c of self) expect(c.classList.contains('restored')).toBe(true);
  render(null, root);
  root.remove();
  mount(k.panel('repo:shawwn/llama-dl')!);
  expect(root.querySelector('button.status')!.className).toContain('tone-disputed');
  expect(root.querySelector('section.card.notice.kind-takedown')!.classList.contains('disputed')).toBe(true);
});
