/**
 * What the published record says became of a repo (../shared/CONTRACT.md `data-outcome`), from the
 * record alone: the takedown notices naming it (or its fork-network root), and the answers to them.
 *
 *  - A reversal by GitHub, or a retraction by the sender, restores what it covers: the repos it names,
 *    or (naming none) the whole notice; a retraction "of all but" the repos it names covers the others.
 *  - A counter-notice disputes the notice for the repos it names; one naming no repo, only when the
 *    notice names this repo alone. A counter-notice GitHub reversed disputes nothing.
 *  - Nothing else restores: a counter-notice is not a restoration, and a notice of legal action keeps
 *    the repo disabled.
 *
 * Pure: index notices in, facts out. The components word it (utils/core/words.ts).
 */
import type { Outcome, OutcomeState } from '../core/model';
import { noticeLineUrl } from '../core/safe-url';
import type { IndexNotice } from '../dmca/index-format';
import { isTakedown, type NamedIn, type Notices } from './notices';

/**
 * Does an answer cover the repo at `repoLine` (repos.tsv) of the takedown it answers? For a fork named
 * through its network root, `repoLine` is the root's: a reversal or retraction of the root restores the
 * network; a counter-notice disputes it only for the repos it names (`ownLine`, the fork's own line).
 */
export function covers(answer: IndexNotice, takedown: IndexNotice, repoLine: number, ownLine: number | null = repoLine): boolean {
  if (answer.kind === 'counter-notice') {
    if (ownLine === null) return false;
    if (answer.repoLines.some((r) => r.line === ownLine)) return true;
    // Naming no repo: it disputes the notice for its only repo.
    return !answer.repoLines.length && takedown.repoLines.length === 1 && takedown.repoLines[0]!.line === ownLine;
  }
  const names = answer.repoLines.some((r) => r.line === repoLine);
  if (answer.kind === 'retraction' && answer.scope === 'except') return !names;
  // Naming no repo, a reversal or retraction is of the whole notice.
  return names || !answer.repoLines.length;
}

interface Standing {
  takedown: IndexNotice;
  state: Exclude<OutcomeState, 'none'>;
  by: IndexNotice | null;
}

const newest = (list: readonly IndexNotice[]) =>
  list.reduce<IndexNotice | null>((a, b) => (!a || b.date > a.date || (b.date === a.date && b.path > a.path) ? b : a), null);

/** One takedown's effect on one repo (`ownLine`: the repo's own line when it is named through its root). */
export function standingOf(notices: Notices, takedown: IndexNotice, repoLine: number, ownLine: number | null = repoLine): Standing {
  const answers = notices.answersTo(takedown).filter((a) => a.date >= takedown.date && covers(a, takedown, repoLine, ownLine));
  const restoring = newest(answers.filter((a) => a.kind === 'reversal' || a.kind === 'retraction'));
  if (restoring) return { takedown, state: 'reinstated', by: restoring };
  const reversed = (a: IndexNotice) => notices.answersTo(a).some((r) => r.kind === 'reversal');
  const dispute = newest(answers.filter((a) => a.kind === 'counter-notice' && !reversed(a)));
  return { takedown, state: dispute ? 'disputed' : 'disabled', by: dispute };
}

export const NO_OUTCOME: Outcome = { state: 'none', notice: null, namedAt: null, viaRoot: null, by: null, others: 0 };

/**
 * The outcome for a repo from the notices naming it (`own`), else those naming its fork-network root
 * (`root`): the newest takedown still standing decides; when none stands, the newest restored one.
 */
export function outcomeOf(notices: Notices, own: readonly NamedIn[], root?: { repo: string; list: readonly NamedIn[] }): Outcome {
  const pick = (list: readonly NamedIn[]) => list.filter((x) => isTakedown(x.n) && !x.original).map((x) => x.n);
  let takedowns = pick(own);
  const ownLine = own[0]?.repoLine ?? null;
  let repoLine = ownLine;
  let viaRoot: string | null = null;
  if (!takedowns.length && root) {
    takedowns = pick(root.list);
    repoLine = root.list[0]?.repoLine ?? null;
    viaRoot = root.repo;
  }
  if (!takedowns.length || repoLine === null) return NO_OUTCOME;
  const all = takedowns.map((t) => standingOf(notices, t, repoLine, ownLine)).sort((a, b) => (a.takedown.date < b.takedown.date ? 1 : -1));
  const chosen = all.find((s) => s.state !== 'reinstated') ?? all[0]!;
  const at = chosen.takedown.repoLines.find((r) => r.line === repoLine)?.at;
  return {
    state: chosen.state,
    notice: notices.ref(chosen.takedown),
    namedAt: at ? noticeLineUrl(chosen.takedown.path, at) : null,
    viaRoot,
    by: chosen.by ? notices.ref(chosen.by) : null,
    others: all.length - 1,
  };
}
