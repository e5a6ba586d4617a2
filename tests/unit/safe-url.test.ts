import { expect, test } from 'vitest';
import { encodeTextFragment, hnCommentUrl, safeHref } from '@/utils/core/safe-url';

test.each([
  ['https://github.com/shawwn/llama-dl', 'https://github.com/shawwn/llama-dl'],
  ['https://news.ycombinator.com/item?id=1', 'https://news.ycombinator.com/item?id=1'],
  ['http://github.com/a/b', null],
  ['javascript:alert(1)', null],
  ['JAVASCRIPT:alert(1)', null],
  ['data:text/html,<script>alert(1)</script>', null],
  ['https://evil.example/', null],
  ['https://github.com.evil.example/', null],
  ['https://user:pw@github.com/', null],
  ['https://github.com:8443/', null],
  ['//github.com/a', null],
  ['', null],
  [null, null],
  [42, null],
])('safeHref(%s) → %s', (input, out) => expect(safeHref(input)).toBe(out));

test('comment links land on the thread page: at the id when known, else a marker and a text fragment', () => {
  expect(hnCommentUrl(35287733, { n: 168, id: 35288415, anchor: 'Hi all' })).toBe('https://news.ycombinator.com/item?id=35287733#35288415');
  expect(hnCommentUrl(35287733, { n: 10, anchor: 'Fair enough, well-known' })).toBe(
    'https://news.ycombinator.com/item?id=35287733#bs-10:~:text=Fair%20enough%2C%20well%2Dknown',
  );
  expect(hnCommentUrl(35287733, { n: 140 })).toBe('https://news.ycombinator.com/item?id=35287733#bs-140');
  expect(hnCommentUrl(35287733, {})).toBe('https://news.ycombinator.com/item?id=35287733');
  expect(encodeTextFragment("It's & more")).toBe("It's%20%26%20more");
});
