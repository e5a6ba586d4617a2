/**
 * How long a content script's work lives: until the extension really goes away (reloaded, updated,
 * disabled, removed), which is when `browser.runtime.id` disappears from its isolated world.
 *
 * Not WXT's ContentScriptContext: it also ends when the document receives a
 * `<extension id>:<script>:wxt:content-script-started` CustomEvent, meant to stop an older copy of the
 * script, but any page can dispatch that event (the name is public: the extension id is in every
 * chrome-extension:// URL, and the gecko id in the manifest) — a page could switch Backstory off.
 * Upstream-style report: the event should carry a secret only the extension's own worlds know (or be
 * replaced by a runtime port's disconnect). Until then, Backstory ignores the event and checks the runtime.
 */
export interface Lifetime {
  /** Aborted once the extension is gone: listeners registered with it go too. */
  readonly signal: AbortSignal;
  /** Checks the runtime now (and ends the lifetime if it is gone); true while the extension is there. */
  alive(): boolean;
  /** Check every few seconds from now on (once something of ours is in the page: Chrome never tells an orphaned script). */
  watch(): void;
  /** Call `cb` when the lifetime ends; returns how to take that back (a panel removed before then must, or it leaks). */
  onEnd(cb: () => void): () => void;
}

export function createLifetime(runtime: () => { id?: string } | undefined, every = 3000): Lifetime {
  const controller = new AbortController();
  let timer: ReturnType<typeof setInterval> | undefined;
  const alive = () => {
    if (controller.signal.aborted) return false;
    let id: string | undefined;
    try {
      id = runtime()?.id;
    } catch {
      id = undefined;
    }
    if (id) return true;
    if (timer !== undefined) clearInterval(timer);
    controller.abort();
    return false;
  };
  return {
    signal: controller.signal,
    alive,
    watch() {
      timer ??= setInterval(alive, every);
    },
    onEnd(cb) {
      controller.signal.addEventListener('abort', cb, { once: true });
      return () => controller.signal.removeEventListener('abort', cb);
    },
  };
}
