/**
 * Where settings live. The small ones (switches, choices) are one `storage.sync` item, so they follow
 * the user across browsers where sync is available; the three lists (silence, always / never
 * LLaMA-related) are one `storage.local` item: at the schema's limits they reach ~215 kB, far past
 * sync's 8 kB per item and 100 kB in all, and a silence list that silently fails to save is a
 * privacy control that lies. Every write is size-checked first and fails loudly (`SettingsSaveError`);
 * every read goes through `parseSettings` (per-key fallback, migrations, problems reported once).
 * Settings written by a newer Backstory are read, never rewritten on our own, and their unknown keys
 * are kept when the user saves. Used by the background, the options page and the popup.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, LIST_KEYS, SETTINGS_VERSION, parseSettings, storageParts, type Settings } from '../schema/settings';

export const settingsItem = storage.defineItem<unknown>('sync:settings');
export const listsItem = storage.defineItem<unknown>('local:lists');

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM (Firefox uses the same figure): key + JSON value. */
export const SYNC_ITEM_BYTES = 8192;
/** Well under storage.local's 10 MB; the lists at the schema's limits are ~215 kB. */
export const LOCAL_LISTS_BYTES = 1_000_000;

export class SettingsSaveError extends Error {}

const reported = new Set<string>();
const bytes = (key: string, v: unknown) => new TextEncoder().encode(key + JSON.stringify(v)).length;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

interface Raw {
  sync: unknown;
  lists: unknown;
}

async function readRaw(): Promise<Raw> {
  const [sync, lists] = await Promise.all([settingsItem.getValue(), listsItem.getValue()]);
  return { sync, lists };
}

/** One object as `parseSettings` reads it: the sync item, with the lists from local (or, before v3, from sync). */
function combined({ sync, lists }: Raw): unknown {
  if (sync === null && lists === null) return undefined;
  if (!isObject(lists)) return sync ?? undefined;
  const base = isObject(sync) ? sync : { version: SETTINGS_VERSION };
  const out: Record<string, unknown> = { ...base };
  for (const k of LIST_KEYS) if (Object.hasOwn(lists, k)) out[k] = lists[k];
  return out;
}

function report(problems: { key: string; message: string }[]) {
  for (const p of problems) {
    const line = `${p.key}: ${p.message}`;
    if (reported.has(line)) continue;
    reported.add(line);
    console.warn(`[Backstory] setting "${p.key}" was invalid and is back to its default (${p.message}).`);
  }
}

/** Settings as stored, repaired and migrated; a repaired value is written back (never a newer version's). Never throws. */
export async function loadSettings(): Promise<Settings> {
  let raw: Raw;
  try {
    raw = await readRaw();
  } catch (e) {
    console.warn('[Backstory] could not read settings; using defaults', e);
    return { ...DEFAULT_SETTINGS };
  }
  const stored = combined(raw);
  const parsed = parseSettings(stored);
  report(parsed.problems);
  const moveLists = isObject(raw.sync) && LIST_KEYS.some((k) => Object.hasOwn(raw.sync as object, k)) && !parsed.newer;
  if ((parsed.changed || moveLists) && stored !== undefined)
    await write(parsed.settings, parsed).catch((e) => console.warn('[Backstory] could not repair stored settings', e));
  return parsed.settings;
}

/** Which of the two items a write touches (a change of one switch leaves the lists alone, and the reverse). */
type Parts = { sync: boolean; lists: boolean };

async function write(s: Settings, base: { extra: Record<string, unknown>; version?: unknown }, parts: Parts = { sync: true, lists: true }) {
  const { sync, local } = storageParts(s, base);
  const syncBytes = bytes('settings', sync);
  if (syncBytes > SYNC_ITEM_BYTES)
    throw new SettingsSaveError(
      `Nothing was saved: these settings take ${syncBytes} bytes, more than the ${SYNC_ITEM_BYTES} the browser's sync storage allows for one item.`,
    );
  const listBytes = bytes('lists', local);
  if (listBytes > LOCAL_LISTS_BYTES)
    throw new SettingsSaveError(
      `Nothing was saved: the lists take ${Math.round(listBytes / 1000)} kB, more than ${LOCAL_LISTS_BYTES / 1000} kB.`,
    );
  // Lists first: a failure after them leaves the lists saved and says so, never a list that looks saved and is not.
  try {
    if (parts.lists) await listsItem.setValue(local);
  } catch (e) {
    throw new SettingsSaveError(`Nothing was saved: the browser refused the lists (${(e as Error).message ?? e}).`);
  }
  try {
    if (parts.sync) await settingsItem.setValue(sync);
  } catch (e) {
    throw new SettingsSaveError(
      `The lists were saved, the other settings were not: the browser refused them (${(e as Error).message ?? e}). Try again; if it persists, check that sync storage is not full.`,
    );
  }
}

/** Save settings, keeping a newer version's keys and version. Throws `SettingsSaveError` (nothing or only the lists written). */
export async function saveSettings(s: Settings): Promise<void> {
  let base: { extra: Record<string, unknown>; version?: unknown } = { extra: {} };
  try {
    const raw = await readRaw();
    const parsed = parseSettings(combined(raw));
    base = { extra: parsed.extra, version: isObject(raw.sync) ? raw.sync.version : undefined };
  } catch {
    // Unreadable storage: write ours.
  }
  await write(s, base);
}

let patches: Promise<unknown> = Promise.resolve();

/**
 * Change some settings and keep the rest as stored now: read, apply `patch`, write only the items it
 * touches. A page never writes back a copy of the settings it read earlier, so a change made meanwhile
 * elsewhere (another options tab, the popup) is not undone. One patch at a time per page. Resolves to
 * the settings as stored after it; throws `SettingsSaveError` as `saveSettings` does.
 */
export function patchSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = async () => {
    const raw = await readRaw();
    const parsed = parseSettings(combined(raw));
    const next = { ...parsed.settings, ...patch };
    const keys = Object.keys(patch);
    const lists = keys.some((k) => (LIST_KEYS as readonly string[]).includes(k));
    const sync = keys.some((k) => !(LIST_KEYS as readonly string[]).includes(k)) || !isObject(raw.sync);
    await write(
      next,
      { extra: parsed.extra, version: isObject(raw.sync) ? raw.sync.version : undefined },
      { sync, lists: lists || !isObject(raw.lists) },
    );
    return next;
  };
  const p = patches.then(run, run);
  patches = p.catch(() => {});
  return p;
}

export function watchSettings(cb: () => void): () => void {
  const a = settingsItem.watch(cb);
  const b = listsItem.watch(cb);
  return () => {
    a();
    b();
  };
}
