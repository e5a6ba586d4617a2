/** Small time slices for work on big pages: never one long task. */

/**
 * Yield to the event loop without setTimeout's 4 ms clamp on nested timers: a MessageChannel
 * message is a plain task, so input, rendering and the page's own work get their turn.
 */
export function makeYield(): (fn: () => void) => void {
  if (typeof MessageChannel === 'undefined') return (fn) => void setTimeout(fn, 0);
  let ch: MessageChannel | undefined; // created on first use: small pages never need it
  const queue: (() => void)[] = [];
  return (fn) => {
    if (!ch) {
      ch = new MessageChannel();
      ch.port1.onmessage = () => queue.shift()?.();
    }
    queue.push(fn);
    ch.port2.postMessage(0);
  };
}

/** Run `fn` over `items` in slices of about `sliceMs`, then `done`; stops when `signal` aborts. */
export function forEachSliced<T>(
  items: ArrayLike<T>,
  fn: (item: T, i: number) => void,
  done: () => void,
  signal: AbortSignal,
  sliceMs = 8,
): void {
  const later = makeYield();
  let i = 0;
  const step = () => {
    if (signal.aborted) return;
    const start = performance.now();
    while (i < items.length) {
      fn(items[i]!, i);
      i++;
      if ((i & 31) === 0 && performance.now() - start > sliceMs) return later(step);
    }
    done();
  };
  step();
}
