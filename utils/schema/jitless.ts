/**
 * zod compiles fast validators with `new Function` after probing whether eval is allowed; extension
 * pages and the background forbid it by CSP, so the probe logs a CSP violation (Firefox shows it as a
 * background-page error). Jitless mode skips the probe and the compiler: same results, no eval.
 * Called once at the start of each runtime that validates (background, popup, options).
 */
import { z } from 'zod';

export function zodWithoutEval(): void {
  z.config({ jitless: true });
}
