/**
 * Parser for github/dmca notice files (Markdown, 2011–today). Pure: text in, facts out.
 * Used at dataset-build time and by `dataset:check`; never shipped in a content script.
 */
import { normalizeRepo } from './subjects';

export type NoticeKind = 'notice' | 'counter-notice' | 'retraction' | 'reversal' | 'other';

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
  /** Other notices of github/dmca this one refers to (a counter-notice names the notice it disputes). */
  refersTo: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function parseNoticePath(path: string): { date: string; kind: NoticeKind } {
  const file = path.split('/').pop() ?? path;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(file);
  const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  const lower = file.toLowerCase();
  let kind: NoticeKind = 'notice';
  if (/counter[-_ ]?notice|counternotification|counter-notification/.test(lower)) kind = 'counter-notice';
  else if (/retraction|retract/.test(lower)) kind = 'retraction';
  else if (/reversal|reinstat/.test(lower)) kind = 'reversal';
  else if (!/\.(md|markdown)$/.test(lower)) kind = 'other';
  return { date, kind };
}

/** Dates like `03/20/2023`, `2023-03-20`, `March 20, 2023`, `20 March 2023` after a "Date:" label or alone on a line. */
export function parseTextDate(text: string): string | null {
  const head = text.slice(0, 4000);
  const labelled = /^\W*date\W*[:：]\s*(.+)$/im.exec(head);
  const candidates = labelled ? [labelled[1]!] : [];
  for (const c of candidates) {
    const d = parseLooseDate(c);
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

/** Repos named by github.com URLs in any of the corpus' spellings. GitHub's own paths are excluded. */
export function extractRepos(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const re = /(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})/gi;
  for (const m of text.matchAll(re)) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[A-Za-z0-9.-]/.test(before)) continue; // e.g. docs.github.com, gist.github.com
    let name = m[2]!.replace(/[.]+$/, '');
    if (name.toLowerCase().endsWith('.git')) name = name.slice(0, -4);
    const repo = normalizeRepo(m[1]!, name);
    if (!repo || repo === 'github/dmca' || seen.has(repo)) continue;
    seen.add(repo);
    out.push(repo);
  }
  return out;
}

export function extractNetworkSize(text: string): number | null {
  const m = /entire network of ([\d,]+) repositor/i.exec(text);
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
  if (kind === 'notice' && /counter[- ]?notif|counter[- ]?notice/i.test(text.slice(0, 600)) && !/takedown notice/i.test(text.slice(0, 200))) {
    kind = 'counter-notice';
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
    refersTo: extractRefersTo(text, path),
  };
}
