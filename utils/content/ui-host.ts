/** Hosts for our shadow-root UI (badges, the panel, HN chips) that a page cannot take over. */

let inert: Document | undefined;
/**
 * A host element for our shadow UI that the page cannot take over: created in a document with no
 * custom-element registry, so a page that defines our tag name cannot construct it (and claim its
 * shadow root) first. Once we have attached our shadow root, the page's upgrade on insertion fails.
 */
export function uiHost(tag: string): HTMLElement {
  inert ??= document.implementation.createHTMLDocument('');
  return inert.createElement(tag);
}
