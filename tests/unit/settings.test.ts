import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  exportSettings,
  isSilenced,
  migrate,
  parseImport,
  parseSettings,
  SETTINGS_VERSION,
  storageParts,
  toStored,
} from '@/utils/schema/settings';

describe('parseSettings', () => {
  test('nothing stored → defaults, no problems', () => {
    expect(parseSettings(undefined)).toMatchObject({ settings: DEFAULT_SETTINGS, problems: [], changed: false });
    expect(parseSettings(null)).toMatchObject({ settings: DEFAULT_SETTINGS, problems: [], changed: false });
  });

  test('a complete valid current value round-trips unchanged', () => {
    const s = { ...DEFAULT_SETTINGS, badges: false, theme: 'dark' as const, silence: ['github.com', 'someone/*'] };
    expect(parseSettings(toStored(s))).toEqual({ settings: s, problems: [], changed: false, newer: false, extra: {} });
  });

  test.each([
    ['badges', 'yes'],
    ['badges', 1],
    ['badges', null],
    ['panel', 'sideways'],
    ['panel', ['open']],
    ['theme', { dark: true }],
    ['github', 'true'],
    ['detection', ''],
    ['silence', 'github.com'],
    ['silence', ['not a host or repo', 'github.com']],
    ['silence', Array(501).fill('github.com')],
    ['tangents', NaN],
  ])('invalid %s = %j falls back to its default, keeps the other keys, reports once', (key, value) => {
    const stored = { ...toStored({ ...DEFAULT_SETTINGS, hn: false, theme: 'light' }), [key]: value };
    const r = parseSettings(stored);
    expect(r.settings[key as keyof typeof DEFAULT_SETTINGS]).toEqual(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]);
    if (key !== 'hn') expect(r.settings.hn).toBe(false);
    if (key !== 'theme') expect(r.settings.theme).toBe('light');
    expect(r.problems.map((p) => p.key)).toEqual([key]);
    expect(r.changed).toBe(true);
  });

  test.each([['a string'], [42], [[1, 2, 3]], [true]])('a stored value of the wrong type (%j) gives defaults and one problem', (stored) => {
    const r = parseSettings(stored);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problems).toHaveLength(1);
  });

  test('unknown keys are kept aside (a newer version may own them), missing keys filled in', () => {
    const r = parseSettings({ version: SETTINGS_VERSION, badges: false, surprise: 1 });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, badges: false });
    expect(r.extra).toEqual({ surprise: 1 });
    expect(r.problems).toEqual([]);
    // Nothing to repair: missing keys read as their defaults (a write-back could undo a save in progress).
    expect(r.changed).toBe(false);
    expect(storageParts(r.settings, r).sync).toMatchObject({ surprise: 1, version: SETTINGS_VERSION });
  });

  test('settings of a newer version (a version-4 object here): read key by key, never to be written back', () => {
    const v4 = { version: SETTINGS_VERSION + 1, theme: 'dark', panel: 'drawer', newList: ['x'] };
    const r = parseSettings(v4);
    expect(r.newer).toBe(true);
    expect(r.changed).toBe(false);
    expect(r.settings.theme).toBe('dark');
    expect(r.settings.panel).toBe(DEFAULT_SETTINGS.panel); // a value we do not know: ours by default, theirs kept in storage
    expect(r.extra).toEqual({ newList: ['x'] });
    expect(storageParts(r.settings, { ...r, version: v4.version }).sync.version).toBe(SETTINGS_VERSION + 1);
  });

  test('the lists and the rest are stored apart', () => {
    const { sync, local } = storageParts({ ...DEFAULT_SETTINGS, silence: ['github.com'] });
    expect(Object.keys(local).sort()).toEqual(['llamaAlways', 'llamaNever', 'silence']);
    expect(sync).not.toHaveProperty('silence');
    expect(sync).toMatchObject({ version: SETTINGS_VERSION, theme: 'site' });
  });

  test('silence entries are trimmed, lower-cased and deduplicated', () => {
    expect(
      parseSettings({ version: SETTINGS_VERSION, silence: [' Shawwn/LLaMA-dl ', 'shawwn/llama-dl', 'GitHub.com'] }).settings.silence,
    ).toEqual(['shawwn/llama-dl', 'github.com']);
  });
});

describe('migrations', () => {
  test('v1 {enabled, showBadges, collapsed} → v2 per-site switches and panel behaviour', () => {
    expect(migrate({ enabled: false, showBadges: false, collapsed: true })).toEqual({
      github: false,
      hn: false,
      badges: false,
      panel: 'collapsed',
      version: SETTINGS_VERSION,
    });
    const r = parseSettings({ enabled: true, collapsed: false, theme: 'dark' });
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', panel: 'open' });
    expect(r.changed).toBe(true);
  });
  test('a v1 value with an invalid legacy key still migrates the rest', () => {
    const r = parseSettings({ enabled: 'nope', showBadges: false });
    expect(r.settings.badges).toBe(false);
    expect(r.settings.github).toBe(true);
  });
});

describe('a version that is not a whole number from 1 (issue 23: -1e308 looped for ever)', () => {
  test.each([[-1e308], [-1], [0], [0.5], [2.5], ['3'], [1e308], [null]])(
    'stored version %j: read as v1, repaired, one problem; no hang',
    (version) => {
      const r = parseSettings({ version, ...DEFAULT_SETTINGS, theme: 'dark' });
      expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
      expect(r.problems.map((p) => p.key)).toEqual(['version']);
      expect(r).toMatchObject({ changed: true, newer: false });
      expect(migrate({ version }).version).toBe(SETTINGS_VERSION);
    },
  );

  test('an import with such a version is refused, naming it', () => {
    const r = parseImport('{"backstorySettings":{"version":-1e308}}');
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Nothing was changed\. The file has 1 problem:\nversion: expected a whole number from 1, got -1e\+308/),
    });
  });
});

describe('import / export', () => {
  test('export → import round-trips', () => {
    const s = { ...DEFAULT_SETTINGS, theme: 'dark' as const, silence: ['news.ycombinator.com'] };
    expect(parseImport(exportSettings(s))).toEqual({ ok: true, settings: s });
  });
  test('an export from before `placement` was removed (v3) still imports, without it', () => {
    const old = { backstorySettings: { version: 3, placement: 'side', panel: 'open', silence: ['someone/*'] } };
    const r = parseImport(JSON.stringify(old));
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, panel: 'open', silence: ['someone/*'] } });
    expect(parseSettings({ version: 3, placement: 'side', badges: false })).toMatchObject({ problems: [], changed: true, extra: {} });
  });
  test.each([
    ['not json', /not valid JSON/],
    ['[1,2]', /does not hold a settings object/],
    ['{"backstorySettings": {"badges": "maybe"}}', /Nothing was changed.*\nbadges:/s],
    ['{"badges": true, "evil": "<script>"}', /evil: not a Backstory setting/],
    ['x'.repeat(10 * 1024 * 1024), /too large/],
    // Keys every object inherits are not settings (Object.hasOwn, not `in`).
    ['{"constructor": {}, "badges": true}', /constructor: not a Backstory setting/],
    ['{"toString": 1}', /toString: not a Backstory setting/],
    ['{"__proto__": {"badges": false}, "hn": true}', /__proto__: not a Backstory setting/],
  ])('a bad file (%#) is refused with a clear message', (text, re) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(re);
  });
});

test('isSilenced: per site switch, site entries, repos and owners', () => {
  const s = { ...DEFAULT_SETTINGS, silence: ['news.ycombinator.com', 'shawwn/llama-dl', 'meta-llama/*'] };
  expect(isSilenced(s, 'news.ycombinator.com')).toBe(true);
  expect(isSilenced(s, 'github.com', 'shawwn/llama-dl')).toBe(true);
  expect(isSilenced(s, 'github.com', 'meta-llama/llama')).toBe(true);
  expect(isSilenced(s, 'github.com', 'facebookresearch/llama')).toBe(false);
  expect(isSilenced({ ...DEFAULT_SETTINGS, github: false }, 'github.com', 'x/y')).toBe(true);
});
