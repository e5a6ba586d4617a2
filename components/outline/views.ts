/**
 * The HN thread outline's views: its bar under the panel's status line, the per-topic action, and the
 * navigator fixed in the page's corner (topic, i of n, previous / next, the keys under "?"). Written with the panel's own `h` (handed over by /ui.js), so /outline.js carries
 * no second copy of Preact.
 */
import type { ComponentChildren, h as H } from 'preact';
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

export interface NavigatorProps {
  selected: { label: string; position: number; count: number } | null;
  /** The list of keys is shown (the "?" button or key). */
  keysOpen: boolean;
  onKeys(): void;
  onStep(delta: 1 | -1): void;
  onClear(): void;
}

const KEYS: [string, string][] = [
  ['n', 'next comment (of the topic followed, else of any topic)'],
  ['p', 'previous comment'],
  ['Esc', 'stop highlighting'],
  ['?', 'show or hide these keys'],
];

export function outlineViews(h: typeof H) {
  const button = (props: Record<string, unknown>, ...children: ComponentChildren[]) =>
    h('button', { type: 'button', ...props }, ...children);

  /** One action: choosing a topic in the list highlights its comments and goes to the first. */
  function Picker({ o, labels }: { o: OutlineControls; labels: Record<string, string> }) {
    const options = Object.entries(labels).map(([id, label]) =>
      h('option', { key: id, value: id, disabled: !o.counts[id] }, `${label} (${o.counts[id] ?? 0})`),
    );
    return h(
      'label',
      { class: 'pick' },
      'Follow ',
      h(
        'select',
        {
          value: o.selected ?? '',
          onChange: (e: Event) => o.onSelect((e.currentTarget as HTMLSelectElement).value || null),
        },
        h('option', { value: '' }, 'a topic…'),
        ...options,
      ),
    );
  }

  function OutlineBar({ o, labels }: { o: OutlineControls; labels: Record<string, string> }) {
    const count = o.selected ? (o.counts[o.selected] ?? 0) : 0;
    const now = o.selected
      ? [
          h('span', { class: 'now', 'aria-live': 'polite' }, `comment ${o.position} of ${count}`),
          button({ class: 'action', onClick: () => o.onStep(-1), title: 'Previous comment (p)' }, '◀ Previous'),
          button({ class: 'action', onClick: () => o.onStep(1), title: 'Next comment (n)' }, 'Next ▶'),
          button({ class: 'action', onClick: () => o.onSelect(null) }, 'Clear'),
        ]
      : [
          h(
            'span',
            { class: 'now' },
            `${o.matched} of ${o.total} comments found on this page · keys: n / p step through them, ? lists the keys`,
          ),
        ];
    return h(
      'div',
      { class: 'outline-bar', role: 'toolbar', 'aria-label': 'Thread navigation' },
      h(Picker, { o, labels }),
      ...now,
      button(
        { class: 'action fold', 'aria-pressed': o.folded, disabled: !o.foldable && !o.folded, onClick: o.onFold },
        o.folded ? 'Show tangents' : `Fold tangents (${o.foldable})`,
      ),
    );
  }

  function TopicAction({ t, o }: { t: TopicCard; o: OutlineControls }) {
    const selected = o.selected === t.id;
    const onPage = o.counts[t.id] ?? 0;
    const label = selected
      ? 'Stop highlighting'
      : onPage
        ? `Highlight its ${onPage} comment${onPage > 1 ? 's' : ''} on this page`
        : 'None of its comments is on this page';
    return h(
      'p',
      null,
      button({ class: 'action', 'aria-pressed': selected, disabled: !onPage, onClick: () => o.onSelect(selected ? null : t.id) }, label),
    );
  }

  function Keys() {
    return h(
      'dl',
      { class: 'keys' },
      ...KEYS.map(([k, what]) => h('div', { key: k }, h('dt', null, h('kbd', null, k)), h('dd', null, what))),
    );
  }

  function Navigator(p: NavigatorProps) {
    // Shown while following (a topic, or every tagged comment with n / p), or when "?" asks for the keys.
    const nav =
      (p.selected || p.keysOpen) &&
      h(
        'div',
        { class: 'nav', role: 'toolbar', 'aria-label': 'Backstory: thread navigation' },
        h(
          'span',
          { class: 'now', 'aria-live': 'polite' },
          p.selected ? [h('strong', null, p.selected.label), ` · ${p.selected.position} of ${p.selected.count}`] : 'Backstory keys',
        ),
        button({ onClick: () => p.onStep(-1), 'aria-label': 'Previous comment (p)' }, '◀'),
        button({ onClick: () => p.onStep(1), 'aria-label': 'Next comment (n)' }, '▶'),
        button({ onClick: p.onKeys, 'aria-expanded': p.keysOpen, 'aria-label': 'Keyboard keys (?)' }, '?'),
        button({ onClick: p.onClear, 'aria-label': 'Stop highlighting (Esc)' }, '✕'),
        p.keysOpen && h(Keys, null),
      );
    return h('div', null, nav);
  }

  return { OutlineBar, TopicAction, Navigator };
}

export const NAVIGATOR_CSS =
  ':host{all:initial}' +
  '.nav{position:fixed;right:24px;bottom:16px;z-index:2147483000;display:flex;flex-wrap:wrap;align-items:center;gap:4px;max-width:min(420px,calc(100vw - 48px));' +
  'padding:6px 8px;background:#f6f6ef;border:1px solid #c9c9bd;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.15);font:10pt Verdana,Geneva,sans-serif;color:#222}' +
  '.now{margin-right:auto}button{font:inherit;cursor:pointer;min-width:28px;padding:2px 6px;border:1px solid #c9c9bd;border-radius:3px;background:#fff;color:#222}' +
  'button:focus-visible{outline:2px solid #8250df}.keys{flex-basis:100%;margin:4px 0 0;font-size:9pt}.keys div{display:flex;gap:6px}.keys dd{margin:0}' +
  'kbd{font:9pt ui-monospace,monospace;border:1px solid #c9c9bd;border-radius:2px;padding:0 3px;background:#fff}';
