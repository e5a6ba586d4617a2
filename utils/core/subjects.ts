/**
 * Subjects: what a page or a link is about, as the lower-case strings of ../shared/CONTRACT.md:
 *   repo:<owner>/<name>   notice:<path in github/dmca>   thread:hn:<id>
 *
 * Everything here is pure string work (no DOM, no `new URL`): it runs on every link of every
 * GitHub and HN page, so it must be cheap, total (never throws) and strict (no false subjects).
 */
import type { SiteHost } from './sites';

export type Subject = `repo:${string}` | `notice:${string}` | `thread:hn:${string}`;

/** First path segments on github.com that are GitHub's own pages, not users or orgs. */
const RESERVED_OWNERS = new Set([
  'about',
  'account',
  'apps',
  'articles',
  'assets',
  'blog',
  'business',
  'codespaces',
  'collections',
  'contact',
  'copilot',
  'customer-stories',
  'dashboard',
  'discussions',
  'edu',
  'education',
  'enterprise',
  'events',
  'explore',
  'features',
  'git-guides',
  'github-copilot',
  'home',
  'issues',
  'join',
  'login',
  'logout',
  'maintenance',
  'marketplace',
  'mobile',
  'new',
  'nonprofit',
  'notifications',
  'open-source',
  'organizations',
  'orgs',
  'partners',
  'premium-support',
  'pricing',
  'pulls',
  'readme',
  'repositories',
  'resources',
  'search',
  'security',
  'sessions',
  'settings',
  'shop',
  'signup',
  'site',
  'solutions',
  'sponsors',
  'stars',
  'status',
  'team',
  'topics',
  'trending',
  'users',
  'watching',
  'why-github',
  'wiki',
  'images',
  'favicon.ico',
  'robots.txt',
  'manifest.json',
  'password_reset',
  'auth',
  'socialauth',
  'github-cloud',
  'integrations',
  'hovercards',
  'notifications_beta',
  'personal',
  'copilot-workspace',
  // Pages of GitHub's own with a second segment, where anyone's text (an advisory's description) may
  // quote a takedown: never a repo, so never a takedown page either. (Not `enterprises`: notices name
  // enterprise accounts as if they were repos, and the index keeps what they name.)
  'advisories',
  'codes-of-conduct',
  'redeem',
  'sitemap',
]);

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * GitHub user/org names: 1–39 letters, digits or hyphens, not starting with a hyphen. (New names may
 * not end with a hyphen or hold two in a row, but older accounts do: `Float-`, `lure---`.) Loops, not
 * regexes: hot path.
 */
function validOwner(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 39 || s.charCodeAt(0) === 45) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 45) return false;
  }
  return true;
}

/** Repository names: 1–100 letters, digits, `.`, `_` or `-`, but not `.` or `..`. */
function validName(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 100 || s === '.' || s === '..') return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 45 && c !== 46 && c !== 95) return false;
  }
  return true;
}

/** `owner/name` lower-cased when both parts are valid GitHub names, else null. */
export function normalizeRepo(owner: string, name: string): string | null {
  if (name.length > 4 && name.charCodeAt(name.length - 4) === 46 && name.slice(-4).toLowerCase() === '.git') name = name.slice(0, -4);
  if (!validOwner(owner) || !validName(name)) return null;
  const repo = `${owner}/${name}`.toLowerCase();
  if (RESERVED_OWNERS.has(repo.slice(0, owner.length))) return null;
  return repo;
}

const NOTICE_FILE_RE = /^(?:20\d\d\/)(?:\d\d\/)?[^/]+\.(?:md|markdown)$/i;

/** A github/dmca notice path (e.g. `2023/03/2023-03-21-meta.md`), lower-cased, or null. */
export function normalizeNoticePath(path: string): string | null {
  const p = safeDecode(path).replace(/^\/+/, '');
  return NOTICE_FILE_RE.test(p) ? p.toLowerCase() : null;
}

function safeDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Characters after which the browser's URL parser may read a path differently from its text. */
const UNUSUAL_PATH_RE = /\/\.|%2e|[\\\t\n\r]/i;

/** A path segment the URL parser reads as `.` or `..` (it decodes `%2e` there, and only there). */
const dots = (seg: string) => {
  const d = seg.toLowerCase().replaceAll('%2e', '.');
  return d === '.' ? 1 : d === '..' ? 2 : 0;
};

/**
 * The path as the browser resolves it (WHATWG URL, special scheme): tabs and newlines dropped, `\` read
 * as `/`, `.` / `..` segments (also spelt `%2e`) applied. `/x/y/../../shawwn/llama-dl` goes to llama-dl,
 * and `/shawwn/llama-dl/%2e%2e/%2e%2e/x/y` does not.
 */
export function resolvedPath(pathname: string): string {
  if (!UNUSUAL_PATH_RE.test(pathname)) return pathname;
  const segs = pathname
    .replace(/[\t\n\r]/g, '')
    .replaceAll('\\', '/')
    .split('/')
    .slice(1);
  const out: string[] = [];
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    const d = dots(seg);
    if (d === 2) out.pop();
    if (d && last) out.push('');
    else if (!d) out.push(seg);
  });
  return '/' + out.join('/');
}

/**
 * Subject of a github.com path (`/owner/name/...`). Notice pages of github/dmca under any ref,
 * as `blob`, `blame`, `commits`, `raw` or `tree` views, map to `notice:`; other repo pages to `repo:`.
 */
export function subjectFromGithubPath(pathname: string): Subject | null {
  if (pathname.length > 2048 || pathname.charCodeAt(0) !== 47 /* / */) return null;
  pathname = resolvedPath(pathname);
  const a = pathname.indexOf('/', 1);
  if (a === -1) return null;
  const b = pathname.indexOf('/', a + 1);
  const repo = normalizeRepo(pathname.slice(1, a), pathname.slice(a + 1, b === -1 ? pathname.length : b));
  if (!repo) return null;
  if (repo === 'github/dmca' && b !== -1) {
    const segs = pathname.slice(b + 1).split('/', 64);
    const view = segs[0];
    if (view === 'blob' || view === 'blame' || view === 'commits' || view === 'raw' || view === 'tree' || view === 'edit') {
      // The ref may itself contain slashes; the notice path starts at the first year folder.
      for (let i = 2; i < segs.length; i++) {
        if (/^20\d\d$/.test(segs[i]!)) {
          const notice = normalizeNoticePath(segs.slice(i).join('/'));
          return notice ? `notice:${notice}` : `repo:${repo}`;
        }
      }
    }
  }
  return `repo:${repo}`;
}

/** Subject of a news.ycombinator.com `item?id=` query string, or null. */
export function subjectFromHnSearch(search: string): Subject | null {
  const m = /[?&]id=(\d{1,12})(?:&|#|$)/.exec(search);
  const id = m ? Number(m[1]) : 0;
  return id >= 1 ? `thread:hn:${id}` : null;
}

const GITHUB_ABS_RE = /^(?:https?:)?\/\/(?:www\.)?github\.com(\/[^?#]*)?/i;
const HN_ABS_RE = /^(?:https?:)?\/\/news\.ycombinator\.com\/item(\?[^#]*)/i;

/**
 * Subject of a link's raw `href` attribute as written in the page (not the resolved `.href`).
 * `pageHost` is the host of the page the link is on, used for relative links.
 * Cheap rejections come first: most links on a page are neither.
 */
export function subjectFromHref(href: string, pageHost: SiteHost): Subject | null {
  if (!href || href.length > 2048) return null;
  const c = href.charCodeAt(0);
  // `//host` and `/\host` are another host (the parser reads `\` as `/`).
  if (c === 47 /* / */ && href.charCodeAt(1) !== 47 && href.charCodeAt(1) !== 92) {
    if (pageHost === 'github.com') return subjectFromGithubPath(stripQuery(href));
    if (pageHost === 'news.ycombinator.com' && href.startsWith('/item?')) return subjectFromHnSearch(href.slice(5));
    return null;
  }
  if (pageHost === 'news.ycombinator.com' && href.startsWith('item?')) return subjectFromHnSearch(href.slice(4));
  if (href.indexOf('github.com') !== -1) {
    const m = GITHUB_ABS_RE.exec(href.trim());
    return m && m[1] ? subjectFromGithubPath(m[1]) : null;
  }
  if (href.indexOf('news.ycombinator.com') !== -1) {
    const m = HN_ABS_RE.exec(href.trim());
    return m ? subjectFromHnSearch(m[1]!) : null;
  }
  return null;
}

function stripQuery(path: string): string {
  const q = path.search(/[?#]/);
  return q === -1 ? path : path.slice(0, q);
}

/**
 * The page's own subject, with the context its markup gives. Links come raw, as written in the page (the
 * background reads them, as it reads every link: the scripts in the page parse no href).
 */
export interface PageSubject {
  subject: Subject;
  /** `owner/name` of the fork-network root when the page is a fork (GitHub's octolytics meta). */
  networkRoot?: string;
  /** The link whose subject to show when `subject` has nothing (an HN item page: the story's own link). */
  fallbackHref?: string;
  /** GitHub shows "Repository unavailable due to DMCA takedown" here: its link to the notice. */
  takedownHref?: string;
}

/** The page's own subject from its location and (on GitHub) the fork-network root meta tag. */
export function pageSubject(host: string, pathname: string, search: string, networkRootMeta?: string | null): PageSubject | null {
  if (host === 'github.com' || host === 'www.github.com') return githubPageSubject(pathname, networkRootMeta);
  if (host === 'news.ycombinator.com') return hnPageSubject(pathname, search);
  return null;
}

/** A github.com page's own subject, with its fork-network root when it is a fork (each site's script reads only its own). */
export function githubPageSubject(pathname: string, networkRootMeta?: string | null): PageSubject | null {
  const subject = subjectFromGithubPath(pathname);
  if (!subject) return null;
  if (networkRootMeta && subject.startsWith('repo:')) {
    const [o, n] = networkRootMeta.split('/');
    const root = o && n ? normalizeRepo(o, n) : null;
    if (root && `repo:${root}` !== subject) return { subject, networkRoot: root };
  }
  return { subject };
}

/** A news.ycombinator.com page's own subject: an item page's thread. */
export function hnPageSubject(pathname: string, search: string): PageSubject | null {
  const subject = pathname === '/item' ? subjectFromHnSearch(search) : null;
  return subject ? { subject } : null;
}

export function isSubject(s: unknown): s is Subject {
  if (typeof s !== 'string' || s.length > 300) return false;
  if (s.startsWith('repo:')) {
    const [o, n, extra] = s.slice(5).split('/');
    return extra === undefined && !!o && !!n && normalizeRepo(o, n) === s.slice(5);
  }
  if (s.startsWith('notice:')) return normalizeNoticePath(s.slice(7)) === s.slice(7);
  return /^thread:hn:[1-9]\d{0,11}$/.test(s);
}
