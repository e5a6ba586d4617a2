/**
 * The parser against the whole github/dmca snapshot in ../shared/data (skipped when it is absent).
 * Coverage figures were measured on the 2026-08-21 snapshot and are pinned: a parser change that
 * moves them must say so here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildIndex, readIndex, shardIndex } from '@/utils/dmca/index-build';
import { linkAnswers, noticeFiles, parseCorpus } from '@/utils/node/dmca-corpus';
import { readDmcaIndexTexts, SHARED_DATA_DIR } from '@/utils/node/files';
import type { ParsedNotice } from '@/utils/dmca/parser';

const ROOT = join(SHARED_DATA_DIR, 'github-dmca');
const present = existsSync(ROOT);
if (!present) console.warn(`[corpus] skipped: ${ROOT} not found (the github/dmca snapshot lives in ../shared/data)`);

describe.skipIf(!present)('the whole github/dmca corpus', () => {
  let parsed: ParsedNotice[] = [];
  const byPath = () => new Map(parsed.map((p) => [p.path, p]));

  test('every file parses without throwing', () => {
    const files = noticeFiles(ROOT);
    expect(files.length).toBe(21856); // 21,878 files minus README, CONTRIBUTING and 20 data/script files
    parsed = parseCorpus(ROOT);
    expect(parsed.length).toBe(files.length);
  }, 60_000);

  test('coverage figures (pinned)', () => {
    const n = parsed.length;
    const share = (k: number) => Math.round((1000 * k) / n) / 10;
    const repos = new Set(parsed.flatMap((p) => p.repos));
    expect(share(parsed.filter((p) => p.date).length)).toBe(100);
    expect(share(parsed.filter((p) => p.textDate).length)).toBe(3);
    expect(share(parsed.filter((p) => p.repos.length).length)).toBe(92.8);
    expect(repos.size).toBe(135734);
    expect(share(parsed.filter((p) => p.sender || p.onBehalfOf).length)).toBe(17.7);
    expect(parsed.filter((p) => p.networkSize).length).toBe(247);
    const kinds: Record<string, number> = {};
    for (const p of parsed) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    expect(kinds).toEqual({ takedown: 21310, 'counter-notice': 433, retraction: 88, reversal: 21, legal: 4 });
    // Roughly 139k distinct github.com/owner/name strings appear; normalising case, `.git`, trailing
    // dots and GitHub's own paths leaves these.
    expect(repos.has('github/dmca')).toBe(false);
    expect([...repos].some((r) => /^(contact|site|settings|features)\//.test(r))).toBe(false);
  });

  test('spot checks read from the files', () => {
    const m = byPath();
    expect(m.get('2023/03/2023-03-21-meta.md')).toMatchObject({
      kind: 'takedown',
      textDate: '2023-03-20',
      sender: 'OpSec Online LLC',
      onBehalfOf: 'Meta Platforms, Inc.',
      networkSize: 403,
      repos: ['shawwn/llama-dl'],
    });
    expect(m.get('2023/04/2023-04-27-meta-counternotice.md')).toMatchObject({ kind: 'counter-notice', repos: ['shawwn/llama-dl'] });
    const riaa = m.get('2020/10/2020-10-23-RIAA.md')!;
    expect(riaa.textDate).toBe('2020-10-23');
    expect(riaa.repos[0]).toBe('ytdl-org/youtube-dl');
    expect(riaa.repos.length).toBe(18);
    expect(m.get('2020/11/2020-11-16-RIAA-reversal.md')).toMatchObject({
      kind: 'reversal',
      refersTo: ['2020/10/2020-10-23-RIAA.md'],
      repos: ['ytdl-org/youtube-dl'],
    });
    expect(m.get('2016/2016-08-23-Yahoo.md')!.repos).toEqual([
      'powerguan/powercode',
      'sudhirpatil/utils',
      'prasadkps/myprojects',
      'tangboy/imagetest',
      'leonwang777/vmdotfile',
    ]);
    expect(m.get('2012/2012-08-09-rtmpdump.markdown')!.repos).toEqual(['svnpenn/rtmpdump']);
    expect(m.get('2021/12/2021-12-21-axosoft.md')).toMatchObject({ networkSize: 434, repos: ['5cr1pt/gitcracken'] });
    expect(m.get('2022/10/2022-10-31-novelai.md')).toMatchObject({ networkSize: 320 });
    expect(m.get('2022/10/2022-10-31-novelai.md')!.repos.length).toBe(320);
    expect(m.get('2025/04/2025-04-08-meta.md')!.repos.length).toBe(19);
    expect(m.get('2024/01/2024-01-08-metatrader-retraction.md')!.kind).toBe('retraction');
  });

  test('answers are linked to the notice they answer (stated first, else inferred)', () => {
    const linked = linkAnswers(parsed);
    const answers = linked.filter((n) => ['counter-notice', 'retraction', 'reversal'].includes(n.kind));
    expect(answers.length).toBe(542);
    expect(answers.filter((n) => n.refersTo.length).length).toBe(535);
    expect(answers.filter((n) => n.refersTo.some((r) => !r.inferred)).length).toBe(55);
    const byPath = new Map(linked.map((n) => [n.path, n]));
    expect(byPath.get('2017/2017-06-08-Borderless-Gaming-Retraction.md')!.refersTo).toEqual([
      { path: '2017/2017-06-05-Borderless-Gaming.md', inferred: true },
    ]);
  });

  test('the committed index is exactly what the corpus gives (canonical, byte for byte)', () => {
    const { manifest, files } = shardIndex(buildIndex(linkAnswers(parsed)));
    const committed = readDmcaIndexTexts();
    expect(JSON.parse(manifest)).toEqual(committed.manifest);
    expect(committed.files.size).toBe(files.length);
    for (const [f, text] of files)
      expect(committed.files.get(f) === text, `public/dmca/${f} is stale: run npm run dataset:dmca`).toBe(true);
  });

  test('round trip: every repo of a sample of notices resolves to that notice', async () => {
    const { notices, repos } = readDmcaIndexTexts();
    const idx = await readIndex(notices, repos);
    let checked = 0;
    for (let i = 0; i < parsed.length; i += 37) {
      const p = parsed[i]!;
      const n = idx.findNotice(p.path)!;
      expect(n.path).toBe(p.path);
      for (const r of p.repos) {
        expect(
          idx.findRepo(r)!.notices.some((x) => x.index === n.index),
          `${r} → ${p.path}`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});
