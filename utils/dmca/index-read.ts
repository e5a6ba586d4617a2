/**
 * Reading the sharded index (public/dmca/) in the background: only the manifest is read when it opens;
 * a question reads the few shards it needs (a repo's shard, its notices', their answers') and answers by
 * binary search over those texts. No 135,000-entry map is built, and no 6 MB is read, at every wake.
 */
import {
  cmpStr,
  CODE_KIND,
  decodeAsks,
  decodeFact,
  INDEX_VERSION,
  lineAt,
  lineStarts,
  parseRefs,
  shardFile,
  type IndexManifest,
  type IndexNotice,
  type RepoHit,
} from './index-format';
import { partyFromPath } from './parser';

export interface DmcaIndex {
  readonly noticeCount: number;
  readonly repoCount: number;
  /**
   * Notices downloaded by a notice update, read on top of the bundled ones (overlay.ts): those from
   * index `first` on, and the date of github/dmca they are as of. Absent on the bundled index alone.
   */
  readonly downloaded?: { first: number; asOf: string };
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

export function parseNoticeLine(index: number, line: string): IndexNotice {
  const f = line.split('\t');
  const network = decodeFact(f[8]);
  return {
    index,
    path: f[0]!,
    date: f[1]!,
    textDate: decodeFact(f[2]),
    kind: CODE_KIND[f[3]!] ?? 'other',
    sender: decodeFact(f[4]),
    principal: decodeFact(f[5]),
    filer: decodeFact(f[6]),
    fileParty: f[7] || partyFromPath(f[0]!),
    network: network ? { value: Number(network.value), line: network.line } : null,
    gists: f[9] ? Number(f[9]) : 0,
    scope: f[10] === 'x' ? 'except' : f[10] === 'u' ? 'unlisted' : 'named',
    refersTo: parseRefs(f[11] ?? '').map((r) => ({ index: r.index, inferred: r.flag, line: r.line })),
    answeredBy: parseRefs(f[12] ?? '').map((r) => r.index),
    repoLines: parseRefs(f[13] ?? '').map((r) => ({ line: r.index, original: r.mark === '~', files: r.mark === '^', at: r.line })),
    changesOffered: f[14] ? parseInt(f[14], 36) : null,
    asks: decodeAsks(f[15]),
  };
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

/** The shards loaded so far, and loading more (each file once, even when asked for twice at once). */
class ShardStore {
  readonly #shards = new Map<string, Shard>();
  readonly #pending = new Map<string, Promise<void>>();
  constructor(
    readonly manifest: IndexManifest,
    private readonly load: (file: string) => Promise<string> | string,
  ) {}

  ensure(kind: 'n' | 'r', k: number): Promise<void> | null {
    const file = shardFile(kind, k);
    if (this.#shards.has(file)) return null;
    let p = this.#pending.get(file);
    if (!p) {
      const first = (kind === 'n' ? this.manifest.noticeShards : this.manifest.repoShards)[k]?.[1] ?? 0;
      p = Promise.resolve(this.load(file)).then((text) => void this.#shards.set(file, { text, starts: lineStarts(text), first }));
      this.#pending.set(file, p);
      void p.finally(() => this.#pending.delete(file)).catch(() => undefined);
    }
    return p;
  }

  ensureAll(list: (Promise<void> | null)[]): Promise<unknown> {
    return Promise.all(list.filter((p): p is Promise<void> => !!p));
  }

  /** The shard holding a key (first field) or a line, when loaded. */
  byKey(kind: 'n' | 'r', key: string): Shard | undefined {
    return this.#shards.get(shardFile(kind, shardFor(kind === 'n' ? this.manifest.noticeShards : this.manifest.repoShards, key)));
  }
  shardOfLine(kind: 'n' | 'r', line: number): number {
    return shardOfLine(kind === 'n' ? this.manifest.noticeShards : this.manifest.repoShards, line);
  }
  shardOfKey(kind: 'n' | 'r', key: string): number {
    return shardFor(kind === 'n' ? this.manifest.noticeShards : this.manifest.repoShards, key);
  }

  line(kind: 'n' | 'r', line: number): string | null {
    const total = kind === 'n' ? this.manifest.notices : this.manifest.repos;
    if (!Number.isInteger(line) || line < 0 || line >= total) return null;
    const sh = this.#shards.get(shardFile(kind, this.shardOfLine(kind, line)));
    if (!sh) return null;
    const i = line - sh.first;
    return i >= 0 && i < sh.starts.length ? lineAt(sh.text, sh.starts[i]!) : null;
  }

  loaded(kind: 'n' | 'r'): Shard[] {
    const count = (kind === 'n' ? this.manifest.noticeShards : this.manifest.repoShards).length;
    const out: Shard[] = [];
    for (let k = 0; k < count; k++) {
      const sh = this.#shards.get(shardFile(kind, k));
      if (sh) out.push(sh);
    }
    return out;
  }
}

function notice(store: ShardStore, index: number): IndexNotice | null {
  const line = store.line('n', index);
  return line === null ? null : parseNoticeLine(index, line);
}

function findRepo(store: ShardStore, repo: string): RepoHit | null {
  const r = repo.toLowerCase();
  if (!r || !store.manifest.repos) return null;
  const sh = store.byKey('r', r);
  if (!sh) return null;
  const i = searchShard(sh, r, false);
  if (i >= sh.starts.length) return null;
  const line = lineAt(sh.text, sh.starts[i]!);
  const tab = line.indexOf('\t');
  if (line.slice(0, tab) !== r) return null;
  return { repo: r, line: sh.first + i, notices: parseRefs(line.slice(tab + 1)).map((x) => ({ index: x.index, original: x.flag })) };
}

function findNotice(store: ShardStore, path: string): IndexNotice | null {
  const p = path.toLowerCase();
  if (!p || !store.manifest.notices) return null;
  const sh = store.byKey('n', p);
  if (!sh) return null;
  const i = searchShard(sh, p, true);
  if (i >= sh.starts.length) return null;
  const n = parseNoticeLine(sh.first + i, lineAt(sh.text, sh.starts[i]!));
  return n.path.toLowerCase() === p ? n : null;
}

/** Fetch rounds are what a cold worker waits for, so each round asks for everything it can. */
async function prepare(
  store: ShardStore,
  q: { repos?: readonly string[]; notices?: readonly string[] },
  limits: { cardRepos?: number; pageRepos?: number } = {},
) {
  const cardRepos = limits.cardRepos ?? 0;
  const pageRepos = limits.pageRepos ?? 100;
  const { manifest } = store;
  const repos = (q.repos ?? []).map((r) => r.toLowerCase()).filter(Boolean);
  const paths = (q.notices ?? []).map((p) => p.toLowerCase()).filter(Boolean);
  const noticeShard = (i: number) => store.ensure('n', store.shardOfLine('n', i));
  /** The repos a notice's card lists (all of it up to `cap`): their shards. */
  const cardShards = (i: number, cap: number) =>
    (notice(store, i)?.repoLines.slice(0, cap) ?? []).map((r) => store.ensure('r', store.shardOfLine('r', r.line)));
  // 1: the repos' and the notices' own shards.
  await store.ensureAll([
    ...repos.map((r) => (manifest.repos ? store.ensure('r', store.shardOfKey('r', r)) : null)),
    ...paths.map((p) => (manifest.notices ? store.ensure('n', store.shardOfKey('n', p)) : null)),
  ]);
  const named = new Set(repos.flatMap((r) => findRepo(store, r)?.notices.map((x) => x.index) ?? []));
  const direct = new Set(paths.flatMap((p) => findNotice(store, p)?.index ?? []));
  // 2: the notices naming the repos.
  await store.ensureAll([...named].map(noticeShard));
  // 3: their answers and the notices they answer, with the repos their cards list.
  const linked = new Set<number>();
  for (const i of [...named, ...direct]) {
    const n = notice(store, i);
    for (const j of [...(n?.answeredBy ?? []), ...(n?.refersTo.map((r) => r.index) ?? [])])
      if (!named.has(j) && !direct.has(j)) linked.add(j);
  }
  await store.ensureAll([
    ...[...linked].map(noticeShard),
    ...[...named].flatMap((i) => cardShards(i, cardRepos)),
    ...[...direct].flatMap((i) => cardShards(i, pageRepos)),
  ]);
  // 4: a notice that an answer answers is shown as a card too, with its own answers.
  const more: (Promise<void> | null)[] = [];
  // An answer's own answers (GitHub reversing a counter-notice) decide the repo's outcome.
  for (const j of linked) {
    const n = notice(store, j);
    if (!n) continue;
    more.push(...n.answeredBy.map(noticeShard));
    if (n.kind !== 'counter-notice' && n.kind !== 'retraction' && n.kind !== 'reversal') more.push(...cardShards(j, cardRepos));
  }
  await store.ensureAll(more);
}

function searchRepos(store: ShardStore, q: string, limit: number): string[] {
  const needle = q.toLowerCase();
  const out: string[] = [];
  const weight = new Map<string, number>();
  if (needle.length < 2) return out;
  for (const { text } of store.loaded('r')) {
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
}

function searchNotices(store: ShardStore, q: string, limit: number): IndexNotice[] {
  const needle = q.toLowerCase();
  const out: IndexNotice[] = [];
  if (needle.length < 2) return out;
  for (const sh of store.loaded('n').reverse()) {
    for (let i = sh.starts.length - 1; i >= 0 && out.length < limit; i--) {
      const line = lineAt(sh.text, sh.starts[i]!);
      const f = line.split('\t', 8);
      const hay = [f[0], f[4], f[5], f[6], f[7]].map((x) => (x ?? '').replace(/^[0-9a-z]+:/, '')).join('\t');
      if (hay.toLowerCase().includes(needle)) out.push(parseNoticeLine(sh.first + i, line));
    }
  }
  return out.sort((a, b) => cmpStr(b.date, a.date) || cmpStr(a.path, b.path));
}

/** Open a sharded index: only the manifest is read now; shards load on demand through `load`. */
export function openIndex(manifest: IndexManifest, load: (file: string) => Promise<string> | string): DmcaIndex {
  if (manifest.version !== INDEX_VERSION) throw new Error(`not a Backstory DMCA index of this version (${String(manifest.version)})`);
  const store = new ShardStore(manifest, load);
  return {
    noticeCount: manifest.notices,
    repoCount: manifest.repos,
    prepare: (q, limits) => prepare(store, q, limits),
    async prepareAll() {
      await store.ensureAll([
        ...manifest.noticeShards.map((_, k) => store.ensure('n', k)),
        ...manifest.repoShards.map((_, k) => store.ensure('r', k)),
      ]);
    },
    findRepo: (repo) => findRepo(store, repo),
    notice: (i) => notice(store, i),
    findNotice: (path) => findNotice(store, path),
    repoAt(line) {
      const l = store.line('r', line);
      return l === null ? null : l.slice(0, l.indexOf('\t'));
    },
    searchRepos: (q, limit) => searchRepos(store, q, limit),
    searchNotices: (q, limit) => searchNotices(store, q, limit),
  };
}
