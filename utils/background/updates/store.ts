/**
 * What notice updates keep on this device (storage.local, never sync): the newer notices (one item,
 * written in one `set`, so an update either replaces the whole of it or leaves the previous one), and
 * the status the options page and popup show. Both are validated when read: an item from another
 * format or another bundled snapshot is dropped (the next check fetches it again), never half-read.
 */
import '../../schema/jitless';
import { z } from 'zod';
import type { BuildNotice } from '../../dmca/index-format';
import { OVERLAY_FORMAT } from '../../dmca/overlay';

export const OVERLAY_KEY = 'noticeOverlay';
export const STATUS_KEY = 'noticeUpdates';
/** storage.local holds 10 MB; the newer notices may take half (a month of notices is ~0.2 MB). */
export const OVERLAY_BYTES = 5_000_000;

export interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const line = z.number().int().positive();
const fact = <T extends z.ZodType>(v: T) => z.strictObject({ value: v, line }).nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().max(300);

const NoticeSchema = z.strictObject({
  path: text,
  date,
  textDate: fact(date),
  kind: z.enum(['takedown', 'counter-notice', 'retraction', 'reversal', 'legal', 'other']),
  sender: fact(z.string().max(120)),
  principal: fact(z.string().max(120)),
  filer: fact(z.string().max(120)),
  fileParty: z.string().max(80),
  network: fact(z.number().int().positive()),
  gists: z.number().int().nonnegative(),
  scope: z.enum(['named', 'except', 'unlisted']),
  changesOffered: line.nullable(),
  asks: fact(z.enum(['whole', 'files'])),
  repos: z.array(z.strictObject({ name: z.string().max(141), line, files: z.literal(true).optional() })).max(20_000),
  originals: z.array(z.string().max(141)).max(1000),
  refersTo: z.array(z.strictObject({ path: text, inferred: z.boolean(), line: line.nullable() })).max(50),
});

/** One notice the last update added, as the options page and popup list it. */
const AddedSchema = z.strictObject({ path: text, kind: NoticeSchema.shape.kind, date });

export const OverlaySchema = z.strictObject({
  format: z.string(),
  /** The bundled snapshot the notices were fetched on top of. */
  base: z.string(),
  /** The github/dmca commit they are as of, and its date. */
  head: z.string().regex(/^[0-9a-f]{40}$/),
  asOf: date,
  notices: z.array(NoticeSchema).max(20_000),
});
export type Overlay = z.infer<typeof OverlaySchema> & { notices: BuildNotice[] };

export const StatusSchema = z.strictObject({
  /** Check once a day (at browser start, when the last check is a day old). */
  auto: z.boolean(),
  lastCheck: z.string().nullable(),
  running: z.strictObject({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  error: z
    .strictObject({
      kind: z.enum(['offline', 'rate-limited', 'server', 'invalid', 'permission', 'too-large']),
      message: z.string().max(500),
      resetAt: z.string().optional(),
      at: z.string(),
    })
    .nullable(),
  /** What the last update that found something added: counts by kind and the newest few. */
  lastAdded: z
    .strictObject({
      at: z.string(),
      count: z.number().int().nonnegative(),
      byKind: z.record(z.string(), z.number().int().nonnegative()),
      newest: z.array(AddedSchema).max(10),
    })
    .nullable(),
  /** Files that could not be read (skipped, named, the rest kept). */
  skipped: z.array(z.strictObject({ path: text, reason: z.string().max(200) })).max(50),
});
export type Status = z.infer<typeof StatusSchema>;

export const EMPTY_STATUS: Status = { auto: false, lastCheck: null, running: null, error: null, lastAdded: null, skipped: [] };

export const overlayBytes = (o: Overlay) => new TextEncoder().encode(OVERLAY_KEY + JSON.stringify(o)).length;

/** The stored newer notices, when they are of this format and on top of this bundle; else null (and dropped). */
export async function readOverlay(area: Area, base: string, log: (...a: unknown[]) => void = console.warn): Promise<Overlay | null> {
  const raw = (await area.get(OVERLAY_KEY))[OVERLAY_KEY];
  if (raw === undefined) return null;
  const r = OverlaySchema.safeParse(raw);
  if (r.success && r.data.format === OVERLAY_FORMAT && r.data.base === base) return r.data as Overlay;
  log('[Backstory] dropped the downloaded notices: another format or another bundled snapshot; the next check fetches them again');
  await area.remove(OVERLAY_KEY);
  return null;
}

export async function readStatus(area: Area): Promise<Status> {
  const r = StatusSchema.safeParse((await area.get(STATUS_KEY))[STATUS_KEY]);
  return r.success ? r.data : EMPTY_STATUS;
}

export async function writeStatus(area: Area, patch: Partial<Status>): Promise<Status> {
  const next = { ...(await readStatus(area)), ...patch };
  await area.set({ [STATUS_KEY]: next });
  return next;
}
