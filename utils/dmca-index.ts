/**
 * The compact index of every github/dmca notice that ships in the extension (public/dmca/*.tsv).
 *
 * Two tab-separated text files, written by `npm run dataset:dmca` and read by the background:
 *  - notices.tsv, one line per notice sorted by lower-case path:
 *      path, date, textDate, kind, sender, onBehalfOf, fileParty, networkSize, gists,
 *      refersTo, answeredBy, repos
 *    (the last three are comma lists of base-36 line numbers: of notices.tsv, of notices.tsv, of
 *    repos.tsv; `?` marks an answer link we inferred, `~` a repo named only as the original work);
 *  - repos.tsv, one line per repo sorted by the FNV-1a hash of its subject (`repo:owner/name`),
 *    then name: name, notices (comma list of base-36 line numbers of notices.tsv, `~` as above).
 *
 * Reading needs no parse step: a repo (or a link's subject hash) is found by binary search straight
 * over the text, so a service worker that wakes up answers its first lookup without building a
 * 135,000-entry map. Pure: strings in, plain objects out.
 */
import { hashSubject } from './subjects';

export const INDEX_VERSION = 'backstory-dmca-index v1';

export type IndexKind = 'notice' | 'counter-notice' | 'retraction' | 'reversal' | 'legal' | 'other';
const KIND_CODE: Record<IndexKind, string> = { notice: 'n', 'counter-notice': 'c', retraction: 'r', reversal: 'v', legal: 'l', other: 'o' };
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<string, IndexKind>;

/** The facts of one notice, as stored. */
interface NoticeFacts {
  path: string;
  date: string;
  textDate: string | null;
  kind: IndexKind;
  sender: string | null;
  onBehalfOf: string | null;
  fileParty: string;
  networkSize: number | null;
  gists: number;
}

export interface IndexNotice extends NoticeFacts {
  index: number;
  refersTo: { index: number; inferred: boolean }[];
  answeredBy: number[];
  /** Line numbers in repos.tsv, in the order the notice names them. */
  repoLines: { line: number; original: boolean }[];
}

export interface RepoHit {
  repo: string;
  notices: { index: number; original: boolean }[];
}

/** What the builder needs per notice (the parser's output plus resolved links). */
export interface BuildNotice extends NoticeFacts {
  repos: string[];
  originals: string[];
  /** Paths of the notices this one answers; `inferred` when the text does not link them. */
  refersTo: { path: string; inferred: boolean }[];
}

const b36 = (n: number) => n.toString(36);

/** Text safe for one TSV field: no tabs, newlines, control or bidi characters; bounded length. */
export function cleanField(s: string | null, max = 120): string {
  if (!s) return '';
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const repoKey = (repo: string) => hashSubject(`repo:${repo}`);
const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cmpRepo = (a: string, b: string) => repoKey(a) - repoKey(b) || cmpStr(a, b);

/** Build both files. Same input, same bytes: every order is fixed. */
export function buildIndex(input: readonly BuildNotice[]): { notices: string; repos: string; summary: { notices: number; repos: number } } {
  const notices = [...input].sort((a, b) => cmpStr(a.path.toLowerCase(), b.path.toLowerCase()) || cmpStr(a.path, b.path));
  const noticeIdx = new Map(notices.map((n, i) => [n.path.toLowerCase(), i]));
  const repoNotices = new Map<string, { index: number; original: boolean }[]>();
  notices.forEach((n, i) => {
    const originals = new Set(n.originals);
    for (const r of n.repos) {
      const list = repoNotices.get(r) ?? [];
      list.push({ index: i, original: originals.has(r) });
      repoNotices.set(r, list);
    }
  });
  const repoNames = [...repoNotices.keys()].sort(cmpRepo);
  const repoLine = new Map(repoNames.map((r, i) => [r, i]));
  const answeredBy = new Map<number, number[]>();
  const refs = notices.map((n, i) =>
    n.refersTo
      .map((r) => ({ index: noticeIdx.get(r.path.toLowerCase()) ?? -1, inferred: r.inferred }))
      .filter((r) => r.index >= 0 && r.index !== i)
      .filter((r, k, all) => all.findIndex((x) => x.index === r.index) === k),
  );
  refs.forEach((list, i) => {
    for (const r of list) answeredBy.set(r.index, [...(answeredBy.get(r.index) ?? []), i]);
  });
  const header = (what: string, n: number) => `# ${INDEX_VERSION} · ${what} · ${n}\n`;
  let noticesText = header('notices', notices.length);
  notices.forEach((n, i) => {
    const originals = new Set(n.originals);
    noticesText +=
      [
        cleanField(n.path, 300),
        n.date,
        n.textDate ?? '',
        KIND_CODE[n.kind],
        cleanField(n.sender),
        cleanField(n.onBehalfOf),
        cleanField(n.fileParty, 80),
        n.networkSize ?? '',
        n.gists || '',
        refs[i]!.map((r) => (r.inferred ? '?' : '') + b36(r.index)).join(','),
        (answeredBy.get(i) ?? []).map(b36).join(','),
        n.repos.map((r) => (originals.has(r) ? '~' : '') + b36(repoLine.get(r)!)).join(','),
      ].join('\t') + '\n';
  });
  let reposText = header('repos', repoNames.length);
  for (const r of repoNames) reposText += `${r}\t${repoNotices.get(r)!.map((x) => (x.original ? '~' : '') + b36(x.index)).join(',')}\n`;
  return { notices: noticesText, repos: reposText, summary: { notices: notices.length, repos: repoNames.length } };
}

const parseRefs = (s: string) =>
  s
    ? s.split(',').map((x) => {
        const flag = x.charCodeAt(0) === 63 || x.charCodeAt(0) === 126; // ? or ~
        return { index: parseInt(flag ? x.slice(1) : x, 36), flag };
      })
    : [];

/** Offsets of line starts after the header line. */
function lineStarts(text: string): Uint32Array {
  const starts: number[] = [];
  for (let i = text.indexOf('\n') + 1; i > 0 && i < text.length; ) {
    starts.push(i);
    i = text.indexOf('\n', i) + 1;
  }
  return Uint32Array.from(starts);
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

export interface DmcaIndex {
  readonly noticeCount: number;
  readonly repoCount: number;
  findRepo(repo: string): RepoHit | null;
  /** Repos whose subject hash is `h` (usually none or one). */
  reposWithHash(h: number): RepoHit[];
  /** Notices whose subject (`notice:<lower-case path>`) hashes to `h`. */
  noticesWithHash(h: number): IndexNotice[];
  notice(index: number): IndexNotice | null;
  findNotice(path: string): IndexNotice | null;
  repoAt(line: number): string | null;
  /** Repos whose name contains `q` (the popup's search), at most `limit`: exact names, then most-noticed, then shortest. */
  searchRepos(q: string, limit: number): string[];
  /** Notices whose path or parties contain `q`, newest first, at most `limit`. */
  searchNotices(q: string, limit: number): IndexNotice[];
}

export function readIndex(noticesText: string, reposText: string): DmcaIndex {
  if (!noticesText.startsWith(`# ${INDEX_VERSION}`) || !reposText.startsWith(`# ${INDEX_VERSION}`)) throw new Error('not a Backstory DMCA index (or another version)');
  const reposStart = reposText.indexOf('\n') + 1;
  let noticeLines: Uint32Array | undefined;
  let repoLines: Uint32Array | undefined;
  let noticeHashes: { hash: Uint32Array; index: Uint32Array } | undefined;
  const nLines = () => (noticeLines ??= lineStarts(noticesText));
  const rLines = () => (repoLines ??= lineStarts(reposText));

  function parseNoticeLine(index: number, line: string): IndexNotice {
    const f = line.split('\t');
    return {
      index,
      path: f[0]!,
      date: f[1]!,
      textDate: f[2] || null,
      kind: CODE_KIND[f[3]!] ?? 'other',
      sender: f[4] || null,
      onBehalfOf: f[5] || null,
      fileParty: f[6] ?? '',
      networkSize: f[7] ? Number(f[7]) : null,
      gists: f[8] ? Number(f[8]) : 0,
      refersTo: parseRefs(f[9] ?? '').map((r) => ({ index: r.index, inferred: r.flag })),
      answeredBy: parseRefs(f[10] ?? '').map((r) => r.index),
      repoLines: parseRefs(f[11] ?? '').map((r) => ({ line: r.index, original: r.flag })),
    };
  }

  function notice(index: number): IndexNotice | null {
    const lines = nLines();
    if (!Number.isInteger(index) || index < 0 || index >= lines.length) return null;
    return parseNoticeLine(index, lineAt(noticesText, lines[index]!));
  }

  function hitFromLine(line: string): RepoHit {
    const tab = line.indexOf('\t');
    return { repo: line.slice(0, tab), notices: parseRefs(line.slice(tab + 1)).map((r) => ({ index: r.index, original: r.flag })) };
  }

  /** Start of the first line whose key is ≥ (h, name), by binary search over character offsets. */
  function lowerBound(h: number, name: string): number {
    let lo = reposStart;
    let hi = reposText.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = reposText.lastIndexOf('\n', mid - 1) + 1;
      const s = Math.max(start, reposStart);
      const tab = reposText.indexOf('\t', s);
      const key = reposText.slice(s, tab);
      const kh = repoKey(key);
      const less = kh < h || (kh === h && key < name);
      if (less) {
        const next = reposText.indexOf('\n', s);
        lo = next === -1 ? reposText.length : next + 1;
      } else hi = s;
    }
    return lo;
  }

  function reposWithHash(h: number): RepoHit[] {
    const out: RepoHit[] = [];
    for (let i = lowerBound(h, ''); i < reposText.length; ) {
      const line = lineAt(reposText, i);
      const hit = hitFromLine(line);
      if (repoKey(hit.repo) !== h) break;
      out.push(hit);
      i += line.length + 1;
    }
    return out;
  }

  function ensureNoticeHashes() {
    if (noticeHashes) return noticeHashes;
    const lines = nLines();
    const pairs: [number, number][] = [];
    for (let i = 0; i < lines.length; i++) {
      const start = lines[i]!;
      pairs.push([hashSubject(`notice:${noticesText.slice(start, noticesText.indexOf('\t', start)).toLowerCase()}`), i]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    noticeHashes = { hash: Uint32Array.from(pairs, (p) => p[0]), index: Uint32Array.from(pairs, (p) => p[1]) };
    return noticeHashes;
  }

  return {
    get noticeCount() {
      return nLines().length;
    },
    get repoCount() {
      return rLines().length;
    },
    findRepo(repo) {
      const r = repo.toLowerCase();
      const at = lowerBound(repoKey(r), r);
      if (at >= reposText.length) return null;
      const hit = hitFromLine(lineAt(reposText, at));
      return hit.repo === r ? hit : null;
    },
    reposWithHash,
    noticesWithHash(h) {
      const { hash, index } = ensureNoticeHashes();
      let lo = 0;
      let hi = hash.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (hash[mid]! < h) lo = mid + 1;
        else hi = mid;
      }
      const out: IndexNotice[] = [];
      for (let i = lo; i < hash.length && hash[i] === h; i++) out.push(notice(index[i]!)!);
      return out;
    },
    notice,
    findNotice(path) {
      const p = path.toLowerCase();
      const lines = nLines();
      let lo = 0;
      let hi = lines.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const start = lines[mid]!;
        const key = noticesText.slice(start, noticesText.indexOf('\t', start)).toLowerCase();
        if (key < p) lo = mid + 1;
        else hi = mid;
      }
      const n = lo < lines.length ? notice(lo) : null;
      return n && n.path.toLowerCase() === p ? n : null;
    },
    repoAt(line) {
      const lines = rLines();
      if (!Number.isInteger(line) || line < 0 || line >= lines.length) return null;
      const s = lines[line]!;
      return reposText.slice(s, reposText.indexOf('\t', s));
    },
    searchRepos(q, limit) {
      const needle = q.toLowerCase();
      const out: string[] = [];
      const weight = new Map<string, number>();
      if (needle.length < 2) return out;
      for (let i = reposText.indexOf(needle, reposStart); i !== -1 && out.length < 5000; i = reposText.indexOf(needle, i + 1)) {
        const start = reposText.lastIndexOf('\n', i) + 1;
        const tab = reposText.indexOf('\t', start);
        if (i + needle.length > tab) {
          // The match runs into the notice list: not a name match. Skip to the next line.
          const next = reposText.indexOf('\n', i);
          if (next === -1) break;
          i = next;
          continue;
        }
        const name = reposText.slice(start, tab);
        out.push(name);
        const end = reposText.indexOf('\n', tab);
        const list = reposText.slice(tab + 1, end === -1 ? undefined : end);
        const exact = name === needle || name.endsWith(`/${needle}`) || name.startsWith(`${needle}/`);
        weight.set(name, (exact ? 1e6 : 0) + list.split(',').length * 1000 - name.length);
        i = end;
        if (i === -1) break;
      }
      return out.sort((a, b) => weight.get(b)! - weight.get(a)! || cmpStr(a, b)).slice(0, limit);
    },
    searchNotices(q, limit) {
      const needle = q.toLowerCase();
      const lines = nLines();
      const out: IndexNotice[] = [];
      if (needle.length < 2) return out;
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        const line = lineAt(noticesText, lines[i]!);
        const f = line.split('\t', 7);
        if (`${f[0]}\t${f[4]}\t${f[5]}\t${f[6]}`.toLowerCase().includes(needle)) out.push(parseNoticeLine(i, line));
      }
      return out.sort((a, b) => cmpStr(b.date, a.date) || cmpStr(a.path, b.path));
    },
  };
}

/**
 * Structural check of both files, for the build and the tests: every line well-formed, sorted,
 * cross-references in range and agreeing in both directions. Errors name the file, line and field.
 */
export function checkIndex(noticesText: string, reposText: string, names = { notices: 'public/dmca/notices.tsv', repos: 'public/dmca/repos.tsv' }): string[] {
  const errors: string[] = [];
  const err = (file: string, line: number, field: string, msg: string) => {
    if (errors.length < 20) errors.push(`${file}:${line + 2} ${field}: ${msg}`);
  };
  if (!noticesText.startsWith(`# ${INDEX_VERSION}`)) return [`${names.notices}:1 header: expected "# ${INDEX_VERSION}"`];
  if (!reposText.startsWith(`# ${INDEX_VERSION}`)) return [`${names.repos}:1 header: expected "# ${INDEX_VERSION}"`];
  if (!noticesText.endsWith('\n') || !reposText.endsWith('\n')) return ['index files must end with a newline'];
  const nl = noticesText.slice(noticesText.indexOf('\n') + 1, -1).split('\n');
  const rl = reposText.slice(reposText.indexOf('\n') + 1, -1).split('\n');
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const refList = (s: string, flags: string, max: number) => !s || s.split(',').every((x) => new RegExp(`^[${flags}]?[0-9a-z]+$`).test(x) && parseInt(x.replace(/^[?~]/, ''), 36) < max);
  const noticeRepos: Map<number, boolean>[] = [];
  nl.forEach((line, i) => {
    const f = line.split('\t');
    if (f.length !== 12) return err(names.notices, i, 'fields', `expected 12 tab-separated fields, found ${f.length}`);
    if (!/^\d{4}\/\S/.test(f[0]!)) err(names.notices, i, 'path', `not a notice path: ${f[0]}`);
    if (i > 0 && cmpStr(nl[i - 1]!.split('\t', 1)[0]!.toLowerCase(), f[0]!.toLowerCase()) >= 0) err(names.notices, i, 'path', 'lines not sorted by lower-case path (or a duplicate)');
    if (f[1] && !date.test(f[1])) err(names.notices, i, 'date', `not YYYY-MM-DD: ${f[1]}`);
    if (f[2] && !date.test(f[2])) err(names.notices, i, 'textDate', `not YYYY-MM-DD: ${f[2]}`);
    if (!CODE_KIND[f[3]!]) err(names.notices, i, 'kind', `unknown kind code "${f[3]}"`);
    for (const [k, v] of [['sender', f[4]], ['onBehalfOf', f[5]], ['fileParty', f[6]]] as const) if (v !== cleanField(v ?? '', k === 'fileParty' ? 80 : 120)) err(names.notices, i, k, 'not a clean single-line value');
    if (f[7] && !/^[1-9]\d*$/.test(f[7])) err(names.notices, i, 'networkSize', `not a positive integer: ${f[7]}`);
    if (f[8] && !/^[1-9]\d*$/.test(f[8])) err(names.notices, i, 'gists', `not a positive integer: ${f[8]}`);
    if (!refList(f[9]!, '?', nl.length)) err(names.notices, i, 'refersTo', 'bad notice reference list');
    if (!refList(f[10]!, '', nl.length)) err(names.notices, i, 'answeredBy', 'bad notice reference list');
    if (!refList(f[11]!, '~', rl.length)) err(names.notices, i, 'repos', 'bad repo reference list');
    noticeRepos[i] = new Map(parseRefs(f[11]!).map((r) => [r.index, r.flag]));
  });
  nl.forEach((line, i) => {
    const f = line.split('\t');
    for (const r of parseRefs(f[9] ?? '')) if (!parseRefs(nl[r.index]?.split('\t')[10] ?? '').some((a) => a.index === i)) err(names.notices, i, 'refersTo', `notice ${r.index} does not list this one in answeredBy`);
  });
  let prev: string | null = null;
  rl.forEach((line, i) => {
    const [name, list, extra] = line.split('\t');
    if (extra !== undefined || !name || list === undefined) return err(names.repos, i, 'fields', 'expected name<TAB>notices');
    if (!/^[a-z0-9][a-z0-9-]{0,38}\/[a-z0-9._-]{1,100}$/.test(name)) err(names.repos, i, 'name', `not a lower-case owner/name: ${name}`);
    if (prev !== null && cmpRepo(prev, name) >= 0) err(names.repos, i, 'name', 'lines not sorted by subject hash, then name (or a duplicate)');
    prev = name;
    if (!list || !refList(list, '~', nl.length)) return err(names.repos, i, 'notices', 'empty or bad notice reference list');
    for (const r of parseRefs(list)) if (noticeRepos[r.index]?.get(i) !== r.flag) err(names.repos, i, 'notices', `notice ${r.index} does not name this repo the same way`);
  });
  return errors;
}
