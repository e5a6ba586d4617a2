/**
 * A value one of our scripts leaves for another in the page's isolated world (the panel's code for the
 * page session, the early answer for the page's question), and the callbacks waiting for it.
 *
 * Symbol keys from the registry, never names: a page's `<div id="…">` is a named property of `window`,
 * and named access reaches the isolated world too (a page could hand us its element). A registry symbol
 * is the same for every script of the extension in this world, and no element has one.
 */
export interface Slot<T> {
  get(): T | undefined;
  /** Keep `value` and hand it to everything waiting for it. */
  set(value: T): void;
  /** Call `f` with the next value set. */
  next(f: (value: T) => void): void;
}

export function slot<T>(name: string): Slot<T> {
  const g = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`backstory.${name}`);
  const waiting = Symbol.for(`backstory.${name}Waiters`);
  const waiters = () => (g[waiting] ??= []) as ((value: T) => void)[];
  return {
    get: () => g[key] as T | undefined,
    set(value) {
      g[key] = value;
      for (const f of waiters().splice(0)) f(value);
    },
    next: (f) => void waiters().push(f),
  };
}
