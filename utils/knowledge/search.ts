/** The popup's search: a repo (owner/name or URL), a notice (path, file name or party) or a topic. Pure. */
import type { BadgeFacts, PanelData, Subject } from '../core/model';
import { isSubject, subjectFromHref } from '../core/subjects';
import type { Catalog } from './catalog';

export interface SearchHit {
  subject: Subject;
  title: string;
  /** What the hit is (its badge's facts), to word its title and one-line hint; null when nothing is recorded. */
  facts: BadgeFacts | null;
  summary: string | null;
  panel: PanelData | null;
}

export interface SearchDeps {
  cat: Catalog;
  badge(subject: string): { subject: Subject; facts: BadgeFacts } | null;
  panel(subject: string): PanelData | null;
  searchRepos(q: string, limit: number): string[];
  searchNotices(
    q: string,
    limit: number,
  ): { path: string; fileParty: string; sender: { value: string } | null; principal: { value: string } | null }[];
  /** A repo only the LLaMA detector relates (its panel), when detection is on. */
  detected?(repo: string): PanelData | null;
}

/** A GitHub or HN address typed without its scheme ("github.com/shawwn/llama-dl"). */
const withScheme = (q: string) => (/^(?:www\.)?(?:github\.com|news\.ycombinator\.com)\//.test(q) ? `https://${q}` : q);

/** The subject a query names exactly: a URL, owner/name, or an HN item id. */
function directSubject(q: string): string | null {
  const url = withScheme(q);
  return (
    subjectFromHref(url, 'github.com') ??
    subjectFromHref(url, 'news.ycombinator.com') ??
    (/^[\w.-]+\/[\w.-]+$/.test(q) ? subjectFromHref(`/${q}`, 'github.com') : null) ??
    (/^\d{5,9}$/.test(q) ? `thread:hn:${q}` : null)
  );
}

/** "llama dl" matches llama-dl, llama_dl, llama.dl: every word in the name. */
const hasWords = (name: string, words: readonly string[]) => words.every((w) => name.includes(w));

const sameText = (a: string, b: string) => a.toLowerCase().replace(/[^a-z0-9]+/g, '') === b.toLowerCase().replace(/[^a-z0-9]+/g, '');

const MAX_RESULTS = 8;

/** Takedown notices before the answers to them (counter-notices, reversals, retractions); then by date. */
function noticeOrder(deps: SearchDeps, subjects: string[]): string[] {
  const key = (s: string) => {
    const f = deps.badge(s)?.facts;
    return f?.kind === 'notice' ? { answer: f.notice.kind === 'takedown' ? 0 : 1, date: f.notice.date } : { answer: 2, date: '' };
  };
  return [...new Set(subjects)]
    .map((s) => ({ s, k: key(s) }))
    .sort((a, b) => a.k.answer - b.k.answer || (a.k.date < b.k.date ? -1 : a.k.date > b.k.date ? 1 : 0))
    .map((x) => x.s);
}

export function search(deps: SearchDeps, query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const out: SearchHit[] = [];
  const add = (subject: string, title: string, summary: string | null, panel: PanelData | null = deps.panel(subject)) => {
    if (!isSubject(subject) || out.length >= MAX_RESULTS || out.some((r) => r.subject === subject && r.title === title)) return;
    out.push({ subject, title, facts: deps.badge(subject)?.facts ?? null, summary, panel });
  };
  const direct = directSubject(q);
  if (direct) {
    const b = deps.badge(direct);
    if (b) add(b.subject, deps.panel(b.subject)?.title ?? b.subject, null);
    else if (direct.startsWith('repo:')) {
      // Not in the record: the detector may still relate it (as its page would show).
      const p = deps.detected?.(direct.slice(5));
      if (p) add(direct, p.title, null, p);
    }
  }
  const { dataset } = deps.cat;
  const words = q.split(/[\s/]+/).filter(Boolean);
  const repos = dataset.stories.flatMap((s) => s.repos);
  const notes = new Map<string, { path: string; note: string | null }>(
    dataset.stories.flatMap((s) => s.notices.map((n) => [`notice:${n.path.toLowerCase()}`, n] as const)),
  );
  // Exact first: a repo named so ("llama-dl", "shawwn/llama-dl"); notices whose file or party is the query.
  const exactRepo = (name: string) => name === q || name.split('/')[1] === q;
  for (const r of repos) if (exactRepo(r.repo)) add(`repo:${r.repo}`, r.repo, r.note);
  const indexNotices = q.length >= 3 && !direct ? deps.searchNotices(q, 12) : [];
  const exact = indexNotices.filter((n) => [n.fileParty, n.sender?.value, n.principal?.value].some((v) => !!v && sameText(v, q)));
  const named = [...notes.values()].filter((n) => n.path.toLowerCase().includes(q)).map((n) => `notice:${n.path.toLowerCase()}`);
  for (const s of noticeOrder(deps, [...named, ...exact.slice(0, 4).map((n) => `notice:${n.path.toLowerCase()}`)]))
    add(s, s.slice(7), notes.get(s)?.note ?? null);
  // Then names that merely contain the words.
  for (const r of repos) if (hasWords(r.repo, words)) add(`repo:${r.repo}`, r.repo, r.note);
  if (q.length >= 3 && !direct) {
    const longest = [...words].sort((a, b) => b.length - a.length)[0] ?? q;
    for (const r of deps
      .searchRepos(longest, 20)
      .filter((name) => hasWords(name, words))
      .sort((a, b) => Number(exactRepo(b)) - Number(exactRepo(a)))
      .slice(0, 4))
      add(`repo:${r}`, r, null);
    const rest = indexNotices.filter((x) => !exact.includes(x)).map((n) => `notice:${n.path.toLowerCase()}`);
    for (const s of noticeOrder(deps, rest).slice(0, 4)) add(s, s.slice(7), null);
  }
  const topicWords = q.split(/\s+/).filter((w) => w.length > 2);
  for (const t of dataset.threads) {
    for (const topic of t.topics) {
      const hay = `${topic.label} ${topic.summary}`.toLowerCase();
      if (!topicWords.length || !topicWords.every((w) => hay.includes(w))) continue;
      const p = deps.panel(`thread:hn:${t.id}`);
      const panel = p
        ? { ...p, threads: p.threads.map((c) => ({ ...c, topics: c.topics.filter((x) => x.id === topic.id), outline: undefined })) }
        : null;
      add(`thread:hn:${t.id}`, topic.label, topic.summary, panel as PanelData | null);
    }
  }
  return out;
}
