/**
 * The facts Backstory holds about a github/dmca notice, in one stable shape (`npm run dmca:facts`):
 * for tests, maintainers and any outside check. Read from the bundled index, so it is exactly what the
 * extension shows; a file newer than the index is parsed from its text (answers then unknown: []).
 */
import type { TakedownScope } from '../core/model';
import type { IndexNotice } from '../dmca/index-format';
import { takedownScope } from '../dmca/scope';
import type { DmcaIndex } from '../dmca/index-read';
import type { ParsedNotice } from '../dmca/parser';

export interface NoticeFacts {
  path: string;
  kind: 'takedown' | 'counter-notice' | 'retraction' | 'reversal' | 'other';
  date: string;
  sender: string | null;
  principal: string | null;
  filer: string | null;
  /** The notices it answers (a counter-notice, retraction or reversal): stated in its text, else inferred. */
  answers: string[];
  /** Repos it names, lower-case `owner/name`, in the order named. */
  repos: string[];
  /** GitHub's "entire network of N repositories", when stated. */
  network: number | null;
  /**
   * A takedown's scope per repo it names: the whole repository, specific files in it, its fork network, or
   * `original` (named only as the complainant's own work). Empty for answers.
   */
  scope: Record<string, TakedownScope | 'original'>;
  /** The line of GitHub's note that it first gave the owners an opportunity to make changes, or null. */
  changesOffered: number | null;
}

const ANSWER_KINDS = new Set(['counter-notice', 'retraction', 'reversal']);
const TAKEDOWNS = new Set(['takedown', 'legal']);
const outKind = (k: string): NoticeFacts['kind'] => (k === 'legal' ? 'other' : (k as NoticeFacts['kind']));

export function factsFromIndex(index: DmcaIndex, n: IndexNotice): NoticeFacts {
  return {
    path: n.path,
    kind: outKind(n.kind),
    date: n.date,
    sender: n.sender?.value ?? null,
    principal: n.principal?.value ?? null,
    filer: n.filer?.value ?? null,
    answers: ANSWER_KINDS.has(n.kind) ? n.refersTo.flatMap((r) => index.notice(r.index)?.path ?? []) : [],
    repos: n.repoLines.flatMap((r) => index.repoAt(r.line) ?? []),
    network: n.network?.value ?? null,
    scope: TAKEDOWNS.has(n.kind)
      ? Object.fromEntries(
          n.repoLines.flatMap((r) => {
            const repo = index.repoAt(r.line);
            return repo ? [[repo, r.original ? 'original' : takedownScope(n, r.files)]] : [];
          }),
        )
      : {},
    changesOffered: n.changesOffered,
  };
}

export function factsFromParse(p: ParsedNotice): NoticeFacts {
  return {
    path: p.path,
    kind: outKind(p.kind),
    date: p.date,
    sender: p.sender?.value ?? null,
    principal: p.principal?.value ?? null,
    filer: p.filer?.value ?? null,
    answers: [],
    repos: p.repos.map((r) => r.name),
    network: p.network?.value ?? null,
    scope: TAKEDOWNS.has(p.kind)
      ? Object.fromEntries(p.repos.map((r) => [r.name, p.originals.includes(r.name) ? 'original' : takedownScope(p, !!r.files)]))
      : {},
    changesOffered: p.changesOffered,
  };
}
