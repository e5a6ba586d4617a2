/** The panel: what Backstory knows about the page's subject, in a shadow root (utils/ui/mount.ts). */
import type { ComponentChildren } from 'preact';
import type { CommentLink, NoticeCard, PanelData, PanelState, Sourced, ThreadCard, TopicCard } from '@/utils/core/model';
import { safeHref } from '@/utils/core/safe-url';
import { formatDate, grouped, kindTitle, outcomeSentence, panelTitle, plural, reasonsOf, RELATION_LABEL } from '@/utils/core/words';

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

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Where a fact comes from: a link to the notice's line. */
function Source({ href }: { href: string | null }) {
  if (!href) return null;
  const line = /#L(\d+)$/.exec(href)?.[1];
  return (
    <>
      {' '}
      <SafeLink href={href} class="src">
        {line ? `line ${line}` : 'source'}
        <span class="sr"> of the notice, on github/dmca</span>
      </SafeLink>
    </>
  );
}

function SourcedFact({ term, f }: { term: string; f: Sourced | null }) {
  if (!f) return null;
  return (
    <Fact term={term}>
      {f.value}
      <Source href={f.source} />
    </Fact>
  );
}

function Notice({ n, namedAt }: { n: NoticeCard; namedAt?: string | null }) {
  return (
    <section class="card notice" aria-label={`${kindTitle(n.kind)} of ${formatDate(n.date)}`}>
      <h3>
        <span class="kind">{kindTitle(n.kind)}</span> · {formatDate(n.date)}
        {n.llama === 'inferred' && (
          <span class="tag" title="The notice does not name LLaMA; the link is inferred from repository names">
            LLaMA link inferred
          </span>
        )}
      </h3>
      <dl>
        <SourcedFact term="For" f={n.principal} />
        <SourcedFact term="Sent by" f={n.sender} />
        {n.textDate && (
          <Fact term="Dated">
            {formatDate(n.textDate.value)}
            <Source href={n.textDate.source} />
          </Fact>
        )}
        {(n.repoCount > 0 || !!n.network || !!n.gists) && (
          <Fact term="Scope">
            {plural(n.repoCount, 'repository', 'repositories')} named
            {n.gists ? `, ${plural(n.gists, 'gist')}` : ''}
            {n.network && (
              <>
                ; GitHub processed it against the entire network of {grouped(n.network.value)} repositories
                <Source href={n.network.source} />
              </>
            )}
          </Fact>
        )}
      </dl>
      {namedAt && (
        <p class="named-at">
          It names this repository
          <Source href={namedAt} />
        </p>
      )}
      {n.repos.length > 0 && <RepoList repos={n.repos} total={n.repoCount} />}
      {n.note && <p class="note">{n.note}</p>}
      {n.answers.map((a) => (
        <div class="answer" key={a.path}>
          <strong>{kindTitle(a.kind)}</strong> · {formatDate(a.date)}
          {a.party && (
            <>
              {' '}
              · for {a.party.value}
              <Source href={a.party.source} />
            </>
          )}
          {a.concerns === 'others' ? ' · for other repositories it names' : ''}
          {a.inferred ? ' (matched to this notice by the repositories or party it names; the text does not cite it)' : ''}.{' '}
          {a.note ? `${a.note} ` : ''}
          <SafeLink href={a.url}>Read it</SafeLink>
        </div>
      ))}
      <p>
        <SafeLink href={n.url}>Read the notice on github/dmca</SafeLink> <span class="file">({n.file})</span>
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

function Cites({ links, onCite }: { links: CommentLink[]; onCite?: PanelProps['onCite'] }) {
  if (!links.length) return null;
  return (
    <span class="cites">
      {links.map((l, i) => (
        <span key={l.url}>
          {i > 0 && ' '}
          <SafeLink href={l.url} class="cite" onCite={onCite}>
            [#{l.n + 1}]
          </SafeLink>
        </span>
      ))}
    </span>
  );
}

function Topic({ t, max, p }: { t: TopicCard; max: number; p: PanelProps }) {
  return (
    <details class={`topic${t.tangent ? ' tangent' : ''}${p.selectedTopic === t.id ? ' selected' : ''}`} data-topic={t.id}>
      <summary>
        <span class="topic-label">{t.label}</span>
        <span class="bar" aria-hidden="true">
          <span style={{ width: `${Math.max(6, Math.round((t.count / Math.max(1, max)) * 100))}%` }} />
        </span>
        <span class="count">{plural(t.count, 'comment')}</span>
      </summary>
      <p>{t.summary}</p>
      {p.topicAction?.(t)}
      <ul class="points">
        {t.points.map((pt, i) => (
          <li key={i}>
            {pt.text} <Cites links={pt.cites} onCite={p.onCite} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function Topics({ thread, p }: { thread: ThreadCard; p: PanelProps }) {
  if (!thread.topics.length) return null;
  const max = Math.max(0, ...thread.topics.map((t) => t.count));
  const main = thread.topics.filter((t) => !t.tangent);
  const tangents = thread.topics.filter((t) => t.tangent);
  return (
    <section aria-label="What the thread argued">
      <h2>What the thread argued</h2>
      {p.outlineBar}
      {main.map((t) => (
        <Topic key={t.id} t={t} max={max} p={p} />
      ))}
      {tangents.length > 0 && (
        <details class="tangents" open={!!p.outlineBar}>
          <summary>Tangents ({tangents.length})</summary>
          {tangents.map((t) => (
            <Topic key={t.id} t={t} max={max} p={p} />
          ))}
        </details>
      )}
    </section>
  );
}

function Thread({ t, p }: { t: ThreadCard; p: PanelProps }) {
  return (
    <>
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
                  <SafeLink href={m.url}>“{m.quote}”</SafeLink>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <Topics thread={t} p={p} />
    </>
  );
}

/** The notice cards a panel shows, in order, with where each names the panel's repo. */
function cardsOf(data: PanelData): { card: NoticeCard; namedAt: string | null }[] {
  const plain = (card: NoticeCard) => ({ card, namedAt: null });
  if (data.kind === 'repo')
    return [
      ...data.notices.map((n) => ({ card: n.card, namedAt: n.role === 'named' ? n.namedAt : null })),
      ...data.storyNotices.map(plain),
    ];
  if (data.kind === 'notice') return [...data.answers.map((a) => plain(a.card)), plain(data.notice)];
  return data.notices.map(plain);
}

function Header({ data, open, p }: { data: PanelData; open: boolean; p: PanelProps }) {
  const title = panelTitle(data);
  return (
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
          onClick={() => p.onState(open ? 'collapsed' : 'open')}
        >
          {open ? '▾' : '▸'}
          <span class="sr">{open ? 'Collapse' : 'Expand'} Backstory panel</span>
        </button>
        <button type="button" class="icon" title="Hide for this page's subject" onClick={() => p.onState('dismissed')}>
          ✕<span class="sr">Hide Backstory for {title}</span>
        </button>
      </span>
    </header>
  );
}

export function Panel(p: PanelProps) {
  const { data, state, theme, floating } = p;
  if (state === 'dismissed') {
    return (
      <div class={`bs-root ${theme} pill`} role="region" aria-label="Backstory (hidden)">
        <span class="logo" aria-hidden="true">
          ◆
        </span>{' '}
        Backstory is hidden for {panelTitle(data)}.{' '}
        <button type="button" class="link" onClick={() => p.onState('open')}>
          Show
        </button>
      </div>
    );
  }
  const open = state === 'open';
  const reasons = reasonsOf(data);
  const status = data.kind === 'repo' ? outcomeSentence(data.outcome) : null;
  const note =
    data.kind === 'repo' ? (data.match.via === 'fork' && data.note ? `Fork of ${data.match.root}. ${data.note}` : data.note) : null;
  return (
    <div class={`bs-root ${theme}${floating ? ' floating' : ''}`} role="region" aria-label={`Backstory: context for ${panelTitle(data)}`}>
      <Header data={data} open={open} p={p} />
      {status && data.kind === 'repo' && (
        <p class={`status ${data.outcome.state}`}>
          {status}
          <Source href={data.outcome.namedAt} />
        </p>
      )}
      {!open && !status && reasons[0] && <p class="why-short">{reasons[0]}</p>}
      {open && (
        <div id="bs-body" class="body">
          <section aria-label="Why this panel">
            <h2>Why you are seeing this</h2>
            <ul class="reasons">
              {reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
            {note && <p class="note">{note}</p>}
            {data.kind === 'repo' && data.takedownPage && !data.takedownPage.known && (
              <p>
                <SafeLink href={data.takedownPage.notice.url}>Read the notice on github/dmca</SafeLink>
              </p>
            )}
          </section>
          {cardsOf(data).map((n) => (
            <Notice key={n.card.path} n={n.card} namedAt={n.namedAt} />
          ))}
          {data.threads.map((t) => (
            <Thread key={t.id} t={t} p={p} />
          ))}
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
