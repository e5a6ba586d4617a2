/** The HN thread outline's controls inside the panel (only the HN content script bundles this). */
import type { TopicCard } from '@/utils/core/model';

/** On a dataset thread's own page: the topics drive highlighting, stepping and folding in the page. */
export interface OutlineControls {
  /** Selected topic, or null. */
  selected: string | null;
  /** 1-based position of the current comment within the selected topic's rows on this page. */
  position: number;
  /** Rows of each topic found on this page. */
  counts: Record<string, number>;
  /** Comments of the dataset matched to rows of this page, of all. */
  matched: number;
  total: number;
  folded: boolean;
  /** Rows "fold tangents" hides. */
  foldable: number;
  onSelect(topic: string | null): void;
  onStep(delta: 1 | -1): void;
  onFold(): void;
}

export function OutlineBar({ o, labels }: { o: OutlineControls; labels: Record<string, string> }) {
  const count = o.selected ? (o.counts[o.selected] ?? 0) : 0;
  return (
    <div class="outline-bar" role="toolbar" aria-label="Thread navigation">
      {o.selected ? (
        <>
          <span class="now" aria-live="polite">
            <strong>{labels[o.selected] ?? o.selected}</strong>: comment {o.position} of {count}
          </span>
          <button type="button" class="action" onClick={() => o.onStep(-1)} title="Previous comment (p)">
            ◀ Previous
          </button>
          <button type="button" class="action" onClick={() => o.onStep(1)} title="Next comment (n)">
            Next ▶
          </button>
          <button type="button" class="action" onClick={() => o.onSelect(null)}>
            Clear
          </button>
        </>
      ) : (
        <span class="now">
          {o.matched} of {o.total} comments found on this page · pick a topic to step through its comments (keys n / p)
        </span>
      )}
      <button type="button" class="action fold" aria-pressed={o.folded} disabled={!o.foldable && !o.folded} onClick={o.onFold}>
        {o.folded ? 'Show tangents' : `Fold tangents (${o.foldable})`}
      </button>
    </div>
  );
}

export function TopicAction({ t, o }: { t: TopicCard; o: OutlineControls }) {
  const selected = o.selected === t.id;
  const onPage = o.counts[t.id] ?? 0;
  return (
    <p>
      <button type="button" class="action" aria-pressed={selected} disabled={!onPage} onClick={() => o.onSelect(selected ? null : t.id)}>
        {selected
          ? 'Stop highlighting'
          : onPage
            ? `Highlight its ${onPage} comment${onPage > 1 ? 's' : ''} on this page`
            : 'None of its comments is on this page'}
      </button>
    </p>
  );
}
