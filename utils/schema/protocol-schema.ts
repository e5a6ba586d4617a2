/** zod validation of incoming requests; background only. */
import { z } from 'zod';
import { MAX_LINK_HREFS, MAX_LOOKUP_SUBJECTS, type Request } from '../core/protocol';

const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('lookup'),
    subjects: z.array(z.string().max(300)).max(MAX_LOOKUP_SUBJECTS),
  }),
  z.strictObject({
    type: z.literal('links'),
    hrefs: z.array(z.string().max(2048)).max(MAX_LINK_HREFS),
    skip: z.string().max(300).optional(),
  }),
  z.strictObject({
    type: z.literal('page'),
    subject: z.string().max(300).optional(),
    fallback: z.string().max(300).optional(),
    networkRoot: z.string().max(200).optional(),
    takedown: z.string().max(300).optional(),
    hasUi: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('report'),
    panel: z.string().max(300).nullable(),
    badges: z.record(z.string().max(300), z.number().int().nonnegative()).refine((r) => Object.keys(r).length <= 5000, 'too many subjects'),
  }),
  z.strictObject({ type: z.literal('tabInfo'), tabId: z.number().int().nonnegative() }),
  z.strictObject({
    type: z.literal('detect'),
    subject: z.string().max(300),
    info: z.strictObject({
      description: z.string().max(2000),
      topics: z.array(z.string().max(100)).max(50),
      readmeTitle: z.string().max(300),
    }),
  }),
  z.strictObject({ type: z.literal('search'), query: z.string().max(500) }),
  z.strictObject({ type: z.literal('showPanel'), tabId: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('ui') }),
  z.strictObject({
    type: z.literal('panelState'),
    subject: z.string().max(300),
    state: z.enum(['open', 'collapsed', 'dismissed']),
  }),
]);

/** The request, or null (with the reason) when the message is not one of ours. */
export function parseRequest(msg: unknown): { ok: true; request: Request } | { ok: false; error: string } {
  const r = requestSchema.safeParse(msg);
  return r.success
    ? { ok: true, request: r.data }
    : { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ') };
}
