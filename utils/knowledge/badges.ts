/** What a link badge says about its subject, as facts: the dataset and the DMCA index, merged. */
import type { BadgeFacts, Relation, Subject } from '../core/model';
import { isSubject } from '../core/subjects';
import type { Catalog } from './catalog';
import { isTakedown, type Notices } from './notices';
import { outcomeOf } from './outcome';
import { noticeRelations, repoRelations, threadRelations } from './relations';
import { noticeStanding } from './standing';

export interface Badge {
  /** Canonical subject (a comment of a dataset thread resolves to the thread). */
  subject: Subject;
  relations: Relation[];
  facts: BadgeFacts;
}

function repoBadge(ctx: { cat: Catalog; notices: Notices }, subject: Subject): Badge | null {
  const repo = subject.slice(5);
  const list = ctx.notices.of(repo);
  const curated = ctx.cat.repo(repo);
  const discussed = ctx.cat.mentions(subject).length > 0;
  if (!list.length && !curated) return null;
  const takedowns = list.filter((x) => isTakedown(x.n));
  const originals = takedowns.filter((x) => x.original);
  const others = list.filter((x) => !isTakedown(x.n));
  const relations = repoRelations(ctx, subject, [list], !!curated?.record.llama);
  return {
    subject,
    relations,
    facts: {
      kind: 'repo',
      repo,
      outcome: outcomeOf(ctx.notices, list),
      takedowns: takedowns.length - originals.length,
      original: originals.length === takedowns.length && originals[0] ? ctx.notices.ref(originals[0].n) : null,
      answer: others[0] ? ctx.notices.ref(others[0].n) : null,
      discussed,
      llama: !!curated?.record.llama,
    },
  };
}

export function badgeFor(ctx: { cat: Catalog; notices: Notices }, s: string): Badge | null {
  if (!isSubject(s)) return null;
  if (s.startsWith('repo:')) return repoBadge(ctx, s);
  if (s.startsWith('notice:')) {
    const n = ctx.notices.byPath(s.slice(7));
    if (!n) return null;
    const subject = `notice:${n.path.toLowerCase()}` as Subject;
    const relations = noticeRelations(ctx, subject, n);
    return {
      subject,
      relations,
      facts: {
        kind: 'notice',
        notice: ctx.notices.ref(n),
        repoCount: n.repoLines.length,
        standing: isTakedown(n) ? noticeStanding(ctx.notices, n) : null,
      },
    };
  }
  const id = Number(s.slice('thread:hn:'.length));
  const thread = ctx.cat.thread(id) ?? ctx.cat.threadOfComment(id);
  if (thread) {
    return {
      subject: `thread:hn:${thread.id}`,
      relations: threadRelations(ctx, thread.id),
      facts: { kind: 'thread', title: thread.title, commentCount: thread.commentCount },
    };
  }
  const related = ctx.cat.relatedThread(id);
  return related ? { subject: s, relations: ['llama'], facts: { kind: 'related-thread', title: related.title, note: related.note } } : null;
}
