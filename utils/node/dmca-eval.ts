/**
 * Scoring the notice parser against the hand-labelled notices (tests/fixtures/dmca-eval.json): party
 * fields, kind, repos and explicit citations. Node only (reads the raw notices from ../shared/data).
 *
 * Party fields are scored per field; when a notice states a single party, the role it is given (sender or
 * principal) is not held against the parser (which of the two a lone company is — signer's employer or
 * the owner it acts for — is rarely stated). Names match when equal but for case, punctuation and legal
 * suffixes, against any of the label's accepted spellings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sameParty } from '../dmca/parties';
import { parseNotice, resolveCitation, type ParsedNotice } from '../dmca/parser';
import { takedownScope } from '../dmca/scope';
import { noticeFiles } from './dmca-corpus';

export interface LabelledParty {
  names: string[];
  line: number | null;
}
export interface LabelledNotice {
  path: string;
  /** How it was chosen: a seeded random sample, a hard case, or a random sample labelled after the rules were frozen. */
  set: 'random' | 'hard' | 'held-out' | 'held-out-2' | 'fresh' | 'fresh-2' | 'fresh-3' | 'fresh-4';
  kind: string;
  sender: LabelledParty | null;
  principal: LabelledParty | null;
  filer: LabelledParty | null;
  /** Notices the text explicitly cites (paths in github/dmca). */
  answers: string[];
  /** Null: too many to label (the notice names over 30). */
  repos: string[] | null;
  network: number | null;
  /** What the takedown asks for of each repo it names as infringing (labelled on the `fresh` set). */
  scope?: Record<string, 'whole' | 'files' | 'network'> | null;
  /** Repos named only as the complainant's own original work. */
  originals?: string[];
  /** The line of GitHub's note that it first gave the owners an opportunity to make changes. */
  changesOffered?: number | null;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const ratio = (a: number, b: number) => (b ? a / b : 1);
export const precision = (s: Score) => ratio(s.tp, s.tp + s.fp);
export const recall = (s: Score) => ratio(s.tp, s.tp + s.fn);

export interface EvalReport {
  notices: number;
  parties: Score;
  kinds: { right: number; of: number; wrong: string[] };
  repos: Score;
  citations: { linked: number; of: number; wrong: string[] };
  /** Where labelled: each repo's scope, GitHub's changes note (found, within a line), original works. */
  scope: { right: number; of: number };
  changes: { right: number; of: number };
  originals: Score;
  /** Original works the parser would count as infringing (must stay 0). */
  originalsAsInfringing: string[];
  /** Repos labelled as accused that the parser reads as the complainant's original work (must stay 0). */
  infringingAsOriginal: string[];
  misses: string[];
}

const matches = (got: string | null | undefined, label: LabelledParty | null) =>
  !!got && !!label && label.names.some((n) => sameParty(got, n));

/** Score one notice's parties: per field, role-free when only one of sender / principal is labelled. */
function scoreParties(p: ParsedNotice, l: LabelledNotice, s: Score, misses: string[]) {
  const got = { sender: p.sender?.value ?? null, principal: p.principal?.value ?? null, filer: p.filer?.value ?? null };
  const single = !!l.sender !== !!l.principal;
  for (const field of ['sender', 'principal', 'filer'] as const) {
    const label = l[field];
    const value = got[field];
    const other = field === 'sender' ? 'principal' : field === 'principal' ? 'sender' : null;
    const ok = matches(value, label) || (single && other !== null && !label && !!l[other] && matches(value, l[other]));
    if (value && ok) s.tp++;
    else if (value) {
      s.fp++;
      misses.push(`${l.path}: ${field} "${value}" (label ${label ? JSON.stringify(label.names[0]) : 'none'})`);
    }
    // A labelled party not found in its field (nor, when alone, in the other one).
    const foundElsewhere = single && other !== null && matches(got[other], label);
    if (label && !matches(value, label) && !foundElsewhere) {
      s.fn++;
      if (!value) misses.push(`${l.path}: ${field} missed ${JSON.stringify(label.names[0])}`);
    }
  }
}

function scoreRepos(p: ParsedNotice, labelled: readonly string[], path: string, r: EvalReport, originals: readonly string[] = []) {
  // The parser lists original works among the repos (with scope `original`); labels list them apart.
  const got = new Set(p.repos.map((x) => x.name).filter((x) => !originals.includes(x) || labelled.includes(x)));
  const want = new Set(labelled);
  for (const x of got) {
    if (want.has(x)) r.repos.tp++;
    else {
      r.repos.fp++;
      r.misses.push(`${path}: repo ${x} not named`);
    }
  }
  for (const x of want) {
    if (got.has(x)) continue;
    r.repos.fn++;
    r.misses.push(`${path}: repo ${x} missed`);
  }
}

/** Scope per repo, GitHub's changes note and original works, where the label has them. */
function scoreOriginals(p: ParsedNotice, l: LabelledNotice, r: EvalReport) {
  const got = new Set(p.originals);
  const want = new Set(l.originals);
  for (const x of got)
    if (want.has(x)) r.originals.tp++;
    else {
      r.originals.fp++;
      if (l.repos?.includes(x)) r.infringingAsOriginal.push(`${l.path}: ${x}`);
      r.misses.push(`${l.path}: original ${x} (not labelled as the original work)`);
    }
  for (const x of want) {
    if (got.has(x)) continue;
    r.originals.fn++;
    // Only a takedown accuses: a repo an answer names changes no outcome unless its takedown named it.
    if (l.kind === 'takedown' && p.repos.some((y) => y.name === x)) r.originalsAsInfringing.push(`${l.path}: ${x}`);
  }
  if (l.changesOffered !== undefined) {
    r.changes.of++;
    const ok =
      l.changesOffered === null
        ? p.changesOffered === null
        : p.changesOffered !== null && Math.abs(p.changesOffered - l.changesOffered) <= 1;
    if (ok) r.changes.right++;
    else r.misses.push(`${l.path}: changes note ${p.changesOffered} (label ${l.changesOffered})`);
  }
  for (const [repo, want] of Object.entries(l.scope ?? {})) {
    r.scope.of++;
    const named = p.repos.find((x) => x.name === repo);
    const scope = named ? takedownScope(p, !!named.files) : null;
    if (scope === want) r.scope.right++;
    else r.misses.push(`${l.path}: scope of ${repo} ${scope} (label ${want})`);
  }
}

export function evaluateParser(labels: readonly LabelledNotice[], root: string): EvalReport {
  const known = new Map(noticeFiles(root).map((f) => [f.toLowerCase(), f]));
  const r: EvalReport = {
    notices: labels.length,
    parties: { tp: 0, fp: 0, fn: 0 },
    kinds: { right: 0, of: 0, wrong: [] },
    repos: { tp: 0, fp: 0, fn: 0 },
    citations: { linked: 0, of: 0, wrong: [] },
    scope: { right: 0, of: 0 },
    changes: { right: 0, of: 0 },
    originals: { tp: 0, fp: 0, fn: 0 },
    originalsAsInfringing: [],
    infringingAsOriginal: [],
    misses: [],
  };
  for (const l of labels) {
    const p = parseNotice(l.path, readFileSync(join(root, l.path), 'utf8'));
    scoreParties(p, l, r.parties, r.misses);
    r.kinds.of++;
    if (p.kind === l.kind) r.kinds.right++;
    else r.kinds.wrong.push(`${l.path}: ${p.kind} (label ${l.kind})`);
    if (l.repos) scoreRepos(p, l.repos, l.path, r, l.originals);
    if (l.originals) scoreOriginals(p, l, r);
    const cited = p.refersTo.flatMap((c) => resolveCitation(c.path, known) ?? []);
    r.citations.of += l.answers.length;
    for (const a of l.answers) if (cited.includes(a)) r.citations.linked++;
    const wrong = cited.filter((c) => !l.answers.includes(c));
    if (wrong.length || l.answers.some((a) => !cited.includes(a)))
      r.citations.wrong.push(`${l.path}: cites ${JSON.stringify(cited)} (label ${JSON.stringify(l.answers)})`);
  }
  return r;
}

/** Two labellings of the same notices, scored as the parser is (the second read as if it were the parser's). */
export function labelAgreement(first: readonly LabelledNotice[], second: readonly LabelledNotice[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  for (const l of first) {
    const o = second.find((x) => x.path === l.path);
    if (!o) continue;
    const asParsed = {
      sender: o.sender && { value: o.sender.names[0]!, line: o.sender.line ?? 0 },
      principal: o.principal && { value: o.principal.names[0]!, line: o.principal.line ?? 0 },
      filer: o.filer && { value: o.filer.names[0]!, line: o.filer.line ?? 0 },
    } as ParsedNotice;
    scoreParties(asParsed, l, s, misses);
  }
  return s;
}

export function loadLabels(file: string): LabelledNotice[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { notices: LabelledNotice[] }).notices;
}
