/**
 * Where settings are stored (utils/storage/settings.ts), against WXT's fake browser: the lists in
 * storage.local (they outgrow sync's 8 kB item), the rest in sync; writes that fail say so; a newer
 * version's settings are never rewritten on our own and keep their keys when the user saves.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, exportSettings, parseImport } from '@/utils/schema/settings';
import { SYNC_ITEM_BYTES, SettingsSaveError, loadSettings, patchSettings, saveSettings } from '@/utils/storage/settings';

const sync = () => fakeBrowser.storage.sync.get('settings').then((r) => r.settings as Record<string, unknown> | undefined);
const local = () => fakeBrowser.storage.local.get('lists').then((r) => r.lists as Record<string, unknown> | undefined);
/** Longest entries the schema allows: 39-character owner, 100-character name. */
const longRepo = (i: number) => `${'o'.repeat(34)}${String(i).padStart(5, '0')}/${'n'.repeat(100)}`;

describe('settings storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  test('three lists of 500 maximal entries save, and the sync item stays under its 8 kB quota', async () => {
    const full = Array.from({ length: 500 }, (_, i) => longRepo(i));
    const s = { ...DEFAULT_SETTINGS, silence: full, llamaAlways: full, llamaNever: full, badges: false };
    await saveSettings(s);
    const stored = await sync();
    expect(new TextEncoder().encode('settings' + JSON.stringify(stored)).length).toBeLessThan(SYNC_ITEM_BYTES);
    expect(stored).not.toHaveProperty('silence');
    expect((await local())!.silence).toHaveLength(500);
    expect(await loadSettings()).toEqual(s);
    // The same settings as a file: within the import limit, and they import back whole.
    const file = exportSettings(s);
    expect(parseImport(file)).toEqual({ ok: true, settings: s });
  });

  test('settings of version 2 (lists inside the sync item) move their lists to local once, nothing lost', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, ...DEFAULT_SETTINGS, theme: 'dark', silence: ['github.com'] } });
    const s = await loadSettings();
    expect(s.silence).toEqual(['github.com']);
    expect(s.theme).toBe('dark');
    expect(await sync()).toMatchObject({ version: SETTINGS_VERSION, theme: 'dark' });
    expect(await sync()).not.toHaveProperty('silence');
    expect(await local()).toEqual({ silence: ['github.com'], llamaAlways: [], llamaNever: [] });
  });

  test('settings stored by a newer version are read, never written back; saving keeps their keys and version', async () => {
    const newer = { version: SETTINGS_VERSION + 1, ...DEFAULT_SETTINGS, theme: 'dark', futureThing: { a: 1 } };
    delete (newer as Record<string, unknown>).silence;
    await fakeBrowser.storage.sync.set({ settings: newer });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const s = await loadSettings();
    expect(s.theme).toBe('dark');
    expect(set).not.toHaveBeenCalled();
    expect(await sync()).toEqual(newer);
    // The user changes one thing in this (older) version: the newer keys and version survive.
    await saveSettings({ ...s, badges: false });
    expect(await sync()).toMatchObject({ version: SETTINGS_VERSION + 1, futureThing: { a: 1 }, badges: false, theme: 'dark' });
  });

  test('a patch changes its keys and keeps what another page stored meanwhile; it writes only the item it touches (issue 23)', async () => {
    const seenByOptions = await loadSettings();
    // The popup and another options tab, after the first options tab read the settings:
    await patchSettings({ github: false });
    await patchSettings({ silence: ['shawwn/llama-dl'] });
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    // The first tab picks a theme: nothing it read earlier is written back.
    expect(await patchSettings({ theme: 'dark' })).toEqual({
      ...seenByOptions,
      github: false,
      silence: ['shawwn/llama-dl'],
      theme: 'dark',
    });
    expect(localSet).not.toHaveBeenCalled();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, github: false, silence: ['shawwn/llama-dl'], theme: 'dark' });
    // Patches from one page at once are applied in turn, none lost.
    await Promise.all([patchSettings({ hn: false }), patchSettings({ llamaNever: ['a/b'] }), patchSettings({ badges: false })]);
    expect(await loadSettings()).toMatchObject({ hn: false, llamaNever: ['a/b'], badges: false, github: false, theme: 'dark' });
  });

  test('a write the browser refuses fails loudly: SettingsSaveError, with what was and was not saved', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const err = await saveSettings({ ...DEFAULT_SETTINGS, badges: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SettingsSaveError);
    expect((err as Error).message).toMatch(/other settings were not.*quota exceeded/);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const err2 = await saveSettings({ ...DEFAULT_SETTINGS, silence: ['github.com'] }).catch((e: unknown) => e);
    expect((err2 as Error).message).toMatch(/^Nothing was saved/);
  });
});
