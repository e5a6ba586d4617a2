import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assertDatasetValid, hasSharedData, readDatasetTexts, SHARED_DATA_DIR } from '@/utils/node/files';
import {
  canonicalJson,
  checkAgainstRawThread,
  checkNoticesAgainstRaw,
  formatProblems,
  validateDatasetTexts,
} from '@/utils/dataset/validate';
import { parseNotice } from '@/utils/dmca/parser';

const texts = readDatasetTexts();

describe('bundled dataset', () => {
  test('every file is valid, canonical and consistent', () => {
    const { dataset, problems } = validateDatasetTexts(texts);
    expect(formatProblems(problems)).toBe('');
    expect(dataset).toBeDefined();
  });

  test('covers the seed thread as the brief describes', () => {
    const d = assertDatasetValid();
    expect(d.thread).toMatchObject({ id: 35287733, points: 320, submitter: 'nothrowaways', date: '2023-03-24', commentCount: 204 });
    expect(d.topics.length).toBeGreaterThanOrEqual(8);
    expect(d.topics.length).toBeLessThanOrEqual(14);
    expect(d.comments).toHaveLength(203);
    expect(d.comments.every((c) => c.topics.length > 0)).toBe(true);
    const byId = Object.fromEntries(d.comments.filter((c) => c.id).map((c) => [c.id, c.n]));
    expect(byId).toEqual({ 35288415: 168, 35292445: 195, 35293068: 171, 35288750: 133, 35289533: 134, 35292097: 178 });
    const meta = d.notices.find((n) => n.path === '2023/03/2023-03-21-meta.md')!;
    expect(meta).toMatchObject({
      networkSize: 403,
      repos: ['shawwn/llama-dl'],
      sender: 'OpSec Online LLC',
      onBehalfOf: 'Meta Platforms, Inc.',
      textDate: '2023-03-20',
    });
    expect(d.notices.find((n) => n.kind === 'counter-notice')!.refersTo).toEqual(['2023/03/2023-03-21-meta.md']);
    expect(d.notices.find((n) => n.path.startsWith('2025/'))!.llama).toBe('inferred');
    expect(d.comments.filter((c) => c.topics.some((t) => d.topics.find((x) => x.id === t)?.tangent)).length).toBeGreaterThan(20);
  });

  test('a file not in canonical form is rejected', () => {
    const topics = JSON.parse(texts['topics.json']!);
    const { problems } = validateDatasetTexts({ ...texts, 'topics.json': JSON.stringify(topics) });
    expect(formatProblems(problems)).toMatch(/utils\/dataset\/topics\.json: not in canonical form/);
  });

  test('a wrong-typed or truncated file fails naming the file and the field', () => {
    const thread = JSON.parse(texts['thread.json']!);
    thread.points = '320';
    const bad = validateDatasetTexts({ ...texts, 'thread.json': canonicalJson(thread) });
    expect(formatProblems(bad.problems)).toMatch(/utils\/dataset\/thread\.json at points: .*number/);
    const truncated = validateDatasetTexts({ ...texts, 'comments.json': texts['comments.json']!.slice(0, 500) });
    expect(formatProblems(truncated.problems)).toMatch(/utils\/dataset\/comments\.json: not valid JSON/);
    const comments = JSON.parse(texts['comments.json']!);
    comments[5].topics = ['no-such-topic'];
    const xref = validateDatasetTexts({ ...texts, 'comments.json': canonicalJson(comments) });
    expect(formatProblems(xref.problems)).toMatch(/comments\.json at \[5\]\.topics\[0\]: unknown topic "no-such-topic"/);
    const repos = JSON.parse(texts['repos.json']!);
    repos.find((r: { repo: string }) => r.repo === 'shawwn/llama-dl').relations = ['llama'];
    const rel = validateDatasetTexts({ ...texts, 'repos.json': canonicalJson(repos) });
    expect(formatProblems(rel.problems)).toMatch(/missing "named-in-notice"/);
  });

  test('an unsafe string is rejected (bidi controls)', () => {
    const topics = JSON.parse(texts['topics.json']!);
    topics[0].label = 'evil\u202etxt';
    expect(formatProblems(validateDatasetTexts({ ...texts, 'topics.json': canonicalJson(topics) }).problems)).toMatch(
      /topics\.json at \[0\]\.label: contains control or bidi/,
    );
  });
});

describe.skipIf(!hasSharedData())('against ../shared/data (raw thread and notices)', () => {
  test('every anchor occurs exactly once, in page order, inside its own comment', () => {
    const raw = readFileSync(join(SHARED_DATA_DIR, 'hn/35287733.txt'), 'utf8');
    expect(formatProblems(checkAgainstRawThread(assertDatasetValid(), raw))).toBe('');
  });
  test('every notice fact equals what the parser reads from the raw notice', () => {
    const d = assertDatasetValid();
    const dir = join(SHARED_DATA_DIR, 'github-dmca');
    expect(existsSync(dir)).toBe(true);
    expect(formatProblems(checkNoticesAgainstRaw(d, (p) => parseNotice(p, readFileSync(join(dir, p), 'utf8'))))).toBe('');
  });
});
if (!hasSharedData()) console.warn('[dataset.test] ../shared/data not found: skipping the proofs against the raw thread and notices.');
