/**
 * Dataset validation: schema per file, canonical form, and cross-references between files.
 * Pure (texts in, problems out) so it runs in the build hook, in `dataset:check` and in tests.
 * Files are named by their path inside utils/dataset/data/ (`stories/<id>/repos.json`…).
 */
import '../schema/jitless'; // before any schema is built: no eval probe (see jitless.ts)
import type { z } from 'zod';
import { assemble, type Problem } from './assemble';
import { ANCHOR_MAX_SHARE, ANCHOR_MAX_WORDS, metaSchema, STORY_FILES, THREAD_FILES, type Dataset, type Story, type Thread } from './schema';

export type { Problem };

export const DATA_DIR_LABEL = 'utils/dataset/data';

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `${DATA_DIR_LABEL}/${p.file}${p.field ? ` at ${p.field}` : ''}: ${p.message}`).join('\n');
}

/** The canonical text of a dataset file: 2-space JSON of the schema-ordered value, with a final newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');
}

/** The schema a file must satisfy, from its path; null for a file that has no place in the dataset. */
export function schemaFor(file: string): z.ZodType | null {
  if (file === 'meta.json') return metaSchema;
  const story = /^stories\/[^/]+\/([^/]+)$/.exec(file);
  if (story) return STORY_FILES[story[1] as keyof typeof STORY_FILES] ?? null;
  const thread = /^threads\/[^/]+\/([^/]+)$/.exec(file);
  if (thread) return THREAD_FILES[thread[1] as keyof typeof THREAD_FILES] ?? null;
  return null;
}

/** Parse and schema-check every file; the values by file, and the problems. */
function parseFiles(texts: Readonly<Record<string, string>>): { values: Map<string, unknown>; problems: Problem[] } {
  const problems: Problem[] = [];
  const values = new Map<string, unknown>();
  for (const [file, raw] of Object.entries(texts)) {
    const schema = schemaFor(file);
    if (!schema) {
      problems.push({
        file,
        field: '',
        message:
          'not a dataset file (expected meta.json, stories/<id>/{story,notices,repos,timeline}.json or threads/<id>/{thread,topics,comments}.json)',
      });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      problems.push({ file, field: '', message: `not valid JSON (${(e as Error).message})` });
      continue;
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ file, field: fieldPath(issue.path), message: issue.message });
      continue;
    }
    values.set(file, r.data);
    if (canonicalJson(r.data) !== raw) {
      problems.push({
        file,
        field: '',
        message: 'not in canonical form (2-space JSON, schema key order, final newline); run `npm run dataset:format`',
      });
    }
  }
  return { values, problems };
}

export function validateDatasetTexts(texts: Readonly<Record<string, string>>): { dataset?: Dataset; problems: Problem[] } {
  const { values, problems } = parseFiles(texts);
  const dataset = assemble(values, problems);
  if (!dataset) return { problems };
  problems.push(...crossCheck(dataset));
  return problems.length ? { problems } : { dataset, problems };
}

export const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** A source outside the bundle says so in the words a reader sees; one inside it names where. */
export const OUTSIDE = 'outside the bundle';

function checkRelated(t: Thread): Problem[] {
  const out: Problem[] = [];
  t.related.forEach((r, i) => {
    const field = `related[${i}]`;
    if (!r.source.inBundle && !r.note.includes(OUTSIDE))
      out.push({
        file: `threads/${t.id}/thread.json`,
        field: `${field}.note`,
        message: `its source is outside the bundle: the note must say "${OUTSIDE}"`,
      });
    if (r.source.inBundle) {
      const cited = [...r.source.label.matchAll(/comment #(\d+)/gi)].map((m) => Number(m[1]));
      if (!cited.length || cited.some((n) => n < 1 || n > t.comments.length))
        out.push({
          file: `threads/${t.id}/thread.json`,
          field: `${field}.source.label`,
          message: `a source in the bundle names the comment it is in ("comment #n", 1–${t.comments.length})`,
        });
    }
  });
  return out;
}

/**
 * Counts named: a number of comments in our words says whose count it is — "N comments by HN's count" (a thread's
 * commentCount) or "N comments recorded" (the comments the dataset holds).
 */
function checkCounts(d: Dataset): Problem[] {
  const out: Problem[] = [];
  const hn = new Set(d.threads.map((t) => t.commentCount));
  const recorded = new Set(d.threads.map((t) => t.comments.length));
  const check = (file: string, field: string, s: string) => {
    for (const m of s.matchAll(/\b(\d[\d,]*) comments\b( by HN's count| recorded)?/g)) {
      const n = Number(m[1]!.replace(/,/g, ''));
      const ok = m[2] === " by HN's count" ? hn.has(n) : m[2] === ' recorded' ? recorded.has(n) : false;
      if (!ok)
        out.push({
          file,
          field,
          message: m[2]
            ? `"${m[0]}" matches no thread's count`
            : `"${m[0]}": say whose count it is ("${m[0]} by HN's count" or "${m[0]} recorded")`,
        });
    }
  };
  for (const s of d.stories) {
    s.timeline.forEach((e, i) => check(`stories/${s.id}/timeline.json`, `[${i}].text`, e.text));
    s.repos.forEach((r, i) => check(`stories/${s.id}/repos.json`, `[${i}].note`, r.note));
    s.notices.forEach((r, i) => check(`stories/${s.id}/notices.json`, `[${i}].note`, r.note));
  }
  for (const t of d.threads) {
    t.related.forEach((r, i) => check(`threads/${t.id}/thread.json`, `related[${i}].note`, r.note));
    t.topics.forEach((x, i) => {
      check(`threads/${t.id}/topics.json`, `[${i}].summary`, x.summary);
      x.points.forEach((p, j) => check(`threads/${t.id}/topics.json`, `[${i}].points[${j}].text`, p.text));
    });
  }
  return out;
}

/** Every timeline entry says whether its source is in the bundle; in it, its address is in the bundle. */
function checkTimeline(s: Story, d: Dataset): Problem[] {
  const out: Problem[] = [];
  const items = new Set(d.threads.flatMap((t) => [t.id, ...t.comments.flatMap((c) => (c.id ? [c.id] : []))]));
  s.timeline.forEach((e, i) => {
    const file = `stories/${s.id}/timeline.json`;
    const said = e.source.label.includes(OUTSIDE);
    if (!e.source.inBundle && !said)
      out.push({ file, field: `[${i}].source.label`, message: `its source is outside the bundle: the label must say "${OUTSIDE}"` });
    if (e.source.inBundle && said) out.push({ file, field: `[${i}].source.inBundle`, message: `is true, but the label says "${OUTSIDE}"` });
    if (e.source.inBundle) {
      const url = e.source.url ?? '';
      const item = Number(/^https:\/\/news\.ycombinator\.com\/item\?id=(\d+)$/.exec(url)?.[1]);
      if (!url.startsWith('https://github.com/github/dmca/blob/master/') && !items.has(item))
        out.push({
          file,
          field: `[${i}].source.url`,
          message: 'a source in the bundle links a github/dmca notice, or an HN thread or comment the dataset holds',
        });
    }
  });
  return out;
}

function checkThread(t: Thread): Problem[] {
  const out: Problem[] = [];
  const file = (name: string) => `threads/${t.id}/${name}`;
  const topicIds = new Set<string>();
  t.topics.forEach((topic, i) => {
    if (topicIds.has(topic.id)) out.push({ file: file('topics.json'), field: `[${i}].id`, message: `duplicate topic id "${topic.id}"` });
    topicIds.add(topic.id);
    topic.points.forEach((p, j) =>
      p.cites.forEach((n, k) => {
        const c = t.comments[n];
        const field = `[${i}].points[${j}].cites[${k}]`;
        if (!c) out.push({ file: file('topics.json'), field, message: `cites comment ${n}, which does not exist` });
        else if (!c.topics.includes(topic.id))
          out.push({ file: file('topics.json'), field, message: `cites comment ${n}, which is not filed under "${topic.id}"` });
      }),
    );
  });
  t.comments.forEach((c, i) => {
    if (c.n !== i) out.push({ file: file('comments.json'), field: `[${i}].n`, message: `expected ${i} (records are in page order)` });
    c.topics.forEach((topic, j) => {
      if (!topicIds.has(topic))
        out.push({ file: file('comments.json'), field: `[${i}].topics[${j}]`, message: `unknown topic "${topic}"` });
    });
    if (wordCount(c.anchor) > ANCHOR_MAX_WORDS)
      out.push({
        file: file('comments.json'),
        field: `[${i}].anchor`,
        message: c.whole
          ? `copies a whole comment of more than ${ANCHOR_MAX_WORDS} words: use a phrase of it`
          : `anchor is longer than ${ANCHOR_MAX_WORDS} words`,
      });
  });
  out.push(...checkRelated(t));
  for (const topic of t.topics) {
    if (!t.comments.some((c) => c.topics.includes(topic.id)))
      out.push({ file: file('topics.json'), field: topic.id, message: 'no comment is filed under this topic' });
  }
  return out;
}

function checkStory(s: Story, threads: Map<number, Thread>, owner: Map<number, string>): Problem[] {
  const out: Problem[] = [];
  const file = (name: string) => `stories/${s.id}/${name}`;
  s.threads.forEach((id, i) => {
    if (!threads.has(id))
      out.push({ file: file('story.json'), field: `threads[${i}]`, message: `thread ${id} has no folder threads/${id}/` });
    else if (owner.has(id) && owner.get(id) !== s.id)
      out.push({ file: file('story.json'), field: `threads[${i}]`, message: `thread ${id} already belongs to story "${owner.get(id)}"` });
    else owner.set(id, s.id);
  });
  const topics = new Set(s.threads.flatMap((id) => threads.get(id)?.topics.map((t) => t.id) ?? []));
  const checkTopics = (name: string, list: readonly { topics: string[] }[]) =>
    list.forEach((r, i) =>
      r.topics.forEach((t, j) => {
        if (!topics.has(t))
          out.push({ file: file(name), field: `[${i}].topics[${j}]`, message: `"${t}" is not a topic of this story's threads` });
      }),
    );
  checkTopics('repos.json', s.repos);
  if (s.detected) checkTopics('story.json', [s.detected]);
  checkTopics('notices.json', s.notices);
  const sortedBy = <T>(name: string, list: readonly T[], key: (x: T) => string) => {
    if (list.some((x, i) => i > 0 && key(list[i - 1]!) >= key(x)))
      out.push({ file: file(name), field: '', message: 'records must be sorted (and unique)' });
  };
  sortedBy('repos.json', s.repos, (r) => r.repo);
  sortedBy('notices.json', s.notices, (n) => n.path);
  s.timeline.forEach((e, i) => {
    if (i > 0 && e.date < s.timeline[i - 1]!.date)
      out.push({ file: file('timeline.json'), field: `[${i}].date`, message: 'entries must be in date order' });
  });
  return out;
}

function crossCheck(d: Dataset): Problem[] {
  const threads = new Map(d.threads.map((t) => [t.id, t]));
  const owner = new Map<number, string>();
  const out = [
    ...d.threads.flatMap(checkThread),
    ...d.stories.flatMap((s) => [...checkStory(s, threads, owner), ...checkTimeline(s, d)]),
    ...checkCounts(d),
  ];
  for (const t of d.threads)
    if (!owner.has(t.id)) out.push({ file: `threads/${t.id}/thread.json`, field: '', message: 'no story lists this thread' });
  const detected = d.stories.filter((s) => s.detected);
  if (detected.length > 1)
    out.push({
      file: `stories/${detected[1]!.id}/story.json`,
      field: 'detected',
      message: `only one story may take detected repos (also "${detected[0]!.id}")`,
    });
  const seen = new Map<string, string>();
  for (const s of d.stories) {
    for (const r of s.repos) {
      if (seen.has(r.repo)) out.push({ file: `stories/${s.id}/repos.json`, field: r.repo, message: `also in story "${seen.get(r.repo)}"` });
      seen.set(r.repo, s.id);
    }
  }
  for (const t of d.threads) {
    t.comments.forEach((c, i) => {
      for (const s of c.subjects ?? []) {
        if (s.startsWith('repo:') && !seen.has(s.slice(5)))
          out.push({
            file: `threads/${t.id}/comments.json`,
            field: `[${i}].subjects`,
            message: `mentions ${s}, which no story's repos.json has`,
          });
      }
    });
  }
  return out;
}

/** The comments of a raw thread text: blocks separated by two blank lines, after the header. */
export function rawComments(raw: string): string[] {
  return raw
    .split('\n\n\n')
    .slice(1, -1)
    .map((b) => b.trim());
}

/**
 * Where else an anchor occurs, outside its own comment `i`: occurrences inside a reply's quote of it (a `>` line of a
 * later comment) do not count, since a search in page order meets this comment first.
 */
function elsewhere(blocks: readonly string[], anchor: string, i: number): boolean {
  return blocks.some(
    (b, j) =>
      j !== i && b.includes(anchor) && b.split('\n').some((line) => line.includes(anchor) && !(j > i && line.trimStart().startsWith('>'))),
  );
}

/**
 * Proofs against the raw third-party thread text (../shared/data), when it is present: each anchor occurs once in
 * its own comment and nowhere else (a later reply may quote it), in page order.
 */
export function checkAgainstRawThread(t: Thread, raw: string): Problem[] {
  const out: Problem[] = [];
  const file = `threads/${t.id}/comments.json`;
  const blocks = rawComments(raw);
  if (blocks.length !== t.comments.length)
    out.push({ file, field: '', message: `raw thread has ${blocks.length} comments, dataset has ${t.comments.length}` });
  let last = -1;
  t.comments.forEach((c, i) => {
    const field = `[${i}].anchor`;
    if (c.whole) {
      const same = blocks.filter((b) => b === c.anchor).length;
      if (blocks[i] !== c.anchor || same !== 1)
        out.push({ file, field, message: 'whole-text anchor does not equal exactly one comment (this one)' });
      last = raw.indexOf(`\n\n\n${c.anchor}\n\n\n`, last + 1);
      return;
    }
    const own = blocks[i] ?? '';
    const count = own.split(c.anchor).length - 1;
    // Where it occurs in page order: in its own comment (comments are contiguous, in order, in the raw text).
    const at = count ? raw.indexOf(own, last + 1) + own.indexOf(c.anchor) : -1;
    if (raw.indexOf(c.anchor) === -1) out.push({ file, field, message: 'anchor does not occur in the raw thread' });
    else if (count !== 1)
      out.push({ file, field, message: count ? 'anchor occurs more than once in its comment' : `anchor is not in comment ${i}` });
    else if (elsewhere(blocks, c.anchor, i)) out.push({ file, field, message: 'anchor occurs more than once in the raw thread' });
    else if (at < last) out.push({ file, field, message: 'anchor is out of page order' });
    else if (c.anchor.trim() === own && wordCount(own) > ANCHOR_MAX_WORDS)
      out.push({
        file,
        field,
        message: `copies the whole comment (${wordCount(own)} words, more than ${ANCHOR_MAX_WORDS}): use a phrase of it`,
      });
    last = Math.max(last, at);
  });
  const share = anchorShare(t, raw);
  if (share.anchorWords > share.threadWords * ANCHOR_MAX_SHARE)
    out.push({
      file,
      field: '',
      message: `anchors total ${share.anchorWords} words, ${percent(share.anchorWords / share.threadWords)} of the thread's ${share.threadWords} (at most ${percent(ANCHOR_MAX_SHARE)})`,
    });
  return out;
}

export const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** How much of the thread its anchors copy: their words, and the words of the thread's comments. */
export function anchorShare(t: Thread, raw: string): { anchorWords: number; threadWords: number } {
  return {
    anchorWords: t.comments.reduce((sum, c) => sum + wordCount(c.anchor), 0),
    threadWords: rawComments(raw).reduce((sum, b) => sum + wordCount(b), 0),
  };
}
