// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { deliverEarlyAnswer, whenEarlyAnswer } from '@/utils/content/early-answer';

const settled = async (p: Promise<unknown>) =>
  Promise.race([p.then((v) => ({ v })), new Promise((r) => setTimeout(() => r('pending'), 20))]);

test('an answer pushed before the question is taken; one pushed after resolves the waiting question', async () => {
  const url = location.href;
  const waiting = whenEarlyAnswer(url);
  expect(await settled(waiting)).toBe('pending');
  deliverEarlyAnswer(url, { type: 'page', n: 1 });
  expect(await settled(waiting)).toEqual({ v: { type: 'page', n: 1 } });
  expect(await settled(whenEarlyAnswer(url))).toEqual({ v: { type: 'page', n: 1 } });
});

test('an answer computed for another URL (the tab had not switched documents yet) is dropped', async () => {
  const url = location.href;
  deliverEarlyAnswer('https://github.com/some/other', { type: 'page', n: 2 });
  expect(await settled(whenEarlyAnswer('https://github.com/some/other'))).toBe('pending');
  expect(await settled(whenEarlyAnswer(url))).not.toEqual({ v: { type: 'page', n: 2 } });
});
