/**
 * What the published record says became of a repo (../shared/CONTRACT.md `data-outcome`), from the
 * record alone: the takedown notices naming it (or its fork-network root), and the answers to them.
 *
 *  - What answered each takedown for this repo is standing.ts's rule: a reversal by GitHub, or a retraction
 *    by the sender, restores what it covers: the repos it names, or (naming none) the whole notice; a
 *    retraction "of all but" the repos it names covers the others. A counter-notice disputes the notice
 *    for the repos it names; one naming no repo, only when the notice names this repo alone. A
 *    counter-notice GitHub rejected or its filer withdrew disputes nothing.
 *  - Nothing else restores: a counter-notice is not a restoration, and a notice of legal action keeps
 *    the repo disabled.
 *  - Standing, a takedown says the repo was disabled only when it asks for the whole repository (or
 *    GitHub processed it against the fork network) and carries no GitHub note that the owners were first
 *    given an opportunity to make changes; otherwise it only *names* the repo (`named`).
 *  - A fork is decided by its network root's takedowns only where GitHub processed them against the
 *    entire network; a repo named only as the complainant's original work has no outcome.
 *
 * Pure: index notices in, facts out. The components word it (utils/core/words.ts).
 */
import type { Outcome, OutcomeState, TakedownScope } from '../core/model';
import { noticeLineUrl } from '../core/safe-url';
import type { IndexNotice } from '../dmca/index-format';
import { takedownScope } from '../dmca/scope';
import { isTakedown, type NamedIn, type Notices } from './notices';
import { answered } from './standing';

interface Standing {
  takedown: IndexNotice;
  state: Exclude<OutcomeState, 'none'>;
  by: IndexNotice | null;
}

/**
 * What a takedown asks for, for the repo at `repoLine` (its own line, or its root's): the fork network
 * when GitHub processed it that way, else what GitHub's form answer says, else what its URLs point at.
 */
export function scopeOf(takedown: IndexNotice, repoLine: number): { scope: TakedownScope; line: number | null } {
  const named = takedown.repoLines.find((r) => r.line === repoLine);
  const scope = takedownScope(takedown, !!named?.files);
  const line = scope === 'network' ? takedown.network!.line : takedown.asks ? takedown.asks.line : (named?.at ?? null);
  return { scope, line };
}

/** Does the record say GitHub disabled what this takedown names (rather than only naming it)? */
export const saysDisabled = (takedown: IndexNotice, repoLine: number) =>
  takedown.changesOffered === null && scopeOf(takedown, repoLine).scope !== 'files';

/** One takedown's effect on one repo (`ownLine`: the repo's own line when it is named through its root). */
export function standingOf(notices: Notices, takedown: IndexNotice, repoLine: number, ownLine: number | null = repoLine): Standing {
  const a = answered(notices, takedown, { repoLine, ownLine });
  if (a.state === 'reversed' || a.state === 'retracted') return { takedown, state: 'reinstated', by: a.by };
  if (a.state === 'disputed') return { takedown, state: 'disputed', by: a.by };
  return { takedown, state: saysDisabled(takedown, repoLine) ? 'disabled' : 'named', by: null };
}

export const NO_OUTCOME: Outcome = {
  state: 'none',
  notice: null,
  namedAt: null,
  viaRoot: null,
  by: null,
  others: 0,
  scope: null,
  changesOffered: null,
};

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
    // A root's takedown reaches its forks only where GitHub processed it against the whole network.
    takedowns = pick(root.list).filter((n) => n.network);
    repoLine = root.list[0]?.repoLine ?? null;
    viaRoot = root.repo;
  }
  if (!takedowns.length || repoLine === null) return NO_OUTCOME;
  // Newest first; on one day, the stronger record first (a same-day takedown of the whole repo disabled it).
  const strength = (s: Standing) => (s.state === 'named' ? 0 : 1);
  const all = takedowns
    .map((t) => standingOf(notices, t, repoLine, ownLine))
    .sort((a, b) => (a.takedown.date !== b.takedown.date ? (a.takedown.date < b.takedown.date ? 1 : -1) : strength(b) - strength(a)));
  const chosen = all.find((s) => s.state !== 'reinstated') ?? all[0]!;
  const t = chosen.takedown;
  const at = t.repoLines.find((r) => r.line === repoLine)?.at;
  const scope = scopeOf(t, repoLine);
  return {
    state: chosen.state,
    notice: notices.ref(t),
    namedAt: at ? noticeLineUrl(t.path, at) : null,
    viaRoot,
    by: chosen.by ? notices.ref(chosen.by) : null,
    others: all.length - 1,
    scope: { value: scope.scope, source: scope.line ? noticeLineUrl(t.path, scope.line) : null },
    changesOffered: t.changesOffered ? noticeLineUrl(t.path, t.changesOffered) : null,
  };
}
