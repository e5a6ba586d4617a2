/**
 * The compact index of every github/dmca notice that ships in the extension (public/dmca/).
 *
 * Two tab-separated tables, written by `npm run dataset:dmca` and read by the background:
 *  - notices, one line per notice sorted by lower-case path:
 *      path, date, textDate, kind, sender, onBehalfOf, fileParty, networkSize, gists,
 *      refersTo, answeredBy, repos
 *    (the last three are comma lists of base-36 line numbers: of notices, of notices, of repos;
 *    `?` marks an answer link we inferred, `~` a repo named only as the original work);
 *  - repos, one line per repo sorted by name: name, notices (base-36 notice line numbers, `~` as above).
 *
 * Each table is cut into shard files of contiguous lines (n/0.tsv…, r/0.tsv…) described by
 * manifest.json (first key and first line of each shard). A service worker that wakes up reads the
 * manifest, then only the few shards a question needs (a repo's shard, its notices' shards, the
 * shards of the repos their cards list), and answers by binary search over those texts: no
 * 135,000-entry map is built, and no 6 MB is read, at every wake. Pure: strings in, plain objects out.
 */
import type { NoticeKind } from '../core/model';

export const INDEX_VERSION = 'backstory-dmca-index v2';

/** The kinds of github/dmca files (one union for the whole extension). */
export type IndexKind = NoticeKind;
const KIND_CODE: Record<IndexKind, string> = {
  takedown: 'n',
  'counter-notice': 'c',
  retraction: 'r',
  reversal: 'v',
  legal: 'l',
  other: 'o',
};
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
  const t = s
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
  const repoNames = [...repoNotices.keys()].sort(cmpStr);
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
  let noticesText = '';
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
  let reposText = '';
  for (const r of repoNames)
    reposText += `${r}\t${repoNotices
      .get(r)!
      .map((x) => (x.original ? '~' : '') + b36(x.index))
      .join(',')}\n`;
  return { notices: noticesText, repos: reposText, summary: { notices: notices.length, repos: repoNames.length } };
}

const parseRefs = (s: string) =>
  s
    ? s.split(',').map((x) => {
        const flag = x.charCodeAt(0) === 63 || x.charCodeAt(0) === 126; // ? or ~
        return { index: parseInt(flag ? x.slice(1) : x, 36), flag };
      })
    : [];

/** Offsets of line starts. */
function lineStarts(text: string): Uint32Array {
  const starts: number[] = [];
  for (let i = 0; i < text.length;) {
    starts.push(i);
    const nl = text.indexOf('\n', i);
    if (nl === -1) break;
    i = nl + 1;
  }
  return Uint32Array.from(starts);
}

function lineAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/** Which shards hold which lines: the first key and first line number of each, in order. */
export interface IndexManifest {
  version: string;
  notices: number;
  repos: number;
  /** [lower-case path of the shard's first notice, its line number] */
  noticeShards: [string, number][];
  /** [name of the shard's first repo, its line number] */
  repoShards: [string, number][];
}

export const NOTICE_SHARDS = 64;
export const REPO_SHARDS = 128;
export const shardFile = (kind: 'n' | 'r', k: number) => `${kind}/${k}.tsv`;

/** Split the two whole texts into shard files of contiguous lines, and describe them. */
export function shardIndex(
  built: { notices: string; repos: string },
  counts = { notices: NOTICE_SHARDS, repos: REPO_SHARDS },
): { manifest: string; files: [string, string][] } {
  const files: [string, string][] = [];
  const split = (kind: 'n' | 'r', text: string, shards: number, key: (line: string) => string): [string, number][] => {
    const lines = text ? text.slice(0, -1).split('\n') : [];
    const out: [string, number][] = [];
    const n = Math.max(1, Math.min(shards, lines.length));
    for (let k = 0; k < n; k++) {
      const from = Math.floor((k * lines.length) / n);
      const to = Math.floor(((k + 1) * lines.length) / n);
      out.push([key(lines[from] ?? ''), from]);
      files.push([shardFile(kind, k), lines.slice(from, to).join('\n') + (to > from ? '\n' : '')]);
    }
    return out;
  };
  const first = (line: string) => line.slice(0, line.indexOf('\t') === -1 ? undefined : line.indexOf('\t'));
  const noticeShards = split('n', built.notices, counts.notices, (l) => first(l).toLowerCase());
  const repoShards = split('r', built.repos, counts.repos, first);
  const count = (t: string) => (t ? t.split('\n').length - 1 : 0);
  const manifest: IndexManifest = {
    version: INDEX_VERSION,
    notices: count(built.notices),
    repos: count(built.repos),
    noticeShards,
    repoShards,
  };
  return { manifest: JSON.stringify(manifest, null, 1) + '\n', files };
}

export interface DmcaIndex {
  readonly noticeCount: number;
  readonly repoCount: number;
  /**
   * Load the shards that questions about these repos and notices need: their lines, the notices
   * they name or answer (two steps deep), and the repos those notices' cards list (`cardRepos`
   * per notice, `pageRepos` for the notices asked about directly).
   */
  prepare(
    q: { repos?: readonly string[]; notices?: readonly string[] },
    limits?: { cardRepos?: number; pageRepos?: number },
  ): Promise<void>;
  /** Load everything (the popup's search). */
  prepareAll(): Promise<void>;
  /** The questions below answer from loaded shards only (call prepare first). */
  findRepo(repo: string): RepoHit | null;
  notice(index: number): IndexNotice | null;
  findNotice(path: string): IndexNotice | null;
  repoAt(line: number): string | null;
  /** Repos whose name contains `q`, at most `limit`: exact names, then most-noticed, then shortest. */
  searchRepos(q: string, limit: number): string[];
  /** Notices whose path or parties contain `q`, newest first, at most `limit`. */
  searchNotices(q: string, limit: number): IndexNotice[];
}

/** The last shard whose first key (0) or first line (1) is ≤ `at`: shards are sorted by both. */
function lastShardAtOrBefore<K extends 0 | 1>(shards: readonly [string, number][], by: K, at: [string, number][K]): number {
  let lo = 0;
  let hi = shards.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (shards[mid]![by] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
const shardFor = (shards: readonly [string, number][], key: string) => lastShardAtOrBefore(shards, 0, key);
const shardOfLine = (shards: readonly [string, number][], line: number) => lastShardAtOrBefore(shards, 1, line);

interface Shard {
  text: string;
  starts: Uint32Array;
  first: number;
}

/** Open a sharded index: only the manifest is read now; shards load on demand through `load`. */
export function openIndex(manifest: IndexManifest, load: (file: string) => Promise<string> | string): DmcaIndex {
  if (manifest.version !== INDEX_VERSION) throw new Error(`not a Backstory DMCA index of this version (${String(manifest.version)})`);
  const shards = new Map<string, Shard>();
  const pending = new Map<string, Promise<void>>();

  function ensure(kind: 'n' | 'r', k: number): Promise<void> | null {
    const file = shardFile(kind, k);
    if (shards.has(file)) return null;
    let p = pending.get(file);
    if (!p) {
      const first = (kind === 'n' ? manifest.noticeShards : manifest.repoShards)[k]?.[1] ?? 0;
      p = Promise.resolve(load(file)).then((text) => {
        shards.set(file, { text, starts: lineStarts(text), first });
      });
      pending.set(file, p);
      void p.finally(() => pending.delete(file)).catch(() => undefined);
    }
    return p;
  }
  const ensureAll = (list: (Promise<void> | null)[]) => Promise.all(list.filter((p): p is Promise<void> => !!p));

  function lineIn(kind: 'n' | 'r', line: number): string | null {
    const list = kind === 'n' ? manifest.noticeShards : manifest.repoShards;
    const total = kind === 'n' ? manifest.notices : manifest.repos;
    if (!Number.isInteger(line) || line < 0 || line >= total) return null;
    const sh = shards.get(shardFile(kind, shardOfLine(list, line)));
    if (!sh) return null;
    const i = line - sh.first;
    return i >= 0 && i < sh.starts.length ? lineAt(sh.text, sh.starts[i]!) : null;
  }

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
    const line = lineIn('n', index);
    return line === null ? null : parseNoticeLine(index, line);
  }

  /** Binary search over a loaded shard's lines by their first field. */
  function searchShard(sh: Shard, key: string, lower: boolean): number {
    let lo = 0;
    let hi = sh.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = sh.starts[mid]!;
      let k = sh.text.slice(s, sh.text.indexOf('\t', s));
      if (lower) k = k.toLowerCase();
      if (k < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function findRepo(repo: string): RepoHit | null {
    const r = repo.toLowerCase();
    if (!r || !manifest.repos) return null;
    const sh = shards.get(shardFile('r', shardFor(manifest.repoShards, r)));
    if (!sh) return null;
    const i = searchShard(sh, r, false);
    if (i >= sh.starts.length) return null;
    const line = lineAt(sh.text, sh.starts[i]!);
    const tab = line.indexOf('\t');
    if (line.slice(0, tab) !== r) return null;
    return { repo: r, notices: parseRefs(line.slice(tab + 1)).map((x) => ({ index: x.index, original: x.flag })) };
  }

  function findNotice(path: string): IndexNotice | null {
    const p = path.toLowerCase();
    if (!p || !manifest.notices) return null;
    const k = shardFor(manifest.noticeShards, p);
    const sh = shards.get(shardFile('n', k));
    if (!sh) return null;
    const i = searchShard(sh, p, true);
    if (i >= sh.starts.length) return null;
    const n = parseNoticeLine(sh.first + i, lineAt(sh.text, sh.starts[i]!));
    return n.path.toLowerCase() === p ? n : null;
  }

  const noticeShard = (i: number) => ensure('n', shardOfLine(manifest.noticeShards, i));
  const repoShardOfLine = (line: number) => ensure('r', shardOfLine(manifest.repoShards, line));

  /** The repos a notice's card lists (all of it up to `cap`): their shards. */
  const cardShards = (i: number, cap: number) => (notice(i)?.repoLines.slice(0, cap) ?? []).map((r) => repoShardOfLine(r.line));

  async function prepare(
    q: { repos?: readonly string[]; notices?: readonly string[] },
    limits: { cardRepos?: number; pageRepos?: number } = {},
  ) {
    const cardRepos = limits.cardRepos ?? 0;
    const pageRepos = limits.pageRepos ?? 100;
    const repos = (q.repos ?? []).map((r) => r.toLowerCase()).filter(Boolean);
    const paths = (q.notices ?? []).map((p) => p.toLowerCase()).filter(Boolean);
    // Fetch rounds are what a cold worker waits for, so each round asks for everything it can.
    // 1: the repos' and the notices' own shards.
    await ensureAll([
      ...repos.map((r) => (manifest.repos ? ensure('r', shardFor(manifest.repoShards, r)) : null)),
      ...paths.map((p) => (manifest.notices ? ensure('n', shardFor(manifest.noticeShards, p)) : null)),
    ]);
    const direct = new Set<number>();
    const named = new Set<number>();
    for (const r of repos) for (const x of findRepo(r)?.notices ?? []) named.add(x.index);
    for (const p of paths) {
      const n = findNotice(p);
      if (n) direct.add(n.index);
    }
    // 2: the notices naming the repos.
    await ensureAll([...named].map(noticeShard));
    // 3: their answers and the notices they answer, with the repos their cards list.
    const linked = new Set<number>();
    for (const i of [...named, ...direct]) {
      const n = notice(i);
      for (const j of [...(n?.answeredBy ?? []), ...(n?.refersTo.map((r) => r.index) ?? [])])
        if (!named.has(j) && !direct.has(j)) linked.add(j);
    }
    await ensureAll([
      ...[...linked].map(noticeShard),
      ...[...named].flatMap((i) => cardShards(i, cardRepos)),
      ...[...direct].flatMap((i) => cardShards(i, pageRepos)),
    ]);
    // 4: a notice that an answer answers is shown as a card too, with its own answers.
    const more: (Promise<void> | null)[] = [];
    for (const j of linked) {
      const n = notice(j);
      if (!n || n.kind === 'counter-notice' || n.kind === 'retraction' || n.kind === 'reversal') continue;
      more.push(...cardShards(j, cardRepos), ...n.answeredBy.map(noticeShard));
    }
    await ensureAll(more);
  }

  const loaded = (kind: 'n' | 'r') => {
    const count = (kind === 'n' ? manifest.noticeShards : manifest.repoShards).length;
    const out: Shard[] = [];
    for (let k = 0; k < count; k++) {
      const sh = shards.get(shardFile(kind, k));
      if (sh) out.push(sh);
    }
    return out;
  };

  return {
    noticeCount: manifest.notices,
    repoCount: manifest.repos,
    prepare,
    async prepareAll() {
      await ensureAll([...manifest.noticeShards.map((_, k) => ensure('n', k)), ...manifest.repoShards.map((_, k) => ensure('r', k))]);
    },
    findRepo,
    notice,
    findNotice,
    repoAt(line) {
      const l = lineIn('r', line);
      return l === null ? null : l.slice(0, l.indexOf('\t'));
    },
    searchRepos(q, limit) {
      const needle = q.toLowerCase();
      const out: string[] = [];
      const weight = new Map<string, number>();
      if (needle.length < 2) return out;
      for (const { text } of loaded('r')) {
        for (let i = text.indexOf(needle); i !== -1 && out.length < 5000; i = text.indexOf(needle, i + 1)) {
          const start = text.lastIndexOf('\n', i) + 1;
          const tab = text.indexOf('\t', start);
          const end = text.indexOf('\n', tab);
          if (i + needle.length <= tab) {
            const name = text.slice(start, tab);
            out.push(name);
            const exact = name === needle || name.endsWith(`/${needle}`) || name.startsWith(`${needle}/`);
            weight.set(name, (exact ? 1e6 : 0) + text.slice(tab + 1, end === -1 ? undefined : end).split(',').length * 1000 - name.length);
          }
          // The match may run into the notice list: either way, go on at the next line.
          i = end;
          if (i === -1) break;
        }
      }
      return out.sort((a, b) => weight.get(b)! - weight.get(a)! || cmpStr(a, b)).slice(0, limit);
    },
    searchNotices(q, limit) {
      const needle = q.toLowerCase();
      const out: IndexNotice[] = [];
      if (needle.length < 2) return out;
      for (const sh of loaded('n').reverse()) {
        for (let i = sh.starts.length - 1; i >= 0 && out.length < limit; i--) {
          const line = lineAt(sh.text, sh.starts[i]!);
          const f = line.split('\t', 7);
          if (`${f[0]}\t${f[4]}\t${f[5]}\t${f[6]}`.toLowerCase().includes(needle)) out.push(parseNoticeLine(sh.first + i, line));
        }
      }
      return out.sort((a, b) => cmpStr(b.date, a.date) || cmpStr(a.path, b.path));
    },
  };
}

/** A whole index in memory (tests, node tools): one shard each, already loaded. */
export async function readIndex(noticesText: string, reposText: string): Promise<DmcaIndex> {
  const { manifest, files } = shardIndex({ notices: noticesText, repos: reposText }, { notices: 1, repos: 1 });
  const byName = new Map(files);
  const index = openIndex(JSON.parse(manifest) as IndexManifest, (f) => byName.get(f) ?? '');
  await index.prepareAll();
  return index;
}

/**
 * Structural check of both files, for the build and the tests: every line well-formed, sorted,
 * cross-references in range and agreeing in both directions. Errors name the file, line and field.
 */
export function checkIndex(
  noticesText: string,
  reposText: string,
  /** Where a line is, for messages: by default a line of the whole table. */
  where: (table: 'notices' | 'repos', line: number) => string = (t, line) => `public/dmca/${t}.tsv:${line + 1}`,
): string[] {
  const errors: string[] = [];
  const names = { notices: 'notices', repos: 'repos' } as const;
  const err = (table: 'notices' | 'repos', line: number, field: string, msg: string) => {
    if (errors.length < 20) errors.push(`${where(table, line)} ${field}: ${msg}`);
  };
  if ((noticesText && !noticesText.endsWith('\n')) || (reposText && !reposText.endsWith('\n')))
    return ['index tables must end with a newline'];
  const nl = noticesText ? noticesText.slice(0, -1).split('\n') : [];
  const rl = reposText ? reposText.slice(0, -1).split('\n') : [];
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const refList = (s: string, flags: string, max: number) =>
    !s || s.split(',').every((x) => new RegExp(`^[${flags}]?[0-9a-z]+$`).test(x) && parseInt(x.replace(/^[?~]/, ''), 36) < max);
  const noticeRepos: Map<number, boolean>[] = [];
  nl.forEach((line, i) => {
    const f = line.split('\t');
    if (f.length !== 12) return err(names.notices, i, 'fields', `expected 12 tab-separated fields, found ${f.length}`);
    if (!/^\d{4}\/\S/.test(f[0]!)) err(names.notices, i, 'path', `not a notice path: ${f[0]}`);
    if (i > 0 && cmpStr(nl[i - 1]!.split('\t', 1)[0]!.toLowerCase(), f[0]!.toLowerCase()) >= 0)
      err(names.notices, i, 'path', 'lines not sorted by lower-case path (or a duplicate)');
    if (f[1] && !date.test(f[1])) err(names.notices, i, 'date', `not YYYY-MM-DD: ${f[1]}`);
    if (f[2] && !date.test(f[2])) err(names.notices, i, 'textDate', `not YYYY-MM-DD: ${f[2]}`);
    if (!CODE_KIND[f[3]!]) err(names.notices, i, 'kind', `unknown kind code "${f[3]}"`);
    for (const [k, v] of [
      ['sender', f[4]],
      ['onBehalfOf', f[5]],
      ['fileParty', f[6]],
    ] as const)
      if (v !== cleanField(v ?? '', k === 'fileParty' ? 80 : 120)) err(names.notices, i, k, 'not a clean single-line value');
    if (f[7] && !/^[1-9]\d*$/.test(f[7])) err(names.notices, i, 'networkSize', `not a positive integer: ${f[7]}`);
    if (f[8] && !/^[1-9]\d*$/.test(f[8])) err(names.notices, i, 'gists', `not a positive integer: ${f[8]}`);
    if (!refList(f[9]!, '?', nl.length)) err(names.notices, i, 'refersTo', 'bad notice reference list');
    if (!refList(f[10]!, '', nl.length)) err(names.notices, i, 'answeredBy', 'bad notice reference list');
    if (!refList(f[11]!, '~', rl.length)) err(names.notices, i, 'repos', 'bad repo reference list');
    noticeRepos[i] = new Map(parseRefs(f[11]!).map((r) => [r.index, r.flag]));
  });
  nl.forEach((line, i) => {
    const f = line.split('\t');
    for (const r of parseRefs(f[9] ?? ''))
      if (!parseRefs(nl[r.index]?.split('\t')[10] ?? '').some((a) => a.index === i))
        err(names.notices, i, 'refersTo', `notice ${r.index} does not list this one in answeredBy`);
  });
  let prev: string | null = null;
  rl.forEach((line, i) => {
    const [name, list, extra] = line.split('\t');
    if (extra !== undefined || !name || list === undefined) return err(names.repos, i, 'fields', 'expected name<TAB>notices');
    if (!/^[a-z0-9][a-z0-9-]{0,38}\/[a-z0-9._-]{1,100}$/.test(name)) err(names.repos, i, 'name', `not a lower-case owner/name: ${name}`);
    if (prev !== null && cmpStr(prev, name) >= 0) err(names.repos, i, 'name', 'lines not sorted by name (or a duplicate)');
    prev = name;
    if (!list || !refList(list, '~', nl.length)) return err(names.repos, i, 'notices', 'empty or bad notice reference list');
    for (const r of parseRefs(list))
      if (noticeRepos[r.index]?.get(i) !== r.flag) err(names.repos, i, 'notices', `notice ${r.index} does not name this repo the same way`);
  });
  return errors;
}
