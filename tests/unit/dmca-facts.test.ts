/** `npm run dmca:facts`: the facts of a notice in the one shape tests and outside checks read. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT_DIR } from '@/utils/node/files';

const run = (...paths: string[]) =>
  spawnSync(join(ROOT_DIR, 'node_modules/.bin/vite-node'), [join(ROOT_DIR, 'utils/node/cli/dmca-facts.ts'), '--', ...paths], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
  });

test('one JSON object per notice, exactly the documented fields, null where not stated', () => {
  const r = run(
    '2023/03/2023-03-21-meta.md',
    '2023/04/2023-04-27-meta-counternotice.md',
    '2020/11/2020-11-16-riaa-reversal.md',
    '2020/09/2020-09-04-acanio-noticeoflegalaction.md',
  );
  expect(r.status, r.stderr).toBe(0);
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const row of rows)
    expect(Object.keys(row)).toEqual([
      'path',
      'kind',
      'date',
      'sender',
      'principal',
      'filer',
      'answers',
      'repos',
      'network',
      'scope',
      'changesOffered',
    ]);
  expect(rows[0]).toEqual({
    path: '2023/03/2023-03-21-meta.md',
    kind: 'takedown',
    date: '2023-03-21',
    sender: 'OpSec Online LLC',
    principal: 'Meta Platforms, Inc.',
    filer: null,
    answers: [],
    repos: ['shawwn/llama-dl'],
    network: 403,
    scope: { 'shawwn/llama-dl': 'network' },
    changesOffered: null,
  });
  // An answer is filed for its own party and names the notice it answers.
  expect(rows[1]).toMatchObject({
    kind: 'counter-notice',
    sender: null,
    principal: null,
    filer: 'Tensorfork Labs',
    answers: ['2023/03/2023-03-21-meta.md'],
  });
  // GitHub's reversal is GitHub's (never the RIAA's); the path is given as github/dmca spells it.
  expect(rows[2]).toMatchObject({
    path: '2020/11/2020-11-16-RIAA-reversal.md',
    kind: 'reversal',
    filer: 'GitHub',
    answers: ['2020/10/2020-10-23-RIAA.md'],
  });
  // A notice of legal action is "other" in this shape.
  expect(rows[3]).toMatchObject({ kind: 'other' });
}, 60_000);

test('an unknown path is an error naming it, after the others are printed', () => {
  const r = run('2099/01/2099-01-01-nobody.md', '2023/03/2023-03-21-meta.md');
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('2099/01/2099-01-01-nobody.md: not in the bundled index');
  expect(JSON.parse(r.stdout.trim()).path).toBe('2023/03/2023-03-21-meta.md');
}, 60_000);

test("scope per named repo and GitHub's changes note, with the rights holder and its agent (issue 21)", () => {
  const r = run('2025/06/2025-06-04-laliga-2.md', '2014/2014-08-08-SkyVerge.md');
  expect(r.status, r.stderr).toBe(0);
  const [laliga, skyverge] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(laliga).toMatchObject({ sender: 'Sportian', principal: 'LaLiga', scope: { 'clashunico/wiseplay': 'files' }, changesOffered: 2 });
  expect(skyverge).toMatchObject({
    scope: { 'skyverge/wc-plugins': 'original', 'fahdi/woocommerce-sequential-order-numbers-pro': 'whole' },
    changesOffered: null,
  });
});
