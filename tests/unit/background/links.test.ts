/** `links`: raw hrefs parsed in the background, answered by href (the page keeps its own subject's links bare). */
import { expect, test } from 'vitest';
import { openIndex } from '@/utils/dmca/index-read';
import { readDmcaIndexTexts } from '@/utils/node/files';
import { GH, HN, setup } from './harness';

type LinksReply = { known: Record<string, { subject: string; relations: string[]; hint: string }> };
const subjects = (r: LinksReply | undefined) => Object.fromEntries(Object.entries(r!.known).map(([h, b]) => [h, b.subject]));

test('GitHub hrefs, in any spelling, known ones answered by href', async () => {
  const r = await setup().ask<LinksReply>({
    type: 'links',
    hrefs: [
      '/shawwn/llama-dl',
      '/Shawwn/LLaMA-dl/issues?q=1',
      'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
      '/torvalds/linux',
      '/features',
      'item?id=35287733',
      '/me/self/pulls',
    ],
  });
  expect(subjects(r)).toEqual({
    '/shawwn/llama-dl': 'repo:shawwn/llama-dl',
    '/Shawwn/LLaMA-dl/issues?q=1': 'repo:shawwn/llama-dl',
    'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md': 'notice:2023/03/2023-03-21-meta.md',
  });
  // The message carries hrefs only: nothing of the page's own subject (the page keeps those links bare itself).
  expect(await setup().ask({ type: 'links', hrefs: ['/me/self/pulls'], skip: 'repo:me/self' })).toBeUndefined();
  expect(r!.known['/shawwn/llama-dl']!.hint).toMatch(
    /^shawwn\/llama-dl — named in the DMCA takedown of Mar 21, 2023 from Meta Platforms, via OpSec Online; disputed by a counter-notice of Apr 27, 2023; discussed on Hacker News$/,
  );
});

test('relative links are read as the sender’s site reads them: item?id= is a thread on HN only', async () => {
  const r = await setup().ask<LinksReply>(
    { type: 'links', hrefs: ['item?id=35287733', 'item?id=35288415', '/shawwn/llama-dl', 'https://github.com/shawwn/llama-dl'] },
    HN,
  );
  expect(subjects(r)).toEqual({
    'item?id=35287733': 'thread:hn:35287733',
    'item?id=35288415': 'thread:hn:35287733',
    'https://github.com/shawwn/llama-dl': 'repo:shawwn/llama-dl',
  });
});

test('index-only repos and notices, detected LLaMA repos, and the never list', async () => {
  const r = await setup().ask<LinksReply>({
    type: 'links',
    hrefs: ['/ytdl-org/youtube-dl', '/ggerganov/llama.cpp', 'https://github.com/github/dmca/blob/master/2020/10/2020-10-23-RIAA.md'],
  });
  expect(r!.known['/ytdl-org/youtube-dl']).toMatchObject({ relations: expect.arrayContaining(['named-in-notice']) });
  expect(r!.known['/ggerganov/llama.cpp']).toMatchObject({ relations: ['llama'], hint: expect.stringMatching(/likely LLaMA-related/) });
  expect(r!.known['https://github.com/github/dmca/blob/master/2020/10/2020-10-23-RIAA.md']!.hint).toMatch(
    /^DMCA takedown notice of 2020-10-23 from Recording Industry Association of America, Inc\. — 18 repositories named/,
  );
  const never = await setup({ llamaNever: ['ggerganov/llama.cpp'] }).ask<LinksReply>({ type: 'links', hrefs: ['/ggerganov/llama.cpp'] });
  expect(never!.known).toEqual({});
  const off = await setup({ detection: 'dataset' }).ask<LinksReply>({ type: 'links', hrefs: ['/ggerganov/llama.cpp'] });
  expect(off!.known).toEqual({});
});

test('the sharded index answers links from the shards their repos need only', async () => {
  const { manifest, files } = readDmcaIndexTexts();
  const read: string[] = [];
  const sharded = openIndex(manifest, async (f) => {
    read.push(f);
    return files.get(f)!;
  });
  const r = await setup({}, { dmca: async () => sharded }).ask<LinksReply>(
    {
      type: 'links',
      hrefs: ['/chef-koch/kms-activator', 'https://github.com/Chef-Koch/KMS-Activator/issues', '/nobody/nothing-here', '#top'],
    },
    GH,
  );
  expect(Object.keys(r!.known).sort()).toEqual(['/chef-koch/kms-activator', 'https://github.com/Chef-Koch/KMS-Activator/issues']);
  expect(read.length).toBeLessThanOrEqual(6);
});
