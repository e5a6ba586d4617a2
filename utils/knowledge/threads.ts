/** Hacker News threads as panels show them: thread cards, topic cards, linked comments, timelines. Pure. */
import type { CommentLink, Subject, ThreadCard, TimelineItem, TopicCard } from '../core/model';
import { hnCommentUrl, hnItemUrl, safeHref } from '../core/safe-url';
import type { Comment, Story, Thread } from '../dataset/schema';
import type { Catalog } from './catalog';

/** Comments that mention a subject, linked, at most this many per thread card. */
export const MAX_MENTIONS = 6;
/** A quote is our anchor phrase, cut to this many words (a whole-text anchor can be long). */
const QUOTE_WORDS = 12;

export function commentLink(t: Thread, c: Comment): CommentLink | null {
  const url = safeHref(hnCommentUrl(t.id, c.whole ? { n: c.n, id: c.id } : c));
  if (!url) return null;
  const words = c.anchor.split(/\s+/);
  return { n: c.n, id: c.id ?? null, quote: words.length > QUOTE_WORDS ? `${words.slice(0, QUOTE_WORDS).join(' ')}…` : c.anchor, url };
}

export function topicCards(cat: Catalog, t: Thread, ids: readonly string[] | 'all'): TopicCard[] {
  const topics = ids === 'all' ? t.topics : ids.flatMap((id) => t.topics.filter((x) => x.id === id));
  return topics.map((topic) => ({
    id: topic.id,
    label: topic.label,
    summary: topic.summary,
    tangent: topic.tangent,
    count: cat.topicCount(t, topic.id),
    points: topic.points.map((p) => ({
      text: p.text,
      cites: p.cites.flatMap((n) => {
        const c = t.comments[n];
        const link = c ? commentLink(t, c) : null;
        return link ? [link] : [];
      }),
    })),
  }));
}

export function threadCard(
  cat: Catalog,
  t: Thread,
  opts: { mentionsOf?: Subject; topics: readonly string[] | 'all'; outline?: boolean },
): ThreadCard {
  const mentions = opts.mentionsOf
    ? cat
        .mentions(opts.mentionsOf)
        .filter((m) => m.thread === t)
        .slice(0, MAX_MENTIONS)
        .flatMap((m) => {
          const link = commentLink(t, m.comment);
          return link ? [link] : [];
        })
    : [];
  return {
    id: t.id,
    title: t.title,
    url: hnItemUrl(t.id),
    site: t.site,
    points: t.points,
    commentCount: t.commentCount,
    recorded: t.comments.length,
    date: t.date,
    submitter: t.submitter,
    mentions,
    topics: topicCards(cat, t, opts.topics),
    ...(opts.outline
      ? {
          outline: t.comments.map((c) => ({
            n: c.n,
            ...(c.id ? { id: c.id } : {}),
            anchor: c.anchor,
            ...(c.whole ? { whole: true } : {}),
            topics: c.topics,
          })),
        }
      : {}),
  };
}

/**
 * The thread cards for a subject: the threads of its story, then any other thread that mentions it,
 * each with the comments that mention it and the topics that matter for it.
 */
export function threadCardsFor(cat: Catalog, subject: Subject, story: Story | undefined, topics: readonly string[]): ThreadCard[] {
  const ids = [...(story?.threads ?? []), ...cat.mentions(subject).map((m) => m.thread.id)];
  return [...new Set(ids)].flatMap((id) => {
    const t = cat.thread(id);
    return t ? [threadCard(cat, t, { mentionsOf: subject, topics: story?.threads.includes(id) ? topics : [] })] : [];
  });
}

export function timelineOf(story: Story | undefined): TimelineItem[] {
  return (story?.timeline ?? []).map((e) => ({
    date: e.date,
    text: e.text,
    source: { label: e.source.label, url: safeHref(e.source.url) },
  }));
}
