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

test('shows why, the DMCA card, the thread card, topics and timeline', () => {
  mount(data);
  const text = root.textContent!;
  expect(text).toContain('Why you are seeing this');
  expect(text).toContain('OpSec Online LLC');
  expect(text).toContain('entire network of 403 repositories');
  expect(text).toContain('Tensorfork Labs');
  expect(text).toContain("Facebook is going after LLaMA repos with DMCA's");
  expect(text).toContain('320 points · 204 comments');
  expect(root.querySelectorAll('details.topic')).toHaveLength(data.threads[0]!.topics.length);
  expect(root.querySelectorAll('.timeline li').length).toBe(data.timeline.length);
  expect(root.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Backstory: context for shawwn/llama-dl');
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

test('collapse and dismiss call back with the next state; the collapse button reports aria-expanded', () => {
  const onState = mount(data);
  const [collapse, dismiss] = root.querySelectorAll('header button');
  expect(collapse!.getAttribute('aria-expanded')).toBe('true');
  act(() => (collapse as HTMLButtonElement).click());
  expect(onState).toHaveBeenLastCalledWith('collapsed');
  act(() => (dismiss as HTMLButtonElement).click());
  expect(onState).toHaveBeenLastCalledWith('dismissed');
});

test('collapsed shows the header and what became of the repo, with its source; dismissed offers to show again', () => {
  mount(data, 'collapsed');
  expect(root.querySelector('.body')).toBeNull();
  const status = root.querySelector('.status.disputed')!;
  expect(status.textContent).toContain(
    'It was disabled after the DMCA takedown notice of Mar 21, 2023 from Meta Platforms, Inc.; a counter-notice of Apr 27, 2023 disputes it.',
  );
  expect(status.querySelector('a.src')!.getAttribute('href')).toBe(
    'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md#L20',
  );
  render(null, root);
  const onState = mount(data, 'dismissed');
  expect(root.textContent).toContain('Backstory is hidden for shawwn/llama-dl');
  act(() => (root.querySelector('button') as HTMLButtonElement).click());
  expect(onState).toHaveBeenCalledWith('open');
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
