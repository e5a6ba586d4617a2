/**
 * What became of a takedown notice, from the answers to it: the one rule behind a notice page's lead and
 * card, a link's badge to the notice, a repo panel's card, and each repo's outcome (outcome.ts).
 *
 *  - A reversal by GitHub or a retraction by the sender restores what it covers (`covers`). The notice as a
 *    whole is reversed or retracted only when the answer covers every repo it names; one covering only some
 *    of them leaves the notice standing (`partly` says so), and restores those repos only.
 *  - A counter-notice disputes, unless GitHub rejected it (a reversal of it) or its filer withdrew it (a
 *    retraction of it). The notice as a whole is disputed by any such counter-notice; a repo, by one that
 *    covers it.
 *  - A restoration outweighs a dispute; of each kind the newest counts; an answer dated before the notice
 *    answers nothing.
 *
 * Pure: index notices in, facts out (the components word them, utils/core/words.ts).
 */
import type { NoticeStanding } from '../core/model';
import type { IndexNotice } from '../dmca/index-format';
import type { Notices } from './notices';

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
  // "All except … the forks individually listed in the original notice": none of the repos the notice lists.
  if (answer.kind === 'retraction' && answer.scope === 'unlisted') return false;
  // Naming no repo, a reversal or retraction is of the whole notice.
  return names || !answer.repoLines.length;
}

/** The repo a standing is asked for: its line (or its fork-network root's), and its own line. */
export interface ForRepo {
  repoLine: number;
  ownLine: number | null;
}

/** A standing with the index's notices (outcome.ts needs them); `noticeStanding` gives the panel's facts. */
export interface Answered {
  state: NoticeStanding['state'];
  by: IndexNotice | null;
  partly: { by: IndexNotice; repos: number } | null;
}

const restores = (a: IndexNotice) => a.kind === 'reversal' || a.kind === 'retraction';

const newest = (list: readonly IndexNotice[]) =>
  list.reduce<IndexNotice | null>((a, b) => (!a || b.date > a.date || (b.date === a.date && b.path > a.path) ? b : a), null);

/** A counter-notice that disputes: GitHub did not reject it (reverse it) and its filer did not withdraw it (retract it). */
export const disputes = (notices: Pick<Notices, 'answersTo'>, a: IndexNotice) =>
  a.kind === 'counter-notice' && !notices.answersTo(a).some(restores);

/** How many of the repos a takedown names an answer covers. */
const coveredCount = (a: IndexNotice, takedown: IndexNotice) => takedown.repoLines.filter((r) => covers(a, takedown, r.line)).length;

/** A reversal or retraction of the whole notice: it covers every repo the notice names. */
const whole = (a: IndexNotice, takedown: IndexNotice) => coveredCount(a, takedown) === takedown.repoLines.length;

/** What answered a takedown, as a whole (no `repo`) or for one repo. */
export function answered(notices: Pick<Notices, 'answersTo'>, takedown: IndexNotice, repo?: ForRepo): Answered {
  const answers = notices.answersTo(takedown).filter((a) => a.date >= takedown.date);
  const applies = (a: IndexNotice) => (repo ? covers(a, takedown, repo.repoLine, repo.ownLine) : true);
  const restoring = answers.filter((a) => restores(a) && applies(a));
  const full = newest(repo ? restoring : restoring.filter((a) => whole(a, takedown)));
  if (full) return { state: full.kind === 'reversal' ? 'reversed' : 'retracted', by: full, partly: null };
  const dispute = newest(answers.filter((a) => disputes(notices, a) && applies(a)));
  const some = repo ? null : newest(restoring.filter((a) => coveredCount(a, takedown) > 0));
  const partly = some ? { by: some, repos: coveredCount(some, takedown) } : null;
  return { state: dispute ? 'disputed' : 'standing', by: dispute, partly };
}

/** What answered a takedown, as facts for its cards, its page and its badges (notices.ts calls it for takedowns only). */
export function noticeStanding(notices: Pick<Notices, 'answersTo' | 'ref'>, n: IndexNotice, repo?: ForRepo): NoticeStanding {
  const a = answered(notices, n, repo);
  return {
    state: a.state,
    by: a.by ? notices.ref(a.by) : null,
    partly: a.partly ? { ...notices.ref(a.partly.by), repos: a.partly.repos } : null,
  };
}
