/** The built manifests ask for the documented minimum and nothing more. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { EXTENSION_DIR } from './harness';

const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('permissions: storage, scripting (the page answer and panel code, only into pages with a panel), and the two sites we read; nothing else', () => {
  expect(manifest.permissions).toEqual(['storage', 'scripting']);
  expect(manifest.host_permissions).toEqual(['https://github.com/*', 'https://news.ycombinator.com/*']);
  // Notice updates' two hosts are optional: asked for at the user's click, never at install (no install warning).
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toEqual(['https://api.github.com/*', 'https://raw.githubusercontent.com/*']);
});

test('Firefox (MV2): the same two hosts as optional permissions, nothing else optional or required beyond storage and the two sites', () => {
  const ff = resolve(EXTENSION_DIR, '../firefox-mv2/manifest.json');
  if (!existsSync(ff)) return void console.warn('[manifest] no Firefox build: run npm run build:firefox');
  const m = JSON.parse(readFileSync(ff, 'utf8'));
  expect(m.permissions).toEqual(['storage', 'https://github.com/*', 'https://news.ycombinator.com/*']);
  expect(m.optional_permissions).toEqual(['https://api.github.com/*', 'https://raw.githubusercontent.com/*']);
  expect(m.optional_host_permissions).toBeUndefined();
});

test('no web-accessible resources, no loosened CSP, no externally connectable pages', () => {
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
});

test('content scripts run only on the two sites, at document_start; the site scripts include no zod, dataset or panel code', () => {
  const [ui, outline, ...sites] = manifest.content_scripts as { matches: string[]; js: string[]; run_at: string }[];
  expect(sites.map((c) => [c.js, c.matches])).toEqual([
    [['github.js'], ['https://github.com/*']],
    [['hn.js'], ['https://news.ycombinator.com/*']],
  ]);
  // The panel's code runs up front only on the pages the bundled dataset gives a panel, before the site scripts;
  // the HN outline only on the dataset's thread pages.
  expect(ui!.js).toEqual(['ui.js']);
  expect(ui!.matches).toContain('https://github.com/shawwn/llama-dl/*');
  expect(ui!.matches).toContain('https://news.ycombinator.com/item?id=35287733');
  expect(ui!.matches.length).toBeLessThan(200);
  expect(outline!.js).toEqual(['outline.js']);
  expect(outline!.matches).toEqual(['https://news.ycombinator.com/item?id=35287733', 'https://news.ycombinator.com/item?id=35287733&*']);
  for (const m of ui!.matches) expect(m).toMatch(/^https:\/\/(github\.com|news\.ycombinator\.com)\//);
  for (const cs of manifest.content_scripts) expect(cs.run_at).toBe('document_start');
  for (const cs of sites) {
    for (const js of cs.js) {
      const code = readFileSync(resolve(EXTENSION_DIR, js), 'utf8');
      expect(code).not.toMatch(/ZodError|\$ZodType/);
      expect(code).not.toMatch(/OpSec Online|Tensorfork|Feist v\. Rural/);
      // Nor the panel's code (Preact, the panel): that is /ui.js.
      expect(code).not.toMatch(/__k|What the thread argued|Backstory outline/);
    }
  }
  const uiCode = readFileSync(resolve(EXTENSION_DIR, 'ui.js'), 'utf8');
  expect(uiCode).toMatch(/What the thread argued/);
  expect(uiCode).not.toMatch(/ZodError|\$ZodType|OpSec Online|Tensorfork/);
  // The outline renders with the panel's Preact: no second copy.
  const outlineCode = readFileSync(resolve(EXTENSION_DIR, 'outline.js'), 'utf8');
  expect(outlineCode).not.toMatch(/__k|__H|ZodError|OpSec Online/);
});

test('the toggle command is declared and rebindable', () => {
  expect(manifest.commands['toggle-panel'].suggested_key.default).toBe('Alt+Shift+B');
});
