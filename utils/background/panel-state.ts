/**
 * The user's collapse/dismiss choice per subject, kept by the background in storage.local.
 * Whatever is stored is read defensively: unknown values or shapes count as "open".
 * Choices made in private (incognito) tabs are kept in memory only, for the worker's life, and win
 * over the stored ones in private tabs: nothing a private tab does is written to disk.
 */
import type { PanelState } from '../core/model';
import { isSubject } from '../core/subjects';

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const PANEL_STATE_KEY = 'panelState';
/** Keep the remembered choices bounded (oldest dropped first). */
export const MAX_REMEMBERED = 500;

export function readPanelState(stored: unknown, subject: string): PanelState {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return 'open';
  const v = (stored as Record<string, unknown>)[subject];
  return v === 'collapsed' || v === 'dismissed' ? v : 'open';
}

export function createPanelStateStore(area: KeyValueArea) {
  // Read once per worker, then kept in memory and written through: no storage read per page.
  let cache: Promise<Record<string, PanelState>> | null = null;
  async function read(): Promise<Record<string, PanelState>> {
    const raw = (await area.get(PANEL_STATE_KEY))[PANEL_STATE_KEY];
    const out: Record<string, PanelState> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) if (isSubject(k) && (v === 'collapsed' || v === 'dismissed')) out[k] = v;
    }
    return out;
  }
  async function all(): Promise<Record<string, PanelState>> {
    cache ??= read().catch((e) => {
      cache = null;
      throw e;
    });
    return { ...(await cache) };
  }
  const privately = new Map<string, PanelState>();
  return {
    async get(subject: string, incognito = false): Promise<PanelState> {
      const p = incognito ? privately.get(subject) : undefined;
      if (p) return p;
      try {
        return readPanelState(await all(), subject);
      } catch {
        return 'open';
      }
    },
    async set(subject: string, state: PanelState, incognito = false): Promise<void> {
      if (!isSubject(subject)) return;
      if (incognito) {
        privately.delete(subject);
        privately.set(subject, state);
        if (privately.size > MAX_REMEMBERED) privately.delete(privately.keys().next().value!);
        return;
      }
      const cur = await all();
      delete cur[subject];
      if (state !== 'open') cur[subject] = state;
      const keys = Object.keys(cur);
      for (const k of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete cur[k];
      cache = Promise.resolve(cur);
      await area.set({ [PANEL_STATE_KEY]: cur });
    },
  };
}
