import { describe, expect, test } from 'vitest';
import { isSubject, pageSubject, subjectFromGithubPath, subjectFromHnSearch, subjectFromHref } from '@/utils/core/subjects';

describe('subjectFromGithubPath', () => {
  test.each([
    ['/shawwn/llama-dl', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl/', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl/issues', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl/tree/main', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl/blob/main/llama.sh', 'repo:shawwn/llama-dl'],
    ['/Shawwn/LLaMA-dl', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl.git', 'repo:shawwn/llama-dl'],
    ['/facebookresearch/llama/pull/73', 'repo:facebookresearch/llama'],
    ['/facebookresearch/llama/pull/73/files', 'repo:facebookresearch/llama'],
    ['/facebookresearch/llama/pull/184', 'repo:facebookresearch/llama'],
    ['/ggml-org/llama.cpp', 'repo:ggml-org/llama.cpp'],
    ['/github/dmca/blob/master/2023/03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/blob/main/2023/03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/blob/528056c74805123e1773137de94f4ce090ec337e/2023/03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/blob/feature/x/2023/03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/commits/master/2023/03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/blame/master/2023/03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/blob/master/2016/2016-08-23-Yahoo.md', 'notice:2016/2016-08-23-yahoo.md'],
    ['/github/dmca/blob/master/2012/2012-08-09-rtmpdump.markdown', 'notice:2012/2012-08-09-rtmpdump.markdown'],
    ['/github/dmca/blob/master/2023%2F03%2F2023-03-21-meta.md', 'repo:github/dmca'],
    ['/github/dmca/tree/master/2023/03', 'repo:github/dmca'],
    ['/github/dmca', 'repo:github/dmca'],
    ['/github/dmca/blob/master/README.md', 'repo:github/dmca'],
  ])('%s → %s', (path, subject) => expect(subjectFromGithubPath(path)).toBe(subject));

  test.each([
    '/',
    '',
    '/shawwn',
    '/settings/profile',
    '/orgs/meta/people',
    '/features/copilot',
    '/topics/llama',
    '/marketplace/actions/x',
    '/search',
    '/notifications',
    '/login',
    '/sponsors/someone',
    '/advisories/GHSA-h4qh-3c2x-xj4m',
    '/explore',
    '/site/terms',
    '/contact',
    '/-bad/name',
    '/a/..',
    '/a/.',
    '/owner/na me',
    'shawwn/llama-dl',
    '//shawwn/llama-dl',
    '/' + 'a'.repeat(40) + '/x',
  ])('%s → null', (path) => expect(subjectFromGithubPath(path)).toBeNull());
});

describe('subjectFromHref', () => {
  test.each([
    ['https://github.com/shawwn/llama-dl', 'github.com', 'repo:shawwn/llama-dl'],
    ['http://github.com/shawwn/llama-dl', 'news.ycombinator.com', 'repo:shawwn/llama-dl'],
    ['https://www.github.com/shawwn/llama-dl?tab=readme#top', 'github.com', 'repo:shawwn/llama-dl'],
    ['//github.com/shawwn/llama-dl', 'github.com', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl#readme', 'github.com', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl?x=1', 'github.com', 'repo:shawwn/llama-dl'],
    ['https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md', 'news.ycombinator.com', 'notice:2023/03/2023-03-21-meta.md'],
    ['item?id=35287733', 'news.ycombinator.com', 'thread:hn:35287733'],
    ['https://news.ycombinator.com/item?id=35288415', 'github.com', 'thread:hn:35288415'],
    ['https://news.ycombinator.com/item?id=35287733#35288415', 'github.com', 'thread:hn:35287733'],
  ] as const)('%s on %s → %s', (href, host, subject) => expect(subjectFromHref(href, host)).toBe(subject));

  test.each([
    ['/shawwn/llama-dl', 'news.ycombinator.com'],
    ['javascript:alert(1)//github.com/a/b', 'github.com'],
    ['data:text/html,github.com/a/b', 'github.com'],
    ['https://gist.github.com/a/b', 'github.com'],
    ['https://docs.github.com/en/site-policy', 'github.com'],
    ['https://evil.example/github.com/a/b', 'github.com'],
    ['https://github.com.evil.example/a/b', 'github.com'],
    ['https://github.com/', 'github.com'],
    ['#', 'github.com'],
    ['', 'github.com'],
    ['item?id=abc', 'news.ycombinator.com'],
    ['https://news.ycombinator.com/user?id=sillysaurusx', 'github.com'],
  ] as const)('%s on %s → null', (href, host) => expect(subjectFromHref(href, host)).toBeNull());
});

describe('links read as the browser resolves them (issue 23: `..` and `%2e%2e` gave the badge of the wrong repo)', () => {
  const BASE = 'https://github.com/someone/page/blob/main/README.md';
  /** What the browser opens: the subject of the resolved URL's path on github.com, else nothing. */
  const opened = (href: string) => {
    const u = new URL(href, BASE);
    return u.hostname === 'github.com' || u.hostname === 'www.github.com' ? subjectFromGithubPath(u.pathname) : null;
  };
  test.each([
    ['/shawwn/llama-dl/../../evil/repo', 'repo:evil/repo'],
    ['/evil/repo/%2e%2e/%2e%2e/shawwn/llama-dl', 'repo:shawwn/llama-dl'],
    ['/evil/repo/%2E./.%2e/shawwn/llama-dl', 'repo:shawwn/llama-dl'],
    ['/evil/repo/blob/main/../../../../shawwn/llama-dl/issues', 'repo:shawwn/llama-dl'],
    ['/shawwn/./llama-dl', 'repo:shawwn/llama-dl'],
    ['/shawwn/%2e/llama-dl', 'repo:shawwn/llama-dl'],
    ['/evil/repo\\..\\..\\shawwn\\llama-dl', 'repo:shawwn/llama-dl'],
    ['/evil/repo/..\t/..\n/shawwn/llama-dl', 'repo:shawwn/llama-dl'],
    ['/shawwn/llama-dl/..', null],
    ['/shawwn/llama-dl/%2e%2e/', null],
    ['/github/dmca/blob/master/2023/03/../03/2023-03-21-meta.md', 'notice:2023/03/2023-03-21-meta.md'],
    ['/github/dmca/blob/master/2023/03/2023-03-21-meta.md/../../../../../../../shawwn/llama-dl', 'repo:shawwn/llama-dl'],
    ['https://github.com/evil/repo/%2e%2e/%2e%2e/shawwn/llama-dl', 'repo:shawwn/llama-dl'],
    ['https://github.com/shawwn/llama-dl/../../evil/repo?x=1', 'repo:evil/repo'],
    ['/\\evil.example/shawwn/llama-dl', null],
    ['/shawwn/llama.cpp.d/..x', 'repo:shawwn/llama.cpp.d'],
    ['/.github/x', null],
  ])('%s → %s, as the browser opens it', (href, subject) => {
    expect(subjectFromHref(href, 'github.com')).toBe(subject);
    expect(opened(href)).toBe(subject);
  });
});

describe('subjectFromHnSearch / pageSubject', () => {
  test.each([
    ['?id=35287733', 'thread:hn:35287733'],
    ['?p=2&id=35287733', 'thread:hn:35287733'],
    ['?id=35287733&p=2', 'thread:hn:35287733'],
    ['?id=', null],
    ['?id=0', null],
    ['?id=007', 'thread:hn:7'],
    ['?xid=35287733', null],
  ])('%s → %s', (search, subject) => expect(subjectFromHnSearch(search)).toBe(subject));

  test('a fork carries its network root; the root itself does not', () => {
    expect(pageSubject('github.com', '/someone/llama-dl', '', 'shawwn/llama-dl')).toEqual({
      subject: 'repo:someone/llama-dl',
      networkRoot: 'shawwn/llama-dl',
    });
    expect(pageSubject('github.com', '/shawwn/llama-dl/issues', '', 'shawwn/llama-dl')).toEqual({ subject: 'repo:shawwn/llama-dl' });
    expect(pageSubject('github.com', '/someone/x', '', 'not a repo')).toEqual({ subject: 'repo:someone/x' });
    expect(pageSubject('news.ycombinator.com', '/item', '?id=35287733', null)).toEqual({ subject: 'thread:hn:35287733' });
    expect(pageSubject('news.ycombinator.com', '/news', '', null)).toBeNull();
    expect(pageSubject('example.com', '/shawwn/llama-dl', '', null)).toBeNull();
  });

  test('isSubject accepts only canonical lower-case subjects', () => {
    expect(isSubject('repo:shawwn/llama-dl')).toBe(true);
    expect(isSubject('repo:Shawwn/llama-dl')).toBe(false);
    expect(isSubject('repo:shawwn/llama-dl/issues')).toBe(false);
    expect(isSubject('notice:2023/03/2023-03-21-meta.md')).toBe(true);
    expect(isSubject('notice:../etc/passwd')).toBe(false);
    expect(isSubject('thread:hn:35287733')).toBe(true);
    expect(isSubject('thread:hn:0')).toBe(false);
    expect(isSubject({})).toBe(false);
  });
});
