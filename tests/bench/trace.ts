/**
 * What a Chromium trace of one page load says about the page's rendering (tests/bench/bench.ts):
 * - style (UpdateLayoutTree) and layout (Layout) of the page's own main frame — never another renderer's
 *   (headless Chromium's own UI pages render in the same trace);
 * - each style or layout an extension's script *forced* (a JS stack on the event), and where;
 * - when the page's own first rendering after DOMContentLoaded ended (the end of the first Layout after it);
 * - with invalidation tracking on, the style and layout *caused by an extension's mutations*: each style
 *   recalculation is attributed by the share of the invalidations since the previous one that carry an
 *   extension's stack (inserting our host, setting our attribute…: Blink records the JS stack of each);
 *   a layout by the share of the style recalculation that led to it, or, with none since the last
 *   layout, by its own stack-carrying layout invalidations. DevTools' "invalidation tracking" pairs them
 *   the same way (an invalidation belongs to the next recalculation of its frame).
 */

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'];
/** Slower to record (an event per invalidated node): only in the attribution pass. */
export const INVALIDATION_CATEGORY = 'disabled-by-default-devtools.timeline.invalidationTracking';

type Frame = { url: string; functionName: string; lineNumber: number };

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    beginData?: { frame?: string; stackTrace?: Frame[] };
    data?: { frame?: string; isMainFrame?: boolean; stackTrace?: Frame[] };
  };
}

export interface Render {
  styleMs: number;
  layoutMs: number;
  /** Style or layout run synchronously because an extension's script asked for geometry. */
  forcedByExtension: { kind: string; ms: number; where: string }[];
  /** DOMContentLoaded to the end of the first layout after it, ms (null without either). */
  firstLayoutAfterDclMs: number | null;
  /** With invalidation tracking: style and layout caused by an extension's mutations, ms. */
  ours: { styleMs: number; layoutMs: number } | null;
}

const STYLE_INVALIDATIONS = new Set([
  'ScheduleStyleInvalidationTracking',
  'StyleRecalcInvalidationTracking',
  'StyleInvalidatorInvalidationTracking',
]);
const EXTENSION = 'chrome-extension://';
const fromExtension = (stack: Frame[] | undefined) => stack?.find((f) => f.url.startsWith(EXTENSION));
const frameOf = (e: TraceEvent) => e.args?.beginData?.frame ?? e.args?.data?.frame;

/** Style and layout events as complete spans (B/E pairs joined), the page's frame only. */
function spans(events: readonly TraceEvent[], frame: string): TraceEvent[] {
  const out: TraceEvent[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.name !== 'UpdateLayoutTree' && e.name !== 'Layout') continue;
    const key = `${e.pid}:${e.tid}:${e.name}`;
    if (e.ph === 'X') {
      if (frameOf(e) === frame) out.push(e);
    } else if (e.ph === 'B') open.set(key, [...(open.get(key) ?? []), e]);
    else if (e.ph === 'E') {
      const b = open.get(key)?.pop();
      if (b && frameOf(b) === frame) out.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  }
  return out;
}

export function analyseTrace(events: readonly TraceEvent[], frame: string): Render {
  const work = spans(events, frame);
  const out: Render = { styleMs: 0, layoutMs: 0, forcedByExtension: [], firstLayoutAfterDclMs: null, ours: null };
  for (const e of work) {
    const ms = (e.dur ?? 0) / 1000;
    if (e.name === 'UpdateLayoutTree') out.styleMs += ms;
    else out.layoutMs += ms;
    const ours = fromExtension(e.args?.beginData?.stackTrace);
    if (ours)
      out.forcedByExtension.push({
        kind: e.name,
        ms,
        where: `${ours.functionName || '(anonymous)'} ${ours.url.split('/').pop()}:${ours.lineNumber}`,
      });
  }
  const dcl = events.find((e) => e.name === 'MarkDOMContent' && e.args?.data?.frame === frame)?.ts;
  if (dcl !== undefined) {
    const ends = work
      .filter((e) => e.name === 'Layout')
      .map((e) => e.ts + (e.dur ?? 0))
      .filter((end) => end >= dcl);
    if (ends.length) out.firstLayoutAfterDclMs = (Math.min(...ends) - dcl) / 1000;
  }
  if (events.some((e) => e.name.endsWith('InvalidationTracking'))) out.ours = attribute(events, work, frame);
  return out;
}

/** Style and layout caused by an extension's mutations (see the file's comment). */
function attribute(events: readonly TraceEvent[], work: TraceEvent[], frame: string): { styleMs: number; layoutMs: number } {
  // A recalculation takes the invalidations recorded up to its end (those during it are its own).
  const timeline = [
    ...events.filter((e) => e.name.endsWith('InvalidationTracking') && frameOf(e) === frame).map((e) => ({ at: e.ts, e })),
    ...work.map((e) => ({ at: e.ts + (e.dur ?? 0), e })),
  ].sort((a, b) => a.at - b.at);
  const style = { ours: 0, all: 0 };
  const layout = { ours: 0, all: 0 };
  /** The share of the style recalculations since the last layout, weighted by their time. */
  let led = { ours: 0, ms: 0 };
  const result = { styleMs: 0, layoutMs: 0 };
  for (const { e } of timeline) {
    const ms = (e.dur ?? 0) / 1000;
    if (e.name === 'UpdateLayoutTree') {
      const share = style.all ? style.ours / style.all : 0;
      result.styleMs += ms * share;
      led = { ours: led.ours + ms * share, ms: led.ms + ms };
      style.ours = style.all = 0;
    } else if (e.name === 'Layout') {
      const share = led.ms ? led.ours / led.ms : layout.all ? layout.ours / layout.all : 0;
      result.layoutMs += ms * share;
      led = { ours: 0, ms: 0 };
      layout.ours = layout.all = 0;
    } else {
      const counter = STYLE_INVALIDATIONS.has(e.name) ? style : layout;
      counter.all++;
      if (fromExtension(e.args?.data?.stackTrace)) counter.ours++;
    }
  }
  return result;
}
