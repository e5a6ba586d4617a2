/**
 * Every link Backstory renders goes through `safeHref`: only `https:` URLs to an allowed host
 * survive; anything else (javascript:, data:, http:, other hosts, credentials, odd ports) is dropped.
 */
export const ALLOWED_LINK_HOSTS: ReadonlySet<string> = new Set(['github.com', 'news.ycombinator.com']);

export function safeHref(url: unknown, allowed: ReadonlySet<string> = ALLOWED_LINK_HOSTS): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return null;
  if (!allowed.has(u.hostname)) return null;
  return u.href;
}

export function githubUrl(path: string): string {
  return `https://github.com/${path.replace(/^\/+/, '')}`;
}

export function noticeUrl(path: string): string {
  return githubUrl(`github/dmca/blob/master/${path}`);
}

/** The line of a notice a fact was read from (GitHub's blob view highlights it). */
export function noticeLineUrl(path: string, line: number): string {
  return `${noticeUrl(path)}#L${line}`;
}

export function hnItemUrl(id: number | string): string {
  return `https://news.ycombinator.com/item?id=${id}`;
}

/**
 * Link to a comment on its thread page: `#<id>` when the id is known (HN rows carry it), else a
 * `#bs-<n>` marker plus a text fragment on its anchor phrase. The browser scrolls to either; Backstory's
 * HN script reads the marker (text fragments are invisible to scripts) and highlights the comment.
 */
export function hnCommentUrl(
  threadId: number,
  comment: { n?: number | undefined; id?: number | undefined; anchor?: string | undefined },
): string {
  const base = hnItemUrl(threadId);
  if (comment.id) return `${base}#${comment.id}`;
  const marker = comment.n !== undefined ? `bs-${comment.n}` : '';
  const fragment = comment.anchor ? `:~:text=${encodeTextFragment(comment.anchor)}` : '';
  return marker || fragment ? `${base}#${marker}${fragment}` : base;
}

/** Percent-encode a phrase for a `#:~:text=` directive (`-`, `,` and `&` are syntax there). */
export function encodeTextFragment(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
}
