/**
 * Parser for github/dmca notice files (Markdown, 2011–today). Pure: text in, facts out.
 * Used at dataset-build time and by `dataset:check`; never shipped in a content script.
 */
import { normalizeRepo } from '../core/subjects';
import { extractParties, type Fact } from './parties';

import type { NoticeKind } from '../core/model';

export type { NoticeKind };

export interface ParsedNotice {
  /** Path in github/dmca as published, e.g. `2023/03/2023-03-21-meta.md`. */
  path: string;
  /** Publication date from the file name (YYYY-MM-DD). */
  date: string;
  /** Date written in the notice text, when there is one (YYYY-MM-DD), with its line. */
  textDate: Fact | null;
  kind: NoticeKind;
  /** Who sent it, on whose behalf, and (answers) for whom it was filed, each with its line (parties.ts). */
  sender: Fact | null;
  principal: Fact | null;
  filer: Fact | null;
  /** GitHub's note "processed ... against the entire network of N repositories", with its line. */
  network: Fact<number> | null;
  /** Repositories named, lower-case `owner/name`, in order of first appearance, with that line. */
  repos: { name: string; line: number }[];
  /** Of `repos`, those named only as the original (complainant's) work in a form notice. */
  originals: string[];
  /** Gists named, as `user/id` or `id` when the URL has no user. */
  gists: string[];
  /** The party as the file name spells it (`2023-03-21-meta.md` → `Meta`): never shown as a party. */
  fileParty: string;
  /** Other github/dmca files the text cites (as cited: old paths may lack the year folder), with the line. */
  refersTo: { path: string; line: number }[];
  /** A retraction: of the repos it names (`named`), or of all but those (`except`). */
  scope: 'named' | 'except';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function parseNoticePath(path: string): { date: string; kind: NoticeKind } {
  const file = path.split('/').pop() ?? path;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(file);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const lower = path.toLowerCase();
  // The last descriptive word wins: `...-counternotice-reversal.md` is a reversal.
  const cues: [RegExp, NoticeKind][] = [
    // Typos and short forms seen in the corpus: `counternnotice`, `countenotice`, `-counter.md`.
    [/counter[-_ ]?n?n?otice|counte[-_ ]?notice|counter[-_ ]?notification|counter(?=[-_.])/g, 'counter-notice'],
    [/retraction|retract/g, 'retraction'],
    [/reversal|reinstat/g, 'reversal'],
    [/legal[-_ ]?action|noticeoflegalaction|[-_]court(?=[-_.])/g, 'legal'],
  ];
  let kind: NoticeKind = m ? 'takedown' : 'other';
  let at = -1;
  for (const [re, k] of cues) {
    for (const hit of lower.matchAll(re)) {
      if (hit.index > at) {
        at = hit.index;
        kind = k;
      }
    }
  }
  return { date, kind };
}

const KIND_WORDS =
  /^(?:counter-?n?notice|counter|counternotification|retraction|reversal|reinstatement|legal|action|noticeoflegalaction|court|notice|\d{1,3})$/i;

/** The party as the file name spells it: `2021-05-12-nagravision-4.md` → `Nagravision`. */
export function partyFromPath(path: string): string {
  const file = (path.split('/').pop() ?? path).replace(/\.\s*(?:md|markdown)$/i, '').replace(/^\d{4}-\d{2}-\d{2}-?/, '');
  const words = file.split(/[-_\s]+/).filter(Boolean);
  while (words.length > 1 && KIND_WORDS.test(words[words.length - 1]!)) words.pop();
  return words
    .map((w) => (/[A-Z]/.test(w) || /\d/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ')
    .slice(0, 80);
}

/**
 * The date a notice gives itself: after a "Date:"/"Dated:" label, or a full date alone on one of the
 * first lines of a letter (`March 20, 2023`, `20 March 2023`, `03/20/2023`, `2023-03-20`).
 */
export function parseTextDate(text: string): Fact | null {
  const lines = text.slice(0, 4000).split('\n', 40);
  for (let i = 0; i < lines.length; i++) {
    const labelled = /^[\s*_#>-]*dated?[\s*_]*[:：][\s*_]*(.+)$/i.exec(lines[i]!);
    const d = labelled ? parseLooseDate(labelled[1]!) : null;
    if (d) return { value: d, line: i + 1 };
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.replace(/[*_#>]/g, '').trim();
    if (l.length < 8 || l.length > 40) continue;
    if (
      !/^(?:[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{1,2}-\d{1,2})\.?$/i.test(
        l,
      )
    )
      continue;
    const d = parseLooseDate(l);
    if (d) return { value: d, line: i + 1 };
  }
  return null;
}

export function parseLooseDate(s: string): string | null {
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s);
  if (m) return ymd(+m[3]!, +m[1]!, +m[2]!);
  m = /([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/i.exec(s);
  if (m) {
    const mo = monthIndex(m[1]!);
    if (mo) return ymd(+m[3]!, mo, +m[2]!);
  }
  m = /(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})/i.exec(s);
  if (m) {
    const mo = monthIndex(m[2]!);
    if (mo) return ymd(+m[3]!, mo, +m[1]!);
  }
  return null;
}

function monthIndex(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((mo) => mo.startsWith(w));
  return i === -1 ? null : i + 1;
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const REPO_URL = /(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})/gi;
/** GitHub's fork list pasted as text: `@owner owner / name`. */
const FORK_LINE = /^[ \t]*@([A-Za-z0-9][A-Za-z0-9-]{0,38}) \1 \/ ([A-Za-z0-9._-]{1,100})[ \t]*$/gm;

/**
 * The text as its URLs were meant: a soft hyphen (copied from a PDF) was a hyphen; zero-width characters
 * were never there. Line structure is kept (line numbers stay right).
 */
export function readableText(text: string): string {
  return text.replace(/\u00ad/g, '-').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/**
 * Markdown links whose text is itself a GitHub URL: the text is what the sender wrote; github/dmca's link
 * rewriter mangled some targets (`HttpMinecraft` → `httpsMinecraft`), so the target is blanked out.
 */
function maskRewrittenTargets(text: string): string {
  return text.replace(/\[([^\]\n]*)\]\(([^)\s]+)\)/g, (all, t: string, target: string) =>
    /github\.com\/[\w-]+\/[\w.-]+/i.test(t) ? `[${t}](${' '.repeat(target.length)})` : all,
  );
}

/** One repo named at an offset of the (readable) text. */
function repoMatches(text: string): { repo: string; at: number }[] {
  const out: { repo: string; at: number }[] = [];
  const masked = maskRewrittenTargets(text);
  for (const m of masked.matchAll(REPO_URL)) {
    // Without a scheme, the host must start here: docs.github.com, gist.github.com… are other hosts.
    // With one (`1.https://github.com/…` in numbered lists), what comes before does not matter.
    if (!/^https?:/i.test(m[0]) && /[A-Za-z0-9.@-]/.test(masked.charAt(m.index - 1))) continue;
    let name = m[2]!.replace(/[.]+$/, '');
    if (name.toLowerCase().endsWith('.git')) name = name.slice(0, -4);
    const repo = normalizeRepo(m[1]!, name);
    if (!repo || repo === 'github/dmca') continue;
    out.push({ repo, at: m.index });
  }
  for (const m of text.matchAll(FORK_LINE)) {
    const repo = normalizeRepo(m[1]!, m[2]!);
    if (repo) out.push({ repo, at: m.index });
  }
  return out.sort((x, y) => x.at - y.at);
}

/** 1-based line of an offset. */
function lineOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
const lineStartsOf = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];

/** Repos named by github.com URLs in any of the corpus' spellings (and GitHub's fork lists), with their first line. */
export function extractRepos(text: string): { name: string; line: number }[] {
  const t = readableText(text);
  const starts = lineStartsOf(t);
  const seen = new Map<string, number>();
  for (const m of repoMatches(t)) if (!seen.has(m.repo)) seen.set(m.repo, lineOf(starts, m.at));
  return [...seen].map(([name, line]) => ({ name, line }));
}

/**
 * Repos a form notice names only under its "original copyrighted work" question: the complainant's
 * own work, not an alleged copy. Letters have no such sections, so they give none.
 */
export function extractOriginals(text: string): string[] {
  const heads = [...text.matchAll(/^\s*(?:\*\*|#{1,4}\s*)(.{10,300}?)(?:\*\*|$)/gm)].filter(
    (h) => /\?|:\s*$/.test(h[1]!) || /please|describe|provide|what|are you|have you|do you/i.test(h[1]!),
  );
  if (heads.length < 2) return [];
  const sectionAt = (at: number) => {
    let q = '';
    for (const h of heads) {
      if (h.index > at) break;
      q = h[1]!;
    }
    return q;
  };
  const original = new Set<string>();
  const elsewhere = new Set<string>();
  for (const { repo, at } of repoMatches(readableText(text))) {
    if (
      /original (?:copyrighted )?work|copyrighted work that has allegedly been infringed|describe the (?:work|original)/i.test(
        sectionAt(at),
      )
    )
      original.add(repo);
    else elsewhere.add(repo);
  }
  return [...original].filter((r) => !elsewhere.has(r));
}

/** Gists named (`gist.github.com/<user>/<id>` or `gist.github.com/<id>`), as `user/id` or `id`, lower-case. */
export function extractGists(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/gist\.github\.com\/(?:([A-Za-z0-9-]{1,39})\/)?([0-9a-f]{5,40})\b/gi)) {
    out.add((m[1] ? `${m[1]}/${m[2]}` : m[2]!).toLowerCase());
  }
  return [...out];
}

/** GitHub's note "processed the takedown notice against the entire network of N repositories", with its line. */
export function extractNetwork(text: string): Fact<number> | null {
  const m = /entire network of\s*[_*[]*\s*([\d,]*\d)\s*[_*\]]*\s*(?:forks?\s+)?repositor/i.exec(text);
  return m ? { value: Number(m[1]!.replace(/,/g, '')), line: lineOf(lineStartsOf(text), m.index) } : null;
}

/**
 * Other github/dmca files the text cites, as cited, with the line. Early notices cite paths without the
 * year folder (`dmca/blob/master/2014-05-26-LINE-Corp.md`, before the files moved into years): those are
 * kept as written and resolved against the corpus's file names (utils/node/dmca-corpus.ts).
 */
export function extractCitations(text: string, selfPath: string): { path: string; line: number }[] {
  const starts = lineStartsOf(text);
  const out = new Map<string, number>();
  for (const m of text.matchAll(
    /github\.com\/github\/dmca\/(?:blob|tree|raw)\/[^/\s)]+\/((?:\d{4}\/)?(?:\d{2}\/)?(?:[^\s)\]>"'/]+\/)?[^\s)\]>"'/]+?\.(?:md|markdown))/gi,
  )) {
    const path = m[1]!;
    // Notices only (GitHub's preamble links its README), never the file itself.
    if (!/^(?:\d{4}\/)?(?:\d{2}\/)?(?:[^/]+\/)?\d{4}-\d{2}-\d{2}/.test(path) || path === selfPath || out.has(path)) continue;
    out.set(path, lineOf(starts, m.index));
  }
  return [...out].map(([path, line]) => ({ path, line }));
}

/** A retraction of all but the repos it names ("we retract the notice as to all repositories except …"). */
const EXCEPT_SCOPE = /\bretract\w*\b[^.]{0,120}\b(?:all|every)\b[^.]{0,80}\bexcept\b/i;

/** Content that says what kind a file is, where its name does not (or misspells it). */
function kindFromText(kind: NoticeKind, text: string): NoticeKind {
  if (kind !== 'takedown') return kind;
  const head = text.slice(0, 1200);
  if (/^\W*GitHub has (?:reversed|reinstated|reconsidered)/i.test(head)) return 'reversal';
  if (
    /\b(?:I am|we are|I'm|hereby) (?:formally )?retract(?:ing)?\b|\b(?:I|we) (?:would like|wish|want) to (?:retract|withdraw|rescind)\b/i.test(
      head,
    )
  )
    return 'retraction';
  if (
    /counter[- ]?notif|counter[- ]?notice|\bAre you the owner of the content that has been disabled/i.test(head) &&
    !/takedown notice/i.test(text.slice(0, 200))
  )
    return 'counter-notice';
  return kind;
}

export function parseNotice(path: string, text: string): ParsedNotice {
  const { date, kind: pathKind } = parseNoticePath(path);
  const kind = kindFromText(pathKind, text);
  return {
    path,
    date,
    textDate: parseTextDate(text),
    kind,
    ...extractParties(text, kind),
    network: extractNetwork(text),
    repos: extractRepos(text),
    originals: extractOriginals(text),
    gists: extractGists(text),
    fileParty: partyFromPath(path),
    refersTo: extractCitations(text, path),
    scope: kind === 'retraction' && EXCEPT_SCOPE.test(text) ? 'except' : 'named',
  };
}

/**
 * A cited path as the corpus files it (case as published), or null. Early citations lack the year folder
 * (`2014-05-26-LINE-Corp.md` is now `2014/2014-05-26-LINE-Corp.md`; later years also have a month folder).
 */
export function resolveCitation(cited: string, known: ReadonlyMap<string, string>): string | null {
  const direct = known.get(cited.toLowerCase());
  if (direct) return direct;
  const file = cited.split('/').pop()!;
  const m = /^(\d{4})-(\d{2})-/.exec(file);
  if (!m) return null;
  return known.get(`${m[1]}/${file}`.toLowerCase()) ?? known.get(`${m[1]}/${m[2]}/${file}`.toLowerCase()) ?? null;
}
