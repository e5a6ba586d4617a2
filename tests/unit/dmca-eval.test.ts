/**
 * The notice parser against the hand-labelled notices (tests/fixtures/dmca-eval.json: derived facts only,
 * no notice text). Needs the raw notices in ../shared/data; skipped with a message when they are absent.
 * `npm run eval:dmca [set]` prints the same figures with every miss.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateParser, labelAgreement, loadLabels, precision, recall, type EvalReport } from '@/utils/node/dmca-eval';
import { ROOT_DIR, SHARED_DATA_DIR } from '@/utils/node/files';

const ROOT = join(SHARED_DATA_DIR, 'github-dmca');
const present = existsSync(ROOT);
if (!present) console.warn(`[dmca-eval] skipped: ${ROOT} not found (the github/dmca snapshot lives in ../shared/data)`);

const labels = loadLabels(join(ROOT_DIR, 'tests/fixtures/dmca-eval.json'));

test("two labellers, blind to each other and to the parser, agree on fresh-3's parties at P and R ≥ 0.96 (measured: 0.968 / 0.968)", () => {
  const second = loadLabels(join(ROOT_DIR, 'tests/fixtures/dmca-eval-second-labeller.json'));
  const a = labelAgreement(
    labels.filter((l) => l.set === 'fresh-3'),
    second,
  );
  expect(second).toHaveLength(80);
  expect(precision(a)).toBeGreaterThanOrEqual(0.96);
  expect(recall(a)).toBeGreaterThanOrEqual(0.96);
});

test('the labelled set: ≥ 120 notices, random across 2011–2026 plus hard cases and two held-out samples', () => {
  expect(labels.length).toBeGreaterThanOrEqual(120);
  const years = new Set(labels.filter((l) => l.set === 'random').map((l) => l.path.slice(0, 4)));
  expect(years.size).toBeGreaterThanOrEqual(12);
  expect(labels.filter((l) => l.set === 'hard').length).toBeGreaterThanOrEqual(40);
  expect(new Set(labels.map((l) => l.path)).size).toBe(labels.length);
});

describe.skipIf(!present)('parser against the labels', () => {
  let all: EvalReport;
  test('party fields: precision ≥ 0.97, recall ≥ 0.90 (the sets the rules were written on)', () => {
    const tuned = labels.filter((l) => l.set !== 'fresh');
    all = evaluateParser(tuned, ROOT);
    expect(all.notices).toBe(tuned.length);
    expect(precision(all.parties), all.misses.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(recall(all.parties), all.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  test('kinds ≥ 0.99; repos named: precision and recall ≥ 0.995', () => {
    expect(all.kinds.right / all.kinds.of, all.kinds.wrong.join('\n')).toBeGreaterThanOrEqual(0.99);
    expect(precision(all.repos)).toBeGreaterThanOrEqual(0.995);
    expect(recall(all.repos)).toBeGreaterThanOrEqual(0.995);
  });

  test('every explicit citation of another notice is linked, none wrong', () => {
    expect(all.citations.of).toBeGreaterThanOrEqual(16);
    expect(all.citations.linked).toBe(all.citations.of);
    expect(all.citations.wrong).toEqual([]);
  });

  test('the fresh sample (96 notices, seed 20261205, 6 a year, labelled by a labeller who never saw the parser): floors at its first run', () => {
    // First run, before any rule changed for it: parties P 0.895 R 0.586; scope 160/171; GitHub's changes note
    // 96/96; original works R 0.111 with 8 counted as infringing (README, "Accuracy"). Tuned on it since:
    // parties P 0.959 R 0.805, no original work counted as infringing. The floors hold what was reached.
    const r = evaluateParser(
      labels.filter((l) => l.set === 'fresh'),
      ROOT,
    );
    expect(precision(r.parties), r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recall(r.parties)).toBeGreaterThanOrEqual(0.8);
    expect(r.changes.right).toBe(r.changes.of);
    expect(r.scope.right / r.scope.of).toBeGreaterThanOrEqual(0.93);
    expect(r.originalsAsInfringing, r.originalsAsInfringing.join('\n')).toEqual([]);
    expect(r.infringingAsOriginal, r.infringingAsOriginal.join('\n')).toEqual([]);
  });

  // Three more samples of 80 (5 a year, seeds 20261206/7/8, none read before), each labelled blind before any rule
  // changed for it. fresh-3 and fresh-4 were run blind after tuning on the earlier ones, to measure what tuning
  // buys on notices nobody tuned for (README, "Accuracy"):
  //   fresh-2: first run P 0.809 R 0.576 → tuned on it P 1.000 R 0.906
  //   fresh-3: first run P 0.827 R 0.672 → blind after fresh-2's rules P 0.840 R 0.667 → tuned on it P 1.000 R 0.938
  //   fresh-4: first run P 0.917 R 0.611 → blind after fresh-2's P 0.959 R 0.653 → blind after fresh-3's P 0.962 R 0.694
  //            → tuned on it P 1.000 R 0.875
  // A second labeller on fresh-3 agreed with the first at P 0.968 R 0.968 (role-free, same matching).
  test.each([
    ['fresh-2', 0.98, 0.9],
    ['fresh-3', 0.98, 0.93],
    ['fresh-4', 0.98, 0.87],
  ] as const)('%s (80 notices): parties, changes note, scope; no original work counted as infringing', (set, p, rc) => {
    const r = evaluateParser(
      labels.filter((l) => l.set === set),
      ROOT,
    );
    expect(r.notices).toBe(80);
    expect(precision(r.parties), r.misses.join('\n')).toBeGreaterThanOrEqual(p);
    expect(recall(r.parties), r.misses.join('\n')).toBeGreaterThanOrEqual(rc);
    expect(r.changes.right).toBe(r.changes.of);
    expect(r.scope.right / r.scope.of).toBeGreaterThanOrEqual(0.87);
    expect(r.originalsAsInfringing, r.originalsAsInfringing.join('\n')).toEqual([]);
    expect(r.infringingAsOriginal, r.infringingAsOriginal.join('\n')).toEqual([]);
  });

  test('the last held-out sample (labelled after the rules were written) stays above the floor it was first measured at', () => {
    // First run on it, before any change for it: precision 0.929, recall 0.765 (README, "Accuracy").
    const r = evaluateParser(
      labels.filter((l) => l.set === 'held-out-2'),
      ROOT,
    );
    expect(precision(r.parties)).toBeGreaterThanOrEqual(0.92);
    expect(recall(r.parties)).toBeGreaterThanOrEqual(0.76);
  });
});
