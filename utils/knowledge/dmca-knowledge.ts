/**
 * What the compact index of every github/dmca notice tells about a repo or a notice: relations,
 * badge hints, DMCA cards, reasons and the notice-page panel. Pure (index in, plain objects out);
 * utils/knowledge.ts merges it with the curated LLaMA dataset, whose annotations win.
 */
import type { DmcaIndex, IndexNotice } from '../dmca/dmca-index';
import type { BadgeInfo, NoticeCard, PanelData, Relation } from '../core/protocol';
import { noticeUrl } from '../core/safe-url';
import { normalizeNoticePath, type Subject } from '../core/subjects';

/**
 * A repo page's DMCA cards give the count of repos each notice names, not the list: listing them
 * would make a cold worker read a shard per listed repo before the panel shows (measured: 12 repos
 * → 12 shards → +60 ms). The notice's own page lists them.
 */
export const MAX_REPOS_IN_CARD = 0;
/** A notice page lists the repos its notice names, collapsed, up to this many. */
export const MAX_REPOS_ON_NOTICE_PAGE = 100;
/** Cards shown for a repo named in many notices (newest first). */
export const MAX_NOTICE_CARDS = 5;

const ANSWER_KINDS = new Set(['counter-notice', 'retraction', 'reversal']);
const TAKEDOWN_KINDS = new Set(['notice', 'legal']);

export function kindLabel(kind: IndexNotice['kind']): string {
  return kind === 'notice' ? 'DMCA notice' : kind === 'legal' ? 'legal document' : kind === 'other' ? 'document' : kind;
}

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type CardFacts = Pick<NoticeCard, 'path' | 'kind' | 'date' | 'textDate' | 'sender' | 'onBehalfOf' | 'networkSize'>;

/** The facts every notice card shows, from the curated dataset or the index alike, with its link. */
export function cardFacts(n: CardFacts): CardFacts & { url: string } {
  return {
    path: n.path,
    url: noticeUrl(n.path),
    kind: n.kind,
    date: n.date,
    textDate: n.textDate,
    sender: n.sender,
    onBehalfOf: n.onBehalfOf,
    networkSize: n.networkSize,
  };
}

/** Who the notice is from, as plainly as the data allows. */
function partyOf(n: { onBehalfOf: string | null; sender: string | null; fileParty?: string }): string {
  return n.onBehalfOf ?? n.sender ?? n.fileParty ?? '';
}

const from = (n: IndexNotice) => (partyOf(n) ? ` from ${partyOf(n)}` : '');
const RELATION_ORDER: Relation[] = ['named-in-notice', 'counter-noticed', 'discussed', 'llama'];

export interface DmcaFacts {
  /** Notices naming a repo, newest first, with the role it is named in. */
  noticesOf(repo: string): { n: IndexNotice; original: boolean }[];
  notice(path: string): IndexNotice | null;
  card(n: IndexNotice, opts?: { answers?: boolean; repoCap?: number; original?: boolean; inferred?: boolean }): NoticeCard;
  badge(subject: string): BadgeInfo | null;
  /** The DMCA part of a repo's panel: the repo itself, then its fork-network root. */
  repoSection(
    repo: string,
    root?: string,
    skipPaths?: ReadonlySet<string>,
  ): { relations: Relation[]; reasons: string[]; cards: NoticeCard[] } | null;
  noticePanel(subject: Subject, n: IndexNotice): PanelData;
  readonly index: DmcaIndex;
}

export function dmcaFacts(index: DmcaIndex): DmcaFacts {
  const byIndex = (i: number) => index.notice(i);

  function noticesOf(repo: string) {
    const hit = index.findRepo(repo);
    if (!hit) return [];
    return hit.notices
      .map((x) => ({ n: byIndex(x.index)!, original: x.original }))
      .filter((x) => !!x.n)
      .sort((a, b) => (a.n.date < b.n.date ? 1 : a.n.date > b.n.date ? -1 : a.n.path < b.n.path ? 1 : -1));
  }

  const answers = (n: IndexNotice) => n.answeredBy.map(byIndex).filter((a): a is IndexNotice => !!a);
  const counterNoticed = (n: IndexNotice) => answers(n).some((a) => a.kind === 'counter-notice');

  function relationsFor(list: { n: IndexNotice }[]): Relation[] {
    const rel = new Set<Relation>();
    for (const { n } of list) {
      if (TAKEDOWN_KINDS.has(n.kind)) rel.add('named-in-notice');
      if (TAKEDOWN_KINDS.has(n.kind) && counterNoticed(n)) rel.add('counter-noticed');
      // Named in a counter-notice: the notice it answers named the repo too (or its network).
      if (n.kind === 'counter-notice') rel.add('counter-noticed');
    }
    return RELATION_ORDER.filter((r) => rel.has(r));
  }

  function card(n: IndexNotice, opts: { answers?: boolean; repoCap?: number; original?: boolean; inferred?: boolean } = {}): NoticeCard {
    const cap = opts.repoCap ?? MAX_REPOS_IN_CARD;
    const repos: string[] = [];
    for (const r of n.repoLines.slice(0, cap)) {
      const name = index.repoAt(r.line);
      if (name) repos.push(name);
    }
    return {
      ...cardFacts(n),
      fileParty: n.fileParty,
      repos,
      repoCount: n.repoLines.length,
      gists: n.gists,
      note: null,
      ...(opts.original ? { original: true } : {}),
      ...(opts.inferred ? { inferred: true } : {}),
      answeredBy:
        opts.answers === false
          ? []
          : n.answeredBy
              .map(byIndex)
              .filter((a): a is IndexNotice => !!a)
              .map((a) => card(a, { answers: false, repoCap: 0, inferred: a.refersTo.some((r) => r.index === n.index && r.inferred) })),
    };
  }

  function hint(list: { n: IndexNotice; original: boolean }[], what: string): string {
    const takedowns = list.filter((x) => TAKEDOWN_KINDS.has(x.n.kind));
    const newest = (takedowns[0] ?? list[0])!.n;
    const parts: string[] = [];
    if (takedowns.length === 1)
      parts.push(
        `named in the ${kindLabel(newest.kind)} of ${newest.date}${from(newest)}${takedowns[0]!.original ? ' (as the original work)' : ''}`,
      );
    else if (takedowns.length > 1) parts.push(`named in ${takedowns.length} DMCA notices, the latest of ${newest.date}${from(newest)}`);
    else parts.push(`named in a ${kindLabel(newest.kind)} of ${newest.date}${from(newest)}`);
    if (takedowns.some((x) => counterNoticed(x.n))) parts.push('disputed by a counter-notice');
    return `Backstory: ${what} — ${parts.join(', ')}`;
  }

  function badge(subject: string): BadgeInfo | null {
    if (subject.startsWith('repo:')) {
      const repo = subject.slice(5);
      const list = noticesOf(repo);
      if (!list.length) return null;
      return { subject: subject as Subject, relations: relationsFor(list), hint: hint(list, repo) };
    }
    if (subject.startsWith('notice:')) {
      const n = index.findNotice(subject.slice(7));
      if (!n) return null;
      return {
        subject: `notice:${n.path.toLowerCase()}` as Subject,
        relations: counterNoticed(n) ? ['counter-noticed'] : [],
        hint: `Backstory: ${kindLabel(n.kind)} of ${n.date}${from(n)} — ${n.repoLines.length} ${n.repoLines.length === 1 ? 'repository' : 'repositories'} named`,
      };
    }
    return null;
  }

  function answerReasons(n: IndexNotice): string[] {
    return answers(n).map((a) => {
      const verb =
        a.kind === 'counter-notice'
          ? 'disputed by a counter-notice'
          : a.kind === 'retraction'
            ? 'retracted'
            : a.kind === 'reversal'
              ? 'reversed by GitHub'
              : `answered by a ${kindLabel(a.kind)}`;
      const inferred = a.refersTo.some((r) => r.index === n.index && r.inferred) ? ' (linked by the repositories or party it names)' : '';
      return `The notice of ${n.date} was ${verb} on ${a.date}${inferred}.`;
    });
  }

  function repoSection(repo: string, root?: string, skipPaths?: ReadonlySet<string>) {
    const keep = (x: { n: IndexNotice }) => !skipPaths?.has(x.n.path.toLowerCase());
    const own = noticesOf(repo).filter(keep);
    const rootList = root && root !== repo ? noticesOf(root).filter((x) => keep(x) && TAKEDOWN_KINDS.has(x.n.kind) && !x.original) : [];
    if (!own.length && !rootList.length) return null;
    const reasons: string[] = [];
    const takedowns = own.filter((x) => TAKEDOWN_KINDS.has(x.n.kind));
    if (takedowns.length > MAX_NOTICE_CARDS)
      reasons.push(`Named in ${takedowns.length} DMCA notices; the ${MAX_NOTICE_CARDS} newest are shown.`);
    // Takedowns first; an answer already told as answering one of them is not told twice.
    const shownOwn = [...own.filter((x) => TAKEDOWN_KINDS.has(x.n.kind)), ...own.filter((x) => !TAKEDOWN_KINDS.has(x.n.kind))].slice(
      0,
      MAX_NOTICE_CARDS,
    );
    const told = new Set(shownOwn.filter((x) => TAKEDOWN_KINDS.has(x.n.kind)).flatMap((x) => x.n.answeredBy));
    for (const { n, original } of shownOwn) {
      if (told.has(n.index)) continue;
      if (TAKEDOWN_KINDS.has(n.kind)) {
        reasons.push(
          `Named ${original ? 'as the original work ' : ''}in the ${kindLabel(n.kind)} of ${n.date}${from(n)}` +
            (n.networkSize && !original ? `; GitHub applied it to the entire network of ${n.networkSize} repositories.` : '.'),
        );
        reasons.push(...answerReasons(n));
      } else reasons.push(`Named in a ${kindLabel(n.kind)} of ${n.date}${from(n)}.`);
    }
    for (const { n } of rootList.slice(0, MAX_NOTICE_CARDS)) {
      reasons.push(
        `A fork of ${root}, which the ${kindLabel(n.kind)} of ${n.date}${from(n)} names` +
          (n.networkSize ? `; GitHub applied it to the entire network of ${n.networkSize} repositories.` : '.'),
      );
      reasons.push(...answerReasons(n));
    }
    const shown = [
      ...own.filter((x) => TAKEDOWN_KINDS.has(x.n.kind)),
      ...own.filter((x) => !TAKEDOWN_KINDS.has(x.n.kind)),
      ...rootList,
    ].slice(0, MAX_NOTICE_CARDS);
    // An answer shows with the notice it answers (which carries it in answeredBy).
    const cards: NoticeCard[] = [];
    const seen = new Set<number>();
    for (const { n, original } of shown) {
      const target = ANSWER_KINDS.has(n.kind) && n.refersTo[0] ? byIndex(n.refersTo[0].index) : null;
      const c = target ?? n;
      if (seen.has(c.index)) continue;
      seen.add(c.index);
      cards.push(card(c, { original: c === n && original }));
    }
    return { relations: relationsFor([...own, ...rootList]), reasons, cards };
  }

  function noticePanel(subject: Subject, n: IndexNotice): PanelData {
    const reasons: string[] = [];
    const what = `${capital(kindLabel(n.kind))} of ${n.date}${from(n)}`;
    const count = n.repoLines.length;
    reasons.push(
      `${what}: ${count ? `names ${count} ${count === 1 ? 'repository' : 'repositories'}` : 'names no repository'}${n.gists ? ` and ${n.gists} gist${n.gists === 1 ? '' : 's'}` : ''}` +
        (n.networkSize ? `; GitHub processed it against the entire network of ${n.networkSize} repositories.` : '.'),
    );
    const targets = n.refersTo
      .map((r) => ({ t: byIndex(r.index), inferred: r.inferred }))
      .filter((x): x is { t: IndexNotice; inferred: boolean } => !!x.t);
    for (const { t, inferred } of targets)
      reasons.push(
        `It answers the ${kindLabel(t.kind)} of ${t.date}${from(t)}${inferred ? ' (linked by the repositories or party it names; the text does not cite it)' : ''}.`,
      );
    reasons.push(...answerReasons(n));
    const cards = [...targets.map(({ t }) => card(t)), card(n, { repoCap: MAX_REPOS_ON_NOTICE_PAGE })];
    return {
      subject,
      title: `${capital(kindLabel(n.kind))}: ${n.path.split('/').pop()}`,
      relations: counterNoticed(n) || n.kind === 'counter-notice' ? ['counter-noticed'] : [],
      reasons,
      note: null,
      notices: cards,
      thread: null,
      mentions: [],
      topics: [],
      timeline: [],
    };
  }

  return {
    index,
    noticesOf,
    notice(path) {
      const p = normalizeNoticePath(path);
      return p ? index.findNotice(p) : null;
    },
    card,
    badge,
    repoSection,
    noticePanel,
  };
}
