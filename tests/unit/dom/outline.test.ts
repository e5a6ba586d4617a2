// @vitest-environment happy-dom
/** The HN thread outline on the seed thread's fixture page: rows tagged (CONTRACT.md), chips, highlight, step, fold, cleanup. */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { h, render } from 'preact';
import { createLifetime } from '@/utils/content/lifetime';
import { bundledDataset } from '@/utils/dataset/bundled';
import { createKnowledge } from '@/utils/knowledge/engine';
import { createOutline } from '@/utils/ui/outline';
import type { PanelProps } from '@/components/panel/Panel';
import { seedThreadPage } from '../../fixtures/hn-seed';
import { loadPage, resetPage, until } from './page';

const data = createKnowledge(bundledDataset, null).panel('thread:hn:35287733')!;
const thread = bundledDataset.threads.find((t) => t.id === 35287733)!;
const life = createLifetime(() => ({ id: 'self' }));
beforeEach(() => {
  Element.prototype.scrollIntoView ??= () => undefined;
  loadPage(seedThreadPage(), 'https://news.ycombinator.com/item?id=35287733');
});
afterEach(() => resetPage());

async function outline() {
  const redraw = vi.fn();
  const o = createOutline(life, data, redraw, { h, render })!;
  await until(() => document.querySelectorAll('[data-backstory-topic]').length === thread.comments.length && redraw.mock.calls.length > 0);
  return { o, redraw, props: () => o.props() as Required<Pick<PanelProps, 'outlineBar' | 'selectedTopic'>> };
}

test('every comment row of the dataset is tagged with its first topic, with a chip by its byline', async () => {
  await outline();
  const rows = [...document.querySelectorAll('tr.athing.comtr')];
  expect(rows.map((r) => r.getAttribute('data-backstory-topic'))).toEqual(thread.comments.map((c) => c.topics[0]));
  expect(document.querySelectorAll('[data-backstory-chip]')).toHaveLength(thread.comments.length);
});

test('a topic highlights its rows; n / p step through them; Escape clears', async () => {
  const { o, props } = await outline();
  const topic = 'copyright-weights';
  (o as unknown as { select(t: string): void }).select(topic);
  const selected = document.querySelectorAll('[data-backstory-selected]');
  expect(selected.length).toBe(thread.comments.filter((c) => c.topics.includes(topic)).length);
  expect(props().selectedTopic).toBe(topic);
  const current = () => document.querySelector('[data-backstory-current]');
  const first = current();
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
  expect(current()).not.toBe(first);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'p' }));
  expect(current()).toBe(first);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  expect(document.querySelectorAll('[data-backstory-selected], [data-backstory-current]')).toHaveLength(0);
});

test('folding hides the tangent subthreads and restores them; removal leaves the page as it was', async () => {
  const { o } = await outline();
  (o as unknown as { fold(): void }).fold();
  const folded = document.querySelectorAll('[data-backstory-folded]').length;
  expect(folded).toBeGreaterThan(20);
  (o as unknown as { fold(): void }).fold();
  expect(document.querySelectorAll('[data-backstory-folded]')).toHaveLength(0);
  o.remove();
  expect(document.querySelectorAll('[data-backstory-topic], [data-backstory-chip], #backstory-hn-style')).toHaveLength(0);
});

test("a page's own custom element named like our chip never runs", async () => {
  let constructed = 0;
  customElements.define(
    'backstory-chip',
    class extends HTMLElement {
      constructor() {
        super();
        constructed++;
      }
    },
  );
  await outline();
  expect(document.querySelectorAll('[data-backstory-chip]').length).toBe(thread.comments.length);
  expect(constructed).toBe(0);
});

const chipButton = (row: Element) => row.querySelector('[data-backstory-chip]')!.shadowRoot!.querySelector('button')!;

test('a chip follows its topic from its own comment, without moving the page; the navigator stays in view', async () => {
  const { o } = await outline();
  const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
  const rows = [...document.querySelectorAll('tr.athing.comtr')];
  const row = rows[60]!;
  const topic = row.getAttribute('data-backstory-topic')!;
  chipButton(row).click();
  expect(scrolled).not.toHaveBeenCalled();
  expect(row.hasAttribute('data-backstory-current')).toBe(true);
  const nav = document.querySelector('[data-backstory-nav]')!.shadowRoot!;
  const label = thread.topics.find((t) => t.id === topic)!.label;
  expect(nav.querySelector('.nav')!.textContent).toMatch(new RegExp(`${label.replace(/[?()']/g, '.')} · \\d+ of \\d+`));
  // "?" lists the keys.
  document.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }));
  expect(nav.querySelector('.keys')!.textContent).toContain('next comment (of the topic followed');
  o.remove();
  expect(document.querySelector('[data-backstory-nav]')).toBeNull();
  scrolled.mockRestore();
});

test('chips are one tab stop (roving), and a followed row names the topic followed', async () => {
  const { o } = await outline();
  const buttons = [...document.querySelectorAll('tr.athing.comtr')].map(chipButton);
  expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
  // A comment filed under two topics shows the one being followed.
  const multi = thread.comments.findIndex((c) => c.topics.length > 1);
  const second = thread.comments[multi]!.topics[1]!;
  (o as unknown as { select(t: string): void }).select(second);
  const row = document.querySelectorAll('tr.athing.comtr')[multi]!;
  expect(chipButton(row).textContent).toBe(thread.topics.find((t) => t.id === second)!.label.replace(/^Tangent: /, ''));
  expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
});

test('no stripe: nothing of ours is fixed down the page’s edge (the minimap is gone, issue 24)', async () => {
  await outline();
  const nav = document.querySelector('[data-backstory-nav]')!.shadowRoot!;
  expect(nav.querySelector('.map')).toBeNull();
  expect(nav.querySelector('.nav')).toBeNull(); // nothing followed yet: no navigator either
});

test('keys work from the start: n / p step through every tagged comment, ? lists the keys (issue 24)', async () => {
  const { redraw } = await outline();
  const current = () => document.querySelector('[data-backstory-current]');
  const rows = [...document.querySelectorAll('tr.athing.comtr')];
  const tagged = rows.filter((r) => r.hasAttribute('data-backstory-topic'));
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
  expect(current()).toBe(tagged[0]);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
  expect(current()).toBe(tagged[1]);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'p' }));
  expect(current()).toBe(tagged[0]);
  const nav = document.querySelector('[data-backstory-nav]')!.shadowRoot!;
  expect(nav.querySelector('.nav .now')!.textContent).toBe(`Every tagged comment · 1 of ${tagged.length}`);
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
  expect(current()).toBeNull();
  document.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }));
  expect(nav.querySelector('.keys')!.textContent).toContain('next comment');
  expect(redraw).toHaveBeenCalled();
});

test('picking a topic is one action: the bar’s list highlights it and goes to its first comment (issue 24)', async () => {
  const { o } = await outline();
  const host = document.createElement('div');
  document.body.append(host);
  render(o.props().outlineBar as never, host);
  const select = host.querySelector('select')!;
  expect(select.labels?.[0]?.textContent ?? host.querySelector('label')!.textContent).toContain('Follow');
  select.value = 'copyright-weights';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  expect(o.props().selectedTopic).toBe('copyright-weights');
  expect(document.querySelector('[data-backstory-current]')!.getAttribute('data-backstory-topic')).toBeTruthy();
  render(null, host);
  host.remove();
});

test('folded tangents leave "[n more]" where they were, which brings that run back (issue 24)', async () => {
  const { o } = await outline();
  (o as unknown as { fold(): void }).fold();
  const holders = [...document.querySelectorAll('tr[data-backstory-fold]')];
  const folded = document.querySelectorAll('[data-backstory-folded]').length;
  expect(holders.length).toBeGreaterThan(0);
  expect(holders.reduce((n, tr) => n + Number(tr.getAttribute('data-backstory-fold')), 0)).toBe(folded);
  const first = holders[0]!;
  const n = Number(first.getAttribute('data-backstory-fold'));
  const button = first.querySelector('span')!.shadowRoot!.querySelector('button')!;
  expect(button.textContent).toBe(`[${n} more]`);
  // The placeholder stands right before the rows it hides.
  expect(first.nextElementSibling!.hasAttribute('data-backstory-folded')).toBe(true);
  button.click();
  expect(document.querySelectorAll('[data-backstory-folded]')).toHaveLength(folded - n);
  expect(first.isConnected).toBe(false);
  o.remove();
  expect(document.querySelectorAll('tr[data-backstory-fold], [data-backstory-folded]')).toHaveLength(0);
});
