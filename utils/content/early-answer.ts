/**
 * The page's answer, pushed before the page asks. When a tab starts loading a GitHub or HN page
 * whose URL alone gives a panel, the background computes the answer and hands it straight to the
 * page's isolated world (scripting.executeScript, injected immediately): measured, it lands while
 * the page still parses, where the reply to the content script's own question often waits behind
 * the page's first layout. The content script takes whichever comes first.
 *
 * `deliverEarlyAnswer` has no imports: it is serialised and run in the page by the browser. This module
 * owns the trick on the page's side: `pageAnswer` races the pushed answer with the page's own question.
 */
import type { ReplyTo } from '../schema/messages';
import { domReady } from './dom';
import { slot } from './slot';

type Early = { url: string; res: unknown };

/** Runs in the page (isolated world): keep the answer for this document only (the URL it was computed for). */
export function deliverEarlyAnswer(url: string, res: unknown): void {
  if (location.href !== url) return;
  // Serialised and run by the browser: no outer names, so slot.ts's keys for `early` are spelt out here.
  const g = globalThis as unknown as Record<symbol, unknown>;
  const early = { url, res };
  g[Symbol.for('backstory.early')] = early;
  const waiters = g[Symbol.for('backstory.earlyWaiters')] as ((e: typeof early) => void)[] | undefined;
  for (const f of waiters?.splice(0) ?? []) f(early);
}

const early = /* @__PURE__ */ slot<Early>('early');

/** The answer pushed for `url`, when it comes (never resolves otherwise: race it with the question). */
export function whenEarlyAnswer(url: string): Promise<unknown> {
  const e = early.get();
  if (e?.url === url) return Promise.resolve(e.res);
  return new Promise((resolve) => early.next((e) => e.url === url && resolve(e.res)));
}

const NOT_YET = Symbol('not yet');
type PageReply = ReplyTo<'page'>;
const isPageReply = (r: unknown): r is PageReply => !!r && typeof r === 'object' && (r as { type?: unknown }).type === 'page';

/**
 * The answer to the page's first question. `early`: this URL may have a pushed answer (only the first
 * question of a document, about the URL alone, is pushed). `declaredUi`: the panel's code is declared
 * for this page, so the background pushes its answer (Chrome): ask only if nothing came by DOMContentLoaded.
 */
export async function pageAnswer(
  ask: () => Promise<PageReply | null>,
  opts: { early: boolean; declaredUi: boolean; pushes: boolean },
): Promise<PageReply | null> {
  if (!opts.early) return ask();
  const early = whenEarlyAnswer(location.href).then((r) => (isPageReply(r) ? r : null));
  if (opts.declaredUi && opts.pushes) {
    const first = await Promise.race([early, domReady().then((): typeof NOT_YET => NOT_YET)]);
    if (first !== NOT_YET) return first as PageReply | null;
  }
  // Only our background can write our isolated world; the pushed answer is to the same question.
  return Promise.race([ask(), early]);
}
