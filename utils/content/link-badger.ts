/**
 * Badges on the links of a page: candidate hrefs from the scanner go to the background (which parses
 * them), known ones get a badge. Owns what it asked and was told, the links in flight, and the badges
 * it made, with the subject each was made for — only those count, as kept here: a page's own
 * `data-backstory-badge` elements, or that attribute rewritten on ours, change nothing.
 */
import type { BadgeInfo, Subject } from '../core/model';
import { LIMITS } from '../core/limits';
import type { Send } from '../core/send';
import type { ReplyTo } from '../schema/messages';
import { placeBadge, type BadgeLook } from './badges';
import { linksWithHrefs, startLinkScanner, type PageHost } from './scanner';

export interface LinkBadger {
  /** Badged links per subject, counting only badges this badger made that are still in the page. */
  counts(): Record<Subject, number>;
  /** Remove every badge it made. */
  clear(): void;
  /** Resolves once the links found so far are scanned and answered (and badged). */
  idle(): Promise<void>;
}

export interface BadgerOptions {
  send: Send;
  host: PageHost;
  signal: AbortSignal;
  /** How badges look and group on this site. */
  look: BadgeLook;
  /** The page's own subject: links to it get no badge while the page is it (its panel covers it). */
  current(): Subject | undefined;
  /** Badges were placed. */
  onPlaced(): void;
  /** After each flush of the page's mutations (the session checks its panel and URL). */
  onMutations(): void;
  log(...a: unknown[]): void;
}

const ABSOLUTE_RE = /^\s*(?:https?:)?[/\\]{2}/i;

/**
 * Relative links go where their text says: no `<base href>` sends them to another host or folder.
 * With one that does, only absolute links are read (the background reads relative ones on the page's host).
 */
function relativeAsWritten(): boolean {
  const base = document.baseURI;
  if (base === document.URL) return true;
  try {
    return new URL('.', base).href === new URL('.', document.URL).href;
  } catch {
    return false;
  }
}

export function startLinkBadger(o: BadgerOptions): LinkBadger {
  /** Hrefs asked about (in flight or answered), and the known ones' badges: per href, one set lookup. */
  const asked = new Set<string>();
  const known = new Map<string, BadgeInfo>();
  const asking = new Set<Promise<void>>();
  /**
   * Hits of the first scan, held until its questions are answered, then badged in one batch: one query of
   * the page and one restyle for them all (on 20,000 links each batch cost a query of every link and a
   * layout of the page, and the scan's later slices waited behind each).
   */
  let held: string[] | null = [];
  const hit = (hrefs: string[]) => (held ? held.push(...hrefs) : badge(hrefs));
  /** Our badges and the subject each was placed for (never read back from the page's attributes). */
  const made = new Map<Element, Subject>();
  const ours = (el: Element, subject?: Subject) => made.has(el) && (subject === undefined || made.get(el) === subject);

  function badge(hrefs: string[]) {
    let placed = false;
    const current = o.current();
    for (const a of linksWithHrefs(document, hrefs)) {
      const info = known.get(a.getAttribute('href') ?? '');
      if (!info || info.subject === current) continue;
      const b = placeBadge(a, info, ours, o.look);
      if (b) {
        made.set(b, info.subject);
        placed = true;
      }
    }
    if (placed) o.onPlaced();
  }

  async function resolve(hrefs: string[]) {
    let reply: ReplyTo<'links'> | null = null;
    try {
      reply = await o.send({ type: 'links', hrefs });
    } catch (e) {
      o.log('links', e);
    }
    // Unanswered, they are no longer asked: asked again when they show up again.
    if (!reply) for (const h of hrefs) asked.delete(h);
    // Links to the page's own subject are answered too: `badge` leaves them bare while the page is it.
    const hits = Object.keys(reply?.known ?? {});
    for (const h of hits) known.set(h, reply!.known[h]!);
    if (hits.length && !o.signal.aborted) hit(hits);
  }

  function onHrefs(hrefs: string[]) {
    const fresh: string[] = [];
    const hits: string[] = [];
    const relative = relativeAsWritten();
    for (const h of hrefs) {
      // An over-long href names no subject; sending it would only get the whole message refused.
      if (h.length > LIMITS.href) continue;
      if (!relative && !ABSOLUTE_RE.test(h)) continue;
      if (!asked.has(h)) {
        asked.add(h);
        fresh.push(h);
      } else if (known.has(h)) hits.push(h);
    }
    if (hits.length) hit(hits);
    for (let i = 0; i < fresh.length; i += LIMITS.hrefsPerMessage) {
      const p = resolve(fresh.slice(i, i + LIMITS.hrefsPerMessage));
      asking.add(p);
      void p.finally(() => asking.delete(p));
    }
  }

  const scanner = startLinkScanner(document, {
    host: o.host,
    signal: o.signal,
    onHrefs: (hrefs) => {
      try {
        onHrefs(hrefs);
      } catch (e) {
        o.log('badges', e);
      }
    },
    onMutations: o.onMutations,
    report: (e) => o.log('scan', e),
  });
  // The first scan's questions (and any asked meanwhile) answered: its hits go in, and later ones at once.
  const firstBadges = scanner.firstScan
    .then(() => Promise.allSettled([...asking]))
    .then(() => {
      const first = held ?? [];
      held = null;
      if (first.length && !o.signal.aborted) badge(first);
    })
    .catch((e) => o.log('badges', e));

  return {
    counts() {
      const out: Record<Subject, number> = {};
      for (const [b, s] of made) {
        if (!b.isConnected) {
          made.delete(b);
          continue;
        }
        out[s] = (out[s] ?? 0) + 1;
      }
      return out;
    },
    clear() {
      for (const b of made.keys()) b.remove();
      made.clear();
    },
    async idle() {
      await firstBadges;
      await scanner.idle();
      while (asking.size && !o.signal.aborted) {
        await Promise.allSettled([...asking]);
        await scanner.idle();
      }
    },
  };
}
