/**
 * The shipped build is the tested build (issue #18): `wxt zip` rebuilds before zipping, so the store zip
 * is made from a fresh build. This rebuilds the way `npm run zip` / `npm run release` do and requires
 * every file of the build the other tests ran (`npm run build`, `npm run build:firefox`) to come out
 * byte-identical.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { buildEnv } from '../tools/build-env';
import { assertDatasetValid } from '../../utils/node/files';

const OUTPUT = resolve(__dirname, '../../.output');

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

test.each([
  ['chrome-mv3', []],
  ['firefox-mv2', ['-b', 'firefox']],
] as const)('wxt zip of %s packs exactly the build the tests ran', (dir, flags) => {
  const built = join(OUTPUT, dir);
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`No build at ${built}: npm test builds it first.`);
  const tested = hashes(built);
  execFileSync('npx', ['wxt', 'zip', ...flags], { stdio: 'ignore', cwd: resolve(OUTPUT, '..'), env: buildEnv() });
  expect(hashes(built)).toEqual(tested);
  expect(readdirSync(OUTPUT).some((f) => f.endsWith(dir.startsWith('chrome') ? '-chrome.zip' : '-firefox.zip'))).toBe(true);
});

test.each(['chrome-mv3', 'firefox-mv2'])(
  '%s bundles the curated dataset once, in the background (issue 23: the options page had a copy)',
  (dir) => {
    const built = join(OUTPUT, dir);
    if (!existsSync(join(built, 'manifest.json'))) throw new Error(`No build at ${built}: npm test builds it first.`);
    // Our own summaries: text that exists only where the dataset is bundled.
    const d = assertDatasetValid();
    const marks = d.threads.flatMap((t) => t.topics.map((x) => x.summary)).slice(0, 3);
    expect(marks.length).toBe(3);
    const holders = Object.keys(hashes(built)).filter(
      (f) => f.endsWith('.js') && marks.some((m) => readFileSync(join(built, f), 'utf8').includes(JSON.stringify(m).slice(1, 41))),
    );
    expect(holders).toEqual(['background.js']);
  },
);
