/**
 * Backstory's settings: one zod schema with defaults, versioned migrations, and per-key fallback
 * (an invalid key falls back to its default, valid keys are kept, and the problems are reported once).
 * Used by the background, the options page and the popup — never by content scripts, which get the
 * effective settings for their page from the background.
 */
import './jitless'; // before any schema is built: no eval probe (see jitless.ts)
import { z } from 'zod';
import { SITES, SITE_HOSTS, siteAt, type SiteSetting } from '../core/sites';

/** v4: no `placement` (the panel is always inline). v3: the lists live apart (utils/storage/settings.ts). */
export const SETTINGS_VERSION = 4;

/** The settings that are lists: stored in `storage.local`, the rest in one `storage.sync` item. */
export const LIST_KEYS = ['silence', 'llamaAlways', 'llamaNever'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

/** What the silence list takes: a site of the registry (utils/core/sites.ts), owner/name or owner/*. */
export const SILENCE_HINT = `a site (${SITE_HOSTS.join(', ')}), owner/name or owner/*`;
const silenceEntry = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    new RegExp(
      `^(?:${SITE_HOSTS.map((h) => h.replaceAll('.', '\\.')).join('|')}|[a-z0-9](?:[a-z0-9-]{0,38})\\/(?:\\*|[a-z0-9._-]{1,100}))$`,
    ),
    `expected ${SILENCE_HINT}`,
  );

const repoEntry = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38})\/[a-z0-9._-]{1,100}$/, 'expected owner/name');

/** Each site's switch (`github`, `hn`: utils/core/sites.ts), on by default. */
const siteSwitches = Object.fromEntries(SITES.map((s) => [s.setting, z.boolean()])) as { [K in SiteSetting]: z.ZodBoolean };
const sitesOn = Object.fromEntries(SITES.map((s) => [s.setting, true])) as { [K in SiteSetting]: boolean };

/** One schema per key, so each key is validated (and falls back) on its own. */
export const SETTING_SCHEMAS = {
  ...siteSwitches,
  /** Panel behaviour: open, collapsed, or only when asked (toolbar popup or keyboard shortcut). */
  panel: z.enum(['open', 'collapsed', 'ask']),
  badges: z.boolean(),
  /** LLaMA detection: the dataset only, or the dataset plus the name/description heuristic. */
  detection: z.enum(['dataset', 'heuristic']),
  tangents: z.boolean(),
  theme: z.enum(['site', 'light', 'dark']),
  /** Sites, repos (owner/name) or owners (owner/*) where Backstory stays silent. */
  silence: z.array(silenceEntry).max(500),
  /** Repos the user says are always / never LLaMA-related (owner/name). */
  llamaAlways: z.array(repoEntry).max(500),
  llamaNever: z.array(repoEntry).max(500),
} as const;

export type Settings = { [K in keyof typeof SETTING_SCHEMAS]: z.output<(typeof SETTING_SCHEMAS)[K]> };
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  ...sitesOn,
  // One status line; the details on demand (the page stays the user's).
  panel: 'collapsed',
  badges: true,
  detection: 'heuristic',
  tangents: true,
  theme: 'site',
  silence: [],
  llamaAlways: [],
  llamaNever: [],
});

export interface StoredSettings extends Settings {
  version: number;
}

/**
 * Migrations from each older stored shape to the next. v1 (Backstory 0.0.x) stored
 * `{ enabled, showBadges, collapsed }`; v2 splits `enabled` per site and names the panel behaviour.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => {
    const { enabled, showBadges, collapsed, ...rest } = old;
    return {
      ...rest,
      // `enabled` was every site's switch.
      ...(typeof enabled === 'boolean' ? Object.fromEntries(SITES.map((s) => [s.setting, enabled])) : {}),
      ...(showBadges !== undefined ? { badges: showBadges } : {}),
      ...(collapsed !== undefined ? { panel: collapsed === true ? 'collapsed' : collapsed === false ? 'open' : collapsed } : {}),
    };
  },
  // v2 → v3: the same keys; the storage layer moves the lists out of the sync item.
  2: (old) => old,
  // v3 → v4: `placement` is gone (a floating panel covered the page; it was ignored since). Older exports still import.
  3: ({ placement: _placement, ...rest }) => rest,
};

export interface ParsedSettings {
  settings: Settings;
  /** Keys that were present but invalid, with why; they fell back to their defaults. */
  problems: { key: string; message: string }[];
  /** Whether the stored value should be rewritten (migrated or repaired; not for missing keys). Never when `newer`. */
  changed: boolean;
  /** Stored by a newer Backstory (a higher version): read what we know, write nothing back on our own. */
  newer: boolean;
  /** Keys this version does not know (a newer version's), kept as they are whenever we write. */
  extra: Record<string, unknown>;
}

const own = (o: object, k: string) => Object.hasOwn(o, k);

/** A version we can migrate from: a whole number from 1 (anything else is read as the oldest, v1). */
const validVersion = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  // Never loop on the stored number itself: -1e308 or 0.5 would run for ever (or never end on a float).
  let v = validVersion(raw.version) ? Math.min(raw.version, SETTINGS_VERSION) : 1;
  let out = { ...raw };
  while (v < SETTINGS_VERSION) {
    const m = MIGRATIONS[v];
    if (m) out = m(out);
    v++;
  }
  return { ...out, version: SETTINGS_VERSION };
}

/** Read whatever is stored: never throws, keeps every valid key, reports the rest. */
export function parseSettings(stored: unknown): ParsedSettings {
  const problems: ParsedSettings['problems'] = [];
  if (stored === undefined || stored === null)
    return { settings: { ...DEFAULT_SETTINGS }, problems, changed: false, newer: false, extra: {} };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [{ key: '(settings)', message: `expected an object, got ${Array.isArray(stored) ? 'an array' : typeof stored}` }],
      changed: true,
      newer: false,
      extra: {},
    };
  }
  const raw = stored as Record<string, unknown>;
  const newer = validVersion(raw.version) && raw.version > SETTINGS_VERSION;
  if (own(raw, 'version') && !validVersion(raw.version))
    problems.push({
      key: 'version',
      message: `expected a whole number from 1, got ${JSON.stringify(raw.version)?.slice(0, 40)}; read as version 1`,
    });
  const migrated = newer ? raw : migrate(raw);
  let changed = raw.version !== SETTINGS_VERSION;
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(SETTING_SCHEMAS) as SettingKey[]) {
    // A missing key reads as its default and is not worth a write: a write-back of defaults, made while
    // another page saves (lists first, then the rest), would undo that save.
    if (!own(migrated, key)) continue;
    const r = SETTING_SCHEMAS[key].safeParse(migrated[key]);
    if (r.success) {
      settings[key] = Array.isArray(r.data) ? [...new Set(r.data as string[])] : r.data;
      if (JSON.stringify(settings[key]) !== JSON.stringify(migrated[key])) changed = true;
    } else {
      problems.push({ key, message: r.error.issues.map((i) => `${i.path.length ? `[${i.path.join('.')}] ` : ''}${i.message}`).join('; ') });
      changed = true;
    }
  }
  // Keys we do not know are a newer version's: kept, never dropped (sync would spread the loss).
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(migrated)) if (key !== 'version' && !own(SETTING_SCHEMAS, key)) extra[key] = migrated[key];
  return { settings: settings as Settings, problems, changed: changed && !newer, newer, extra };
}

export function toStored(s: Settings): StoredSettings {
  return { version: SETTINGS_VERSION, ...s };
}

/**
 * What is written where: the lists (`local`, up to ~215 kB at the schema's limits: more than sync's
 * 8 kB per item allows) and the rest (`sync`, a few hundred bytes), with the keys of a newer version
 * kept and a newer version number never lowered.
 */
export function storageParts(
  s: Settings,
  base: { extra?: Record<string, unknown>; version?: unknown } = {},
): { sync: Record<string, unknown>; local: Record<ListKey, string[]> } {
  const version = validVersion(base.version) && base.version > SETTINGS_VERSION ? base.version : SETTINGS_VERSION;
  const sync: Record<string, unknown> = { ...base.extra, version };
  for (const key of Object.keys(SETTING_SCHEMAS) as SettingKey[]) if (!(LIST_KEYS as readonly string[]).includes(key)) sync[key] = s[key];
  return { sync, local: { silence: s.silence, llamaAlways: s.llamaAlways, llamaNever: s.llamaNever } };
}

export const MAX_IMPORT_CHARS = 400_000;

/** Why a file of `size` characters (or bytes: a settings file is ASCII) is too large to import, or null. */
export function importTooLarge(size: number): string | null {
  if (size <= MAX_IMPORT_CHARS) return null;
  return `Nothing was changed. The file is too large (${Math.round(size / 1024)} kB); a Backstory settings file is at most ${MAX_IMPORT_CHARS / 1000} kB.`;
}

/** An import file: the settings object itself or `{ backstorySettings: … }`; strict, all or nothing. */
export function parseImport(text: string): { ok: true; settings: Settings } | { ok: false; error: string } {
  // Three lists of 500 entries of up to 140 characters export as ~230 kB: anything larger is not ours.
  const tooLarge = importTooLarge(text.length);
  if (tooLarge) return { ok: false, error: tooLarge };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message}).` };
  }
  if (json && typeof json === 'object' && own(json, 'backstorySettings')) json = (json as { backstorySettings: unknown }).backstorySettings;
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, error: 'The file does not hold a settings object.' };
  const { settings, problems } = parseSettings(json);
  const unknown = Object.keys(json).filter(
    (k) => k !== 'version' && !own(SETTING_SCHEMAS, k) && !['enabled', 'showBadges', 'collapsed', 'placement'].includes(k),
  );
  if (problems.length || unknown.length) {
    const lines = [...problems.map((p) => `${p.key}: ${p.message}`), ...unknown.map((k) => `${k}: not a Backstory setting`)];
    return {
      ok: false,
      error: `Nothing was changed. The file has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`,
    };
  }
  return { ok: true, settings };
}

export function exportSettings(s: Settings): string {
  return JSON.stringify({ backstorySettings: toStored(s) }, null, 2) + '\n';
}

/** The repo a subject lives in: its own for `repo:`, github/dmca for a notice; none for a thread. */
export function repoOfSubject(subject: string | undefined): string | undefined {
  if (subject?.startsWith('repo:')) return subject.slice(5);
  if (subject?.startsWith('notice:')) return 'github/dmca';
  return undefined;
}

/** Is this subject (a link's, a panel's) in a silenced repo or owner? Sites are `isSilenced`'s. */
export function isSubjectSilenced(s: Settings, subject: string | undefined): boolean {
  const repo = repoOfSubject(subject);
  return !!repo && s.silence.some((e) => e === repo || (e.endsWith('/*') && repo.startsWith(e.slice(0, -1))));
}

/** Is Backstory silent on this page? `repo` is the page's repo (owner/name), when it has one. */
export function isSilenced(s: Settings, host: string, repo?: string): boolean {
  const site = siteAt(host);
  if (site && !s[site.setting]) return true;
  for (const e of s.silence) {
    if (e === host) return true;
    if (repo && (e === repo || (e.endsWith('/*') && repo.startsWith(e.slice(0, -1))))) return true;
  }
  return false;
}
