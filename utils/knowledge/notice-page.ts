/** A github/dmca notice's own page: the notice, what it answers, what answered it, and its story. */
import type { NoticePanel, Subject, Undated } from '../core/model';
import type { IndexNotice } from '../dmca/index-format';
import type { Catalog } from './catalog';
import { REPOS_ON_NOTICE_PAGE, type Notices } from './notices';
import { noticeRelations } from './relations';
import { threadCardsFor, timelineOf } from './threads';

export function noticePanel(ctx: { cat: Catalog; notices: Notices }, subject: Subject, n: IndexNotice): Undated<NoticePanel> {
  const curated = ctx.cat.noticeNote(n.path);
  // The notices this one answers, each without this one among its answers: its own card follows (each fact once).
  const answers = n.refersTo.flatMap((r) => {
    const t = ctx.notices.byIndex(r.index);
    if (!t) return [];
    const card = ctx.notices.card(t);
    return [{ card: { ...card, answers: card.answers.filter((a) => a.path !== n.path) }, inferred: r.inferred }];
  });
  return {
    kind: 'notice',
    subject,
    title: n.path.split('/').pop() ?? n.path,
    relations: noticeRelations(ctx, subject, n),
    notice: ctx.notices.card(n, REPOS_ON_NOTICE_PAGE),
    answers,
    story: curated?.story.title ?? null,
    threads: threadCardsFor(ctx.cat, subject, curated?.story, curated?.note.topics ?? []),
    timeline: timelineOf(curated?.story),
  };
}
