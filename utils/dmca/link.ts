/**
 * Linking answers (counter-notices, retractions, reversals) to the notices they answer: pure, so the
 * index build (Node, utils/node/dmca-corpus.ts) and the background's notice updates (utils/dmca/overlay.ts)
 * link the same way. Stated links (the text cites the notice's URL, resolved against every known file
 * name) win; otherwise the notice GitHub named the answer after, else the latest earlier takedown naming
 * one of the same repos, else from the same party as the file names spell them — marked inferred. The
 * file name's party only links; it is never stored as who sent or filed anything.
 */
import type { NoticeKind } from '../core/model';
import { sameParty, type Fact } from './parties';
import { resolveCitation } from './parser';

/** What linking reads of a notice (a parsed notice has it all; a notice of the index, all but `refersTo`). */
export interface Linkable {
  path: string;
  date: string;
  kind: NoticeKind;
  fileParty: string;
  repos: readonly { name: string }[];
  /** The files its text cites, as cited. */
  refersTo: readonly { path: string; line: number }[];
  /** Who sent it and for whom, as read from the text (when known). */
  parties?: readonly string[];
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A counter-notice's filer, unless it is the party it answers: counter-notices quote the notice they dispute
 * ("We represent IBM Corporation…"), and that party never files a counter-notice to its own notice. (A
 * retraction is filed by the party it answers: its filer is kept.)
 */
export function answerFiler(
  kind: NoticeKind,
  filer: Fact | null,
  links: readonly AnswerLink[],
  byPath: ReadonlyMap<string, Linkable>,
): Fact | null {
  if (!filer || kind !== 'counter-notice') return filer;
  const f = key(filer.value);
  for (const link of links) {
    const answered = byPath.get(link.path);
    if (!answered) continue;
    const party = key(answered.fileParty);
    if ((answered.parties ?? []).some((x) => sameParty(x, filer.value))) return null;
    if (party.length >= 3 && f.length >= 3 && (f.includes(party) || party.includes(f))) return null;
  }
  return filer;
}

export interface AnswerLink {
  path: string;
  inferred: boolean;
  line: number | null;
}

const ANSWERS: ReadonlySet<NoticeKind> = new Set(['counter-notice', 'retraction', 'reversal']);

/** A file's name without its date and extension, lower-case: `2017-02-21-Galleria-5-Retraction.md` → `galleria-5-retraction`. */
const fileKey = (path: string) =>
  (path.split('/').pop() ?? path)
    .replace(/\.\s*(?:md|markdown)$/i, '')
    .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
    .toLowerCase();
/**
 * The name of the file an answer answers, as GitHub names answers after it: `galleria-5-retraction` →
 * `galleria-5`, `aws-counternotice-retraction` → `aws-counternotice` (a retraction of the counter-notice).
 */
const answeredKey = (path: string) =>
  fileKey(path).replace(/[-_ ]+(?:retraction|retract|reversal|counter[-_ ]?n*otice|counter)(?:[-_ ]?\d+)?$/, '');

/** A counter-notice's file name: its base and the counter word (`grindr-counternotice`, `x-counternnotice-2`, `grindr-counter`). */
const COUNTER_KEY = /^(.*?)[-_ ]+counter(?:[-_ ]?n*otice)?(?:[-_ ]?\d+)?$/;

/**
 * The links of each of `targets` (by default every notice of `all`), resolved against `all` — the
 * whole record, which includes the targets.
 */
export function linkAnswersOf(all: readonly Linkable[], targets: readonly Linkable[] = all): AnswerLink[][] {
  const byRepo = new Map<string, Linkable[]>();
  const byParty = new Map<string, Linkable[]>();
  const byKey = new Map<string, Linkable[]>();
  const byCounterBase = new Map<string, Linkable[]>();
  const known = new Map(all.map((p) => [p.path.toLowerCase(), p.path]));
  const push = <K>(m: Map<K, Linkable[]>, k: K, p: Linkable) => {
    const list = m.get(k);
    if (list) list.push(p);
    else m.set(k, [p]);
  };
  for (const p of all) {
    push(byKey, fileKey(p.path), p);
    const counterBase = p.kind === 'counter-notice' ? COUNTER_KEY.exec(fileKey(p.path))?.[1] : undefined;
    if (counterBase) push(byCounterBase, counterBase, p);
    if (p.kind !== 'takedown') continue;
    for (const r of p.repos) push(byRepo, r.name, p);
    const party = p.fileParty.toLowerCase();
    if (party) push(byParty, party, p);
  }
  const latestBefore = (list: readonly Linkable[] | undefined, p: Linkable) => {
    let best: Linkable | undefined;
    for (const c of list ?? [])
      if (c.path !== p.path && c.date <= p.date && (!best || c.date > best.date || (c.date === best.date && c.path > best.path))) best = c;
    return best;
  };
  return targets.map((p) => {
    const stated: AnswerLink[] = p.refersTo.flatMap((r) => {
      const path = resolveCitation(r.path, known);
      return path && path !== p.path ? [{ path, inferred: false, line: r.line }] : [];
    });
    if (stated.length || !ANSWERS.has(p.kind)) return stated;
    // The file GitHub named it after (`…-Galleria-5-Retraction` answers `…-Galleria-5`), else shared repos, else the party.
    const key = answeredKey(p.path);
    const names = new Set(p.repos.map((r) => r.name));
    const sameRepos = (c: Linkable) => !names.size || c.repos.some((r) => names.has(r.name));
    let best: Linkable | undefined = key !== fileKey(p.path) ? latestBefore(byKey.get(key)?.filter(sameRepos), p) : undefined;
    // "…-Counter-Retraction", "…-counternnotice-retraction-2": a withdrawal of that party's counter-notice.
    const counterBase = p.kind === 'retraction' && key !== fileKey(p.path) ? COUNTER_KEY.exec(key)?.[1] : undefined;
    if (!best && counterBase) {
      const list = byCounterBase.get(counterBase);
      best = latestBefore(list?.filter(sameRepos), p) ?? latestBefore(list, p);
    }
    if (!best)
      for (const r of p.repos) {
        const c = latestBefore(byRepo.get(r.name), p);
        if (c && (!best || c.date > best.date || (c.date === best.date && c.path > best.path))) best = c;
      }
    best ??= latestBefore(byParty.get(p.fileParty.toLowerCase()), p);
    return best ? [{ path: best.path, inferred: true, line: null }] : [];
  });
}
