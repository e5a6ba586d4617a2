import { expect, test, vi } from 'vitest';
import { createHandler } from '@/utils/background-handler';
import { bundledDataset } from '@/utils/dataset/bundled';

const log = vi.fn();
const handle = createHandler(() => bundledDataset, 'self', log);

test('answers lookups and panel requests from our own extension', () => {
  expect(handle({ type: 'lookup', subjects: ['repo:shawwn/llama-dl', 'repo:x/y'] }, { id: 'self' })).toMatchObject({
    type: 'lookup',
    known: { 'repo:shawwn/llama-dl': { relations: ['named-in-notice', 'counter-noticed', 'discussed', 'llama'] } },
  });
  expect(handle({ type: 'panel', subject: 'repo:x/y' }, { id: 'self' })).toEqual({ type: 'panel', data: null });
});

test.each([
  [null],
  ['lookup'],
  [{}],
  [{ type: 'lookup' }],
  [{ type: 'lookup', subjects: 'repo:a/b' }],
  [{ type: 'lookup', subjects: [1, 2] }],
  [{ type: 'lookup', subjects: Array(6000).fill('repo:a/b') }],
  [{ type: 'panel' }],
  [{ type: 'panel', subject: 'x'.repeat(1000) }],
  [{ type: 'panel', subject: 'repo:a/b', extra: true }],
  [{ type: 'steal-cookies' }],
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
