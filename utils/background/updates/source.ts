/**
 * The only requests Backstory ever makes, and only after the user turned notice updates on or asked
 * for a check (utils/background/updates/service.ts): public github/dmca data, the same for every user.
 *
 *  1. `GET https://api.github.com/repos/github/dmca/branches/master` — the newest commit (its id and date);
 *  2. `GET https://api.github.com/repos/github/dmca/contents/<YYYY>/<MM>?ref=<that commit>` — the notice
 *     files of each month from the bundled snapshot's to that commit's (a folder GitHub has not made
 *     yet answers 404: no files);
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

/** Caps: a branch answer, a month's listing (GitHub lists ≤ 1,000 entries), one notice file (the largest is 437 kB). */
export const CAPS = { branch: 64_000, listing: 1_000_000, notice: 1_000_000, files: 2_000, months: 36 } as const;

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

/** Read at most `max` characters of a response: refuse a longer one before reading it all when it says its length. */
async function readCapped(res: Response, max: number, url: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) throw new UpdateError('too-large', `${url} is larger than ${max} bytes`);
  const text = await res.text();
  if (text.length > max) throw new UpdateError('too-large', `${url} is larger than ${max} bytes`);
  return text;
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
const ListingSchema = z
  .array(z.object({ type: z.string().max(20), path: z.string().max(400), size: z.number().int().nonnegative() }))
  .max(1000);

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

/** The months (`YYYY/MM`) from `from`'s to `to`'s, both YYYY-MM-DD. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end && out.length <= CAPS.months) {
    out.push(`${y}/${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The notice files of one month's folder at a commit (none when the folder does not exist). */
export async function fetchMonth(fetchFn: Fetch, month: string, at: string): Promise<{ path: string; size: number }[]> {
  const list = await getJson(fetchFn, `${API}/repos/github/dmca/contents/${month}?ref=${at}`, CAPS.listing, ListingSchema);
  return (list ?? []).filter((e) => e.type === 'file' && e.path.startsWith(`${month}/`) && isNoticePath(e.path));
}

export const rawUrl = (at: string, path: string) => `${RAW}/github/dmca/${at}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** One notice file's text at a commit. */
export async function fetchNotice(fetchFn: Fetch, at: string, path: string): Promise<string> {
  const url = rawUrl(at, path);
  const res = await get(fetchFn, url, 'text/plain');
  if (!res) throw new UpdateError('server', `${path} is not at ${at.slice(0, 7)}`);
  return readCapped(res, CAPS.notice, url);
}
