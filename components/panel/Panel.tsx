/**
 * The panel: one status line first (what became of this subject, in GitHub's own look), the details on
 * demand. Lives in a shadow root (utils/ui/mount.ts). Every sentence comes from utils/core/words.ts.
 */
import type { NoticePanel, PanelData, PanelState, RepoPanel, ThreadPanel } from '@/utils/core/model';
import {
  detectedLead,
  EXPLAIN,
  moreNotices,
  newerTakedown,
  READ_NOTICE,
  formatDate,
  outcomeSentence,
  panelFoot,
  panelTitle,
  statusOf,
} from '@/utils/core/words';
import { SafeLink, Source, Term } from './links';
import { NoticeCard } from './NoticeCard';
import { ThreadCardView, Topics, type ThreadUi } from './Thread';

export type { PanelState };
export { SafeLink };

export interface PanelProps extends ThreadUi {
  data: PanelData;
  state: PanelState;
  theme: 'light' | 'dark';
  floating: boolean;
  onState(next: PanelState): void;
  /** The panel is about a link of the page (an HN story's repo), not the page itself: name it. */
  showSubject?: boolean;
}

/**
 * Only the user's own clicks change what is remembered: a page script's `click()` on our buttons (the
 * shadow root is open) is not trusted, and dismissing for good is the user's call alone.
 */
const trusted = (e: Event) => e.isTrusted;

function StatusBar({ p, open }: { p: PanelProps; open: boolean }) {
  const s = statusOf(p.data);
  const title = panelTitle(p.data);
  const full = [s.lead, ...s.parts].join(' · ');
  return (
    <div class="statusbar">
      <span class="logo" aria-hidden="true">
        ◆
      </span>
      <button
        type="button"
        class={`status tone-${s.tone}`}
        aria-expanded={open}
        aria-controls="bs-body"
        title={`${full} — ${open ? 'hide' : 'show'} the details`}
        onClick={(e) => trusted(e) && p.onState(open ? 'collapsed' : 'open')}
      >
        <span class="sr">Backstory: </span>
        {p.showSubject && <span class="subject">{title} · </span>}
        <strong class="lead">{s.lead}</strong>
        {s.parts.map((x, i) => (
          <span key={i} class="part">
            {' · '}
            {x}
          </span>
        ))}
        <span class="chev" aria-hidden="true">
          {open ? '▾' : '›'}
        </span>
      </button>
      <button
        type="button"
        class="icon"
        aria-label={`Hide Backstory for ${title}`}
        title="Hide for this page's subject"
        onClick={(e) => trusted(e) && p.onState('dismissed')}
      >
        ✕
      </button>
    </div>
  );
}

function Timeline({ data }: { data: PanelData }) {
  if (!data.timeline.length) return null;
  return (
    <section aria-label="Timeline">
      <h2>Timeline</h2>
      <ol class="timeline">
        {data.timeline.map((e) => (
          <li key={e.date + e.text}>
            <time dateTime={e.date}>{formatDate(e.date)}</time> {e.text}{' '}
            <SafeLink href={e.source.url ?? null} class="source">
              {e.source.label}
            </SafeLink>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The record's outcome in one plain sentence, its word explained, with the line that names this repo. */
function OutcomeLine({ p }: { p: RepoPanel }) {
  const o = p.outcome;
  const sentence = outcomeSentence(o, !!p.takedownPage);
  if (!sentence || o.state === 'none') return null;
  return (
    <p class={`outcome-line tone-${o.state}`}>
      <Term tip={EXPLAIN[o.state]}>{sentence}</Term>
      <Source href={o.namedAt} />
    </p>
  );
}

/** What a repo panel adds to its status line: a takedown newer than our copy, why it may be related, our note. */
function RepoLead({ p }: { p: RepoPanel }) {
  const unknown = p.takedownPage && !p.takedownPage.known ? p.takedownPage.notice : null;
  return (
    <>
      {!unknown && <OutcomeLine p={p} />}
      {unknown && (
        <p class="outcome disabled">
          {newerTakedown(unknown.file)} <SafeLink href={unknown.url}>{READ_NOTICE}</SafeLink>
        </p>
      )}
      {p.match.via === 'detected' && <p class="outcome">{detectedLead(p.match.signals)}</p>}
      {p.note && <p class="note">{p.note}</p>}
      {p.moreNotices > 0 && <p class="note">{moreNotices(p.moreNotices, p.notices.length)}</p>}
    </>
  );
}

function RepoBody({ p, ui }: { p: RepoPanel; ui: ThreadUi }) {
  return (
    <>
      <RepoLead p={p} />
      {p.notices.map((n) => (
        <NoticeCard key={n.card.path} n={n.card} namedAt={n.role === 'named' ? n.namedAt : null} scope={n.scope} />
      ))}
      {p.storyNotices.length > 0 && (
        <details class="context">
          <summary>The story's DMCA notices (not this repository's record)</summary>
          {p.storyNotices.map((c) => (
            <NoticeCard key={c.path} n={c} context />
          ))}
        </details>
      )}
      <Threads threads={p.threads} ui={ui} />
      <Timeline data={p} />
    </>
  );
}

/** Each thread about the subject: its card, then its topics. */
function Threads({ threads, ui }: { threads: ThreadPanel['threads']; ui: ThreadUi }) {
  return (
    <>
      {threads.map((t) => (
        <div key={t.id}>
          <ThreadCardView t={t} />
          <Topics thread={t} ui={ui} />
        </div>
      ))}
    </>
  );
}

function NoticeBody({ p, ui }: { p: NoticePanel; ui: ThreadUi }) {
  return (
    <>
      {p.answers.map((a) => (
        <NoticeCard key={a.card.path} n={a.card} />
      ))}
      <NoticeCard n={p.notice} self />
      <Threads threads={p.threads} ui={ui} />
      <Timeline data={p} />
    </>
  );
}

/** On the thread's own page: the outline first; the story's notices after it, collapsed. */
function ThreadBody({ p, ui }: { p: ThreadPanel; ui: ThreadUi }) {
  return (
    <>
      {p.threads.map((t) => (
        <Topics key={t.id} thread={t} ui={ui} />
      ))}
      {p.notices.length > 0 && (
        <details class="context">
          <summary>The story's DMCA notices ({p.notices.length})</summary>
          {p.notices.map((c) => (
            <NoticeCard key={c.path} n={c} />
          ))}
        </details>
      )}
      <Timeline data={p} />
    </>
  );
}

function Body({ p }: { p: PanelProps }) {
  const { data } = p;
  return (
    <div id="bs-body" class="body">
      {data.kind === 'repo' ? (
        <RepoBody p={data} ui={p} />
      ) : data.kind === 'notice' ? (
        <NoticeBody p={data} ui={p} />
      ) : (
        <ThreadBody p={data} ui={p} />
      )}
      <p class="foot">{panelFoot(data)}</p>
    </div>
  );
}

export function Panel(p: PanelProps) {
  const { data, state, theme, floating } = p;
  // What the user dismissed is not rendered into the page (the popup and the shortcut bring it back).
  if (state === 'dismissed') return null;
  const open = state === 'open';
  return (
    <div
      class={`bs-root ${theme}${floating ? ' floating' : ''}${open ? ' open' : ''}`}
      role="region"
      aria-label={`Backstory: context for ${panelTitle(data)}`}
    >
      <StatusBar p={p} open={open} />
      {/* On the thread's own page its outline controls stay under the status line, open or not. */}
      {data.kind === 'thread' && p.outlineBar && <div class="outline-slot">{p.outlineBar}</div>}
      {open && <Body p={p} />}
    </div>
  );
}
