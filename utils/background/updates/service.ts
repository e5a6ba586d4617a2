/**
 * Notice updates: off until the user turns them on (options) or asks for a check (options, popup) —
 * the page asks for the optional host permissions at that click; without them nothing is fetched.
 * A check fetches what github/dmca published since the bundled snapshot (source.ts), parses each new
 * file with the same parser, links it the same way (utils/dmca/overlay.ts) and stores the result in one
 * write: a failed or partial check leaves the previous notices in use. At most one check at a time;
 * the daily one runs at browser start when the last check is a day old, never because of a page.
 */
import type { NoticeUpdatesView } from '../../core/notice-updates';
import type { BuildNotice } from '../../dmca/index-format';
import type { DmcaIndex } from '../../dmca/index-read';
import { linkNewNotices, OVERLAY_FORMAT } from '../../dmca/overlay';
import { parseNotice, type ParsedNotice } from '../../dmca/parser';
import { CAPS, fetchChanges, fetchHead, fetchNotice, UpdateError, type Fetch } from './source';
import {
  EMPTY_STATUS,
  OVERLAY_BYTES,
  OVERLAY_KEY,
  overlayBytes,
  OverlaySchema,
  readOverlay,
  readStatus,
  writeStatus,
  type Area,
  type Overlay,
  type Status,
} from './store';

export interface UpdateDeps {
  fetch: Fetch;
  area: Area;
  /** The bundled snapshot: its github/dmca commit and date. */
  bundled: { commit: string; snapshot: string };
  /** A fresh copy of the bundled index, fully loaded (for linking new answers to older notices). */
  openBundled(): Promise<DmcaIndex>;
  hasPermission(): Promise<boolean>;
  removePermission(): Promise<void>;
  /** The stored notices changed: the engine reads them again. */
  changed(): void;
  now?(): Date;
  log?(...a: unknown[]): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What GitHub published since the bundle (and the earlier updates): the head commit and the new files —
 * every notice file added or changed since the commit the notices in use are as of, whatever folder it
 * was filed in, that neither the bundle nor the earlier updates have.
 */
async function fetchNew(deps: UpdateDeps, fetchFn: Fetch, kept: Overlay | null) {
  const head = await fetchHead(fetchFn);
  if (kept && kept.head === head.sha) return { head, files: [] as string[], base: null };
  const changed = await fetchChanges(fetchFn, kept?.head ?? deps.bundled.commit, head.sha);
  const base = await deps.openBundled();
  const have = new Set(kept?.notices.map((n) => n.path.toLowerCase()));
  const files = changed.filter((p) => !have.has(p.toLowerCase()) && !base.findNotice(p.toLowerCase()));
  if (files.length > CAPS.files)
    throw new UpdateError('too-large', `${files.length} new notices: more than one update takes (${CAPS.files})`);
  return { head, files, base };
}

/** What the last check added, for the options page and popup. */
function added(fresh: readonly BuildNotice[], at: string): NonNullable<Status['lastAdded']> {
  const byKind: Record<string, number> = {};
  for (const n of fresh) byKind[n.kind] = (byKind[n.kind] ?? 0) + 1;
  const newest = [...fresh].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)).slice(0, 5);
  return { at, count: fresh.length, byKind, newest: newest.map(({ path, kind, date }) => ({ path, kind, date })) };
}

export type NoticeUpdates = ReturnType<typeof createNoticeUpdates>;

export function createNoticeUpdates(deps: UpdateDeps) {
  const log = deps.log ?? console.warn;
  const now = () => (deps.now ? deps.now() : new Date());
  let running: Promise<void> | null = null;

  async function view(): Promise<NoticeUpdatesView> {
    const [status, overlay, permission] = await Promise.all([
      readStatus(deps.area),
      readOverlay(deps.area, deps.bundled.commit, log),
      deps.hasPermission(),
    ]);
    return {
      ...status,
      bundled: deps.bundled.snapshot,
      asOf: overlay?.asOf ?? deps.bundled.snapshot,
      downloaded: overlay?.notices.length ?? 0,
      permission,
    };
  }

  async function run(): Promise<void> {
    if (!(await deps.hasPermission())) {
      await writeStatus(deps.area, {
        running: null,
        error: {
          kind: 'permission',
          message: 'Backstory may not reach api.github.com and raw.githubusercontent.com',
          at: now().toISOString(),
        },
      });
      return;
    }
    await writeStatus(deps.area, { running: { done: 0, total: 0 } });
    try {
      const kept = await readOverlay(deps.area, deps.bundled.commit, log);
      const { head, files, base } = await fetchNew(deps, deps.fetch, kept);
      const parsed: ParsedNotice[] = [];
      const skipped: Status['skipped'] = [];
      for (const [i, path] of files.entries()) {
        if (i % 10 === 0) await writeStatus(deps.area, { running: { done: i, total: files.length } });
        try {
          parsed.push(parseNotice(path, await fetchNotice(deps.fetch, head.sha, path)));
        } catch (e) {
          // One file that cannot be read or parsed is skipped and named; a network failure stops the check.
          if (e instanceof UpdateError && e.kind !== 'too-large') throw e;
          if (skipped.length < 50)
            skipped.push({ path: path.slice(0, 300), reason: e instanceof Error ? e.message.slice(0, 200) : 'unreadable' });
        }
      }
      const notices = base ? linkNewNotices(base, kept?.notices ?? [], parsed) : (kept?.notices ?? []);
      const overlay = { format: OVERLAY_FORMAT, base: deps.bundled.commit, head: head.sha, asOf: head.date, notices };
      const valid = OverlaySchema.safeParse(overlay);
      if (!valid.success)
        throw new UpdateError('invalid', `a new notice does not fit the stored format (${valid.error.issues[0]?.path.join('.')})`);
      if (overlayBytes(overlay) > OVERLAY_BYTES)
        throw new UpdateError('too-large', `the new notices take more than ${OVERLAY_BYTES} bytes`);
      // One write: the whole of the new notices, or (on any failure above) nothing.
      await deps.area.set({ [OVERLAY_KEY]: overlay });
      const fresh = notices.slice(kept?.notices.length ?? 0);
      await writeStatus(deps.area, {
        running: null,
        error: null,
        lastCheck: now().toISOString(),
        lastAdded: added(fresh, now().toISOString()),
        skipped,
      });
      if (fresh.length || !kept) deps.changed();
    } catch (e) {
      const err = e instanceof UpdateError ? e : new UpdateError('invalid', e instanceof Error ? e.message : String(e));
      if (!(e instanceof UpdateError)) log('[Backstory] notice update failed', e);
      await writeStatus(deps.area, {
        running: null,
        error: {
          kind: err.kind,
          message: err.message.slice(0, 500),
          ...(err.resetAt ? { resetAt: err.resetAt } : {}),
          at: now().toISOString(),
        },
      });
    }
  }

  /** Check now (one at a time: a second click waits for the check in progress). */
  function check(): Promise<void> {
    running ??= run().finally(() => (running = null));
    return running;
  }

  return {
    view,
    check,
    /** Turn the daily check on (after the page got the permission) or off. */
    async setAuto(on: boolean) {
      await writeStatus(deps.area, { auto: on });
    },
    /** Turn updates off: no permission kept; the downloaded notices too when asked. */
    async turnOff(forget: boolean) {
      await writeStatus(deps.area, { auto: false });
      await deps.removePermission();
      if (forget) {
        await deps.area.remove(OVERLAY_KEY);
        await writeStatus(deps.area, { ...EMPTY_STATUS, auto: false });
        deps.changed();
      }
    },
    /** At browser start: the daily check, when on, permitted, and the last one is a day old. */
    async daily() {
      const s = await readStatus(deps.area);
      if (!s.auto || !(await deps.hasPermission())) return;
      if (s.lastCheck && now().getTime() - Date.parse(s.lastCheck) < DAY_MS) return;
      await check();
    },
  };
}
