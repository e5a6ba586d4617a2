/** The curated dataset: valid, canonical, consistent; bad files fail naming file and field; proofs against the raw thread. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { canonicalJson, checkAgainstRawThread, formatProblems, validateDatasetTexts } from '@/utils/dataset/validate';
import { assertDatasetValid, hasSharedData, rawThreadPath, readDatasetTexts } from '@/utils/node/files';

const texts = readDatasetTexts();
const T = 'threads/35287733';
const edit = (file: string, change: (v: never) => void) => {
  const v = JSON.parse(texts[file]!);
  change(v as never);
  return formatProblems(validateDatasetTexts({ ...texts, [file]: canonicalJson(v) }).problems);
};

describe('bundled dataset', () => {
  test('every file is valid, canonical and consistent', () => {
    const { dataset, problems } = validateDatasetTexts(texts);
    expect(formatProblems(problems)).toBe('');
    expect(dataset?.stories.map((s) => s.id)).toEqual(['llama-dmca-2023', 'meta-2025']);
  });

  test('covers the seed thread as the brief describes', () => {
    const d = assertDatasetValid();
    const t = d.threads.find((x) => x.id === 35287733)!;
    expect(t).toMatchObject({ points: 320, submitter: 'nothrowaways', date: '2023-03-24', commentCount: 204 });
    expect(t.topics.length).toBeGreaterThanOrEqual(8);
    expect(t.comments).toHaveLength(203);
    const byId = Object.fromEntries(t.comments.filter((c) => c.id).map((c) => [c.id, c.n]));
    expect(byId).toEqual({ 35288415: 168, 35292445: 195, 35293068: 171, 35288750: 133, 35289533: 134, 35292097: 178 });
    expect(d.stories.find((s) => s.threads.includes(35287733))?.id).toBe('llama-dmca-2023');
    expect(t.comments.filter((c) => c.topics.some((x) => t.topics.find((y) => y.id === x)?.tangent)).length).toBeGreaterThan(20);
  });

  test('every timeline entry and related thread says whether its source is in the bundle, and one outside says so in words', () => {
    const d = assertDatasetValid();
    const threads = new Set(d.threads.flatMap((t) => [t.id, ...t.comments.flatMap((c) => (c.id ? [c.id] : []))]));
    for (const s of d.stories) {
      for (const e of s.timeline) {
        const url = e.source.url ?? '';
        const item = Number(/^https:\/\/news\.ycombinator\.com\/item\?id=(\d+)/.exec(url)?.[1]);
        const inside = url.startsWith('https://github.com/github/dmca/blob/master/') || threads.has(item);
        if (e.source.inBundle) expect(inside, `${s.id} ${e.date}: ${e.source.label}`).toBe(true);
        expect(/outside the bundle/.test(e.source.label), `${s.id} ${e.date}: ${e.source.label}`).toBe(!e.source.inBundle);
      }
    }
    // Dates and titles the bundle does not give are flagged as coming from outside it.
    const s = d.stories.find((x) => x.id === 'llama-dmca-2023')!;
    expect(s.timeline.filter((e) => !e.source.inBundle).map((e) => e.date)).toEqual(['2023-02-24', '2023-03-03']);
    // llama-dl's launch date is the author's own word in the thread (comment 168), not the Show HN page.
    expect(s.timeline.find((e) => e.date === '2023-03-05')!.source).toMatchObject({
      inBundle: true,
      url: 'https://news.ycombinator.com/item?id=35288415',
    });
    const related = d.threads.find((t) => t.id === 35287733)!.related;
    expect(related.filter((r) => !r.source.inBundle).map((r) => r.id)).toEqual([35007978]);
    for (const r of related) expect(/outside the bundle/.test(r.note)).toBe(!r.source.inBundle);
    // 35191206's date is inferred from the document it discusses: not given as an exact day.
    expect(related.find((r) => r.id === 35191206)!.date).toBe('March 2023');
  });

  test('the seed story states the notice as it reads: no "403 forks", no "every copy"; the network figure is said once, by the card', () => {
    const d = assertDatasetValid();
    const s = d.stories.find((x) => x.id === 'llama-dmca-2023')!;
    const all = JSON.stringify(s);
    expect(all).not.toMatch(/403 forks|every copy|first discussed/);
    expect(all).not.toMatch(/403/);
    expect(JSON.stringify(d.threads)).not.toMatch(/first discussed/);
  });

  test('a file not in canonical form is rejected', () => {
    const topics = JSON.parse(texts[`${T}/topics.json`]!);
    const { problems } = validateDatasetTexts({ ...texts, [`${T}/topics.json`]: JSON.stringify(topics) });
    expect(formatProblems(problems)).toMatch(/utils\/dataset\/data\/threads\/35287733\/topics\.json: not in canonical form/);
  });

  test('wrong types, truncation, broken references and misplaced files fail naming the file and the field', () => {
    expect(edit(`${T}/thread.json`, (t: { points: unknown }) => (t.points = '320'))).toMatch(
      /threads\/35287733\/thread\.json at points: .*number/,
    );
    expect(
      formatProblems(validateDatasetTexts({ ...texts, [`${T}/comments.json`]: texts[`${T}/comments.json`]!.slice(0, 500) }).problems),
    ).toMatch(/comments\.json: not valid JSON/);
    expect(edit(`${T}/comments.json`, (c: { topics: string[] }[]) => (c[5]!.topics = ['no-such-topic']))).toMatch(
      /comments\.json at \[5\]\.topics\[0\]: unknown topic "no-such-topic"/,
    );
    expect(edit('stories/llama-dmca-2023/repos.json', (r: { topics: string[] }[]) => (r[0]!.topics = ['no-such-topic']))).toMatch(
      /repos\.json at \[0\]\.topics\[0\]: "no-such-topic" is not a topic of this story's threads/,
    );
    expect(edit('stories/llama-dmca-2023/story.json', (s: { threads: number[] }) => s.threads.push(1234))).toMatch(
      /story\.json at threads\[1\]: thread 1234 has no folder/,
    );
    expect(edit('stories/llama-dmca-2023/story.json', (s: { id: string }) => (s.id = 'other'))).toMatch(
      /story\.json at id: is "other", its folder says "llama-dmca-2023"/,
    );
    const { problems } = validateDatasetTexts({ ...texts, 'stories/x/stray.json': '{}' });
    expect(formatProblems(problems)).toMatch(/stories\/x\/stray\.json: not a dataset file/);
    const missing = { ...texts };
    delete missing[`${T}/topics.json`];
    expect(formatProblems(validateDatasetTexts(missing).problems)).toMatch(/threads\/35287733\/topics\.json: file is missing/);
  });

  test('an unsafe string is rejected (bidi controls)', () => {
    expect(edit(`${T}/topics.json`, (t: { label: string }[]) => (t[0]!.label = 'evil\u202etxt'))).toMatch(
      /topics\.json at \[0\]\.label: contains control or bidi/,
    );
  });
});

describe.skipIf(!hasSharedData())('against ../shared/data (the raw thread)', () => {
  test('every anchor of every thread with raw text occurs exactly once, in page order, inside its own comment', () => {
    const d = assertDatasetValid();
    const withRaw = d.threads.filter((t) => existsSync(rawThreadPath(t.id)));
    expect(withRaw.map((t) => t.id)).toContain(35287733);
    for (const t of withRaw) expect(formatProblems(checkAgainstRawThread(t, readFileSync(rawThreadPath(t.id), 'utf8')))).toBe('');
  });
});
if (!hasSharedData()) console.warn('[dataset.test] ../shared/data not found: skipping the proofs against the raw thread.');
