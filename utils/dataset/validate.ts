/**
 * Dataset validation: schema per file, canonical form, and cross-references between files.
 * Pure (texts in, problems out) so it can run in the build hook, in `dataset:check` and in tests.
 */
import type { z } from 'zod';
import { DATASET_FILES, type Dataset, type DatasetFile } from './schema';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `utils/dataset/${p.file}${p.field ? ` at ${p.field}` : ''}: ${p.message}`).join('\n');
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

export function validateDatasetTexts(texts: Partial<Record<DatasetFile, string>>): { dataset?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const parsed: Partial<Record<DatasetFile, unknown>> = {};
  for (const [file, schema] of Object.entries(DATASET_FILES) as [DatasetFile, z.ZodType][]) {
    const raw = texts[file];
    if (raw === undefined) {
      problems.push({ file, field: '', message: 'file is missing' });
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
    parsed[file] = r.data;
    if (canonicalJson(r.data) !== raw) {
      problems.push({
        file,
        field: '',
        message: 'not in canonical form (2-space JSON, schema key order, final newline); run `npm run dataset:format`',
      });
    }
  }
  if (problems.length) return { problems };
  const dataset: Dataset = {
    meta: parsed['meta.json'] as Dataset['meta'],
    thread: parsed['thread.json'] as Dataset['thread'],
    topics: parsed['topics.json'] as Dataset['topics'],
    comments: parsed['comments.json'] as Dataset['comments'],
    notices: parsed['notices.json'] as Dataset['notices'],
    repos: parsed['repos.json'] as Dataset['repos'],
    timeline: parsed['timeline.json'] as Dataset['timeline'],
  };
  problems.push(...crossCheck(dataset));
  return problems.length ? { problems } : { dataset, problems };
}

/** Relations of a repo as implied by the notices and the comments, to compare with what repos.json states. */
export function derivedRepoRelations(d: Dataset, repo: string): Set<string> {
  const rel = new Set<string>();
  for (const n of d.notices) {
    if (!n.repos.includes(repo)) continue;
    if (n.kind === 'notice') rel.add('named-in-notice');
    if (n.kind === 'counter-notice') rel.add('counter-noticed');
  }
  if (d.comments.some((c) => c.subjects?.includes(`repo:${repo}`))) rel.add('discussed');
  return rel;
}

function crossCheck(d: Dataset): Problem[] {
  const out: Problem[] = [];
  const topicIds = new Set(d.topics.map((t) => t.id));
  const seenTopic = new Set<string>();
  d.topics.forEach((t, i) => {
    if (seenTopic.has(t.id)) out.push({ file: 'topics.json', field: `[${i}].id`, message: `duplicate topic id "${t.id}"` });
    seenTopic.add(t.id);
    t.points.forEach((p, j) =>
      p.cites.forEach((n, k) => {
        const c = d.comments[n];
        const field = `[${i}].points[${j}].cites[${k}]`;
        if (!c) out.push({ file: 'topics.json', field, message: `cites comment ${n}, which does not exist` });
        else if (!c.topics.includes(t.id))
          out.push({ file: 'topics.json', field, message: `cites comment ${n}, which is not filed under "${t.id}"` });
      }),
    );
  });
  d.comments.forEach((c, i) => {
    if (c.n !== i) out.push({ file: 'comments.json', field: `[${i}].n`, message: `expected ${i} (records are in page order)` });
    c.topics.forEach((t, j) => {
      if (!topicIds.has(t)) out.push({ file: 'comments.json', field: `[${i}].topics[${j}]`, message: `unknown topic "${t}"` });
    });
    if (c.anchor.split(/\s+/).length > 12 && !c.whole)
      out.push({ file: 'comments.json', field: `[${i}].anchor`, message: 'anchor is longer than 12 words' });
  });
  for (const t of d.topics) {
    if (!d.comments.some((c) => c.topics.includes(t.id)))
      out.push({ file: 'topics.json', field: t.id, message: 'no comment is filed under this topic' });
  }
  const noticePaths = new Set(d.notices.map((n) => n.path));
  d.notices.forEach((n, i) =>
    n.refersTo.forEach((p, j) => {
      if (!noticePaths.has(p))
        out.push({ file: 'notices.json', field: `[${i}].refersTo[${j}]`, message: `refers to "${p}", which is not in notices.json` });
    }),
  );
  const repoNames = new Set<string>();
  d.repos.forEach((r, i) => {
    if (repoNames.has(r.repo)) out.push({ file: 'repos.json', field: `[${i}].repo`, message: `duplicate repo "${r.repo}"` });
    repoNames.add(r.repo);
    r.topics.forEach((t, j) => {
      if (!topicIds.has(t)) out.push({ file: 'repos.json', field: `[${i}].topics[${j}]`, message: `unknown topic "${t}"` });
    });
    const derived = derivedRepoRelations(d, r.repo);
    for (const rel of derived) {
      if (!r.relations.includes(rel as never))
        out.push({ file: 'repos.json', field: `[${i}].relations`, message: `missing "${rel}" (implied by notices/comments)` });
    }
    for (const rel of r.relations) {
      if (rel !== 'llama' && rel !== 'discussed' && !derived.has(rel)) {
        out.push({ file: 'repos.json', field: `[${i}].relations`, message: `"${rel}" is not supported by notices.json` });
      }
    }
  });
  const named = new Set(d.notices.flatMap((n) => n.repos));
  const mentioned = d.comments
    .flatMap((c) => c.subjects ?? [])
    .filter((s) => s.startsWith('repo:'))
    .map((s) => s.slice(5));
  for (const r of new Set([...named, ...mentioned])) {
    if (!repoNames.has(r))
      out.push({ file: 'repos.json', field: '', message: `repo "${r}" is named by a notice or a comment but has no record` });
  }
  const sorted = [...d.repos].sort((a, b) => (a.repo < b.repo ? -1 : 1));
  if (sorted.some((r, i) => r !== d.repos[i])) out.push({ file: 'repos.json', field: '', message: 'records must be sorted by repo' });
  const sortedN = [...d.notices].sort((a, b) => (a.path < b.path ? -1 : 1));
  if (sortedN.some((r, i) => r !== d.notices[i])) out.push({ file: 'notices.json', field: '', message: 'records must be sorted by path' });
  for (const [i, e] of d.timeline.entries()) {
    if (i > 0 && e.date < d.timeline[i - 1]!.date)
      out.push({ file: 'timeline.json', field: `[${i}].date`, message: 'entries must be in date order' });
  }
  return out;
}

/** Proofs against the raw third-party material (../shared/data), when it is present. */
export function checkAgainstRawThread(d: Dataset, raw: string): Problem[] {
  const out: Problem[] = [];
  const blocks = raw
    .split('\n\n\n')
    .slice(1, -1)
    .map((b) => b.trim());
  if (blocks.length !== d.comments.length) {
    out.push({ file: 'comments.json', field: '', message: `raw thread has ${blocks.length} comments, dataset has ${d.comments.length}` });
  }
  let last = -1;
  d.comments.forEach((c, i) => {
    const field = `[${i}].anchor`;
    if (c.whole) {
      const same = blocks.filter((b) => b === c.anchor).length;
      if (blocks[i] !== c.anchor || same !== 1)
        out.push({ file: 'comments.json', field, message: 'whole-text anchor does not equal exactly one comment (this one)' });
      last = raw.indexOf(`\n\n\n${c.anchor}\n\n\n`, last + 1);
      return;
    }
    const at = raw.indexOf(c.anchor);
    if (at === -1) out.push({ file: 'comments.json', field, message: 'anchor does not occur in the raw thread' });
    else if (raw.indexOf(c.anchor, at + 1) !== -1)
      out.push({ file: 'comments.json', field, message: 'anchor occurs more than once in the raw thread' });
    else if (at < last) out.push({ file: 'comments.json', field, message: 'anchor is out of page order' });
    else if (blocks[i] !== undefined && !blocks[i]!.includes(c.anchor))
      out.push({ file: 'comments.json', field, message: `anchor is not in comment ${i}` });
    last = Math.max(last, at);
  });
  return out;
}

/** Every parsed fact in notices.json must equal what the parser reads from the raw notice now. */
export function checkNoticesAgainstRaw(d: Dataset, parse: (path: string) => object): Problem[] {
  const out: Problem[] = [];
  d.notices.forEach((n, i) => {
    let fresh: object;
    try {
      fresh = parse(n.path);
    } catch (e) {
      out.push({ file: 'notices.json', field: `[${i}]`, message: `cannot read raw notice ${n.path}: ${(e as Error).message}` });
      return;
    }
    // Only the facts the dataset records (the parser reads more, e.g. gists, for the DMCA index).
    for (const [k, v] of Object.entries(fresh).filter(([k]) => k in n)) {
      if (JSON.stringify(v) !== JSON.stringify((n as Record<string, unknown>)[k])) {
        out.push({
          file: 'notices.json',
          field: `[${i}].${k}`,
          message: `is ${JSON.stringify((n as Record<string, unknown>)[k])}, the raw notice says ${JSON.stringify(v)}`,
        });
      }
    }
  });
  return out;
}
