/** The popup's line about the notices: how recent they are, and "Check for newer notices". */
import { AsOf, Problems, useNoticeUpdates, type NoticeUpdatesProps } from '@/components/options/NoticeUpdates';

export function NoticeCheck(props: NoticeUpdatesProps) {
  const u = useNoticeUpdates(props);
  const v = u.view;
  if (!v) return null;
  const r = v.running;
  return (
    <section class="notice-check" aria-label="DMCA notices">
      <AsOf view={v} />
      <button type="button" disabled={u.pending} onClick={u.check}>
        Check for newer notices
      </button>
      {u.pending && <p role="status">{r && r.total ? `Fetching ${r.done} of ${r.total} files…` : 'Checking…'}</p>}
      {!u.pending && v.lastAdded && v.lastAdded.count > 0 && (
        <p>The last check added {v.lastAdded.count.toLocaleString('en-US')} notices.</p>
      )}
      <Problems view={v} refused={u.refused} />
    </section>
  );
}
