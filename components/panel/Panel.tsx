import type { ComponentChildren } from 'preact';
import type { LinkOut, NoticeCard, PanelData, PanelState, Relation, TopicCard } from '@/utils/core/protocol';
import { safeHref } from '@/utils/core/safe-url';

export type { PanelState };

export interface PanelProps {
  data: PanelData;
  state: PanelState;
  theme: 'light' | 'dark';
  floating: boolean;
  onState(next: PanelState): void;
  /** Extra UI a site adds above the topics (the HN outline's navigation bar). */
  outlineBar?: ComponentChildren;
  /** Extra UI a site adds inside each topic (the HN outline's "highlight" button). */
  topicAction?: (t: TopicCard) => ComponentChildren;
  /** Topic currently selected by the site's outline. */
  selectedTopic?: string | null;
  /** A comment link was clicked; return true when the site showed it in place (no new tab). */
  onCite?: (url: string) => boolean;
}

const RELATION_LABEL: Record<Relation, string> = {
  'named-in-notice': 'DMCA notice',
  'counter-noticed': 'Counter-notice',
  discussed: 'Discussed on HN',
  llama: 'LLaMA',
};

/** An external link, rendered only when its URL passes the allow-list (https to an allowed host). */
export function SafeLink({
  href,
  children,
  class: cls,
  onCite,
}: {
  href: string | null;
  children: ComponentChildren;
  class?: string;
  onCite?: ((url: string) => boolean) | undefined;
}) {
  const url = safeHref(href);
  if (!url) return <span class={cls}>{children}</span>;
  return (
    <a
      class={cls}
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={onCite ? (e) => onCite(url) && e.preventDefault() : undefined}
    >
      {children}
    </a>
  );
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[m - 1]} ${d}, ${y}`;
}

function kindLabel(kind: NoticeCard['kind']): string {
  return {
    notice: 'DMCA takedown notice',
    'counter-notice': 'Counter-notice',
    retraction: 'Retraction',
    reversal: 'Reversal',
    legal: 'Legal document',
    other: 'Document',
  }[kind];
}

function Notice({ n }: { n: NoticeCard }) {
  return (
    <section class="card notice" aria-label={`${kindLabel(n.kind)} of ${formatDate(n.date)}`}>
      <h3>
        <span class="kind">{kindLabel(n.kind)}</span> · {formatDate(n.date)}
        {n.llama === 'inferred' && (
          <span class="tag" title="The notice does not name LLaMA; the link is inferred from repository names">
            LLaMA link inferred
          </span>
        )}
        {n.original && (
          <span class="tag" title="This repository is named in the notice as the complainant's original work, not as a copy">
            named as the original work
          </span>
        )}
      </h3>
      <dl>
        {n.onBehalfOf && (
          <>
            <dt>For</dt>
            <dd>{n.onBehalfOf}</dd>
          </>
        )}
        {n.sender && (
          <>
            <dt>Sent by</dt>
            <dd>{n.sender}</dd>
          </>
        )}
        {!n.sender && !n.onBehalfOf && n.fileParty && (
          <>
            <dt>Filed as</dt>
            <dd title="The notice text names no sender (GitHub redacts most); this is how GitHub named the file">{n.fileParty}</dd>
          </>
        )}
        {n.textDate && n.textDate !== n.date && (
          <>
            <dt>Dated</dt>
            <dd>{formatDate(n.textDate)}</dd>
          </>
        )}
        {(n.repoCount > 0 || !!n.networkSize || !!n.gists) && (
          <>
            <dt>Scope</dt>
            <dd>
              {n.repoCount} {n.repoCount === 1 ? 'repository' : 'repositories'} named
              {n.gists ? `, ${n.gists} ${n.gists === 1 ? 'gist' : 'gists'}` : ''}
              {n.networkSize ? `; GitHub processed it against the entire network of ${n.networkSize} repositories` : ''}
            </dd>
          </>
        )}
      </dl>
      {n.repos.length > 0 && <RepoList repos={n.repos} total={n.repoCount} />}
      {n.note && <p class="note">{n.note}</p>}
      {n.answeredBy.map((a) => (
        <div class="answer" key={a.path}>
          <strong>{kindLabel(a.kind)}</strong> · {formatDate(a.date)}
          {a.onBehalfOf ? ` · for ${a.onBehalfOf}` : !a.sender && a.fileParty ? ` · ${a.fileParty}` : ''}
          {a.inferred ? ' (matched to this notice by the repositories or party it names)' : ''}. {a.note ? `${a.note} ` : ''}
          <SafeLink href={a.url}>Read it</SafeLink>
        </div>
      ))}
      <p>
        <SafeLink href={n.url}>Read the notice on github/dmca</SafeLink>
      </p>
    </section>
  );
}

function RepoList({ repos, total }: { repos: string[]; total: number }) {
  const list = (
    <ul class="repos">
      {repos.map((r) => (
        <li key={r}>
          <SafeLink href={`https://github.com/${r}`}>{r}</SafeLink>
        </li>
      ))}
      {total > repos.length && <li class="more">and {total - repos.length} more</li>}
    </ul>
  );
  if (total <= 3) return list;
  return (
    <details class="repos-details">
      <summary>Repositories named ({total})</summary>
      {list}
    </details>
  );
}

function Topic({
  t,
  max,
  action,
  selected,
  onCite,
}: {
  t: TopicCard;
  max: number;
  action?: PanelProps['topicAction'];
  selected: boolean;
  onCite?: PanelProps['onCite'];
}) {
  return (
    <details class={`topic${t.tangent ? ' tangent' : ''}${selected ? ' selected' : ''}`} data-topic={t.id}>
      <summary>
        <span class="topic-label">{t.label}</span>
        <span class="bar" aria-hidden="true">
          <span style={{ width: `${Math.max(6, Math.round((t.count / Math.max(1, max)) * 100))}%` }} />
        </span>
        <span class="count">{t.count} comments</span>
      </summary>
      <p>{t.summary}</p>
      {action?.(t)}
      <ul class="points">
        {t.points.map((p, i) => (
          <li key={i}>
            {p.text} <Cites links={p.links} onCite={onCite} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function Cites({ links, onCite }: { links: LinkOut[]; onCite?: PanelProps['onCite'] }) {
  if (!links.length) return null;
  return (
    <span class="cites">
      {links.map((l, i) => (
        <span key={l.url}>
          {i > 0 && ' '}
          <SafeLink href={l.url} class="cite" onCite={onCite}>
            [{l.label.replace('comment ', '#')}]
          </SafeLink>
        </span>
      ))}
    </span>
  );
}

export function Panel({ data, state, theme, floating, onState, outlineBar, topicAction, selectedTopic, onCite }: PanelProps) {
  const title = data.title;
  if (state === 'dismissed') {
    return (
      <div class={`bs-root ${theme} pill`} role="region" aria-label="Backstory (hidden)">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        Backstory is hidden for {title}.{' '}
        <button type="button" class="link" onClick={() => onState('open')}>
          Show
        </button>
      </div>
    );
  }
  const open = state === 'open';
  const maxCount = Math.max(0, ...data.topics.map((t) => t.count));
  const mainTopics = data.topics.filter((t) => !t.tangent);
  const tangents = data.topics.filter((t) => t.tangent);
  return (
    <div class={`bs-root ${theme}${floating ? ' floating' : ''}`} role="region" aria-label={`Backstory: context for ${title}`}>
      <header>
        <span class="logo" aria-hidden="true">
          ◆
        </span>
        <strong class="brand">Backstory</strong>
        <span class="subject">{title}</span>
        <span class="chips">
          {data.relations.map((r) => (
            <span key={r} class={`chip ${r}`}>
              {RELATION_LABEL[r]}
            </span>
          ))}
        </span>
        <span class="actions">
          <button
            type="button"
            class="icon"
            aria-expanded={open}
            aria-controls="bs-body"
            title={open ? 'Collapse' : 'Expand'}
            onClick={() => onState(open ? 'collapsed' : 'open')}
          >
            {open ? '▾' : '▸'}
            <span class="sr">{open ? 'Collapse' : 'Expand'} Backstory panel</span>
          </button>
          <button type="button" class="icon" title="Hide for this page's subject" onClick={() => onState('dismissed')}>
            ✕<span class="sr">Hide Backstory for {title}</span>
          </button>
        </span>
      </header>
      {!open && data.reasons[0] && <p class="why-short">{data.reasons[0]}</p>}
      {open && (
        <div id="bs-body" class="body">
          <section aria-label="Why this panel">
            <h2>Why you are seeing this</h2>
            <ul class="reasons">
              {data.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            {data.note && <p class="note">{data.note}</p>}
          </section>
          {data.notices.map((n) => (
            <Notice key={n.path} n={n} />
          ))}
          {data.thread && (
            <section class="card thread" aria-label="Hacker News thread">
              <h3>
                <SafeLink href={data.thread.url}>{data.thread.title}</SafeLink>
              </h3>
              <p class="meta">
                {data.thread.points} points · {data.thread.commentCount} comments · {formatDate(data.thread.date)} · by{' '}
                {data.thread.submitter} · {data.thread.site}
              </p>
              {data.mentions.length > 0 && (
                <div class="mentions">
                  <h4>Comments about it</h4>
                  <ul>
                    {data.mentions.map((m) => (
                      <li key={m.url}>
                        <SafeLink href={m.url}>{m.label}</SafeLink>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          )}
          {mainTopics.length > 0 && (
            <section aria-label="What the thread argued">
              <h2>What the thread argued</h2>
              {outlineBar}
              {mainTopics.map((t) => (
                <Topic key={t.id} t={t} max={maxCount} action={topicAction} selected={selectedTopic === t.id} onCite={onCite} />
              ))}
              {tangents.length > 0 && (
                <details class="tangents" open={!!outlineBar}>
                  <summary>Tangents ({tangents.length})</summary>
                  {tangents.map((t) => (
                    <Topic key={t.id} t={t} max={maxCount} action={topicAction} selected={selectedTopic === t.id} onCite={onCite} />
                  ))}
                </details>
              )}
            </section>
          )}
          {data.timeline.length > 0 && (
            <section aria-label="Timeline">
              <h2>Timeline</h2>
              <ol class="timeline">
                {data.timeline.map((e) => (
                  <li key={e.date + e.text}>
                    <time dateTime={e.date}>{formatDate(e.date)}</time> {e.text}{' '}
                    <SafeLink href={e.source.url} class="source">
                      {e.source.label}
                    </SafeLink>
                  </li>
                ))}
              </ol>
            </section>
          )}
          <p class="foot">Offline summary bundled with Backstory · no data leaves your browser</p>
        </div>
      )}
    </div>
  );
}
