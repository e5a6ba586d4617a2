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
export const KIND_CODE: Record<IndexKind, string> = {
  takedown: 'n',
  'counter-notice': 'c',
  retraction: 'r',
  reversal: 'v',
  legal: 'l',
  other: 'o',
};
export const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<string, IndexKind>;

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

export const parseRefs = (s: string) =>
  s
    ? s.split(',').map((x) => {
        const flag = x.charCodeAt(0) === 63 || x.charCodeAt(0) === 126; // ? or ~
        return { index: parseInt(flag ? x.slice(1) : x, 36), flag };
      })
    : [];

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
