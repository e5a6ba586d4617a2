/**
 * The page's answer, pushed before the page asks. When a tab starts loading a GitHub or HN page
 * whose URL alone gives a panel, the background computes the answer and hands it straight to the
 * page's isolated world (scripting.executeScript, injected immediately): measured, it lands while
 * the page still parses, where the reply to the content script's own question often waits behind
 * the page's first layout. The content script takes whichever comes first.
 *
 * No imports: `deliverEarlyAnswer` is serialised and run in the page by the browser.
 */
interface EarlyGlobal {
  __backstoryEarly?: { url: string; res: unknown };
  __backstoryEarlyWaiters?: ((e: { url: string; res: unknown }) => void)[];
}

/** Runs in the page (isolated world): keep the answer for this document only (the URL it was computed for). */
export function deliverEarlyAnswer(url: string, res: unknown): void {
  if (location.href !== url) return;
  const g = globalThis as EarlyGlobal;
  g.__backstoryEarly = { url, res };
  for (const f of g.__backstoryEarlyWaiters?.splice(0) ?? []) f(g.__backstoryEarly);
}

/** The answer pushed for `url`, when it comes (never resolves otherwise: race it with the question). */
export function whenEarlyAnswer(url: string): Promise<unknown> {
  const g = globalThis as EarlyGlobal;
  if (g.__backstoryEarly?.url === url) return Promise.resolve(g.__backstoryEarly.res);
  return new Promise((resolve) => {
    (g.__backstoryEarlyWaiters ??= []).push((e) => {
      if (e.url === url) resolve(e.res);
    });
  });
}
