/**
 * Parser for github/dmca notice files (Markdown, 2011–today). Pure: text in, facts out.
 * Used at dataset-build time and by `dataset:check`; never shipped in a content script.
 */
import { normalizeRepo } from '../core/subjects';

import type { NoticeKind } from '../core/model';

export type { NoticeKind };

export interface ParsedNotice {
  /** Path in github/dmca as published, e.g. `2023/03/2023-03-21-meta.md`. */
  path: string;
  /** Publication date from the file name (YYYY-MM-DD). */
  date: string;
  /** Date written in the notice text, when there is one (YYYY-MM-DD). */
  textDate: string | null;
  kind: NoticeKind;
  /** Who sent it, when the text states it (agent or company). */
  sender: string | null;
  /** On whose behalf, when stated. */
  onBehalfOf: string | null;
  /** GitHub's note "processed ... against the entire network of N repositories". */
  networkSize: number | null;
  /** Repositories named, lower-case `owner/name`, in order of first appearance. */
  repos: string[];
  /** Of `repos`, those named only as the original (complainant's) work in a form notice. */
  originals: string[];
  /** Gists named, as `user/id` or `id` when the URL has no user. */
  gists: string[];
  /** The party as the file name spells it (`2023-03-21-meta.md` → `Meta`): a fallback when the text names no one. */
  fileParty: string;
  /** Other notices of github/dmca this one refers to (a counter-notice names the notice it disputes). */
  refersTo: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function parseNoticePath(path: string): { date: string; kind: NoticeKind } {
  const file = path.split('/').pop() ?? path;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(file);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const lower = path.toLowerCase();
  // The last descriptive word wins: `...-counternotice-reversal.md` is a reversal.
  const cues: [RegExp, NoticeKind][] = [
    [/counter[-_ ]?notice|counter[-_ ]?notification/g, 'counter-notice'],
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
  /^(?:counter-?notice|counternotification|retraction|reversal|reinstatement|legal|action|noticeoflegalaction|court|notice|\d{1,3})$/i;

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
export function parseTextDate(text: string): string | null {
  const head = text.slice(0, 4000);
  const labelled = /^[\s*_#>-]*dated?[\s*_]*[:：][\s*_]*(.+)$/im.exec(head);
  if (labelled) {
    const d = parseLooseDate(labelled[1]!);
    if (d) return d;
  }
  const lines = head.split('\n', 40);
  for (const line of lines) {
    const l = line.replace(/[*_#>]/g, '').trim();
    if (l.length < 8 || l.length > 40) continue;
    if (
      !/^(?:[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{1,2}-\d{1,2})\.?$/i.test(
        l,
      )
    )
      continue;
    const d = parseLooseDate(l);
    if (d) return d;
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

/** One repo named at an offset of the text. */
function repoMatches(text: string): { repo: string; at: number }[] {
  const out: { repo: string; at: number }[] = [];
  for (const m of text.matchAll(REPO_URL)) {
    // Without a scheme, the host must start here: docs.github.com, gist.github.com… are other hosts.
    // With one (`1.https://github.com/…` in numbered lists), what comes before does not matter.
    if (!/^https?:/i.test(m[0]) && /[A-Za-z0-9.@-]/.test(text.charAt(m.index - 1))) continue;
    let name = m[2]!.replace(/[.]+$/, '');
    if (name.toLowerCase().endsWith('.git')) name = name.slice(0, -4);
    const repo = normalizeRepo(m[1]!, name);
    if (!repo || repo === 'github/dmca') continue;
    out.push({ repo, at: m.index });
  }
  return out;
}

/** Repos named by github.com URLs in any of the corpus' spellings. GitHub's own paths are excluded. */
export function extractRepos(text: string): string[] {
  return [...new Set(repoMatches(text).map((m) => m.repo))];
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
  for (const { repo, at } of repoMatches(text)) {
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

/** GitHub's note "processed the takedown notice against the entire network of N repositories". */
export function extractNetworkSize(text: string): number | null {
  const m = /entire network of\s*[_*[]*\s*([\d,]*\d)\s*[_*\]]*\s*(?:forks?\s+)?repositor/i.exec(text);
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

function extractRefersTo(text: string, selfPath: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/github\.com\/github\/dmca\/blob\/[^/\s)]+\/((?:\d{4}\/)(?:\d{2}\/)?[^\s)\]>"']+?\.(?:md|markdown))/gi)) {
    if (m[1] !== selfPath) out.add(m[1]!);
  }
  return [...out];
}

const clean = (s: string) =>
  s
    .replace(/\*\*|__|\[|\]\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:;.-]+|[\s,:;]+$/g, '')
    .replace(/(?<!\b(?:Inc|Ltd|Co|Corp|S\.A|L\.P))\.+$/, '')
    .trim();

const isPrivate = (s: string) => /^\[?private\]?$/i.test(s.trim()) || s.trim() === '';

/** Sender and principal, from the phrasings the corpus uses. */
export function extractParties(text: string): { sender: string | null; onBehalfOf: string | null } {
  let onBehalfOf: string | null = null;
  let sender: string | null = null;

  // "On behalf of:" followed by a name on the next non-empty line (letters, signatures).
  const block = /^\s*on behalf of:?\s*\n+\s*([^\n]+)/im.exec(text);
  if (block && !isPrivate(block[1]!)) onBehalfOf = clean(block[1]!);
  // "on behalf of X," / "on behalf of X." in running text.
  if (!onBehalfOf) {
    for (const m of text.matchAll(/on behalf of ((?:[A-Z][\w&.'-]*,? ?){1,6}(?:Inc\.|LLC|Ltd\.?|Labs|Corporation|Corp\.)?)/g)) {
      const v = clean(m[1]!);
      if (v && !/^(the|my|our|a|an)\b/i.test(v)) {
        onBehalfOf = v;
        break;
      }
    }
  }
  // Form notices: "I am an employee representing my company, X."
  const rep = /representing (?:my|our|the) (?:company|client|employer),?\s*([^\n]+)/i.exec(text);
  if (rep) {
    // Cut at the end of the sentence, but not at the dot of "Inc." and the like.
    const corp = /^(.*?\b(?:Inc|Ltd|Corp|Co|LLC|GmbH)\.)(?=\s|$)/.exec(rep[1]!);
    const name = corp ? corp[1]! : /^[^.]*/.exec(rep[1]!)![0];
    if (!isPrivate(name)) sender = clean(name);
  }
  // Letters: the first non-private line after the closing ("Sincerely," ...).
  if (!sender) {
    const close = /^\s*(?:sincerely|regards|best regards|kind regards|yours truly|respectfully)[,.]?\s*$/im.exec(text);
    if (close) {
      const after = text.slice(close.index + close[0].length).split('\n');
      for (const line of after.slice(0, 8)) {
        const l = line.trim();
        if (/^on behalf of/i.test(l)) break;
        if (l && !isPrivate(l) && !/^[-_*=]+$/.test(l)) {
          sender = clean(l);
          break;
        }
      }
    }
  }
  if (sender && onBehalfOf && sender === onBehalfOf) onBehalfOf = null;
  return { sender, onBehalfOf };
}

export function parseNotice(path: string, text: string): ParsedNotice {
  const { date, kind: pathKind } = parseNoticePath(path);
  let kind = pathKind;
  const head = text.slice(0, 600);
  if (kind === 'takedown') {
    if (/counter[- ]?notif|counter[- ]?notice/i.test(head) && !/takedown notice/i.test(text.slice(0, 200))) kind = 'counter-notice';
    else if (/^\W*GitHub has (?:reversed|reinstated)/i.test(head)) kind = 'reversal';
    else if (/\b(?:I am|we are|I'm|hereby) (?:formally )?retract(?:ing)?\b/i.test(head)) kind = 'retraction';
  }
  const { sender, onBehalfOf } = extractParties(text);
  return {
    path,
    date,
    textDate: parseTextDate(text),
    kind,
    sender,
    onBehalfOf,
    networkSize: extractNetworkSize(text),
    repos: extractRepos(text),
    originals: extractOriginals(text),
    gists: extractGists(text),
    fileParty: partyFromPath(path),
    refersTo: extractRefersTo(text, path),
  };
}
