/**
 * Building the compact index (Node: `npm run dataset:dmca`, the build's check, tests): the two tables,
 * their shards and manifest, and the structural check the build runs. Same input, same bytes.
 */
import {
  b36,
  cleanField,
  cmpStr,
  CODE_KIND,
  decodeAsks,
  decodeFact,
  encodeAsks,
  encodeFact,
  INDEX_VERSION,
  KIND_CODE,
  NOTICE_SHARDS,
  parseRefs,
  ref,
  REPO_SHARDS,
  shardFile,
  type BuildNotice,
  type IndexManifest,
} from './index-format';
import { openIndex, type DmcaIndex } from './index-read';
import { partyFromPath } from './parser';

/** Build both files. Same input, same bytes: every order is fixed. */
export function buildIndex(input: readonly BuildNotice[]): { notices: string; repos: string; summary: { notices: number; repos: number } } {
  const notices = [...input].sort((a, b) => cmpStr(a.path.toLowerCase(), b.path.toLowerCase()) || cmpStr(a.path, b.path));
  const noticeIdx = new Map(notices.map((n, i) => [n.path.toLowerCase(), i]));
  const repoNotices = new Map<string, { index: number; original: boolean }[]>();
  notices.forEach((n, i) => {
    const originals = new Set(n.originals);
    for (const { name } of n.repos) {
      const list = repoNotices.get(name) ?? [];
      list.push({ index: i, original: originals.has(name) });
      repoNotices.set(name, list);
    }
  });
  const repoNames = [...repoNotices.keys()].sort(cmpStr);
  const repoLine = new Map(repoNames.map((r, i) => [r, i]));
  const answeredBy = new Map<number, number[]>();
  const refs = notices.map((n, i) =>
    n.refersTo
      .map((r) => ({ index: noticeIdx.get(r.path.toLowerCase()) ?? -1, inferred: r.inferred, line: r.line }))
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
        encodeFact(n.textDate),
        KIND_CODE[n.kind],
        encodeFact(n.sender),
        encodeFact(n.principal),
        encodeFact(n.filer),
        // Derived from the path when read (partyFromPath): stored only when it says something else.
        n.fileParty === partyFromPath(n.path) ? '' : cleanField(n.fileParty, 80),
        encodeFact(n.network),
        n.gists || '',
        n.scope === 'except' ? 'x' : n.scope === 'unlisted' ? 'u' : '',
        refs[i]!.map((r) => ref(r.inferred ? '?' : '', r.index, r.line)).join(','),
        (answeredBy.get(i) ?? []).map(b36).join(','),
        n.repos.map((r) => ref(originals.has(r.name) ? '~' : r.files ? '^' : '', repoLine.get(r.name)!, r.line)).join(','),
        n.changesOffered ? b36(n.changesOffered) : '',
        encodeAsks(n.asks),
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
    !s ||
    s.split(',').every((x) => new RegExp(`^[${flags}]?[0-9a-z]+(?:\\.[0-9a-z]+)?$`).test(x) && parseInt(x.replace(/^[?~^]/, ''), 36) < max);
  const fact = (v: string, number: boolean) => !v || (/^[0-9a-z]+:/.test(v) && (!number || /^[0-9a-z]+:[1-9]\d*$/.test(v)));
  const noticeRepos: Map<number, boolean>[] = [];
  nl.forEach((line, i) => {
    const f = line.split('\t');
    if (f.length !== 16) return err(names.notices, i, 'fields', `expected 16 tab-separated fields, found ${f.length}`);
    if (!/^\d{4}\/\S/.test(f[0]!)) err(names.notices, i, 'path', `not a notice path: ${f[0]}`);
    if (i > 0 && cmpStr(nl[i - 1]!.split('\t', 1)[0]!.toLowerCase(), f[0]!.toLowerCase()) >= 0)
      err(names.notices, i, 'path', 'lines not sorted by lower-case path (or a duplicate)');
    if (f[1] && !date.test(f[1])) err(names.notices, i, 'date', `not YYYY-MM-DD: ${f[1]}`);
    if (f[2] && !(fact(f[2], false) && date.test(decodeFact(f[2])?.value ?? '')))
      err(names.notices, i, 'textDate', `not <line>:YYYY-MM-DD: ${f[2]}`);
    if (!CODE_KIND[f[3]!]) err(names.notices, i, 'kind', `unknown kind code "${f[3]}"`);
    for (const [k, v] of [
      ['sender', f[4]],
      ['principal', f[5]],
      ['filer', f[6]],
    ] as const) {
      const value = decodeFact(v)?.value ?? '';
      if (!fact(v ?? '', false) || value !== cleanField(value)) err(names.notices, i, k, 'not <line>:<a clean single-line value>');
    }
    if (f[7] !== cleanField(f[7] ?? '', 80)) err(names.notices, i, 'fileParty', 'not a clean single-line value');
    if (!fact(f[8]!, true)) err(names.notices, i, 'network', `not <line>:<positive integer>: ${f[8]}`);
    if (f[9] && !/^[1-9]\d*$/.test(f[9])) err(names.notices, i, 'gists', `not a positive integer: ${f[9]}`);
    if (f[10] !== '' && f[10] !== 'x' && f[10] !== 'u') err(names.notices, i, 'scope', `not empty, x or u: ${f[10]}`);
    if (!refList(f[11]!, '?', nl.length)) err(names.notices, i, 'refersTo', 'bad notice reference list');
    if (!refList(f[12]!, '', nl.length)) err(names.notices, i, 'answeredBy', 'bad notice reference list');
    if (!refList(f[13]!, '~^', rl.length)) err(names.notices, i, 'repos', 'bad repo reference list');
    if (f[14] && !/^[1-9a-z][0-9a-z]*$/.test(f[14])) err(names.notices, i, 'changesOffered', `not a base-36 line: ${f[14]}`);
    if (f[15] && !decodeAsks(f[15])) err(names.notices, i, 'asks', `not <line>:w or <line>:f: ${f[15]}`);
    noticeRepos[i] = new Map(parseRefs(f[13]!).map((r) => [r.index, r.mark === '~']));
  });
  nl.forEach((line, i) => {
    const f = line.split('\t');
    for (const r of parseRefs(f[11] ?? ''))
      if (!parseRefs(nl[r.index]?.split('\t')[12] ?? '').some((a) => a.index === i))
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
