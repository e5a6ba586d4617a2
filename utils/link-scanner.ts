/**
 * Finds links to candidate subjects: one `querySelectorAll('a[href]')` at start, then one shared
 * MutationObserver that only queues added nodes. All work runs in small time slices so a page with
 * tens of thousands of links never sees a long task from us.
 */
import { makeYield } from './slices';
import { hashSubject, NOT_A_SUBJECT, quickSubjectHash, subjectFromHref, type Subject } from './subjects';

export type PageHost = 'github.com' | 'news.ycombinator.com';

export interface ScannerOptions {
  host: PageHost;
  signal: AbortSignal;
  /** Links found in one slice, grouped by subject. */
  onLinks(found: Map<Subject, Element[]>): void;
  /** Called after each flush of queued mutations (e.g. to check the panel is still attached). */
  onMutations?(): void;
  /** Milliseconds of work per slice. */
  sliceMs?: number;
  /** Cheap pre-check that a subject hash may be known (a filter from the background); others are dropped. */
  mayBeKnown?(hash: number): boolean;
  /** Links that may name a subject the detector recognises (LLaMA-related repos): asked about despite the filter. */
  mayBeDetected?(href: string): boolean;
  /** Skip links for which this returns true (e.g. links to the page's own subject). */
  skip?(subject: Subject): boolean;
  /** The same test by subject hash, for links the fast path never turns into a subject string. */
  skipHash?(hash: number): boolean;
  /**
   * Links to a repo or notice that the filter rules out, by subject hash: the background may still
   * know them (its DMCA index is too large to send as a filter), so they are probed.
   */
  onUnfiltered?(hash: number, link: Element, subject?: Subject): void;
  report?(e: unknown): void;
}

const now = () => performance.now();

export interface Scanner {
  /** Number of links examined so far (for tests and the benchmark). */
  readonly examined: number;
  /** Resolves when all queued work is done. */
  idle(): Promise<void>;
}

export function startLinkScanner(doc: Document, opts: ScannerOptions): Scanner {
  const sliceMs = opts.sliceMs ?? 8;
  const seen = new WeakSet<Element>();
  /** Work queue: arrays of elements whose links still need examining. */
  const queue: ArrayLike<Element>[] = [];
  let qIndex = 0;
  let scheduled = false;
  let examined = 0;
  let idleWaiters: (() => void)[] = [];
  const later = makeYield();

  const schedule = () => {
    if (scheduled || opts.signal.aborted) return;
    scheduled = true;
    later(run);
  };

  /** `fresh`: the element comes from the initial scan, which lists every link once (no dedupe needed). */
  function examine(a: Element, found: Map<Subject, Element[]>, fresh: boolean) {
    if (!fresh) {
      if (seen.has(a)) return;
      seen.add(a);
    }
    examined++;
    const href = a.getAttribute('href');
    if (!href) return;
    // Fast path: hash the would-be subject straight from the href; most links stop here.
    const quick = quickSubjectHash(href, opts.host);
    if (quick === NOT_A_SUBJECT) return;
    const may = opts.mayBeKnown;
    // The detector's cue test runs only for links the filter rules out (most links stop at the filter).
    let detectable: boolean | undefined;
    const isDetectable = () => (detectable ??= !!opts.mayBeDetected?.(href));
    if (quick >= 0 && may && !may(quick) && !isDetectable()) {
      // On GitHub the fast path only hashes repo paths (on HN only thread links, never probed).
      if (opts.onUnfiltered && opts.host === 'github.com' && !opts.skipHash?.(quick)) opts.onUnfiltered(quick, a);
      return;
    }
    const subject = subjectFromHref(href, opts.host);
    if (!subject) return;
    if (may && !isDetectable()) {
      const h = hashSubject(subject);
      if (!may(h)) {
        if (opts.onUnfiltered && !subject.startsWith('thread:') && !opts.skip?.(subject)) opts.onUnfiltered(h, a, subject);
        return;
      }
    }
    if (opts.skip?.(subject)) return;
    const list = found.get(subject);
    if (list) list.push(a);
    else found.set(subject, [a]);
  }

  function run() {
    scheduled = false;
    if (opts.signal.aborted) return;
    const start = now();
    const found = new Map<Subject, Element[]>();
    try {
      while (queue.length) {
        const batch = queue[0]!;
        while (qIndex < batch.length) {
          const el = batch[qIndex++]!;
          if (batch === initial) examine(el, found, true);
          else if (el.localName === 'a') examine(el, found, false);
          else if (el.isConnected && el.firstElementChild) {
            // A container added by the page: expand it into its links, examined in later iterations.
            const links = el.querySelectorAll('a[href]');
            if (links.length) queue.push(links);
          }
          if ((qIndex & 63) === 0 && now() - start > sliceMs) break;
        }
        if (qIndex >= batch.length) {
          queue.shift();
          qIndex = 0;
        } else break;
      }
    } catch (e) {
      opts.report?.(e);
    }
    if (found.size) opts.onLinks(found);
    if (queue.length) schedule();
    else {
      const w = idleWaiters;
      idleWaiters = [];
      for (const f of w) f();
    }
  }

  const initial = doc.querySelectorAll('a[href]');
  queue.push(initial);
  run(); // the first slice right away; most pages are done in it

  let pending: Node[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    flushTimer = undefined;
    const nodes = pending;
    pending = [];
    const els: Element[] = [];
    for (const n of nodes) if (n.nodeType === 1 && !(n as Element).localName.startsWith('backstory-')) els.push(n as Element);
    if (els.length) {
      queue.push(els);
      schedule();
    }
    opts.onMutations?.();
  };
  const observer = new MutationObserver((records) => {
    // Only queue: the real work happens later, in slices.
    for (const r of records) for (const n of r.addedNodes) pending.push(n);
    flushTimer ??= setTimeout(flush, 30);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  opts.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (flushTimer) clearTimeout(flushTimer);
    queue.length = 0;
    pending = [];
    for (const f of idleWaiters.splice(0)) f();
  });

  return {
    get examined() {
      return examined;
    },
    idle() {
      if (opts.signal.aborted || (!queue.length && !scheduled)) return Promise.resolve();
      return new Promise((r) => idleWaiters.push(r));
    },
  };
}
