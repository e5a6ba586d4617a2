/** A long search query is trimmed to what matters (issue 23: over 500 characters, the popup said "Nothing matches"). */
import { expect, test } from 'vitest';
import { MAX_QUERY, searchQuery } from '@/utils/core/search-query';

const tracking = `utm_source=newsletter&utm_medium=email&utm_campaign=${'x'.repeat(600)}`;

test.each([
  ['  shawwn/llama-dl ', 'shawwn/llama-dl'],
  [`https://github.com/shawwn/llama-dl?${tracking}#readme`, 'https://github.com/shawwn/llama-dl'],
  [`github.com/Shawwn/llama-dl/issues/1?${tracking}`, 'https://github.com/Shawwn/llama-dl/issues/1'],
  [`https://news.ycombinator.com/item?id=35287733&${tracking}`, 'https://news.ycombinator.com/item?id=35287733'],
  [`https://example.org/post?${tracking}`, 'https://example.org/post'],
  [`${'meta '.repeat(120)}llama`, 'meta '.repeat(100).trim()],
])('%#: %s', (raw, want) => {
  const q = searchQuery(raw);
  expect(q).toBe(want);
  expect(q.length).toBeLessThanOrEqual(MAX_QUERY);
});

test('a short query is left as typed (trimmed); anything is at most 500 characters', () => {
  const short = `https://github.com/shawwn/llama-dl?utm_source=x`;
  expect(searchQuery(short)).toBe(short);
  expect(searchQuery('x'.repeat(2000))).toHaveLength(MAX_QUERY);
});
