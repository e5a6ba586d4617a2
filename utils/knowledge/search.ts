/** The popup's search: a repo (owner/name or URL), a notice (path, file name or party) or a topic. Pure. */
import type { BadgeFacts, PanelData, Subject } from '../core/model';
import { isSubject, subjectFromHref } from '../core/subjects';
import type { Catalog } from './catalog';

export interface SearchHit {
  subject: Subject;
  title: string;
  /** What the hit is, to word its one-line hint (null for a topic, which has its summary). */
  facts: BadgeFacts | null;
  summary: string | null;
  panel: PanelData | null;
}

export interface SearchDeps {
  cat: Catalog;
  badge(subject: string): { subject: Subject; facts: BadgeFacts } | null;
  panel(subject: string): PanelData | null;
  searchRepos(q: string, limit: number): string[];
  searchNotices(q: string, limit: number): { path: string }[];
}

const MAX_RESULTS = 8;

export function search(deps: SearchDeps, query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const out: SearchHit[] = [];
  const add = (subject: string, title: string, summary: string | null, panel: PanelData | null = deps.panel(subject)) => {
    if (!isSubject(subject) || out.length >= MAX_RESULTS || out.some((r) => r.subject === subject && r.title === title)) return;
    out.push({ subject, title, facts: summary === null ? (deps.badge(subject)?.facts ?? null) : null, summary, panel });
  };
  // A URL or an owner/name names one subject exactly.
  const direct =
    subjectFromHref(q, 'github.com') ??
    subjectFromHref(q, 'news.ycombinator.com') ??
    (/^[\w.-]+\/[\w.-]+$/.test(q) ? subjectFromHref(`/${q}`, 'github.com') : null);
  if (direct) {
    const b = deps.badge(direct);
    if (b) add(b.subject, deps.panel(b.subject)?.title ?? b.subject, null);
  }
  const { dataset } = deps.cat;
  for (const s of dataset.stories) for (const r of s.repos) if (r.repo.includes(q)) add(`repo:${r.repo}`, r.repo, r.note);
  for (const s of dataset.stories)
    for (const n of s.notices) if (n.path.toLowerCase().includes(q)) add(`notice:${n.path.toLowerCase()}`, n.path, n.note);
  if (q.length >= 3 && !direct) {
    for (const r of deps.searchRepos(q, 4)) add(`repo:${r}`, r, null);
    for (const n of deps.searchNotices(q, 4)) add(`notice:${n.path.toLowerCase()}`, n.path, null);
  }
  const words = q.split(/\s+/).filter((w) => w.length > 2);
  for (const t of dataset.threads) {
    for (const topic of t.topics) {
      const hay = `${topic.label} ${topic.summary}`.toLowerCase();
      if (!words.length || !words.every((w) => hay.includes(w))) continue;
      const p = deps.panel(`thread:hn:${t.id}`);
      const panel = p
        ? { ...p, threads: p.threads.map((c) => ({ ...c, topics: c.topics.filter((x) => x.id === topic.id), outline: undefined })) }
        : null;
      add(`thread:hn:${t.id}`, topic.label, topic.summary, panel as PanelData | null);
    }
  }
  return out;
}
