// @vitest-environment happy-dom
/** The panel host (CONTRACT.md): one `backstory-panel` with an open shadow root, placed inline or floating, cleaned up. */
import { afterEach, expect, test, vi } from 'vitest';
import { createLifetime } from '@/utils/content/lifetime';
import { mountPanel } from '@/utils/ui/mount';
import { bundledDataset } from '@/utils/dataset/bundled';
import { createKnowledge } from '@/utils/knowledge/engine';
import { openDmcaIndexSync } from '@/utils/node/files';
import { repoPage } from '../../fixtures/github';
import { loadPage, resetPage, userClick } from './page';

const k = createKnowledge(bundledDataset, openDmcaIndexSync());
await k.prepare(['repo:shawwn/llama-dl']);
const data = k.panel('repo:shawwn/llama-dl')!;
const runtime: { id?: string } = { id: 'self' };
/** What an inline host carries: CONTRACT.md's three (a floating one adds `data-placement`). */
const HOST_ATTRIBUTES = ['data-outcome', 'data-relations', 'data-subject'];
afterEach(() => {
  resetPage();
  runtime.id = 'self';
});

function mount(place: (host: HTMLElement) => boolean, onState = vi.fn()) {
  const life = createLifetime(() => runtime);
  const panel = mountPanel(life, data, { place, theme: () => 'light', state: 'open', onState });
  return { life, panel, onState };
}

test('one host inline at the top of the repo content, with the contract attributes and an open shadow root', () => {
  loadPage(repoPage({ owner: 'shawwn', name: 'llama-dl' }), 'https://github.com/shawwn/llama-dl');
  const anchor = document.getElementById('repo-content-pjax-container')!;
  const { panel } = mount((host) => (anchor.prepend(host), true));
  const hosts = document.querySelectorAll('backstory-panel');
  expect(hosts).toHaveLength(1);
  expect(hosts[0]!.getAttribute('data-subject')).toBe('repo:shawwn/llama-dl');
  expect(hosts[0]!.getAttribute('data-relations')).toBe('named-in-notice counter-noticed discussed llama');
  // What the record says became of it (CONTRACT.md, 2026-11-30): Tensorfork's counter-notice disputes Meta's notice.
  expect(hosts[0]!.getAttribute('data-outcome')).toBe('disputed');
  expect(hosts[0]!.shadowRoot?.mode).toBe('open');
  expect(hosts[0]!.shadowRoot!.textContent).toContain('OpSec Online LLC');
  expect(anchor.firstElementChild).toBe(hosts[0]);
  panel.remove();
  expect(document.querySelectorAll('backstory-panel')).toHaveLength(0);
});

test('the host carries the contract’s attributes and nothing else: no date, nothing of the user’s', () => {
  loadPage(repoPage({ owner: 'shawwn', name: 'llama-dl' }), 'https://github.com/shawwn/llama-dl');
  const { panel } = mount((host) => (document.body.prepend(host), true));
  const host = document.querySelector('backstory-panel')!;
  expect(host.getAttributeNames().sort()).toEqual(HOST_ATTRIBUTES);
  // Every attribute's value, one by one: no date in any (outerHTML would not show the shadow root, only these).
  for (const a of host.attributes)
    expect(`${a.name}=${a.value}`).not.toMatch(/\d{4}|as of|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/i);
  panel.remove();
});

test('the footer’s date is inside the shadow root, and nowhere in the page’s own tree', () => {
  loadPage(repoPage({ owner: 'shawwn', name: 'llama-dl' }), 'https://github.com/shawwn/llama-dl');
  const { panel } = mount((host) => (document.body.prepend(host), true));
  const host = document.querySelector('backstory-panel')!;
  expect(host.shadowRoot!.querySelector('.foot')!.textContent).toBe(
    'Notices as of Aug 21, 2026 · offline summary · no data leaves your browser',
  );
  // The host's light DOM is empty; the page's own text does not say it.
  expect(host.childNodes).toHaveLength(0);
  expect(document.body.textContent).not.toMatch(/as of/i);
  panel.remove();
});

test('no anchor: it floats; a page copy of the host (Turbo cache) is dropped when the panel is put back', () => {
  loadPage('<!DOCTYPE html><html><body><main><p>x</p></main></body></html>', 'https://github.com/a/b');
  const { panel } = mount(() => false);
  expect(document.querySelector('backstory-panel')!.getAttribute('data-placement')).toBe('floating');
  // A page re-render takes our host out and leaves a copy without our shadow root.
  const copy = document.createElement('backstory-panel');
  copy.setAttribute('data-subject', 'repo:shawwn/llama-dl');
  document.querySelector('backstory-panel')!.replaceWith(copy);
  expect(panel.isAttached()).toBe(false);
  panel.reattach();
  expect(document.querySelectorAll('backstory-panel')).toHaveLength(1);
  expect(document.querySelector('backstory-panel')!.shadowRoot).not.toBeNull();
});

test('the user’s collapse is passed on; the panel goes when the extension goes', () => {
  loadPage(repoPage({ owner: 'shawwn', name: 'llama-dl' }), 'https://github.com/shawwn/llama-dl');
  const { life, onState } = mount((host) => (document.body.prepend(host), true));
  const collapse = document.querySelector('backstory-panel')!.shadowRoot!.querySelector('button.status') as HTMLButtonElement;
  collapse.click(); // a script's click (untrusted) changes nothing
  expect(onState).not.toHaveBeenCalled();
  userClick(collapse);
  expect(onState).toHaveBeenCalledWith('collapsed');
  expect(document.querySelector('backstory-panel')!.shadowRoot!.querySelector('.body')).toBeNull();
  runtime.id = undefined;
  expect(life.alive()).toBe(false);
  expect(document.querySelectorAll('backstory-panel')).toHaveLength(0);
});

test('a removed panel lets go of the page’s lifetime (200 soft navigations must not keep 200 panels alive)', () => {
  loadPage(repoPage({ owner: 'shawwn', name: 'llama-dl' }), 'https://github.com/shawwn/llama-dl');
  const forgotten = vi.fn();
  const life = { ...createLifetime(() => runtime), onEnd: vi.fn(() => forgotten) };
  const panel = mountPanel(life, data, { place: () => false, theme: () => 'light', state: 'open', onState: vi.fn() });
  expect(life.onEnd).toHaveBeenCalledTimes(1);
  panel.remove();
  expect(forgotten).toHaveBeenCalledTimes(1);
});
