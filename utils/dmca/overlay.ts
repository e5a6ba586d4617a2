/**
 * Notices newer than the bundled index, read on top of it: the background's notice updates
 * (utils/background/updates/) parse new github/dmca files with the same parser, link their answers the
 * same way (link.ts) and keep them as `BuildNotice`s — paths and repo names, no line numbers of the
 * bundled tables — so an extension update that ships another index reads them all the same.
 * `overlayIndex` answers every question of `DmcaIndex` from both: a new takedown names its repos, a new
 * counter-notice or retraction answers an older notice, a new notice's page finds it. Pure.
 */
import { cleanField, cmpStr, INDEX_VERSION, type BuildNotice, type IndexNotice, type RepoHit } from './index-format';
import type { DmcaIndex } from './index-read';
import { answerFiler, linkAnswersOf, type AnswerLink, type Linkable } from './link';
import type { ParsedNotice } from './parser';

/** What a stored overlay is built by: a change to the index format or the parser's output drops it. */
export const OVERLAY_FORMAT = `${INDEX_VERSION} / overlay 1`;

/** A parsed notice and its answer links, as the index is built from them. */
export function toBuildNotice(p: ParsedNotice, refersTo: AnswerLink[]): BuildNotice {
  return {
    path: p.path,
    date: p.date,
    textDate: p.textDate,
    kind: p.kind,
    sender: p.sender,
    principal: p.principal,
    filer: p.filer,
    fileParty: p.fileParty,
    network: p.network,
    gists: p.gists.length,
    scope: p.scope,
    changesOffered: p.changesOffered,
    asks: p.asks,
    repos: p.repos,
    originals: p.originals,
    refersTo,
  };
}

/**
 * A notice file of github/dmca: under a year folder, a name the corpus's notices use (as
 * utils/node/dmca-corpus.ts walks them), nothing that could step out of the tree.
 */
export function isNoticePath(path: string): boolean {
  if (path.length > 300 || !/^\d{4}\/(?:\d{2}\/)?[^/]+$/.test(path)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f\\]|^\.|\/\./.test(path)) return false;
  const file = path.split('/').pop()!;
  return /\.(md|markdown|MD)$|\.\s+md$|^[^.]+$|\.com$/.test(file);
}

/** The bundled index's notices as linking reads them (call `prepareAll` first). */
function baseLinkables(base: DmcaIndex): Linkable[] {
  const out: Linkable[] = [];
  for (let i = 0; i < base.noticeCount; i++) {
    const n = base.notice(i);
    if (!n) continue;
    const repos = n.kind === 'takedown' ? n.repoLines.flatMap((r) => base.repoAt(r.line) ?? []).map((name) => ({ name })) : [];
    const parties = [n.sender?.value, n.principal?.value].filter((x): x is string => !!x);
    out.push({ path: n.path, date: n.date, kind: n.kind, fileParty: n.fileParty, repos, refersTo: [], parties });
  }
  return out;
}

/**
 * New notices (not in `base`, which must be fully loaded), linked to the notices they answer among the
 * bundled ones, the earlier overlay (`kept`) and each other. Returns them with `kept`, one per path.
 */
export function linkNewNotices(base: DmcaIndex, kept: readonly BuildNotice[], parsed: readonly ParsedNotice[]): BuildNotice[] {
  const seen = new Set(kept.map((n) => n.path.toLowerCase()));
  const fresh = parsed.filter((p) => {
    const key = p.path.toLowerCase();
    if (seen.has(key) || base.findNotice(key)) return false;
    seen.add(key);
    return true;
  });
  const partiesOf = (n: { sender: { value: string } | null; principal: { value: string } | null }) =>
    [n.sender?.value, n.principal?.value].filter((x): x is string => !!x);
  const keptLinkables: Linkable[] = kept.map((n) => ({
    ...n,
    repos: n.kind === 'takedown' ? n.repos : [],
    refersTo: [],
    parties: partiesOf(n),
  }));
  const freshLinkables: Linkable[] = fresh.map((p) => ({ ...p, parties: partiesOf(p) }));
  const all = [...baseLinkables(base), ...keptLinkables, ...freshLinkables];
  const links = linkAnswersOf(all, freshLinkables);
  const byPath = new Map(all.map((n) => [n.path, n]));
  return [
    ...kept,
    ...fresh.map((p, i) => stored(toBuildNotice({ ...p, filer: answerFiler(p.kind, p.filer, links[i]!, byPath) }, links[i]!))),
  ];
}

const lower = (s: string) => s.toLowerCase();

/** A notice's text values as the bundled tables store them (cleanField: one line, no control or bidi characters, bounded). */
function stored(n: BuildNotice): BuildNotice {
  const f = <T>(x: { value: T; line: number } | null) => (x && typeof x.value === 'string' ? { ...x, value: cleanField(x.value) as T } : x);
  return { ...n, sender: f(n.sender), principal: f(n.principal), filer: f(n.filer), fileParty: cleanField(n.fileParty, 80) };
}

/**
 * The bundled index with the newer notices on top. Indexes and repo lines past the bundled ones are the
 * overlay's; `asOf` is the date of github/dmca the newer notices are as of (`downloaded`).
 */
export function overlayIndex(base: DmcaIndex, added: readonly BuildNotice[], asOf?: string): DmcaIndex {
  if (!added.length) return base;
  const N = base.noticeCount;
  const R = base.repoCount;
  const list = [...added].sort((a, b) => cmpStr(lower(a.path), lower(b.path)));
  const indexOf = new Map(list.map((n, k) => [lower(n.path), N + k]));
  /** Repo names the overlay names, each with a line past the bundled ones (used when the bundle has no such repo). */
  const names: string[] = [];
  const nameLine = new Map<string, number>();
  const repoNotices = new Map<string, { index: number; original: boolean }[]>();
  /** Answers among the new notices, to any notice, by the answered notice's lower-case path. */
  const answersTo = new Map<string, number[]>();
  list.forEach((n, k) => {
    const originals = new Set(n.originals);
    for (const r of n.repos) {
      if (!nameLine.has(r.name)) {
        nameLine.set(r.name, R + names.length);
        names.push(r.name);
      }
      const l = repoNotices.get(r.name) ?? [];
      if (!l.some((x) => x.index === N + k)) l.push({ index: N + k, original: originals.has(r.name) });
      repoNotices.set(r.name, l);
    }
    for (const r of n.refersTo) {
      const key = lower(r.path);
      if (key === lower(n.path)) continue;
      const l = answersTo.get(key) ?? [];
      if (!l.includes(N + k)) l.push(N + k);
      answersTo.set(key, l);
    }
  });
  // A repo the bundle has keeps its own line (answers compare lines), once its shard is loaded.
  const lineOf = (name: string) => base.findRepo(name)?.line ?? nameLine.get(name)!;

  function added_(i: number): IndexNotice | null {
    const b = list[i - N];
    if (!b) return null;
    const originals = new Set(b.originals);
    const refersTo: IndexNotice['refersTo'] = [];
    for (const r of b.refersTo) {
      const j = indexOf.get(lower(r.path)) ?? base.findNotice(lower(r.path))?.index;
      if (j !== undefined && j !== i && !refersTo.some((x) => x.index === j))
        refersTo.push({ index: j, inferred: r.inferred, line: r.line });
    }
    const { repos: _repos, originals: _originals, refersTo: _refs, ...facts } = b;
    return {
      ...facts,
      index: i,
      refersTo,
      answeredBy: answersTo.get(lower(b.path)) ?? [],
      repoLines: b.repos.map((r) => ({
        line: lineOf(r.name),
        original: originals.has(r.name),
        files: !originals.has(r.name) && !!r.files,
        at: r.line,
      })),
    };
  }

  function notice(i: number): IndexNotice | null {
    if (i >= N) return added_(i);
    const n = base.notice(i);
    const more = n ? answersTo.get(lower(n.path)) : undefined;
    return n && more ? { ...n, answeredBy: [...n.answeredBy, ...more.filter((j) => !n.answeredBy.includes(j))] } : n;
  }

  function findRepo(repo: string): RepoHit | null {
    const r = lower(repo);
    const hit = base.findRepo(r);
    const more = repoNotices.get(r);
    if (!more) return hit;
    return hit ? { ...hit, notices: [...hit.notices, ...more] } : { repo: r, line: nameLine.get(r)!, notices: more };
  }

  const findNotice = (path: string) => {
    const i = indexOf.get(lower(path));
    if (i !== undefined) return added_(i);
    const n = base.findNotice(path);
    return n && notice(n.index);
  };

  /** The new notices a question about these repos and paths reads, and the bundled notices they answer. */
  function related(repos: readonly string[], paths: readonly string[]): string[] {
    const out = new Set<string>();
    const mine = new Set<number>();
    for (const r of repos) for (const x of repoNotices.get(lower(r)) ?? []) mine.add(x.index);
    for (const p of paths) {
      const i = indexOf.get(lower(p));
      if (i !== undefined) mine.add(i);
    }
    for (const i of mine) for (const r of list[i - N]!.refersTo) if (!indexOf.has(lower(r.path))) out.add(r.path);
    return [...out];
  }

  return {
    noticeCount: N + list.length,
    repoCount: R + names.length,
    ...(asOf ? { downloaded: { first: N, asOf } } : {}),
    async prepare(q, limits) {
      await base.prepare(q, limits);
      const answered = related(q.repos ?? [], q.notices ?? []);
      if (answered.length)
        await base.prepare({ notices: answered }, { cardRepos: limits?.cardRepos ?? 0, pageRepos: limits?.cardRepos ?? 0 });
    },
    prepareAll: () => base.prepareAll(),
    findRepo,
    notice,
    findNotice,
    repoAt: (line) => (line < R ? base.repoAt(line) : (names[line - R] ?? null)),
    searchRepos(q, limit) {
      const needle = lower(q);
      const mine = needle.length < 2 ? [] : names.filter((n) => n.includes(needle));
      return [...new Set([...mine, ...base.searchRepos(q, limit)])].slice(0, limit);
    },
    searchNotices(q, limit) {
      const needle = lower(q);
      const mine =
        needle.length < 2
          ? []
          : list.flatMap((n, k) => {
              const hay = [n.path, n.sender?.value, n.principal?.value, n.filer?.value, n.fileParty].join('\t').toLowerCase();
              return hay.includes(needle) ? [added_(N + k)!] : [];
            });
      return [...mine, ...base.searchNotices(q, limit)].sort((a, b) => cmpStr(b.date, a.date) || cmpStr(a.path, b.path)).slice(0, limit);
    },
  };
}
