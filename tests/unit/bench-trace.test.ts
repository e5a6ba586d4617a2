/** The benchmark's trace reading (tests/bench/trace.ts) on a hand-made trace: the page's frame only, forced work, attribution. */
import { expect, test } from 'vitest';
import { analyseTrace, type TraceEvent } from '../bench/trace';

const F = 'PAGE';
const ours = [{ url: 'chrome-extension://abc/github.js', functionName: 'placePanel', lineNumber: 1 }];
const page = [{ url: 'https://github.com/x', functionName: 'f', lineNumber: 3 }];
const ev = (name: string, ts: number, more: Partial<TraceEvent> = {}): TraceEvent => ({ name, ph: 'X', ts, pid: 1, tid: 1, ...more });
const inv = (name: string, ts: number, stack?: typeof ours, frame = F): TraceEvent =>
  ev(name, ts, { ph: 'I', args: { data: { frame, ...(stack ? { stackTrace: stack } : {}) } } });
const work = (name: string, ts: number, ms: number, frame = F, stack?: typeof ours): TraceEvent =>
  ev(name, ts, { dur: ms * 1000, args: { beginData: { frame, ...(stack ? { stackTrace: stack } : {}) } } });

test('totals, the first layout after DOMContentLoaded, forced work and attribution, for the page’s frame only', () => {
  const events: TraceEvent[] = [
    ev('MarkDOMContent', 1_000_000, { ph: 'I', args: { data: { frame: F, isMainFrame: true } } }),
    // Parsing: the page's own invalidations (no stack) — none ours.
    inv('StyleRecalcInvalidationTracking', 1_000_100),
    inv('StyleRecalcInvalidationTracking', 1_000_200),
    work('UpdateLayoutTree', 1_001_000, 40),
    work('Layout', 1_041_000, 60),
    // Our panel inserted, and the page's own attribute change: half of the next recalculation is ours.
    inv('StyleRecalcInvalidationTracking', 1_200_000, ours),
    inv('StyleRecalcInvalidationTracking', 1_200_100, page),
    work('UpdateLayoutTree', 1_300_000, 10),
    work('Layout', 1_310_000, 8),
    // A layout only our code forced.
    inv('LayoutInvalidationTracking', 1_400_000, ours),
    work('Layout', 1_400_100, 2, F, ours),
    // Another renderer's page (the browser's own UI) is not the page's.
    work('UpdateLayoutTree', 1_500_000, 500, 'OTHER'),
    inv('StyleRecalcInvalidationTracking', 1_499_000, ours, 'OTHER'),
  ];
  const r = analyseTrace(events, F);
  expect(r.styleMs).toBe(50);
  expect(r.layoutMs).toBe(70);
  expect(r.firstLayoutAfterDclMs).toBe(101);
  expect(r.forcedByExtension).toEqual([{ kind: 'Layout', ms: 2, where: 'placePanel github.js:1' }]);
  expect(r.ours).toEqual({ styleMs: 5, layoutMs: 4 + 2 });
  // Without invalidation tracking there is nothing to attribute.
  expect(
    analyseTrace(
      events.filter((e) => !e.name.endsWith('InvalidationTracking')),
      F,
    ).ours,
  ).toBeNull();
});
