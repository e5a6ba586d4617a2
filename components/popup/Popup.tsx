import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelData, SearchResult } from '@/utils/core/model';
import type { Send } from '@/utils/core/send';
import { KIND_LABEL, reasonsOf } from '@/utils/core/words';
import type { ReplyTo } from '@/utils/schema/messages';
import { SafeLink } from '../panel/Panel';

export interface PopupProps {
  tab: { id: number; host: string | null } | null;
  send: Send;
  /** The per-site switch: whether Backstory is on for this host, and how to change it. */
  siteEnabled: boolean | null;
  setSiteEnabled(on: boolean): Promise<void>;
}

function Context({ data }: { data: PanelData }) {
  const notice =
    data.kind === 'repo' ? (data.notices[0]?.card ?? data.storyNotices[0]) : data.kind === 'notice' ? data.notice : data.notices[0];
  const thread = data.threads[0];
  const topics = thread?.topics ?? [];
  return (
    <div class="context">
      <ul class="reasons">
        {reasonsOf(data)
          .slice(0, 3)
          .map((r, i) => (
            <li key={i}>{r}</li>
          ))}
      </ul>
      {notice && (
        <p>
          <strong>{KIND_LABEL[notice.kind]}</strong> of {notice.date}
          {notice.principal ? ` for ${notice.principal.value}` : ''}
          {notice.network ? ` · network of ${notice.network.value} repositories` : ''}. <SafeLink href={notice.url}>Read it</SafeLink>
        </p>
      )}
      {topics.length > 0 && (
        <ul class="topics">
          {topics.slice(0, 4).map((t) => (
            <li key={t.id}>
              <strong>{t.label}</strong> — {t.summary}
            </li>
          ))}
        </ul>
      )}
      {thread && (
        <p>
          <SafeLink href={thread.url}>{thread.title}</SafeLink> · {thread.points} points · {thread.commentCount} comments
        </p>
      )}
    </div>
  );
}

function Search({ send, autoFocus }: { send: Send; autoFocus: boolean }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [open, setOpen] = useState<number | null>(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);
  useEffect(() => {
    if (q.trim().length < 2) {
      setResults(null);
      return;
    }
    let stale = false;
    void send({ type: 'search', query: q }).then((r) => {
      if (!stale) {
        setResults(r?.results ?? []);
        setOpen(0);
      }
    });
    return () => {
      stale = true;
    };
  }, [q]);
  return (
    <section class="search" aria-label="Look something up">
      <label for="q">Look up a repo, notice or topic</label>
      <input
        id="q"
        ref={input}
        type="search"
        placeholder="owner/name, a GitHub URL, 2023-03-21-meta, trade secrets…"
        value={q}
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
        autocomplete="off"
        spellcheck={false}
      />
      {results && results.length === 0 && <p class="none">Nothing in Backstory's dataset matches “{q}”.</p>}
      {results && results.length > 0 && (
        <ul class="results" aria-live="polite">
          {results.map((r, i) => (
            <li key={r.subject + r.title}>
              <button type="button" class="result" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
                <span class="title">{r.title}</span>
                <small>{r.hint}</small>
              </button>
              {open === i && r.panel && <Context data={r.panel} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Popup({ tab, send, siteEnabled, setSiteEnabled }: PopupProps) {
  const [info, setInfo] = useState<ReplyTo<'tabInfo'> | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!tab) {
      setLoaded(true);
      return;
    }
    void send({ type: 'tabInfo', tabId: tab.id })
      .then(setInfo)
      .finally(() => setLoaded(true));
  }, []);
  const found = !!(info?.panel || info?.badges.length);
  const thread = info?.panel?.threads[0];
  return (
    <main class="popup">
      <header>
        <span class="logo" aria-hidden="true">
          ◆
        </span>
        <strong>Backstory</strong>
        {tab?.host && siteEnabled !== null && (
          <label class="switch">
            <input
              type="checkbox"
              checked={siteEnabled}
              onChange={(e) => void setSiteEnabled((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            On for {tab.host}
          </label>
        )}
      </header>
      {!loaded && <p>Looking…</p>}
      {loaded && found && info && (
        <section aria-label="Found on this page">
          {info.panel && (
            <>
              <h2>{info.panel.title}</h2>
              <Context data={info.panel} />
              <div class="row">
                <button type="button" onClick={() => tab && void send({ type: 'showPanel', tabId: tab.id }).then(() => window.close())}>
                  Show panel
                </button>
                {thread && (
                  <a class="button" href={thread.url} target="_blank" rel="noopener noreferrer">
                    Open the HN thread
                  </a>
                )}
              </div>
            </>
          )}
          {info.badges.length > 0 && (
            <>
              <h3>Badged links ({info.badges.reduce((a, b) => a + b.count, 0)})</h3>
              <ul class="badges">
                {info.badges.map((b) => (
                  <li key={b.subject}>
                    <code>{b.subject}</code> × {b.count}
                    <small>{b.hint}</small>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {loaded && !found && <p class="nothing">Nothing Backstory knows about on this page.</p>}
      {loaded && <Search send={send} autoFocus={!found} />}
      <footer>
        <a href="options.html" target="_blank" rel="noopener">
          Settings
        </a>{' '}
        · offline, no tracking
      </footer>
    </main>
  );
}
