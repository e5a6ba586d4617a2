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
  /**
   * Repositories named, lower-case `owner/name`, in order of first appearance, with that line; `files`
   * when every URL naming it points inside it (a file, a path, a commit), never at the repository itself.
   */
  repos: NamedRepo[];
  /** Of `repos`, those named only as the original (complainant's) work in a form notice. */
  originals: string[];
  /** Gists named, as `user/id` or `id` when the URL has no user. */
  gists: string[];
  /** The party as the file name spells it (`2023-03-21-meta.md` → `Meta`): never shown as a party. */
  fileParty: string;
  /** Other github/dmca files the text cites (as cited: old paths may lack the year folder), with the line. */
  refersTo: { path: string; line: number }[];
  /** A retraction: of the repos it names (`named`), or of all but those (`except`). */
  scope: 'named' | 'except' | 'unlisted';
  /** GitHub's note that it first gave the owners an opportunity to make changes: its line. */
  changesOffered: number | null;
  /** GitHub's form answered: the entire repository, or specific files within it, is infringing. */
  asks: Fact<'whole' | 'files'> | null;
}

export interface NamedRepo {
  name: string;
  line: number;
  files?: true;
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

/**
 * What follows a repo's URL that still points at the repository itself: nothing, `/`, `.git`, a branch's
 * root (`/tree/main`), its archive, a fragment or a query. Anything else (`/blob/…`, `/tree/main/src`,
 * `/raw/…`, `/commit/…`, `/releases/…`) points inside it.
 */
const ROOT_TAIL = /^(?:\.git)?\/?(?:(?:tree|branches)\/[^/\s)\]>"'#?]+\/?|archive\/\S*|[#?]\S*)?(?=$|[\s)\]>"'*,;:.!|`\\])/i;

/** One repo named at an offset of the (readable) text; `part` when the URL points inside it. */
function repoMatches(text: string): { repo: string; at: number; end: number; part: boolean }[] {
  const out: { repo: string; at: number; end: number; part: boolean }[] = [];
  const masked = maskRewrittenTargets(text);
  for (const m of masked.matchAll(REPO_URL)) {
    // Without a scheme, the host must start here: docs.github.com, gist.github.com… are other hosts.
    // With one (`1.https://github.com/…` in numbered lists), what comes before does not matter.
    if (!/^https?:/i.test(m[0]) && /[A-Za-z0-9.@-]/.test(masked.charAt(m.index - 1))) continue;
    let name = m[2]!.replace(/[.]+$/, '');
    if (name.toLowerCase().endsWith('.git')) name = name.slice(0, -4);
    const repo = normalizeRepo(m[1]!, name);
    // "github.com/pedrolopez/r...ctional": a name cut short in the notice names no repo.
    if (!repo || repo === 'github/dmca' || /\.\.\.|…/.test(name)) continue;
    const tail = masked.slice(m.index + m[0].length - (m[2]!.length - name.length), m.index + m[0].length + 300);
    out.push({ repo, at: m.index, end: m.index + m[0].length, part: !ROOT_TAIL.test(tail.replace(/^\.git(?=[/\s)\]>"'#?]|$)/i, '')) });
  }
  for (const m of text.matchAll(FORK_LINE)) {
    const repo = normalizeRepo(m[1]!, m[2]!);
    if (repo) out.push({ repo, at: m.index, end: m.index + m[0].length, part: false });
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

/**
 * Repos named by github.com URLs in any of the corpus' spellings (and GitHub's fork lists), with their
 * first line; `files` when no URL of it points at the repository itself.
 */
export function extractRepos(text: string): NamedRepo[] {
  const t = readableText(text);
  const starts = lineStartsOf(t);
  const seen = new Map<string, NamedRepo>();
  for (const m of repoMatches(t)) {
    const r = seen.get(m.repo);
    if (!r) seen.set(m.repo, { name: m.repo, line: lineOf(starts, m.at), ...(m.part ? { files: true as const } : {}) });
    else if (!m.part) delete r.files;
  }
  return [...seen.values()];
}

/**
 * GitHub's note, above a notice it processed this way, that before disabling anything it contacted the
 * owners to give them an opportunity to make changes: the line it is on. Only GitHub's wording counts
 * (a sender arguing no one should get that opportunity is not the note).
 */
export function extractChangesOffered(text: string): number | null {
  const m =
    /contacted the owners of (?:some or all of )?the affected (?:parent )?repositor(?:y|ies) to give them an opportunity to \[?make changes/i.exec(
      text,
    );
  return m ? lineOf(lineStartsOf(text), m.index) : null;
}

/** GitHub's takedown form answered: "The entire repository is infringing" or "Specific files within the repository are infringing". */
export function extractAsks(text: string): Fact<'whole' | 'files'> | null {
  const m = /^[\s*_>-]*(the entire repository is infringing|specific files within the repository are infringing)\b/im.exec(text);
  if (!m) return null;
  return { value: /^specific/i.test(m[1]!) ? 'files' : 'whole', line: lineOf(lineStartsOf(text), m.index + m[0].length - m[1]!.length) };
}

/** Words that say a repo is the complainant's own work, where a letter names it. */
const ORIGINAL_CUE =
  /\bmy (?:copyrighted|original) work\b|\bis the copyright owner of (?:its|our|the) (?:own |proprietary )?(?:software|code|product|work)|\bcopyrighted work (?:at issue|in question) is\b|\boriginally published\b|\boriginal (?:copyrighted )?(?:work|code|source|content|software|repositor(?:y|ies)|repo|project)|\bour (?:own |original |private )?(?:repo(?:sitor(?:y|ies))?|code ?base|source code)\b|\bprivately hosted\b|\b(?:our|a) private repositor|\bresides in\b|\bunder the control of\b|\bcopyright (?:holder|owner) of the (?:source )?code\b/i;
/** Words that say a repo is the alleged copy. */
const INFRINGING_CUE =
  /infring|(?<!\b(?:our|my|its) )\bcop(?:y|ied|ies)\b|unauthori[sz]ed|without (?:(?:my|our|the owner'?s?|any|prior) )?(?:written )?(?:permission|authori[sz]ation|consent|licen[cs]e)|pirat|stolen|\bremove(?!d by (?:me|myself|us|ourselves)\b)|take ?down|taken down|disable|(?<!\boriginal\b[^.\n]{0,30})\b(?:re-?)?(?:uploaded|posted|leaked|redistribut\w*)\b/i;

/** The question a form notice's repo URL answers (its nearest heading above); null for a letter. */
function formSections(text: string): ((at: number) => string) | null {
  const heads = [...text.matchAll(/^\s*(?:\*\*|#{1,4}\s*)(.{10,300}?)(?:\*\*|$)/gm)].filter(
    (h) => /\?|:\s*$/.test(h[1]!) || /please|describe|provide|what|are you|have you|do you/i.test(h[1]!),
  );
  if (heads.length < 2) return null;
  return (at: number) => {
    let q = '';
    for (const h of heads) {
      if (h.index > at) break;
      q = h[1]!;
    }
    return q;
  };
}

/** The line an offset is on, with the line above it when that is text of the same paragraph. */
function lineContext(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? undefined : end);
  const prevEnd = start - 1;
  const prev = prevEnd > 0 ? text.slice(text.lastIndexOf('\n', prevEnd - 1) + 1, prevEnd) : '';
  return /\S/.test(prev) && !/github\.com\//i.test(prev) ? `${prev} ${line}` : line;
}

/** For a URL alone on its line under a paragraph ending with a colon ("My copyrighted work: … published here:"), that paragraph. */
function leadIn(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  if (!/^[\s*>_<[(-]*$/.test(text.slice(start, at))) return '';
  const lead = /((?:[^\n]+\n)*[^\n]*:)[ \t]*\n[ \t]*\n$/.exec(text.slice(Math.max(0, start - 400), start))?.[1] ?? '';
  return /github\.com\//i.test(lead) ? '' : lead;
}

/** A name as an account might spell it: letters and digits only, without a legal form. */
const ownerKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/,?\s+(?:inc|incorporated|llc|ltd|limited|corp|corporation|gmbh|s\.?a|b\.?v|co)\.?$/i, '')
    .replace(/[^a-z0-9]/g, '');

const FORM_ORIGINAL =
  /original (?:copyrighted )?work|copyrighted work that has allegedly been infringed|what work (?:was|is|has been) allegedly infringed|describe the (?:work|original)/i;
/** The form's question about the complainant's ownership. */
const FORM_OWNERSHIP = /nature of your copyright ownership/i;
/** The form's questions that ask for what is to be taken down. */
const FORM_TAKEDOWN = /taken down|that is infringing|would like removed|forks?\b/i;
/** "<repo URL> is a private repository": the complainant's own repo, whatever else the sentence says. */
const OWN_PRIVATE = /^[)\]>*_]*(?:\s+(?:is|was)\s+(?:a|our|my)|\s*,)\s+private\s+repositor/i;
/** Just before a repo's URL, the copy's source: "stolen from <url>", "(was stolen from [invalid] or <url>)". */
const SOURCE_FROM = /\b(?:stolen|copied|taken|cloned|ripped|lifted|plagiari[sz]ed|derived) from\s+((?:\[[^\]\n]{1,20}\]\s+or\s+)?)[<(]?$/i;
/** …or the complainant's own, by name: "I am the author of [DiabloMiner](", "originally contributed to Bitcoin (<". */
const SOURCE_NAMED =
  /\b(?:originally (?:[a-z]+ )?(?:to|in|at|on)|(?:I am|I'm|we are) the (?:original )?(?:author|creator|developer|maintainer)s? of)\s+(?:\[?[A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,3}\]?\s*[(<]*\s*)?$/;
/** A lead-in that makes the URL under it the complainant's own… */
const LEAD_ORIGINAL =
  /\bmy (?:copyrighted|original) work\b|\boriginally published\b|\bcopyrighted work (?:at issue|in question) is\b|\boriginal (?:copyrighted )?(?:work|code|source|repositor(?:y|ies)|repo|project)\b|\b(?:our|a) private repositor/i;
/** …unless it says the URL holds the copy ("Every file in this repository is my copyrighted work:"). */
const LEAD_CONTAINER = /\b(?:in|of|at) (?:this|that|these|those|the following|both|each|every) (?:repo|repositor|page|link|url|location)/i;
/** Under the form's ownership question, a redacted owner just before the URL: "the [private] of the SkytilsMod project (". */
const OWNED_BEFORE =
  /\[private\],? (?:the )?(?:copyright )?(?:of|for) (?:the )?(?:[\w.!-]+ ){0,2}(?:project |repository |repo )?(?:at |on )?\(?\s*$/i;
/** Under the form's ownership question, words that make the repo named the complainant's own. */
const OWNERSHIP_CUE =
  /\b(?:I am|I'm|we are) the (?:[\w[\]]+ )?(?:(?:and|&) [\w[\]]+ )?(?:owner|author|creator|developer|maintainer|copyright holder)s?\b|\b(?:my|our) (?:own )?(?:repo(?:sitory)?|project|code|work|contributions|blog)\b|\bcontributions used\b|\bof the content (?:found|located|hosted) at\b|\bI (?:own|created|wrote|developed|authored|maintain)\b|\b(?:project|work|repo(?:sitory)?|creation) of \[private\]/i;
/** A link to a licence file in a repo: says what the licence is, not which repo is accused. */
const LICENSE_PATH =
  /^\/(?:blob|raw|tree)\/[^\s/]+\/(?:[^\s)]*\/)?(?:licen[cs]e|copying|third_party_licenses)(?:\.(?:md|txt|rst))?(?=[\s)\]>.,]|$)/i;

interface Mention {
  repo: string;
  at: number;
  end: number;
  section: string;
}

/** Where one mention of a repo puts it: the complainant's original work, the accused copy, or neither said. */
function mentionSide(text: string, m: Mention, asked: ReadonlySet<string>): 'original' | 'accused' | 'named' {
  const before = text.slice(Math.max(0, m.at - 160), m.at);
  const source = SOURCE_FROM.exec(before);
  // "stolen from <url>" names the source even under the take-down question.
  if (source && !INFRINGING_CUE.test(source[1]!)) return 'original';
  // A repo the form asks to take down is never the original work, whatever else is said of it (but the
  // complainant's own account may still be: see extractOriginals).
  if (asked.has(m.repo)) return INFRINGING_CUE.test(lineContext(text, m.at)) ? 'accused' : 'named';
  const after = readableClause(text, m.end);
  if (
    OWN_PRIVATE.test(text.slice(m.end, m.end + 60)) ||
    (SOURCE_NAMED.test(before) && !/\b(?:is|are) (?:infring|copied|stolen)/i.test(after))
  )
    return 'original';
  if (FORM_ORIGINAL.test(m.section)) return 'original';
  const context = lineContext(text, m.at);
  const lead = leadIn(text, m.at);
  if (INFRINGING_CUE.test(context) || INFRINGING_CUE.test(lead)) return 'accused';
  // Under the ownership question, a repo the take-down questions leave out, said to be theirs.
  if (FORM_OWNERSHIP.test(m.section) && asked.size > 0 && (OWNERSHIP_CUE.test(context) || OWNED_BEFORE.test(before))) return 'original';
  if (ORIGINAL_CUE.test(context) || (LEAD_ORIGINAL.test(lead) && !LEAD_CONTAINER.test(lead))) return 'original';
  return 'named';
}

/** The clause after an offset (to the next full stop, semicolon or line end). */
const readableClause = (text: string, at: number) => text.slice(at, at + 100).split(/[.;\n]/)[0]!;

/**
 * Repos a notice names only as the complainant's own work, not as an alleged copy: named only under a form's
 * "original copyrighted work" question (or its ownership question, said to be theirs, while its take-down
 * questions name others); in a letter, repos whose every mention says so ("the original work resides in this
 * repo", "our private repository", "stolen from <repo>") and none says "infringing"; in either, a repo whose
 * owner is the complainant itself (`parties`: its names). A repo the form asks to take down never is one.
 */
export function extractOriginals(text: string, parties: readonly string[] = []): string[] {
  const sectionAt = formSections(text);
  const readable = readableText(text);
  const mentions: Mention[] = repoMatches(readable).map((m) => ({ ...m, section: sectionAt?.(m.at) ?? '' }));
  // Repos the form's take-down questions name ("What files should be taken down?", "…URL that is infringing").
  const asked = new Set(
    mentions
      .filter((m) => FORM_TAKEDOWN.test(m.section) && !FORM_ORIGINAL.test(m.section) && !/licen[cs]e/i.test(m.section))
      .map((m) => m.repo),
  );
  const original = new Set<string>();
  const elsewhere = new Set<string>();
  const blamed = new Set<string>();
  // Repos linked by their licence file: says which licence, neither side (the complainant's own still counts).
  const licensed = new Set<string>();
  for (const m of mentions) {
    if (LICENSE_PATH.test(readable.slice(m.end, m.end + 100)) && !asked.has(m.repo)) {
      licensed.add(m.repo);
      continue;
    }
    const side = mentionSide(readable, m, asked);
    if (side === 'accused') blamed.add(m.repo);
    (side === 'original' ? original : elsewhere).add(m.repo);
  }
  const own = new Set(parties.map(ownerKey).filter((k) => k.length >= 3));
  const owned = [...original, ...elsewhere, ...licensed].filter((r) => own.has(ownerKey(r.split('/')[0]!)) && !blamed.has(r));
  return [...new Set([...[...original].filter((r) => !elsewhere.has(r)), ...owned])];
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
/** "…except <repo> and the 96 fork URLs individually listed in the original notice": it keeps every repo the notice lists. */
const EXCEPT_LISTED =
  /\bexcept\b(?:[^.]|\.(?=\S)){0,300}\b(?:individually )?(?:listed|named|identified) in the original (?:notice|takedown)/i;

/** What a retraction covers: the repos it names, all but those, or only what the notice did not list. */
function retractionScope(kind: NoticeKind, text: string): ParsedNotice['scope'] {
  if (kind !== 'retraction' || !EXCEPT_SCOPE.test(text)) return 'named';
  return EXCEPT_LISTED.test(text) ? 'unlisted' : 'except';
}

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
  const repos = extractRepos(text);
  const parties = extractParties(text, kind);
  const complainant = kind === 'takedown' ? [parties.sender?.value, parties.principal?.value].filter((x): x is string => !!x) : [];
  return {
    path,
    date,
    textDate: parseTextDate(text),
    kind,
    ...parties,
    network: extractNetwork(text),
    repos,
    // Only a takedown names an original work: the repo an answer names is the one it answers for.
    originals: kind === 'takedown' ? extractOriginals(text, complainant) : [],
    gists: extractGists(text),
    fileParty: partyFromPath(path),
    refersTo: extractCitations(text, path),
    scope: retractionScope(kind, text),
    changesOffered: extractChangesOffered(text),
    asks: extractAsks(text),
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
