/**
 * What `npm run dataset:check` proves about a thread's summaries, sources and anchors, each shown failing on a small
 * synthetic dataset (tests/fixtures/dataset/, its raw text in tests/fixtures/hn-raw/: our own words, no third-party text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Thread } from '@/utils/dataset/schema';
import { canonicalJson, checkAgainstRawThread, formatProblems, validateDatasetTexts } from '@/utils/dataset/validate';
import { readDatasetTexts } from '@/utils/node/files';

const FIXTURES = join(__dirname, '../fixtures');
const base = { ...readDatasetTexts(), ...readDatasetTexts(join(FIXTURES, 'dataset')) };
const T = 'threads/900000001';
const S = 'stories/synthetic-story';
const RAW = readFileSync(join(FIXTURES, 'hn-raw/900000001.txt'), 'utf8');

/** The problems of the dataset with one file of the synthetic story changed. */
const problemsWith = (file: string, change: (v: never) => void) => {
  const v = JSON.parse(base[file]!);
  change(v as never);
  return formatProblems(validateDatasetTexts({ ...base, [file]: canonicalJson(v) }).problems);
};
const thread = (): Thread => {
  const { dataset } = validateDatasetTexts(base);
  return structuredClone(dataset!.threads.find((t) => t.id === 900000001)!);
};

describe('the synthetic dataset as committed', () => {
  test('passes every check, with and without its raw text', () => {
    expect(formatProblems(validateDatasetTexts(base).problems)).toBe('');
    expect(formatProblems(checkAgainstRawThread(thread(), RAW))).toBe('');
  });
});

describe('summaries', () => {
  test('a key point that cites no comment fails', () => {
    expect(problemsWith(`${T}/topics.json`, (t: { points: { cites: number[] }[] }[]) => (t[0]!.points[0]!.cites = []))).toMatch(
      /threads\/900000001\/topics\.json at \[0\]\.points\[0\]\.cites: a key point must cite at least one comment/,
    );
  });

  test('a count of comments that does not say whose count it is fails; a named one must match the thread', () => {
    const text = (s: string) => problemsWith(`${S}/timeline.json`, (tl: { text: string }[]) => (tl[0]!.text = s));
    expect(text('The first synthetic thread (3 comments).')).toMatch(
      /timeline\.json at \[0\]\.text: "3 comments": say whose count it is \("3 comments by HN's count" or "3 comments recorded"\)/,
    );
    expect(text("The first synthetic thread (7 comments by HN's count).")).toMatch(/"7 comments by HN's count" matches no thread's count/);
    expect(text("The first synthetic thread (3 comments by HN's count, 3 comments recorded).")).toBe('');
    expect(problemsWith(`${T}/topics.json`, (t: { summary: string }[]) => (t[0]!.summary = 'Argued over 40 comments.'))).toMatch(
      /topics\.json at \[0\]\.summary: "40 comments": say whose count/,
    );
  });
});

describe('sources in and outside the bundle', () => {
  type Entry = { source: { label: string; url?: string; inBundle: boolean } };
  const timeline = (change: (e: Entry) => void) => problemsWith(`${S}/timeline.json`, (tl: Entry[]) => change(tl[0]!));

  test('a timeline entry must say whether its source is in the bundle (file and field named)', () => {
    expect(timeline((e) => delete (e.source as Partial<Entry['source']>).inBundle)).toMatch(
      /synthetic-story\/timeline\.json at \[0\]\.source\.inBundle: .*boolean/,
    );
  });

  test('a source outside the bundle says so in its label; one inside links a notice or an HN item the dataset holds', () => {
    expect(timeline((e) => (e.source = { label: 'A blog', url: 'https://example.org/post', inBundle: false }))).toMatch(
      /timeline\.json at \[0\]\.source\.label: its source is outside the bundle: the label must say "outside the bundle"/,
    );
    expect(timeline((e) => (e.source = { label: 'A blog (outside the bundle)', url: 'https://example.org/post', inBundle: false }))).toBe(
      '',
    );
    expect(timeline((e) => (e.source = { label: 'A blog', url: 'https://example.org/post', inBundle: true }))).toMatch(
      /timeline\.json at \[0\]\.source\.url: a source in the bundle links a github\/dmca notice, or an HN thread or comment the dataset holds/,
    );
    expect(
      timeline(
        (e) => (e.source = { label: 'HN item 5 (outside the bundle)', url: 'https://news.ycombinator.com/item?id=5', inBundle: true }),
      ),
    ).toMatch(/\[0\]\.source\.inBundle: is true, but the label says "outside the bundle"/);
    // A comment the dataset knows by id is in the bundle.
    expect(
      timeline((e) => (e.source = { label: 'A comment', url: 'https://news.ycombinator.com/item?id=900000002', inBundle: true })),
    ).toBe('');
  });

  test('a related thread says where its title and date come from', () => {
    const related = (r: object) => problemsWith(`${T}/thread.json`, (t: { related: object[] }) => t.related.push(r));
    const r = { id: 900000099, title: 'An earlier thread', date: 'January 2026', note: 'Linked by a comment.' };
    expect(related(r)).toMatch(/thread\.json at related\[0\]\.source: .*object/);
    expect(related({ ...r, source: { inBundle: false, label: 'A mirror' } })).toMatch(
      /thread\.json at related\[0\]\.note: its source is outside the bundle: the note must say "outside the bundle"/,
    );
    expect(related({ ...r, note: 'Its title is from a mirror, outside the bundle.', source: { inBundle: false, label: 'A mirror' } })).toBe(
      '',
    );
    expect(related({ ...r, source: { inBundle: true, label: 'The thread itself' } })).toMatch(
      /related\[0\]\.source\.label: a source in the bundle names the comment it is in \("comment #n", 1–3\)/,
    );
    expect(related({ ...r, source: { inBundle: true, label: 'Comment #9 links it' } })).toMatch(/names the comment it is in/);
    expect(related({ ...r, source: { inBundle: true, label: 'Comment #2 links it' } })).toBe('');
  });
});

describe('anchors', () => {
  test('an anchor longer than 8 words fails, and so does a whole-comment anchor of more than 8 words', () => {
    type C = { n: number; anchor: string; whole?: true; id?: number; topics: string[] };
    // Rebuilt in the schema's key order (the canonical form).
    const anchor = (a: string, whole?: true) =>
      problemsWith(`${T}/comments.json`, (c: C[]) => {
        const { n, id, topics } = c[1]!;
        c[1] = { n, anchor: a, ...(whole ? { whole } : {}), ...(id ? { id } : {}), topics };
      });
    expect(anchor('synthetic comment one of 900000001 and four more words')).toMatch(
      /comments\.json at \[1\]\.anchor: anchor is longer than 8 words/,
    );
    expect(anchor('a b c d e f g h i', true)).toMatch(/\[1\]\.anchor: copies a whole comment of more than 8 words: use a phrase of it/);
    expect(anchor('eight words are still fine as an anchor')).toBe('');
  });

  test('against the raw text: an anchor that is a whole comment of more than 8 words fails', () => {
    const short = 'this whole comment has exactly nine words in it';
    const raw = RAW.replace(/\n\n\n[^\n]*synthetic comment two of 900000001[^]*?\n\n\n$/, `\n\n\n${short}\n\n\n`);
    const t = thread();
    t.comments[2]!.anchor = short;
    expect(formatProblems(checkAgainstRawThread(t, raw))).toMatch(
      /comments\.json at \[2\]\.anchor: copies the whole comment \(9 words, more than 8\): use a phrase of it/,
    );
  });

  test('against the raw text: anchors totalling more than 5% of the thread fail', () => {
    // The same anchors in a thread cut to their own sentences: 15 anchor words of 21.
    const raw =
      'header\n\n\n' +
      [0, 1, 2].map((i) => `synthetic comment ${['zero', 'one', 'two'][i]} of 900000001 said this.`).join('\n\n\n') +
      '\n\n\n';
    expect(formatProblems(checkAgainstRawThread(thread(), raw))).toMatch(
      /threads\/900000001\/comments\.json: anchors total 15 words, 71\.4% of the thread's 21 \(at most 5\.0%\)/,
    );
  });

  test('against the raw text: an anchor found elsewhere fails, unless only a later reply quotes it', () => {
    const quoted = RAW.replace(/(\n\n\n)([^\n]*synthetic comment two)/, '$1> synthetic comment one of 900000001\n\n$2');
    expect(formatProblems(checkAgainstRawThread(thread(), quoted))).toBe('');
    const earlier = RAW.replace(/(\n\n\n)([^\n]*synthetic comment zero)/, '$1synthetic comment one of 900000001 $2');
    expect(formatProblems(checkAgainstRawThread(thread(), earlier))).toMatch(
      /\[1\]\.anchor: anchor occurs more than once in the raw thread/,
    );
    const unquoted = RAW.replace(/(\n\n\n)([^\n]*synthetic comment two)/, '$1as synthetic comment one of 900000001 said $2');
    expect(formatProblems(checkAgainstRawThread(thread(), unquoted))).toMatch(
      /\[1\]\.anchor: anchor occurs more than once in the raw thread/,
    );
  });
});
