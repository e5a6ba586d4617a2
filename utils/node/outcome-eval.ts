/**
 * Scoring what Backstory says became of a repo (utils/knowledge/outcome.ts, ../shared/CONTRACT.md
 * `data-outcome`) against hand-labelled repos (tests/fixtures/outcome-eval.json): the outcome a repo's own
 * page gets from the bundled index, compared with the label. Node only.
 */
import { readFileSync } from 'node:fs';
import type { OutcomeState } from '../core/model';
import type { DmcaIndex } from '../dmca/index-read';
import type { Catalog } from '../knowledge/catalog';
import { createNotices } from '../knowledge/notices';
import { outcomeOf } from '../knowledge/outcome';

export interface LabelledOutcome {
  repo: string;
  /** How the repo was drawn for labelling (counter-noticed, files-only, network…). */
  category: string;
  outcome: OutcomeState;
  deciding: string | null;
  scope: 'whole' | 'files' | 'network' | 'original' | null;
  why: string;
}

export interface OutcomeReport {
  of: number;
  right: number;
  /** Repos shown as disabled where the label says the record does not say so. */
  disabledWrongly: string[];
  /** Per label: how many, how many right. */
  byLabel: Record<string, { of: number; right: number }>;
  misses: string[];
}

export function loadOutcomeLabels(file: string): LabelledOutcome[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { repos: LabelledOutcome[] }).repos;
}

export function evaluateOutcomes(labels: readonly LabelledOutcome[], index: DmcaIndex, cat: Catalog): OutcomeReport {
  const notices = createNotices(index, cat);
  const r: OutcomeReport = { of: 0, right: 0, disabledWrongly: [], byLabel: {}, misses: [] };
  for (const l of labels) {
    const got = outcomeOf(notices, notices.of(l.repo));
    const row = (r.byLabel[l.outcome] ??= { of: 0, right: 0 });
    r.of++;
    row.of++;
    if (got.state === l.outcome) {
      r.right++;
      row.right++;
      continue;
    }
    if (got.state === 'disabled') r.disabledWrongly.push(l.repo);
    r.misses.push(`${l.repo}: ${got.state} from ${got.notice?.path ?? '-'} (label ${l.outcome} from ${l.deciding ?? '-'}: ${l.why})`);
  }
  return r;
}
