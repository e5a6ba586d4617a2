/**
 * Notice updates on the options page (About the data) and in the popup: how recent the notices are,
 * "Check for newer notices", the daily check, progress, what the last check added, and any error in
 * plain words. The hosts are asked for here, at the click (a browser only asks during a user's click),
 * and only when not already granted.
 */
import { useEffect, useState } from 'preact/hooks';
import type { NoticeUpdatesView } from '@/utils/core/notice-updates';
import { noticeUrl } from '@/utils/core/safe-url';
import type { Send } from '@/utils/core/send';
import { noticesAsOf } from '@/utils/core/words';

export interface NoticeUpdatesProps {
  send: Send;
  /** Ask the browser for the optional hosts (permissions.request): must be called within the click. */
  requestHosts(): Promise<boolean>;
}

type Action = 'status' | 'check' | 'auto-on' | 'off' | 'off-forget';

const KIND_WORDS: Record<string, [string, string]> = {
  takedown: ['takedown', 'takedowns'],
  'counter-notice': ['counter-notice', 'counter-notices'],
  retraction: ['retraction', 'retractions'],
  reversal: ['reversal', 'reversals'],
  legal: ['legal action', 'legal actions'],
  other: ['other file', 'other files'],
};
const plural = (n: number, [one, many]: [string, string]) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const day = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const time = (iso: string) => new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** An error as the user reads it: what happened, and that the notices in use are kept. */
export function errorWords(e: NonNullable<NoticeUpdatesView['error']>, asOf: string): string {
  const kept = `Nothing was changed: the notices as of ${day(asOf)} are still used.`;
  switch (e.kind) {
    case 'offline':
      return `Could not reach GitHub (offline?). ${kept}`;
    case 'rate-limited':
      return `GitHub's limit of requests for your network is reached${e.resetAt ? `; try again after ${time(e.resetAt)}` : ''}. ${kept}`;
    case 'server':
      return `GitHub answered with an error (${e.message}). ${kept}`;
    case 'permission':
      return `Backstory is not allowed to reach api.github.com and raw.githubusercontent.com, so nothing was fetched.`;
    case 'too-large':
      return `The update was too large (${e.message}). ${kept}`;
    case 'invalid':
      return `GitHub's answer was not what Backstory expects (${e.message}). ${kept}`;
  }
}

/** The status and the actions, shared by the options page and the popup. */
export function useNoticeUpdates({ send, requestHosts }: NoticeUpdatesProps) {
  const [view, setView] = useState<NoticeUpdatesView | null>(null);
  const [pending, setPending] = useState(false);
  const [refused, setRefused] = useState(false);
  const act = async (action: Action) => {
    const r = await send({ type: 'noticeUpdates', action });
    if (r) setView(r.view);
    return r?.view ?? null;
  };
  useEffect(() => {
    void act('status');
  }, []);
  // While a check runs, follow its progress.
  useEffect(() => {
    if (!pending && !view?.running) return;
    const t = setTimeout(() => {
      void act('status').then((v) => {
        if (v && !v.running && pending) setPending(false);
      });
    }, 400);
    return () => clearTimeout(t);
  }, [pending, view]);
  /** Ask for the hosts (within the click) unless granted, then run `action`. */
  const withHosts = (action: Action) => {
    const granted = view?.permission ? Promise.resolve(true) : requestHosts().catch(() => false);
    void granted.then((ok) => {
      setRefused(!ok);
      if (!ok) return;
      setPending(true);
      void act(action);
    });
  };
  return { view, pending: pending || !!view?.running, refused, check: () => withHosts('check'), autoOn: () => withHosts('auto-on'), act };
}

function Progress({ view }: { view: NoticeUpdatesView }) {
  const r = view.running;
  return (
    <p role="status" class="updates-progress">
      {r && r.total ? `Fetching new notices: ${r.done} of ${r.total} files…` : 'Checking for newer notices…'}
    </p>
  );
}

function LastAdded({ view }: { view: NoticeUpdatesView }) {
  const a = view.lastAdded;
  if (!a) return null;
  const kinds = Object.entries(a.byKind).map(([k, n]) => plural(n, KIND_WORDS[k] ?? KIND_WORDS.other!));
  return (
    <div class="updates-added">
      <p>
        {a.count
          ? `The last check (${time(a.at)}) added ${plural(a.count, ['notice', 'notices'])}: ${kinds.join(', ')}.`
          : `The last check (${time(a.at)}) found nothing new.`}
      </p>
      {a.newest.length > 0 && (
        <ul>
          {a.newest.map((n) => (
            <li key={n.path}>
              <a href={noticeUrl(n.path)} target="_blank" rel="noopener noreferrer">
                {n.path.split('/').pop()}
              </a>{' '}
              <small>
                {KIND_WORDS[n.kind]?.[0] ?? n.kind} · {day(n.date)}
              </small>
            </li>
          ))}
        </ul>
      )}
      {view.skipped.length > 0 && (
        <details>
          <summary>{plural(view.skipped.length, ['file', 'files'])} could not be read and were skipped</summary>
          <ul>
            {view.skipped.map((s) => (
              <li key={s.path}>
                <code>{s.path}</code>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** "Notices as of <date>" and whether they include downloaded ones. */
export function AsOf({ view }: { view: NoticeUpdatesView }) {
  return (
    <p class="updates-asof">
      {noticesAsOf(view.asOf)}
      {view.downloaded > 0
        ? ` (${view.downloaded.toLocaleString('en-US')} downloaded on top of the bundled ${day(view.bundled)})`
        : ' (bundled)'}
    </p>
  );
}

export function Problems({ view, refused }: { view: NoticeUpdatesView; refused: boolean }) {
  if (refused)
    return (
      <p class="error" role="alert">
        Backstory was not allowed to reach GitHub: nothing was fetched.
      </p>
    );
  return view.error ? (
    <p class="error" role="alert">
      {errorWords(view.error, view.asOf)}
    </p>
  ) : null;
}

/** The options page's part (in About the data). */
export function NoticeUpdates(props: NoticeUpdatesProps) {
  const u = useNoticeUpdates(props);
  const v = u.view;
  if (!v) return null;
  return (
    <div class="notice-updates">
      <h3>Newer notices</h3>
      <AsOf view={v} />
      <p class="hint">
        Off by default. When you check or turn on daily checks, Backstory asks your browser for access to api.github.com and
        raw.githubusercontent.com and fetches only what github/dmca published since its snapshot — the same requests for everyone, never a
        page you visit.
      </p>
      <label class="choice">
        <input
          type="checkbox"
          checked={v.auto}
          onChange={(e) => {
            const want = (e.currentTarget as HTMLInputElement).checked;
            if (want) u.autoOn();
            else void u.act('off');
          }}
        />{' '}
        Keep DMCA notices up to date (checks once a day, when the browser starts)
      </label>
      <div class="row actions">
        <button type="button" disabled={u.pending} onClick={u.check}>
          Check for newer notices
        </button>
        {v.downloaded > 0 && (
          <button type="button" disabled={u.pending} onClick={() => void u.act('off-forget')}>
            Turn off and delete the downloaded notices
          </button>
        )}
      </div>
      {u.pending && <Progress view={v} />}
      <Problems view={v} refused={u.refused} />
      {v.lastCheck && !u.pending && <p class="hint">Last checked {time(v.lastCheck)}.</p>}
      <LastAdded view={v} />
    </div>
  );
}
