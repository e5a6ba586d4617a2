/** A Hacker News thread: its card, and what it argued, topic by topic, each point citing its comments. */
import type { ComponentChildren } from 'preact';
import type { CommentLink, ThreadCard, TopicCard } from '@/utils/core/model';
import { formatDate, plural } from '@/utils/core/words';
import { SafeLink } from './links';

/** What a site adds to the topics (the HN outline): its navigator, a per-topic action, the selection. */
export interface ThreadUi {
  /** Extra UI a site adds above the topics (the HN outline's navigator). */
  outlineBar?: ComponentChildren;
  /** Extra UI a site adds inside each topic (the HN outline's "highlight" button). */
  topicAction?: (t: TopicCard) => ComponentChildren;
  /** Topic currently selected by the site's outline. */
  selectedTopic?: string | null;
  /** A comment link was clicked; return true when the site showed it in place (no new tab). */
  onCite?: (url: string) => boolean;
}

/**
 * A comment, as a reader can recognise it: a short phrase of it (our anchor) and its place among the `of` comments
 * recorded from the page (HN's own count, on the card, can be higher: it counts comments the page no longer shows).
 */
export function Quote({ l, of, onCite }: { l: CommentLink; of: number; onCite?: ThreadUi['onCite'] }) {
  return (
    <SafeLink href={l.url} class="cite" onCite={onCite}>
      “{l.quote.replace(/[.,;:]+$/, '')}…”
      <span class="place" title={of ? `comment ${l.n + 1} of the ${of} recorded from the page` : undefined}>
        {' '}
        #{l.n + 1}
        {of ? ` of ${of}` : ''}
      </span>
    </SafeLink>
  );
}

function Cites({ links, of, onCite }: { links: CommentLink[]; of: number; onCite?: ThreadUi['onCite'] }) {
  if (!links.length) return null;
  return (
    <span class="cites">
      {links.map((l, i) => (
        <span key={l.url}>
          {i > 0 && ' · '}
          <Quote l={l} of={of} onCite={onCite} />
        </span>
      ))}
    </span>
  );
}

function Topic({ t, max, of, ui }: { t: TopicCard; max: number; of: number; ui: ThreadUi }) {
  return (
    <details class={`topic${t.tangent ? ' tangent' : ''}${ui.selectedTopic === t.id ? ' selected' : ''}`} data-topic={t.id}>
      <summary>
        <span class="topic-label">{t.label}</span>
        <span class="bar" aria-hidden="true">
          <span style={{ width: `${Math.max(6, Math.round((t.count / Math.max(1, max)) * 100))}%` }} />
        </span>
        <span class="count">{plural(t.count, 'comment')}</span>
      </summary>
      <p>{t.summary}</p>
      {ui.topicAction?.(t)}
      <ul class="points">
        {t.points.map((pt, i) => (
          <li key={i}>
            {pt.text} <Cites links={pt.cites} of={of} onCite={ui.onCite} />
          </li>
        ))}
      </ul>
    </details>
  );
}

export function Topics({ thread, ui }: { thread: ThreadCard; ui: ThreadUi }) {
  if (!thread.topics.length) return null;
  const max = Math.max(0, ...thread.topics.map((t) => t.count));
  const of = thread.outline?.length ?? thread.recorded;
  const main = thread.topics.filter((t) => !t.tangent);
  const tangents = thread.topics.filter((t) => t.tangent);
  return (
    <section aria-label="What the thread argued">
      <h2>What the thread argued</h2>
      {main.map((t) => (
        <Topic key={t.id} t={t} max={max} of={of} ui={ui} />
      ))}
      {tangents.length > 0 && (
        <details class="tangents" open={!!ui.outlineBar}>
          <summary>Tangents ({tangents.length})</summary>
          {tangents.map((t) => (
            <Topic key={t.id} t={t} max={max} of={of} ui={ui} />
          ))}
        </details>
      )}
    </section>
  );
}

/** The thread's card (not on the thread's own page, whose title and figures are the page's). */
export function ThreadCardView({ t }: { t: ThreadCard }) {
  return (
    <section class="card thread" aria-label="Hacker News thread">
      <h3>
        <SafeLink href={t.url}>{t.title}</SafeLink>
      </h3>
      <p class="meta">
        {t.points} points · {plural(t.commentCount, 'comment')} · {formatDate(t.date)} · by {t.submitter} · {t.site}
      </p>
      {t.mentions.length > 0 && (
        <div class="mentions">
          <h4>Comments about it</h4>
          <ul>
            {t.mentions.map((m) => (
              <li key={m.url}>
                <Quote l={m} of={t.recorded} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
