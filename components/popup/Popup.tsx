import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelData, SearchResult } from '@/utils/core/model';
import { searchQuery } from '@/utils/core/search-query';
import type { Send } from '@/utils/core/send';
import { statusOf } from '@/utils/core/words';
import type { ReplyTo } from '@/utils/schema/messages';

export interface PopupProps {
  tab: { id: number; host: string | null } | null;
  send: Send;
  /** The per-site switch: whether Backstory is on for this host, and how to change it. */
  siteEnabled: boolean | null;
  setSiteEnabled(on: boolean): Promise<void>;
}

/** What Backstory knows of a subject, in a few lines: its status line, then its main topics. */
function Context({ data }: { data: PanelData }) {
  const s = statusOf(data);
  const topics = (data.threads[0]?.topics ?? []).filter((t) => !t.tangent).slice(0, 3);
  return (
    <div class="context">
      <p class={`status tone-${s.tone}`}>
        <strong>{s.lead}</strong>
        {s.parts.map((x, k) => (
          <span key={k}> · {x}</span>
        ))}
      </p>
      {topics.length > 0 && (
        <p class="topics">
          <span class="muted">Argued: </span>
          {topics.map((t) => t.label).join(' · ')}
        </p>
      )}
    </div>
  );
}

function Search({ send, autoFocus }: { send: Send; autoFocus: boolean }) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [answered, setAnswered] = useState('');
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
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
    setBusy(true);
    // A pasted link with tracking parameters can pass the message's 500 characters: keep what names it.
    void send({ type: 'search', query: searchQuery(q) }).then((r) => {
      if (!stale) {
        setResults(r?.results ?? []);
        setAnswered(q);
        setBusy(false);
        setOpen(null);
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
        placeholder="owner/name, a URL, an HN id, a party, a topic…"
        value={q}
        onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
        autocomplete="off"
        spellcheck={false}
      />
      {busy && (
        <p class="none" role="status">
          Searching…
        </p>
      )}
      {!busy && results && results.length === 0 && (
        <p class="none" data-for={answered}>
          Nothing in Backstory's dataset matches “{q}”.
        </p>
      )}
      {results && results.length > 0 && (
        <ul class="results" aria-live="polite" data-for={answered}>
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
  const [on, setOn] = useState(siteEnabled);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const toggle = (el: HTMLInputElement) => {
    const want = el.checked;
    setSiteEnabled(want).then(
      () => (setOn(want), setSwitchError(null)),
      (e: unknown) => {
        el.checked = !want; // what is stored, not what was clicked
        setSwitchError(e instanceof Error ? e.message : String(e));
      },
    );
  };
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
            <input type="checkbox" checked={on ?? false} onChange={(e) => toggle(e.currentTarget as HTMLInputElement)} /> On for {tab.host}
          </label>
        )}
      </header>
      {switchError && (
        <p class="error" role="alert">
          {switchError}
        </p>
      )}
      {!loaded && <p>Looking…</p>}
      {loaded && found && info && (
        <section aria-label="Found on this page">
          {info.panel && (
            <>
              <div class="row actions">
                <button type="button" onClick={() => tab && void send({ type: 'showPanel', tabId: tab.id }).then(() => window.close())}>
                  Open the details on the page
                </button>
                {thread && (
                  <a class="button" href={thread.url} target="_blank" rel="noopener noreferrer">
                    Open the HN thread
                  </a>
                )}
              </div>
              <h2>{info.panel.title}</h2>
              <Context data={info.panel} />
            </>
          )}
          {info.badges.length > 0 && (
            <details class="badges-list">
              <summary>Links badged on this page ({info.badges.reduce((a, b) => a + b.count, 0)})</summary>
              <ul class="badges">
                {info.badges.map((b) => (
                  <li key={b.subject}>
                    {b.hint}
                    {b.count > 1 && <small>{b.count} links</small>}
                  </li>
                ))}
              </ul>
            </details>
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
