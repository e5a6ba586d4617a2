/**
 * zod compiles fast validators with `new Function` after probing whether eval is allowed; extension
 * pages and the background forbid eval by CSP, so the probe logs a CSP violation (Firefox reports it
 * as a background-page error). Jitless mode skips the probe and the compiler: same results, no eval.
 *
 * The one deliberate top-level side effect in the house: zod decides per schema *when the schema is
 * built*, so this must run before any schema module's body. Every module of this folder that builds
 * schemas imports this file first; ES module order does the rest.
 */
import { z } from 'zod';

z.config({ jitless: true });
