/**
 * Where settings live: WXT typed storage in the `sync` area (settings follow the user across browsers
 * where sync is available). Every read goes through `parseSettings`: per-key fallback, migrations,
 * problems reported once. Used by the background, the options page and the popup.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, toStored, type Settings } from '../schema/settings';

export const settingsItem = storage.defineItem<unknown>('sync:settings');

const reported = new Set<string>();

/** Settings as stored, repaired and migrated; a repaired value is written back. Never throws. */
export async function loadSettings(): Promise<Settings> {
  let raw: unknown;
  try {
    raw = await settingsItem.getValue();
  } catch (e) {
    console.warn('[Backstory] could not read settings; using defaults', e);
    return { ...DEFAULT_SETTINGS };
  }
  const { settings, problems, changed } = parseSettings(raw);
  for (const p of problems) {
    const line = `${p.key}: ${p.message}`;
    if (reported.has(line)) continue;
    reported.add(line);
    console.warn(`[Backstory] setting "${p.key}" was invalid and is back to its default (${p.message}).`);
  }
  if (changed && raw !== undefined) await settingsItem.setValue(toStored(settings)).catch(() => {});
  return settings;
}

export async function saveSettings(s: Settings): Promise<void> {
  await settingsItem.setValue(toStored(s));
}

export function watchSettings(cb: () => void): () => void {
  return settingsItem.watch(cb);
}
