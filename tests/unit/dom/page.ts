/** Load fixture HTML into happy-dom's document (scripts are not run). */
export function loadPage(html: string, url: string): void {
  (globalThis as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const doc = new DOMParser().parseFromString(html.replace(/<script[\s\S]*?<\/script>/g, ''), 'text/html');
  document.documentElement.replaceChildren(...[...doc.documentElement.childNodes].map((n) => document.importNode(n, true)));
  for (const a of [...doc.documentElement.attributes]) document.documentElement.setAttribute(a.name, a.value);
}

/** Wait until `check` passes, letting the page's tasks (time slices, observers) run; no wall-clock limit. */
export async function until(check: () => boolean, maxTurns = 10_000): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error('condition never met');
}

/** Leave the document as a fresh one (files share the environment): an empty head and body, no attributes. */
export function resetPage(): void {
  for (const a of [...document.documentElement.attributes]) document.documentElement.removeAttribute(a.name);
  document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
}

/**
 * A click as the user's (happy-dom marks every event untrusted; a browser marks real input trusted and
 * script `click()`s not). The panel acts on trusted clicks only; e2e clicks in Chromium are real input.
 */
export function userClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}
