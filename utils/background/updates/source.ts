/**
 * The only requests Backstory ever makes, and only after the user turned notice updates on or asked
 * for a check (utils/background/updates/service.ts): public github/dmca data, the same for every user.
 *
 *  1. `GET https://api.github.com/repos/github/dmca/branches/master` — the newest commit (its id and date);
 *  2. `GET https://api.github.com/repos/github/dmca/compare/<from>...<that commit>?per_page=100&page=1` —
 *     what changed since the bundled commit (or the last check's): the changed files, whatever folder
 *     GitHub filed them in (a notice committed late into an earlier month's folder included). GitHub lists
 *     at most 300 files per comparison: when it lists 300, the commits of the range are read (the next
 *     pages of the same comparison) and the range is compared in parts of at most 100 commits
 *     (`compare/<a>...<b>?per_page=1`: the files of the whole part, one commit), halved while a part still
 *     lists 300;
 *  3. `GET https://raw.githubusercontent.com/github/dmca/<that commit>/<path>` — each notice file the
 *     bundle and the earlier updates do not have.
 *
 * No cookies (`credentials: 'omit'`), no referrer, no page URL, nothing from settings or browsing:
 * the list of requests depends only on what GitHub published. Every response is size-capped and
 * validated; anything else is an `UpdateError` saying plainly what went wrong.
 */
import '../../schema/jitless';
import { z } from 'zod';
import { isNoticePath } from '../../dmca/overlay';

export const API = 'https://api.github.com';
export const RAW = 'https://raw.githubusercontent.com';
export { UPDATE_ORIGINS } from '../../core/notice-updates';

/**
 * Caps: a branch answer; a comparison (100 commits and 300 files with their patches: a month's 300 notices
 * are ~2 MB); one notice file (the largest is 437 kB); new files and commits in one update.
 */
export const CAPS = { branch: 64_000, compare: 8_000_000, notice: 1_000_000, files: 2_000, commits: 1_500 } as const;
/** GitHub lists at most this many changed files in one comparison; a list this long may be cut. */
export const COMPARE_FILES = 300;
/** Commits per page of a comparison (GitHub's maximum), and per part of a range too long to list at once. */
export const PER_PAGE = 100;

export type UpdateErrorKind = 'offline' | 'rate-limited' | 'server' | 'invalid' | 'permission' | 'too-large';

export class UpdateError extends Error {
  constructor(
    readonly kind: UpdateErrorKind,
    message: string,
    /** Rate-limited: when GitHub allows requests again (ISO). */
    readonly resetAt?: string,
  ) {
    super(message);
  }
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const INIT: RequestInit = {
  credentials: 'omit',
  referrerPolicy: 'no-referrer',
  cache: 'no-store',
  redirect: 'error',
  mode: 'cors',
};

/** The body as text, read no further than `max` bytes: an answer without a length is stopped at its cap, not buffered whole. */
async function readCapped(res: Response, max: number, url: string): Promise<string> {
  const tooLarge = () => new UpdateError('too-large', `${url} is larger than ${max} bytes`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) throw tooLarge();
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new UpdateError('offline', `the answer from ${new URL(url).host} was cut off`);
    });
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function get(fetchFn: Fetch, url: string, accept: string): Promise<Response | null> {
  let res: Response;
  try {
    res = await fetchFn(url, { ...INIT, headers: { Accept: accept } });
  } catch {
    throw new UpdateError('offline', `could not reach ${new URL(url).host}`);
  }
  if (res.status === 404) return null;
  if ((res.status === 403 || res.status === 429) && (res.headers.get('x-ratelimit-remaining') === '0' || res.status === 429)) {
    const reset = Number(res.headers.get('x-ratelimit-reset') ?? NaN);
    throw new UpdateError(
      'rate-limited',
      `GitHub's limit of requests for this network is reached`,
      Number.isFinite(reset) ? new Date(reset * 1000).toISOString() : undefined,
    );
  }
  if (!res.ok) throw new UpdateError('server', `${new URL(url).host} answered ${res.status}`);
  return res;
}

async function getJson<S extends z.ZodType>(fetchFn: Fetch, url: string, max: number, schema: S): Promise<z.infer<S> | null> {
  const res = await get(fetchFn, url, 'application/vnd.github+json');
  if (!res) return null;
  const text = await readCapped(res, max, url);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UpdateError('invalid', `${url} did not answer JSON`);
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new UpdateError('invalid', `${url} answered an unexpected shape (${r.error.issues[0]?.path.join('.') ?? ''})`);
  return r.data;
}

const sha = z.string().regex(/^[0-9a-f]{40}$/);
const BranchSchema = z.object({
  commit: z.object({ sha, commit: z.object({ committer: z.object({ date: z.iso.datetime({ offset: true }) }) }) }),
});
const CompareSchema = z.object({
  total_commits: z.number().int().nonnegative(),
  commits: z.array(z.object({ sha })).max(250),
  // Only on the first page of a paged comparison.
  files: z
    .array(
      z.object({
        filename: z.string().max(400),
        status: z.string().max(20),
        previous_filename: z.string().max(400).optional(),
      }),
    )
    .max(3000)
    .optional(),
});
type Compared = z.infer<typeof CompareSchema>;

export interface Head {
  sha: string;
  /** The commit's date (YYYY-MM-DD): what "Notices as of" says. */
  date: string;
}

export async function fetchHead(fetchFn: Fetch): Promise<Head> {
  const b = await getJson(fetchFn, `${API}/repos/github/dmca/branches/master`, CAPS.branch, BranchSchema);
  if (!b) throw new UpdateError('server', 'github/dmca has no master branch');
  return { sha: b.commit.sha, date: b.commit.commit.committer.date.slice(0, 10) };
}

const compareUrl = (from: string, to: string, query: string) => `${API}/repos/github/dmca/compare/${from}...${to}?${query}`;

async function compare(fetchFn: Fetch, from: string, to: string, query: string): Promise<Compared> {
  const c = await getJson(fetchFn, compareUrl(from, to, query), CAPS.compare, CompareSchema);
  if (!c) throw new UpdateError('server', `github/dmca has no commit ${from.slice(0, 7)} or ${to.slice(0, 7)}`);
  return c;
}

/** Apply a comparison's changed files to the set of changed paths (in commit order: a later removal wins). */
function apply(changed: Set<string>, files: Compared['files']) {
  for (const f of files ?? []) {
    if (f.previous_filename) changed.delete(f.previous_filename);
    if (f.status === 'removed') changed.delete(f.filename);
    else changed.add(f.filename);
  }
}

/**
 * The notice files added or changed between two commits, sorted by path: whatever folder they are in,
 * decided by what changed, never by folder names.
 */
export async function fetchChanges(fetchFn: Fetch, from: string, to: string): Promise<string[]> {
  const changed = new Set<string>();
  const first = await compare(fetchFn, from, to, `per_page=${PER_PAGE}&page=1`);
  if ((first.files?.length ?? 0) < COMPARE_FILES) apply(changed, first.files);
  else {
    // GitHub listed as many files as it lists: read the range's commits, then compare it in parts.
    if (first.total_commits > CAPS.commits)
      throw new UpdateError('too-large', `${first.total_commits} new commits in github/dmca: update Backstory instead`);
    const commits = first.commits.map((c) => c.sha);
    for (let page = 2; commits.length < first.total_commits; page++) {
      const next = await compare(fetchFn, from, to, `per_page=${PER_PAGE}&page=${page}`);
      if (!next.commits.length) break;
      commits.push(...next.commits.map((c) => c.sha));
    }
    if (commits.at(-1) !== to) commits.push(to);
    /** Part (i, j]: from the i-th commit (-1: `from`) to the j-th. */
    const part = async (i: number, j: number): Promise<void> => {
      const r = await compare(fetchFn, i < 0 ? from : commits[i]!, commits[j]!, 'per_page=1');
      if ((r.files?.length ?? 0) < COMPARE_FILES) return apply(changed, r.files);
      if (j - i === 1) throw new UpdateError('too-large', `commit ${commits[j]!.slice(0, 7)} changes more files than GitHub lists`);
      const mid = (i + j) >> 1;
      await part(i, mid);
      await part(mid, j);
    };
    for (let i = -1; i < commits.length - 1; i += PER_PAGE) await part(i, Math.min(i + PER_PAGE, commits.length - 1));
  }
  return [...changed].filter(isNoticePath).sort();
}

export const rawUrl = (at: string, path: string) => `${RAW}/github/dmca/${at}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** One notice file's text at a commit. */
export async function fetchNotice(fetchFn: Fetch, at: string, path: string): Promise<string> {
  const url = rawUrl(at, path);
  const res = await get(fetchFn, url, 'text/plain');
  if (!res) throw new UpdateError('server', `${path} is not at ${at.slice(0, 7)}`);
  return readCapped(res, CAPS.notice, url);
}
