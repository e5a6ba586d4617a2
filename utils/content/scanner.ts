/**
 * Finds the links of a page that may name a subject, touching as few elements as possible.
 *
 * A content script pays for every element it reads: each needs a wrapper in the extension's
 * isolated world (measured ~1–2 µs per link with `getAttribute`, more than everything else we do per
 * link). So the first scan reads the page's markup as one string — serialised natively by the
 * browser — and pulls the candidate hrefs out with one regular expression; the elements are looked
 * up again (one selector) only for the few hrefs the background knows. Pages too large to serialise
 * in one short task, and links added later, are read element by element. One shared
 * MutationObserver only queues; all work runs in small time slices.
 *
 * Only hrefs are reported, raw as written in the page and deduplicated per slice: parsing them into
 * subjects is the background's work (it keeps its code warm; the page's copy would run cold).
 */
import { SITE_LINKS, type SiteHost } from '../core/sites';
import { makeYield } from './slices';

export type PageHost = SiteHost;

export interface ScannerOptions {
  host: PageHost;
  signal: AbortSignal;
  /** Candidate hrefs found in one slice: raw attribute values, deduplicated within the slice. */
  onHrefs(hrefs: string[]): void;
  /** Called after each flush of queued mutations (e.g. to check the panel is still attached). */
  onMutations?(): void;
  /** Milliseconds of work per slice. */
  sliceMs?: number;
  /** Above this many links, the first scan reads elements in slices instead of serialising. */
  serializeMaxLinks?: number;
  report?(e: unknown): void;
}

/**
 * Hrefs that may name a subject, from the site registry (utils/core/sites.ts, SITE_LINKS): the page's own
 * site's relative links, or an absolute link to any site's subjects. Written twice: for serialised markup
 * (values end at `"`, which the serialiser escapes) and for raw attribute values. A property test keeps
 * the two in step.
 */
const CANDIDATE = (host: PageHost, markup: boolean) => {
  const c = markup ? '[^"]' : '[^]';
  const absolute = Object.values(SITE_LINKS)
    .map((l) => l.absolute)
    .join('|');
  return `${SITE_LINKS[host].relative(c, markup ? '"' : '')}|${c}*?(?:${absolute})${c}*`;
};
/** In serialised markup every attribute is ` name="value"` with `&`, `"`, `<`, `>` and NBSP escaped. */
const markupRe = (host: PageHost) => new RegExp(`<a\\s(?:[^>]*?\\s)?href="(${CANDIDATE(host, true)})"`, 'g');
const hrefRe = (host: PageHost) => new RegExp(`^(?:${CANDIDATE(host, false)})$`);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&nbsp;': '\u00a0' };
/** An attribute value as the serialiser escaped it, back to the value itself. */
export function unescapeAttr(v: string): string {
  return v.indexOf('&') === -1 ? v : v.replace(/&(?:amp|quot|lt|gt|nbsp);/g, (e) => ENTITIES[e]!);
}

/** The candidate hrefs of a piece of serialised markup (deduplicated), for tests and the scanner. */
export function hrefsInMarkup(html: string, host: PageHost): string[] {
  const re = markupRe(host);
  const out = new Set<string>();
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) out.add(unescapeAttr(m[1]!));
  return [...out];
}

export function isCandidateHref(href: string, host: PageHost): boolean {
  return hrefRe(host).test(href);
}

export interface Scanner {
  /** Resolves when all queued work is done. */
  idle(): Promise<void>;
  /** Resolves when the first scan (the page as it was at the start) is done; its hrefs reported. */
  firstScan: Promise<void>;
}

const now = () => performance.now();

export function startLinkScanner(doc: Document, opts: ScannerOptions): Scanner {
  const sliceMs = opts.sliceMs ?? 8;
  const later = makeYield();
  const candidate = hrefRe(opts.host);
  /** Work still to do, in order: markup to search, or elements to read. */
  type Job = { kind: 'markup'; text: string; re: RegExp } | { kind: 'elements'; list: ArrayLike<Element>; i: number };
  const jobs: Job[] = [];
  let scheduled = false;
  const idleWaiters: (() => void)[] = [];

  const schedule = () => {
    if (scheduled || opts.signal.aborted) return;
    scheduled = true;
    later(run);
  };

  const markup = (text: string) => {
    if (text.indexOf('<a') !== -1) jobs.push({ kind: 'markup', text, re: markupRe(opts.host) });
  };

  function run() {
    scheduled = false;
    if (opts.signal.aborted) return;
    const start = now();
    const found = new Set<string>();
    const read = (a: Element) => {
      const href = a.getAttribute('href');
      if (href && candidate.test(href)) found.add(href);
    };
    try {
      while (jobs.length) {
        const job = jobs[0]!;
        let done = true;
        if (job.kind === 'markup') {
          let m: RegExpExecArray | null;
          let n = 0;
          while ((m = job.re.exec(job.text))) {
            found.add(unescapeAttr(m[1]!));
            if ((++n & 255) === 0 && now() - start > sliceMs) {
              done = false;
              break;
            }
          }
        } else {
          const { list } = job;
          while (job.i < list.length) {
            const el = list[job.i++]!;
            if (el.localName === 'a') read(el);
            else if (el.isConnected && el.firstElementChild && !el.localName.startsWith('backstory-')) {
              // A container added by the page: a few links are read directly, many from its markup.
              const inner = el.getElementsByTagName('a');
              if (inner.length > 8) markup(el.outerHTML);
              else for (let k = 0; k < inner.length; k++) read(inner[k]!);
            }
            if ((job.i & 63) === 0 && now() - start > sliceMs) {
              done = job.i >= list.length;
              break;
            }
          }
        }
        if (!done) break;
        if (jobs.shift() === first) firstDone();
        if (now() - start > sliceMs) break;
      }
    } catch (e) {
      opts.report?.(e);
    }
    if (found.size) opts.onHrefs([...found]);
    if (jobs.length) schedule();
    else for (const f of idleWaiters.splice(0)) f();
  }

  // The first scan: the page's markup as one string, unless the page is huge (then element by element).
  const links = doc.getElementsByTagName('a');
  if (links.length > (opts.serializeMaxLinks ?? 25_000)) jobs.push({ kind: 'elements', list: doc.querySelectorAll('a[href]'), i: 0 });
  else markup((doc.body ?? doc.documentElement)?.outerHTML ?? '');
  const first = jobs[0];
  let firstDone!: () => void;
  const firstScan = new Promise<void>((r) => (firstDone = r));
  if (!first) firstDone();
  run(); // the first slice right away; most pages are done in it

  let pending: Node[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** A page that keeps adding content is read at most every 150 ms (fewer, larger batches and messages). */
  let lastFlush = -Infinity;
  const flush = () => {
    flushTimer = undefined;
    lastFlush = now();
    const nodes = pending;
    pending = [];
    const els: Element[] = [];
    for (const n of nodes) if (n.nodeType === 1 && !(n as Element).localName.startsWith('backstory-')) els.push(n as Element);
    if (els.length) {
      jobs.push({ kind: 'elements', list: els, i: 0 });
      schedule();
    } else if (!jobs.length && !scheduled) for (const f of idleWaiters.splice(0)) f();
    opts.onMutations?.();
  };
  const observer = new MutationObserver((records) => {
    // Only queue: the real work happens later, in slices.
    for (const r of records) for (const n of r.addedNodes) pending.push(n);
    flushTimer ??= setTimeout(flush, now() - lastFlush < 500 ? 150 : 30);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  opts.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (flushTimer) clearTimeout(flushTimer);
    jobs.length = 0;
    pending = [];
    firstDone();
    for (const f of idleWaiters.splice(0)) f();
  });

  return {
    firstScan,
    idle() {
      if (opts.signal.aborted || (!jobs.length && !scheduled && !flushTimer)) return Promise.resolve();
      return new Promise((r) => idleWaiters.push(r));
    },
  };
}

/** The links of `doc` whose href is one of `hrefs` (one selector per 64 distinct hrefs: each is a pass over every link). */
export function linksWithHrefs(doc: Document, hrefs: readonly string[]): Element[] {
  const out: Element[] = [];
  const distinct = [...new Set(hrefs)];
  for (let i = 0; i < distinct.length; i += 64) {
    const sel = distinct
      .slice(i, i + 64)
      .map((h) => `a[href="${CSS.escape(h)}"]`)
      .join(',');
    for (const a of doc.querySelectorAll(sel)) out.push(a);
  }
  return out;
}
