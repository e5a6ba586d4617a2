/**
 * Tells the background what the tab shows (the toolbar badge count and the popup's list): the panel's
 * subject and Backstory's own badges per subject, and whether the page session is idle (its answer
 * shown, its links answered: one report per page that shows nothing). Debounced; nothing twice.
 */
import type { Subject } from '../core/model';
import type { Send } from '../core/send';

export interface Reporter {
  /** Something changed: report (soon) if there is news. */
  changed(): void;
  /** Start over (settings changed): the next report is sent even if it says nothing. */
  reset(): void;
}

export function createReporter(
  send: Send,
  read: () => { panel: Subject | null; badges: Record<Subject, number>; settled: boolean; url: string },
  alive: () => boolean,
  log: (...a: unknown[]) => void,
): Reporter {
  // A fresh page starts with nothing reported (the background clears the tab when it loads).
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    changed() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!alive()) return;
        const now = read();
        // Nothing to say yet: a page that shows nothing reports once, when idle.
        if (!last && !now.panel && !Object.keys(now.badges).length && !now.settled) return;
        const key = JSON.stringify(now);
        if (key === last) return;
        last = key;
        void send({ type: 'report', ...now }).catch((e) => log('report', e));
      }, 150);
    },
    reset() {
      last = '';
    },
  };
}
