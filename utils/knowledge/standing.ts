/**
 * What became of a takedown notice, from the answers to it: the one rule behind a notice page's lead and
 * card, a link's badge to the notice, a repo panel's card, and each repo's outcome (outcome.ts).
 *
 *  - A reversal by GitHub or a retraction by the sender restores what it covers (`covers`). The notice as a
 *    whole is reversed or retracted only when its answers together cover every repo it names (one answer, or
 *    partial ones between them); answers covering only some of them leave the notice standing (`partly`
 *    counts the repos they cover between them), and restore those repos only.
 *  - A counter-notice disputes, unless GitHub rejected it (its reversal of the counter-notice, named after it)
 *    or its filer withdrew it (a retraction from the counter-notice's side: named after it, or filed by
 *    someone other than the takedown's party). A retraction by the takedown's sender that cites the
 *    counter-notice (`…-Lazada-Retraction`: "having reviewed the counter-notice, we retract in part") answers
 *    it but withdraws nothing. The notice as a whole is disputed by any such counter-notice; a repo, by one
 *    that covers it.
 *  - A restoration outweighs a dispute; of each kind the newest counts; an answer dated before the notice
 *    answers nothing.
 *
 * Pure: index notices in, facts out (the components word them, utils/core/words.ts).
 */
import type { NoticeStanding } from '../core/model';
import type { IndexNotice } from '../dmca/index-format';
import { sameParty } from '../dmca/parties';
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

/** A file's name without its date and extension, lower-case: `2018-01-17-AWS-CounterNotice-Retraction.md` → `aws-counternotice-retraction`. */
const fileKey = (path: string) =>
  (path.split('/').pop() ?? path)
    .replace(/\.\s*(?:md|markdown)$/i, '')
    .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
    .toLowerCase();

/** An answer named after the counter-notice it answers, as GitHub names them (`…-counternotice-reversal`, `…-counter-retraction`). */
const namedAfter = (answer: IndexNotice, counter: IndexNotice) => {
  const key = fileKey(answer.path);
  return key.startsWith(fileKey(counter.path)) || key.includes('counter');
};

/** The parties a takedown was sent by or for (its principal, its sender, the party its file name spells). */
const partiesOf = (t: IndexNotice) => [t.principal?.value, t.sender?.value, t.fileParty].filter((x): x is string => !!x);

const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/** The same side: the same party, or one name inside the other (`Lazada` and `Lazada Group`). */
function sameSide(a: string, b: string): boolean {
  const [x, y] = [letters(a), letters(b)];
  return sameParty(a, b) || (x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x)));
}

/** A retraction whose filer is known and is not the party of any takedown the counter-notice answers. */
function filedByOtherSide(r: IndexNotice, takedowns: readonly IndexNotice[]): boolean {
  const filer = r.filer?.value;
  return !!filer && takedowns.length > 0 && takedowns.every((t) => !partiesOf(t).some((p) => sameSide(p, filer)));
}

type Lookup = Pick<Notices, 'answersTo' | 'byIndex'>;

/** Does this answer to a counter-notice take it back: GitHub's reversal of it, or its own side's retraction? */
function undoes(notices: Lookup, answer: IndexNotice, counter: IndexNotice): boolean {
  if (answer.kind === 'reversal') return namedAfter(answer, counter);
  if (answer.kind !== 'retraction') return false;
  if (namedAfter(answer, counter)) return true;
  const takedowns = counter.refersTo
    .flatMap((r) => notices.byIndex(r.index) ?? [])
    .filter((t) => t.kind === 'takedown' || t.kind === 'legal');
  return filedByOtherSide(answer, takedowns);
}

/** A counter-notice that disputes: GitHub did not reject it and its filer did not withdraw it (`undoes`). */
export const disputes = (notices: Lookup, a: IndexNotice) =>
  a.kind === 'counter-notice' && !notices.answersTo(a).some((x) => undoes(notices, x, a));

/** The repos of a takedown that any of these answers covers. */
const coveredBy = (list: readonly IndexNotice[], takedown: IndexNotice) =>
  takedown.repoLines.filter((r) => list.some((a) => covers(a, takedown, r.line)));

/** How many of the repos a takedown names an answer covers. */
const coveredCount = (a: IndexNotice, takedown: IndexNotice) => coveredBy([a], takedown).length;

/** A reversal or retraction of the whole notice: it covers every repo the notice names. */
const whole = (a: IndexNotice, takedown: IndexNotice) => coveredCount(a, takedown) === takedown.repoLines.length;

/**
 * The answer that restores the whole notice: the newest that covers every repo alone, else — when partial
 * ones cover every repo between them — the newest of those (its kind says reversed or retracted).
 */
function wholeBy(restoring: readonly IndexNotice[], takedown: IndexNotice): IndexNotice | null {
  const alone = newest(restoring.filter((a) => whole(a, takedown)));
  if (alone) return alone;
  const parts = restoring.filter((a) => coveredCount(a, takedown) > 0);
  return parts.length && coveredBy(parts, takedown).length === takedown.repoLines.length ? newest(parts) : null;
}

/** What answered a takedown, as a whole (no `repo`) or for one repo. */
export function answered(notices: Lookup, takedown: IndexNotice, repo?: ForRepo): Answered {
  const answers = notices.answersTo(takedown).filter((a) => a.date >= takedown.date);
  const applies = (a: IndexNotice) => (repo ? covers(a, takedown, repo.repoLine, repo.ownLine) : true);
  const restoring = answers.filter((a) => restores(a) && applies(a));
  const full = repo ? newest(restoring) : wholeBy(restoring, takedown);
  if (full) return { state: full.kind === 'reversal' ? 'reversed' : 'retracted', by: full, partly: null };
  const dispute = newest(answers.filter((a) => disputes(notices, a) && applies(a)));
  const some = repo ? [] : restoring.filter((a) => coveredCount(a, takedown) > 0);
  const partly = some.length ? { by: newest(some)!, repos: coveredBy(some, takedown).length } : null;
  return { state: dispute ? 'disputed' : 'standing', by: dispute, partly };
}

/** What answered a takedown, as facts for its cards, its page and its badges (notices.ts calls it for takedowns only). */
export function noticeStanding(notices: Pick<Notices, 'answersTo' | 'byIndex' | 'ref'>, n: IndexNotice, repo?: ForRepo): NoticeStanding {
  const a = answered(notices, n, repo);
  return {
    state: a.state,
    by: a.by ? notices.ref(a.by) : null,
    partly: a.partly ? { ...notices.ref(a.partly.by), repos: a.partly.repos } : null,
  };
}
