// @vitest-environment happy-dom
/** The site adapters on fixture pages: page subject, fork root, takedown page, panel placement, theme, repo info. */
import { afterEach, describe, expect, test } from 'vitest';
import { githubSite, githubTheme, takedownHref } from '@/utils/content/sites/github';
import { hnPageSubject, hnSite } from '@/utils/content/sites/hn';
import { noticePage, repoPage, takedownPage } from '../../fixtures/github';
import { hnItemPage } from '../../fixtures/hn';
import { loadPage, resetPage } from './page';

afterEach(() => resetPage());

describe('GitHub', () => {
  test('a repo page, a fork (network root meta), a notice page', () => {
    loadPage(repoPage({ owner: 'shawwn', name: 'llama-dl' }), 'https://github.com/shawwn/llama-dl/issues');
    expect(githubSite.pageSubject()).toEqual({ subject: 'repo:shawwn/llama-dl' });
    loadPage(repoPage({ owner: 'someone', name: 'llama-dl', networkRoot: 'shawwn/llama-dl' }), 'https://github.com/someone/llama-dl');
    expect(githubSite.pageSubject()).toEqual({ subject: 'repo:someone/llama-dl', networkRoot: 'shawwn/llama-dl' });
    loadPage(noticePage('2023/03/2023-03-21-meta.md', ['x']), 'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md');
    expect(githubSite.pageSubject()).toEqual({ subject: 'notice:2023/03/2023-03-21-meta.md' });
  });

  test("GitHub's takedown page gives its link to the notice, raw (the background reads it); a repo page is never one", () => {
    loadPage(takedownPage('2020/10/2020-10-23-RIAA.md'), 'https://github.com/ytdl-org/youtube-dl');
    const href = 'https://github.com/github/dmca/blob/master/2020/10/2020-10-23-RIAA.md';
    expect(takedownHref(document)).toBe(href);
    expect(githubSite.pageSubject()).toEqual({ subject: 'repo:ytdl-org/youtube-dl', takedownHref: href });
    loadPage(
      repoPage({
        owner: 'a',
        name: 'b',
        readme: '<p>DMCA takedown <a href="https://github.com/github/dmca/blob/master/2020/10/2020-10-23-RIAA.md">x</a></p>',
      }),
      'https://github.com/a/b',
    );
    expect(takedownHref(document)).toBeNull();
  });

  test('the panel goes at the top of the repo content; without an anchor it floats', () => {
    loadPage(repoPage({ owner: 'a', name: 'b' }), 'https://github.com/a/b');
    const host = document.createElement('backstory-panel');
    expect(githubSite.placeableEarly!()).toBe(true);
    expect(githubSite.placePanel(host)).toBe(true);
    expect(host.parentElement?.id).toBe('repo-content-pjax-container');
    expect(host.parentElement?.firstElementChild).toBe(host);
    loadPage('<!DOCTYPE html><html><body><p>bare</p></body></html>', 'https://github.com/a/b');
    expect(githubSite.placePanel(document.createElement('backstory-panel'))).toBe(false);
  });

  test.each([
    ['dark', false, 'dark'],
    ['light', true, 'light'],
    ['auto', true, 'dark'],
    ['auto', false, 'light'],
    [null, true, 'dark'],
  ] as const)('theme: data-color-mode=%s, prefers dark %s → %s', (mode, dark, expected) => {
    if (mode) document.documentElement.setAttribute('data-color-mode', mode);
    else document.documentElement.removeAttribute('data-color-mode');
    expect(githubTheme(document, dark)).toBe(expected);
  });

  test('what a repo page says about itself, bounded', () => {
    loadPage(
      repoPage({ owner: 'a', name: 'llama-x', description: 'Run LLaMA locally', topics: ['llama', 'llm'] }),
      'https://github.com/a/llama-x',
    );
    // The fixture's README starts with the repo name as its heading.
    expect(githubSite.repoInfo!()).toEqual({ description: 'Run LLaMA locally', topics: ['llama', 'llm'], readmeTitle: 'llama-x' });
  });

  test("a repo's description is read where only GitHub writes it, on its home page only (issue 23)", () => {
    const forged = '<p itemprop="about">Mirror of the LLaMA weights</p><a class="topic-tag" href="/topics/llama">llama</a>';
    // A README (anyone's markdown keeps itemprop) before the sidebar: the sidebar's text is the description.
    loadPage(repoPage({ owner: 'a', name: 'toy', description: 'A toy parser', readme: forged }), 'https://github.com/a/toy');
    expect(githubSite.repoInfo!()).toEqual({ description: 'A toy parser', topics: [], readmeTitle: 'toy' });
    // No sidebar (2019 markup, or none): the description meta GitHub writes, never the README's itemprop.
    loadPage(repoPage({ owner: 'a', name: 'toy', description: 'A toy parser', readme: forged }), 'https://github.com/a/toy');
    document.querySelector('.BorderGrid')!.remove();
    expect(githubSite.repoInfo!()!.description).toBe('A toy parser');
    // An issue page: its meta description and title are the issue's (anyone's), so nothing is read.
    const issue = 'Where can I download the LLaMA weights?';
    loadPage(
      repoPage({ owner: 'a', name: 'toy', description: issue, readme: `<h1 class="markdown-title">${issue}</h1>${forged}` }),
      'https://github.com/a/toy/issues/1',
    );
    expect(githubSite.repoInfo!()).toEqual({ description: '', topics: [], readmeTitle: '' });
    // GitHub's own 2019 header markup still counts.
    loadPage(repoPage({ owner: 'a', name: 'toy' }), 'https://github.com/a/toy');
    document.querySelector('.BorderGrid')!.remove();
    document.querySelector('meta[name="description"]')!.remove();
    document
      .querySelector('#repository-container-header')!
      .insertAdjacentHTML('beforeend', '<span itemprop="about">LLaMA on a phone</span>');
    expect(githubSite.repoInfo!()!.description).toBe('LLaMA on a phone');
  });
});

describe('Hacker News', () => {
  const item = (url: string) =>
    hnItemPage({ id: 123, title: 'A story', url, points: 1, user: 'x', comments: [{ id: 124, indent: 0, user: 'u', text: 'hello' }] });

  test('an item page is its thread; a story linking a repo falls back to its link (raw: the background reads it)', () => {
    loadPage(item('https://github.com/shawwn/llama-dl'), 'https://news.ycombinator.com/item?id=123');
    expect(hnPageSubject(document, location)).toEqual({ subject: 'thread:hn:123', fallbackHref: 'https://github.com/shawwn/llama-dl' });
    // A link that cannot name a subject is not sent at all; nor a self post's link to its own item.
    loadPage(item('https://example.org/post'), 'https://news.ycombinator.com/item?id=123');
    expect(hnSite.pageSubject()).toEqual({ subject: 'thread:hn:123' });
    loadPage(item('item?id=123'), 'https://news.ycombinator.com/item?id=123&p=2');
    expect(hnSite.pageSubject()).toEqual({ subject: 'thread:hn:123' });
    loadPage(item('item?id=35287733'), 'https://news.ycombinator.com/item?id=123');
    expect(hnSite.pageSubject()).toEqual({ subject: 'thread:hn:123', fallbackHref: 'item?id=35287733' });
  });

  test('the panel goes between the story and its comments', () => {
    loadPage(item('https://example.org/'), 'https://news.ycombinator.com/item?id=123');
    const host = document.createElement('backstory-panel');
    expect(hnSite.placePanel(host)).toBe(true);
    expect(host.previousElementSibling?.matches('table.fatitem')).toBe(true);
  });
});
