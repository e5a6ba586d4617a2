/**
 * What of a search query matters, within the `search` message's 500 characters. A pasted link keeps
 * what names its subject: a GitHub path, an HN item's id; its tracking parameters and fragment go.
 * Anything else longer than that is cut at the last word that fits. Pure string work.
 */
export const MAX_QUERY = 500;

const SITE_URL_RE = /^(?:https?:\/\/)?(?:www\.)?(github\.com|news\.ycombinator\.com)(\/[^?#\s]*)?(\?[^#\s]*)?/i;
const ANY_URL_RE = /^([a-z][a-z0-9+.-]*:\/\/[^?#\s]+)[?#]/i;

export function searchQuery(raw: string): string {
  const q = raw.trim();
  if (q.length <= MAX_QUERY) return q;
  const site = SITE_URL_RE.exec(q);
  if (site) {
    const [, host, path = '/', search = ''] = site;
    const id = host!.toLowerCase() === 'news.ycombinator.com' ? /[?&]id=(\d{1,12})(?:&|$)/.exec(search)?.[1] : undefined;
    return `https://${host!.toLowerCase()}${path}${id ? `?id=${id}` : ''}`.slice(0, MAX_QUERY);
  }
  const url = ANY_URL_RE.exec(q);
  if (url && url[1]!.length <= MAX_QUERY) return url[1]!;
  const cut = q.slice(0, MAX_QUERY + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, MAX_QUERY)).trim();
}
