/**
 * A repository's panel: its own record (the notices naming it, and what answered them), its
 * fork-network root's record when it is a fork, its curated story, and the threads that discuss it.
 */
import type { NoticeCard, NoticeRef, RepoNotice, RepoPanel, Subject, Undated } from '../core/model';
import { noticeLineUrl, noticeUrl } from '../core/safe-url';
import { normalizeRepo } from '../core/subjects';
import type { Story } from '../dataset/schema';
import type { IndexNotice } from '../dmca/index-format';
import type { Catalog } from './catalog';
import { isAnswer, isTakedown, MAX_NOTICE_CARDS, REPOS_IN_REPO_CARD, sortRelations, type NamedIn, type Notices } from './notices';
import { NO_OUTCOME, outcomeOf, scopeOf } from './outcome';
import type { ForRepo } from './standing';
import { repoRelations } from './relations';
import { threadCardsFor, timelineOf } from './threads';

export interface RepoContext {
  cat: Catalog;
  notices: Notices;
}

/** `owner/name` as the page's meta tag gives it, normalised; undefined when it is not a repo or is the repo itself. */
export function forkRoot(repo: string, networkRoot: string | undefined): string | undefined {
  const [o, n, extra] = (networkRoot ?? '').split('/');
  const root = o && n && extra === undefined ? normalizeRepo(o, n) : null;
  return root && root !== repo ? root : undefined;
}

/** Where a notice names the repo at `repoLine`, as the address of that line. */
const namedAt = (n: IndexNotice, repoLine: number) => {
  const at = n.repoLines.find((r) => r.line === repoLine)?.at;
  return at ? noticeLineUrl(n.path, at) : null;
};

/**
 * A card whose answers say whether they concern this repo (`names`: the notices naming it), and whose
 * standing is this repo's (`forRepo`: its line, or its root's, in the notice).
 */
function cardFor(ctx: RepoContext, n: IndexNotice, names: ReadonlySet<number>, forRepo?: ForRepo): NoticeCard {
  const card = ctx.notices.card(n, REPOS_IN_REPO_CARD, forRepo);
  for (const a of card.answers) {
    const answer = ctx.notices.byPath(a.path);
    a.concerns = answer && names.has(answer.index) ? 'this' : answer?.repoLines.length ? 'others' : 'none';
  }
  return card;
}

/** The notices to show, in order: own takedowns, then answers naming it (shown with their notice), then the root's. */
function repoNotices(ctx: RepoContext, own: NamedIn[], rootList: NamedIn[]): { shown: RepoNotice[]; more: number } {
  const takedowns = own.filter((x) => isTakedown(x.n));
  const shown: RepoNotice[] = [];
  const seen = new Set<number>();
  const ownNames = new Set(own.map((x) => x.n.index));
  const rootNames = new Set(rootList.map((x) => x.n.index));
  const ownLine = own[0]?.repoLine ?? null;
  const add = (x: NamedIn | { n: IndexNotice; repoLine: null }, role: RepoNotice['role']) => {
    if (seen.has(x.n.index) || shown.length >= MAX_NOTICE_CARDS) return;
    seen.add(x.n.index);
    const names = role === 'network' ? rootNames : ownNames;
    const scope = x.repoLine !== null && (role === 'named' || role === 'network') ? { scope: scopeOf(x.n, x.repoLine).scope } : {};
    // Its standing for this repo: where it names the repo (or its root), else where the answer naming the repo does.
    const line = x.repoLine ?? ownLine;
    const card = cardFor(ctx, x.n, names, line === null ? undefined : { repoLine: line, ownLine });
    shown.push({ role, card, namedAt: x.repoLine === null ? null : namedAt(x.n, x.repoLine), ...scope });
  };
  for (const x of takedowns) add(x, x.original ? 'original' : 'named');
  for (const x of own.filter((y) => !isTakedown(y.n))) {
    // An answer is shown with the notice it answers (whose card carries it); told once.
    const target = isAnswer(x.n) && x.n.refersTo[0] ? ctx.notices.byIndex(x.n.refersTo[0].index) : null;
    if (target && takedowns.some((t) => t.n.index === target.index)) continue;
    add(target ? { n: target, repoLine: null } : x, 'answer');
  }
  for (const x of rootList) add(x, 'network');
  return { shown, more: takedowns.length > MAX_NOTICE_CARDS ? takedowns.length : 0 };
}

/** The panel for a repo, with its fork-network root when it is a fork; null when nothing concerns it. */
export function repoPanel(ctx: RepoContext, subject: Subject, networkRoot?: string): Undated<RepoPanel> | null {
  const repo = subject.slice(5);
  const root = forkRoot(repo, networkRoot);
  const own = ctx.notices.of(repo);
  const rootList = root ? ctx.notices.of(root).filter((x) => isTakedown(x.n) && !x.original) : [];
  const curated = ctx.cat.repo(repo) ?? (root ? ctx.cat.repo(root) : undefined);
  if (!own.length && !rootList.length && !curated) return null;
  const { shown, more } = repoNotices(ctx, own, rootList);
  const story: Story | undefined = curated?.story;
  const ownRecord = own.length > 0 || !!ctx.cat.repo(repo);
  return {
    kind: 'repo',
    subject,
    title: repo,
    relations: repoRelations(ctx, subject, [own, rootList], !!curated?.record.llama),
    match: ownRecord || !root ? { via: 'record' } : { via: 'fork', root },
    outcome: outcomeOf(ctx.notices, own, root ? { repo: root, list: rootList } : undefined),
    note: curated?.record.note ?? null,
    notices: shown,
    moreNotices: more,
    story: story?.title ?? null,
    storyNotices: [],
    threads: threadCardsFor(ctx.cat, subject, story, curated?.record.topics ?? []),
    timeline: timelineOf(story),
  };
}

/** A repo the detector (or the user's list) relates to the story that takes detected repos. */
export function detectedPanel(ctx: RepoContext, subject: Subject, signals: readonly string[]): Undated<RepoPanel> {
  const story = ctx.cat.dataset.stories.find((s) => s.detected);
  const storyNotices = (story?.notices ?? []).flatMap((note) => {
    const n = ctx.notices.byPath(note.path);
    return n && isTakedown(n) ? [ctx.notices.card(n)] : [];
  });
  return {
    kind: 'repo',
    subject,
    title: subject.slice(5),
    relations: ['llama'],
    match: { via: 'detected', signals: [...signals] },
    // Only the story's facts are shown for it, as context: nothing of its own.
    outcome: NO_OUTCOME,
    note: null,
    notices: [],
    moreNotices: 0,
    story: story?.title ?? null,
    storyNotices,
    threads: story ? threadCardsFor(ctx.cat, subject, story, story.detected?.topics ?? []) : [],
    timeline: timelineOf(story),
  };
}

/**
 * GitHub's "Repository unavailable due to DMCA takedown" page: the repo's panel, led by the notice the
 * page links; when the notice is newer than the bundled index, a panel that still links it.
 */
export function takedownPanel(ctx: RepoContext, subject: Subject, noticePath: string, networkRoot?: string): Undated<RepoPanel> {
  const n = ctx.notices.byPath(noticePath);
  const ref: NoticeRef = n
    ? ctx.notices.ref(n)
    : {
        path: noticePath,
        url: noticeUrl(noticePath),
        kind: 'takedown',
        date: /(\d{4}-\d{2}-\d{2})[^/]*$/.exec(noticePath)?.[1] ?? '',
        file: noticePath.split('/').pop() ?? noticePath,
        party: null,
        via: null,
      };
  const base = repoPanel(ctx, subject, networkRoot);
  const notices = base?.notices ?? [];
  if (n && !notices.some((x) => x.card.path === n.path)) notices.unshift({ role: 'named', card: ctx.notices.card(n), namedAt: null });
  // GitHub's own page says it is disabled now, whatever the published record shows: the page is evidence.
  const same = base?.outcome.notice?.path === ref.path;
  const outcome =
    same && base.outcome.state === 'disputed'
      ? base.outcome
      : { ...(same ? base.outcome : NO_OUTCOME), state: 'disabled' as const, notice: ref, by: null };
  return {
    kind: 'repo',
    subject,
    title: subject.slice(5),
    relations: sortRelations([...(base?.relations ?? []), 'named-in-notice']),
    match: base?.match ?? { via: 'record' },
    outcome,
    note: base?.note ?? null,
    notices,
    moreNotices: base?.moreNotices ?? 0,
    takedownPage: { notice: ref, known: !!n },
    story: base?.story ?? null,
    storyNotices: [],
    threads: base?.threads ?? [],
    timeline: base?.timeline ?? [],
  };
}
