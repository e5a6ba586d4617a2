// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { Panel, type PanelState } from '@/components/panel/Panel';
import { bundledDataset } from '@/utils/dataset/bundled';
import { buildKnowledge } from '@/utils/knowledge/knowledge';
import type { PanelData } from '@/utils/core/protocol';

const data = buildKnowledge(bundledDataset).panel('repo:shawwn/llama-dl')!;
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
  expect(root.querySelectorAll('details.topic')).toHaveLength(data.topics.length);
  expect(root.querySelectorAll('.timeline li').length).toBe(data.timeline.length);
  expect(root.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Backstory: context for shawwn/llama-dl');
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

test('collapsed shows the header and the first reason only; dismissed offers to show again', () => {
  mount(data, 'collapsed');
  expect(root.querySelector('.body')).toBeNull();
  expect(root.textContent).toContain('Named in the DMCA notice');
  render(null, root);
  const onState = mount(data, 'dismissed');
  expect(root.textContent).toContain('Backstory is hidden for shawwn/llama-dl');
  act(() => (root.querySelector('button') as HTMLButtonElement).click());
  expect(onState).toHaveBeenCalledWith('open');
});

test('hostile strings render as inert text and disallowed links are not rendered as links', () => {
  const evil: PanelData = {
    ...data,
    title: '<img src=x onerror=alert(1)>',
    reasons: ['<script>alert(1)</script>'],
    note: '\u202eevil',
    mentions: [
      { label: 'js', url: 'javascript:alert(1)' },
      { label: 'data', url: 'data:text/html,<b>x</b>' },
      { label: 'other host', url: 'https://evil.example/' },
      { label: 'plain http', url: 'http://github.com/a/b' },
    ],
  };
  mount(evil);
  expect(root.querySelector('img, script')).toBeNull();
  expect(root.textContent).toContain('<script>alert(1)</script>');
  for (const a of root.querySelectorAll('a')) {
    const u = new URL(a.getAttribute('href')!);
    expect(u.protocol).toBe('https:');
    expect(['github.com', 'news.ycombinator.com']).toContain(u.hostname);
    expect(a.getAttribute('rel')).toContain('noopener');
  }
  expect([...root.querySelectorAll('.mentions li')].map((li) => li.querySelector('a'))).toEqual([null, null, null, null]);
});
