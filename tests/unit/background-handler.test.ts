import { expect, test, vi } from 'vitest';
import { createHandler } from '@/utils/background-handler';
import { bundledDataset } from '@/utils/dataset/bundled';

const log = vi.fn();
function memoryArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return { data, get: async (k: string) => ({ [k]: data[k] }), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
}
const area = memoryArea();
const handle = createHandler(() => bundledDataset, 'self', area, log);

test('answers lookups and panel requests from our own extension', () => {
  expect(handle({ type: 'lookup', subjects: ['repo:shawwn/llama-dl', 'repo:x/y'] }, { id: 'self' })).toMatchObject({
    type: 'lookup',
    known: { 'repo:shawwn/llama-dl': { relations: ['named-in-notice', 'counter-noticed', 'discussed', 'llama'] } },
  });
  const none = handle({ type: 'page', subject: 'repo:x/y' }, { id: 'self' }) as { type: string; data: unknown; state: string; filter: number[] };
  expect(none).toMatchObject({ type: 'page', data: null, state: 'open' });
  expect(none.filter.length).toBeGreaterThan(20);
  expect(handle({ type: 'page' }, { id: 'self' })).toMatchObject({ type: 'page', data: null });
});

test('remembers collapse/dismiss per subject and answers it with the panel', async () => {
  expect(await handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { id: 'self' })).toMatchObject({ type: 'page', state: 'open' });
  expect(await handle({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'dismissed' }, { id: 'self' })).toEqual({ type: 'ok' });
  expect(await handle({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { id: 'self' })).toMatchObject({ state: 'dismissed' });
  expect(await handle({ type: 'page', subject: 'repo:facebookresearch/llama' }, { id: 'self' })).toMatchObject({ state: 'open' });
  await handle({ type: 'panelState', subject: 'repo:shawwn/llama-dl', state: 'open' }, { id: 'self' });
  expect(area.data.panelState).toEqual({});
});

test.each([[null], ['x'], [[1, 2]], [{ 'repo:shawwn/llama-dl': 'exploded' }], [{ 'repo:shawwn/llama-dl': 7 }], [{ '<script>': 'dismissed' }]])(
  'a corrupted stored state %# reads as open and is repaired on the next write',
  async (stored) => {
    const a = memoryArea({ panelState: stored });
    const h = createHandler(() => bundledDataset, 'self', a, log);
    expect(await h({ type: 'page', subject: 'repo:shawwn/llama-dl' }, { id: 'self' })).toMatchObject({ state: 'open' });
    await h({ type: 'panelState', subject: 'repo:cocktailpeanut/dalai', state: 'collapsed' }, { id: 'self' });
    expect(a.data.panelState).toEqual({ 'repo:cocktailpeanut/dalai': 'collapsed' });
  },
);

test.each([
  [null],
  ['lookup'],
  [{}],
  [{ type: 'lookup' }],
  [{ type: 'lookup', subjects: 'repo:a/b' }],
  [{ type: 'lookup', subjects: [1, 2] }],
  [{ type: 'lookup', subjects: Array(6000).fill('repo:a/b') }],
  [{ type: 'page', subject: 7 }],
  [{ type: 'page', subject: 'x'.repeat(1000) }],
  [{ type: 'page', subject: 'repo:a/b', extra: true }],
  [{ type: 'steal-cookies' }],
  [{ type: 'panelState', subject: 'repo:a/b', state: 'exploded' }],
])('malformed message %# is ignored and logged', (msg) => {
  log.mockClear();
  expect(handle(msg, { id: 'self' })).toBeUndefined();
  expect(log).toHaveBeenCalledWith(expect.stringMatching(/ignored a malformed message/));
});

test('messages from other senders are ignored', () => {
  log.mockClear();
  expect(handle({ type: 'lookup', subjects: ['repo:shawwn/llama-dl'] }, { id: 'another-extension' })).toBeUndefined();
  expect(handle({ type: 'lookup', subjects: [] }, {})).toBeUndefined();
  expect(log).toHaveBeenCalledTimes(2);
});
