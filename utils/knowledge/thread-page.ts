/** A dataset thread's own HN page: the whole thread (every topic, the outline) and its story's notices. */
import type { Subject, ThreadPanel, Undated } from '../core/model';
import type { Thread } from '../dataset/schema';
import type { Catalog } from './catalog';
import { isTakedown, type Notices } from './notices';
import { threadRelations } from './relations';
import { threadCard, timelineOf } from './threads';

export function threadPanel(ctx: { cat: Catalog; notices: Notices }, subject: Subject, t: Thread): Undated<ThreadPanel> {
  const story = ctx.cat.storyOfThread(t.id);
  const notices = (story?.notices ?? []).flatMap((note) => {
    const n = ctx.notices.byPath(note.path);
    return n && isTakedown(n) ? [ctx.notices.card(n)] : [];
  });
  return {
    kind: 'thread',
    subject,
    title: t.title,
    relations: threadRelations(ctx, t.id),
    notices,
    story: story?.title ?? null,
    threads: [threadCard(ctx.cat, t, { topics: 'all', outline: true })],
    timeline: timelineOf(story),
  };
}
