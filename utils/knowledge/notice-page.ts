/** A github/dmca notice's own page: the notice, what it answers, what answered it, and its story. */
import type { NoticePanel, Relation, Subject } from '../core/model';
import type { IndexNotice } from '../dmca/index-format';
import type { Catalog } from './catalog';
import { REPOS_ON_NOTICE_PAGE, sortRelations, type Notices } from './notices';
import { threadCardsFor, timelineOf } from './threads';

export function noticePanel(ctx: { cat: Catalog; notices: Notices }, subject: Subject, n: IndexNotice): NoticePanel {
  const curated = ctx.cat.noticeNote(n.path);
  const rel = new Set<Relation>();
  if (ctx.notices.counterNoticed(n)) rel.add('counter-noticed');
  if (ctx.cat.mentions(subject).length) rel.add('discussed');
  if (curated) rel.add('llama');
  const answers = n.refersTo.flatMap((r) => {
    const t = ctx.notices.byIndex(r.index);
    return t ? [{ card: ctx.notices.card(t), inferred: r.inferred }] : [];
  });
  return {
    kind: 'notice',
    subject,
    title: n.path.split('/').pop() ?? n.path,
    relations: sortRelations(rel),
    notice: ctx.notices.card(n, REPOS_ON_NOTICE_PAGE),
    answers,
    story: curated?.story.title ?? null,
    threads: threadCardsFor(ctx.cat, subject, curated?.story, curated?.note.topics ?? []),
    timeline: timelineOf(curated?.story),
  };
}
