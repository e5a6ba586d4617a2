/** Small DOM waits for content scripts (they start at document_start, while the page still parses). */

/** Resolves once the document is parsed. */
export function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Resolves when the panel can be placed: at once after parsing, or while the page still parses if the
 * site's first-choice anchor is already there (an early answer lands mid-parse); else at DOMContentLoaded.
 * (No polling: measured, timers do not run while the parser works.)
 */
export function whenPlaceable(placeableEarly?: () => boolean): Promise<void> {
  if (document.readyState === 'loading' && placeableEarly?.()) return Promise.resolve();
  return domReady();
}
