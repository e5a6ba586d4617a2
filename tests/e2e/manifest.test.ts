/** The built manifests ask for the documented minimum and nothing more. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { EXTENSION_DIR } from './harness';

const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));

test('permissions: storage, scripting (to add the panel code only where a panel shows), and the two sites we read; nothing else', () => {
  expect(manifest.permissions).toEqual(['storage', 'scripting']);
  expect(manifest.host_permissions).toEqual(['https://github.com/*', 'https://news.ycombinator.com/*']);
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.optional_host_permissions).toBeUndefined();
});

test('no web-accessible resources, no loosened CSP, no externally connectable pages', () => {
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(manifest.content_security_policy).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
});

test('content scripts run only on the two sites, at document_start, and include no zod or dataset', () => {
  expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['https://github.com/*'], ['https://news.ycombinator.com/*']]);
  for (const cs of manifest.content_scripts) {
    expect(cs.run_at).toBe('document_start');
    for (const js of cs.js) {
      const code = readFileSync(resolve(EXTENSION_DIR, js), 'utf8');
      expect(code).not.toMatch(/ZodError|\$ZodType/);
      expect(code).not.toMatch(/OpSec Online|Tensorfork|Feist v\. Rural/);
      // Nor the panel's code (Preact, the panel): that is /ui.js, injected only where a panel shows.
      expect(code).not.toMatch(/__k|What the thread argued|Why you are seeing this/);
    }
  }
  expect(readFileSync(resolve(EXTENSION_DIR, 'ui.js'), 'utf8')).toMatch(/Why you are seeing this/);
});

test('the toggle command is declared and rebindable', () => {
  expect(manifest.commands['toggle-panel'].suggested_key.default).toBe('Alt+Shift+B');
});
