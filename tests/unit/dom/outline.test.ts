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
  expect(nav.querySelector('.keys')!.textContent).toContain('next comment of the topic');
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

test('the minimap has a band for every tagged comment, coloured by topic, and jumps to it', async () => {
  await outline();
  // Positions are read after the browser's own next layout (never forced): a frame and a task later.
  const map = () => document.querySelector('[data-backstory-nav]')!.shadowRoot!.querySelectorAll('.map i');
  await vi.waitFor(() => expect(map()).toHaveLength(thread.comments.length));
  const ticks = map();
  (ticks[100] as HTMLElement).click();
  expect(document.querySelectorAll('tr.athing.comtr')[100]!.hasAttribute('data-backstory-current')).toBe(true);
});
