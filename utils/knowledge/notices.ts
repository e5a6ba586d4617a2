/**
 * The one notice model: the facts of every github/dmca notice come from the DMCA index; the curated
 * stories add our notes on top (LLaMA link, note, topics). Pure: index and catalog in, cards out.
 */
import type { AnswerCard, NoticeCard, NoticeKind, NoticeRef, Relation, Sourced } from '../core/model';
import { RELATION_ORDER } from '../core/model';
import { noticeLineUrl, noticeUrl } from '../core/safe-url';
import type { DmcaIndex } from '../dmca/index-read';
import type { IndexNotice, LineFact } from '../dmca/index-format';
import type { Catalog } from './catalog';
import { disputes, noticeStanding, type ForRepo } from './standing';

/** A repo page's cards give the count of repos a notice names, not the list (listing would read a shard per repo). */
export const REPOS_IN_REPO_CARD = 0;
/** A notice page lists the repos its notice names, collapsed, up to this many. */
export const REPOS_ON_NOTICE_PAGE = 100;
/** Cards shown for a repo named in many notices (newest first). */
export const MAX_NOTICE_CARDS = 5;

/**
 * Kinds that answer an earlier notice and are filed for someone (a counter-notice for the repo's owner,
 * a retraction or reversal): their party is the filer's. A legal action also refers to an earlier
 * notice (the index links it as an answer: `answersTo`) but disables like a takedown.
 */
const ANSWER_KINDS: ReadonlySet<NoticeKind> = new Set(['counter-notice', 'retraction', 'reversal']);
/** Kinds that disable what they name (a legal action keeps it disabled). */
export const TAKEDOWN_KINDS: ReadonlySet<NoticeKind> = new Set(['takedown', 'legal']);
export const isAnswer = (n: { kind: NoticeKind }) => ANSWER_KINDS.has(n.kind);
export const isTakedown = (n: { kind: NoticeKind }) => TAKEDOWN_KINDS.has(n.kind);

export const sortRelations = (r: Iterable<Relation>): Relation[] => {
  const set = new Set(r);
  return RELATION_ORDER.filter((x) => set.has(x));
};

export interface NamedIn {
  n: IndexNotice;
  /** The repo's line in repos.tsv. */
  repoLine: number;
  /** Named only as the complainant's original work. */
  original: boolean;
}

export interface Notices {
  readonly index: DmcaIndex | null;
  /**
   * The newest date (YYYY-MM-DD) of the notices downloaded by a notice update (not the bundle's) read since
   * the last `reset`, null when none was: every notice a panel shows, counts or decides its outcome by is read
   * through `byIndex` / `byPath`. A notice's own date, never when the update was made.
   */
  readDownloaded: { reset(): void; readonly newest: string | null };
  /** Notices naming a repo (from loaded shards), newest first. */
  of(repo: string): NamedIn[];
  byPath(path: string): IndexNotice | null;
  byIndex(i: number): IndexNotice | null;
  /** The notices that answer this one (counter-notices, retractions, reversals, legal actions). */
  answersTo(n: IndexNotice): IndexNotice[];
  /** A counter-notice disputes it (not one GitHub rejected or its filer withdrew). */
  counterNoticed(n: IndexNotice): boolean;
  ref(n: IndexNotice): NoticeRef;
  /** Its card; a takedown's standing as a whole, or for the repo `forRepo` (a repo's panel). */
  card(n: IndexNotice, repoCap?: number, forRepo?: ForRepo): NoticeCard;
  /** Relations a list of notices gives the repos they name. */
  relations(list: readonly NamedIn[]): Relation[];
}

/** A fact of a notice with the address of its line. */
export const sourced = (n: { path: string }, f: LineFact | null): Sourced | null =>
  f ? { value: f.value, source: noticeLineUrl(n.path, f.line) } : null;

export function createNotices(index: DmcaIndex | null, cat: Catalog): Notices {
  let newestDownloaded: string | null = null;
  const first = index?.downloaded?.first ?? Infinity;
  const seen = (n: IndexNotice | null) => {
    if (n && n.index >= first && (!newestDownloaded || n.date > newestDownloaded)) newestDownloaded = n.date;
    return n;
  };
  const byIndex = (i: number) => seen(index?.notice(i) ?? null);
  const answersTo = (n: IndexNotice) => n.answeredBy.map(byIndex).filter((a): a is IndexNotice => !!a);
  /** A counter-notice disputes it (one GitHub rejected or its filer withdrew disputes nothing: standing.ts). */
  const counterNoticed = (n: IndexNotice) => answersTo(n).some((a) => disputes({ answersTo, byIndex }, a));

  function ref(n: IndexNotice): NoticeRef {
    // An answer is from whom it was filed for; a notice from its principal, else its sender. Never the file name's party.
    const party = isAnswer(n) ? (n.filer ?? n.principal ?? n.sender) : (n.principal ?? n.sender);
    const via = !isAnswer(n) && n.principal ? n.sender : null;
    return {
      path: n.path,
      url: noticeUrl(n.path),
      kind: n.kind,
      date: n.date,
      file: n.path.split('/').pop()!,
      party: sourced(n, party),
      via: sourced(n, via),
    };
  }

  function answerCard(a: IndexNotice, answered: IndexNotice): AnswerCard {
    const link = a.refersTo.find((r) => r.index === answered.index);
    return {
      ...ref(a),
      inferred: !!link?.inferred,
      cites: link?.line ? noticeLineUrl(a.path, link.line) : null,
      note: cat.noticeNote(a.path)?.note.note ?? null,
    };
  }

  function card(n: IndexNotice, repoCap = REPOS_IN_REPO_CARD, forRepo?: ForRepo): NoticeCard {
    const note = cat.noticeNote(n.path)?.note;
    return {
      ...ref(n),
      textDate: n.textDate && n.textDate.value !== n.date ? sourced(n, n.textDate) : null,
      sender: sourced(n, n.sender),
      principal: sourced(n, n.principal),
      filer: isAnswer(n) ? sourced(n, n.filer) : null,
      network: n.network ? { value: n.network.value, source: noticeLineUrl(n.path, n.network.line) } : null,
      asks: n.asks ? { value: n.asks.value, source: noticeLineUrl(n.path, n.asks.line) } : null,
      changesOffered: n.changesOffered ? noticeLineUrl(n.path, n.changesOffered) : null,
      repoCount: n.repoLines.length,
      repos: n.repoLines.slice(0, repoCap).flatMap((r) => index?.repoAt(r.line) ?? []),
      gists: n.gists,
      ...(n.kind === 'retraction' && n.scope === 'except' ? { except: true as const } : {}),
      ...(note ? { llama: note.llama } : {}),
      note: note?.note ?? null,
      answers: isAnswer(n) ? [] : answersTo(n).map((a) => answerCard(a, n)),
      standing: isTakedown(n) ? noticeStanding({ answersTo, byIndex, ref }, n, forRepo) : null,
    };
  }

  function of(repo: string): NamedIn[] {
    const hit = index?.findRepo(repo);
    if (!hit) return [];
    return hit.notices
      .flatMap((x) => {
        const n = byIndex(x.index);
        return n ? [{ n, original: x.original, repoLine: hit.line }] : [];
      })
      .sort((a, b) => (a.n.date < b.n.date ? 1 : a.n.date > b.n.date ? -1 : a.n.path < b.n.path ? 1 : -1));
  }

  function relations(list: readonly NamedIn[]): Relation[] {
    const rel = new Set<Relation>();
    for (const { n } of list) {
      if (isTakedown(n)) rel.add('named-in-notice');
      if (isTakedown(n) && counterNoticed(n)) rel.add('counter-noticed');
      // Named in a counter-notice that disputes: the notice it answers named the repo too (or its network).
      if (disputes({ answersTo, byIndex }, n)) rel.add('counter-noticed');
    }
    return sortRelations(rel);
  }

  return {
    index,
    readDownloaded: {
      reset: () => void (newestDownloaded = null),
      get newest() {
        return newestDownloaded;
      },
    },
    of,
    byPath: (path) => seen(index?.findNotice(path.toLowerCase()) ?? null),
    byIndex,
    answersTo,
    counterNoticed,
    ref,
    card,
    relations,
  };
}
