/**
 * The compact index of every github/dmca notice that ships in the extension (public/dmca/).
 *
 * Two tab-separated tables, written by `npm run dataset:dmca` and read by the background:
 *  - notices, one line per notice sorted by lower-case path:
 *      path, date, textDate, kind, sender, principal, filer, fileParty, network, gists, scope,
 *      refersTo, answeredBy, repos, changesOffered, asks
 *    Facts read from the text (textDate, sender, principal, filer, network, asks) are `<line>:<value>`,
 *    the base-36 line of the notice they were read from first, so every fact can link to its source.
 *    fileParty is empty when it is what the path gives (partyFromPath), as it always is from the parser.
 *    scope is `x` for a retraction of all but the repos it names, `u` for one of only what the notice did not
 *    list ("all except … and the forks individually listed in the original notice"). refersTo, answeredBy and repos are
 *    comma lists of base-36 line numbers (of notices, of notices, of repos), each optionally `.<line>`
 *    (where the notice text cites that notice / names that repo); `?` marks an answer link we inferred,
 *    `~` a repo named only as the original work, `^` a repo named only through URLs inside it (files,
 *    paths, commits). changesOffered is the base-36 line of GitHub's note that it first gave the owners
 *    an opportunity to make changes; asks is what GitHub's form says is infringing (`w` the entire
 *    repository, `f` specific files);
 *  - repos, one line per repo sorted by name: name, notices (base-36 notice line numbers, `~` as above).
 *
 * Each table is cut into shard files of contiguous lines (n/0.tsv…, r/0.tsv…) described by
 * manifest.json (first key and first line of each shard). A service worker that wakes up reads the
 * manifest, then only the few shards a question needs (a repo's shard, its notices' shards, the
 * shards of the repos their cards list), and answers by binary search over those texts: no
 * 135,000-entry map is built, and no 6 MB is read, at every wake. Pure: strings in, plain objects out.
 */
import type { NoticeKind } from '../core/model';

export const INDEX_VERSION = 'backstory-dmca-index v4';

/** The kinds of github/dmca files (one union for the whole extension). */
export type IndexKind = NoticeKind;
export const KIND_CODE: Record<IndexKind, string> = {
  takedown: 'n',
  'counter-notice': 'c',
  retraction: 'r',
  reversal: 'v',
  legal: 'l',
  other: 'o',
};
export const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<string, IndexKind>;

/** A fact read from a notice's text, with the (1-based) line it was read from. */
export interface LineFact<T = string> {
  value: T;
  line: number;
}

/** The facts of one notice, as stored. */
interface NoticeFacts {
  path: string;
  date: string;
  textDate: LineFact | null;
  kind: IndexKind;
  /** Who sent it, on whose behalf, and (answers) for whom it was filed: as the text states, else null. */
  sender: LineFact | null;
  principal: LineFact | null;
  filer: LineFact | null;
  /** The party as the file name spells it: to search by, never shown as a party. */
  fileParty: string;
  /** GitHub's note "processed against the entire network of N repositories". */
  network: LineFact<number> | null;
  gists: number;
  /** A retraction of the repos it names, or of all but those. */
  scope: 'named' | 'except' | 'unlisted';
  /** GitHub's note that it first gave the owners an opportunity to make changes: its line. */
  changesOffered: number | null;
  /** GitHub's form answered: the entire repository, or specific files within it, is infringing. */
  asks: LineFact<'whole' | 'files'> | null;
}

export interface IndexNotice extends NoticeFacts {
  index: number;
  /** The notices this one answers; `line`, where its text cites that notice. */
  refersTo: { index: number; inferred: boolean; line: number | null }[];
  answeredBy: number[];
  /**
   * Line numbers in repos.tsv, in the order the notice names them; `at`, the notice's line naming it;
   * `files`, named only through URLs inside it.
   */
  repoLines: { line: number; original: boolean; files: boolean; at: number | null }[];
}

export interface RepoHit {
  repo: string;
  /** Its line in repos.tsv (what notices' repo lists refer to). */
  line: number;
  notices: { index: number; original: boolean }[];
}

/** What the builder needs per notice (the parser's output plus resolved links). */
export interface BuildNotice extends NoticeFacts {
  repos: { name: string; line: number; files?: true }[];
  originals: string[];
  /** Paths of the notices this one answers; `inferred` when the text does not link them; `line` where it cites them. */
  refersTo: { path: string; inferred: boolean; line: number | null }[];
}

export const b36 = (n: number) => n.toString(36);

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

export const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `<b36 line>:<value>` for a fact, empty for none. */
export const encodeFact = (f: LineFact<string | number> | null, max = 120) =>
  f ? `${b36(f.line)}:${typeof f.value === 'number' ? f.value : cleanField(f.value, max)}` : '';
/** `asks` as stored: `<b36 line>:w` or `<b36 line>:f`. */
export const encodeAsks = (f: LineFact<'whole' | 'files'> | null) => (f ? `${b36(f.line)}:${f.value === 'files' ? 'f' : 'w'}` : '');
export function decodeAsks(s: string | undefined): LineFact<'whole' | 'files'> | null {
  const f = decodeFact(s);
  return f && (f.value === 'f' || f.value === 'w') ? { value: f.value === 'f' ? 'files' : 'whole', line: f.line } : null;
}
export function decodeFact(s: string | undefined): LineFact | null {
  const colon = s ? s.indexOf(':') : -1;
  if (!s || colon < 1) return null;
  return { value: s.slice(colon + 1), line: parseInt(s.slice(0, colon), 36) };
}

/** Marks a reference may carry: `?` an inferred answer link, `~` an original work, `^` files only. */
const MARKS = '?~^';
/** A comma list of `[?~^]<b36 index>[.<b36 line>]`. */
export const parseRefs = (s: string) =>
  s
    ? s.split(',').map((x) => {
        const mark = MARKS.includes(x.charAt(0)) ? x.charAt(0) : '';
        const dot = x.indexOf('.');
        const body = mark ? x.slice(1) : x;
        return {
          index: parseInt(dot === -1 ? body : body.slice(0, body.indexOf('.')), 36),
          flag: mark !== '',
          mark,
          line: dot === -1 ? null : parseInt(x.slice(dot + 1), 36),
        };
      })
    : [];
export const ref = (flag: string, index: number, line: number | null) => flag + b36(index) + (line ? `.${b36(line)}` : '');

/** Offsets of line starts. */
export function lineStarts(text: string): Uint32Array {
  const starts: number[] = [];
  for (let i = 0; i < text.length;) {
    starts.push(i);
    const nl = text.indexOf('\n', i);
    if (nl === -1) break;
    i = nl + 1;
  }
  return Uint32Array.from(starts);
}

export function lineAt(text: string, start: number): string {
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
