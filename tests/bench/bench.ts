/**
 * `npm run bench [-- --runs N] [-- --check]`: what Backstory costs a page, side by side in headless Chromium.
 *
 * Variants: (a) no extension, (b) a floor extension whose content scripts match the same sites and do
 * nothing, (d) a "reader": the least any link-badging extension must do — read every link's href once
 * (serialised markup + one regex, the cheapest way measured) and send them in one message — and
 * nothing, (e) a "panel reader": the reader that also renders the panel its background answers (what any
 * extension that shows a thread's panel must pay at least), (c) Backstory, and with `--baseline <dir>`
 * another build of Backstory. Each page is loaded in every variant, in rotating order, `runs` times.
 * Backstory's added cost is (c) − (b), paired per run. Then an attribution pass: Backstory's loads again
 * with invalidation tracking, the style and layout its own mutations caused (tests/bench/trace.ts).
 * Results go to tests/bench/results.json and tests/bench/RESULTS.md; `--check` exits 1 when a budget is missed.
 */
import { buildEnv } from '../tools/build-env';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, launch, type Harness } from '../e2e/harness';
import { repoPage, manyLinksReadme } from '../fixtures/github';
import { hnItemPage, hnListPage, syntheticThread } from '../fixtures/hn';
import { seedComments, seedThreadPage } from '../fixtures/hn-seed';
import { SITES } from '../../utils/core/sites';
import { analyseTrace, INVALIDATION_CATEGORY, TRACE_CATEGORIES, type Render, type TraceEvent } from './trace';
import thread from '../../utils/dataset/data/threads/35287733/thread.json';
import topics from '../../utils/dataset/data/threads/35287733/topics.json';

const args = process.argv.slice(2);
/** `--quick`: 3 runs of the key pages, for iteration (results are not written). Default: 5 runs of every page (≤ 15 min here). */
const QUICK = args.includes('--quick');
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (QUICK ? 3 : 5);
const CHECK = args.includes('--check');
/** `--pages a,b`: measure only these pages (quick comparisons while optimising); results are not written. */
const ONLY = args.includes('--pages')
  ? new Set(args[args.indexOf('--pages') + 1]!.split(','))
  : QUICK
    ? new Set(['unrelated', 'links-2000', 'hn-seed', 'search'])
    : null;
const HERE = resolve(__dirname);
const OUT = join(HERE, 'out');

/** `--baseline <dir>`: another unpacked build of Backstory (e.g. of an earlier commit), measured in the same run. */
const BASELINE = args.includes('--baseline') ? resolve(args[args.indexOf('--baseline') + 1]!) : null;
type Variant = 'none' | 'floor' | 'reader' | 'panelReader' | 'backstory' | 'baseline';
const VARIANTS: Variant[] = ['none', 'floor', 'reader', 'panelReader', 'backstory', ...(BASELINE ? (['baseline'] as const) : [])];
/** Variants of Backstory itself: measured again with invalidation tracking (the attribution pass). */
const BUILDS: Variant[] = ['backstory', ...(BASELINE ? (['baseline'] as const) : [])];
const byVariant = <T>(make: () => T) => Object.fromEntries(VARIANTS.map((v) => [v, make()])) as Record<Variant, T>;

interface PageSpec {
  key: string;
  label: string;
  url: string;
  html: string;
  /** Subject of the panel Backstory should show, if any. */
  panel: string | null;
  /** Badges Backstory should place. */
  badges: number;
  /** How long to watch the page after DOMContentLoaded. */
  windowMs: number;
}

// ---------- pages (deterministic) ----------
function knownLinks(n: number): string[] {
  const pool = [
    '/shawwn/llama-dl',
    'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md',
    'https://news.ycombinator.com/item?id=35287733',
    '/cocktailpeanut/dalai',
    '/antimatter15/alpaca.cpp',
    '/tatsu-lab/stanford_alpaca',
  ];
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]!);
}

/** A page whose own script appends `total` links in batches over `overMs` after load. */
function appendingPage(total: number, overMs: number, known: number): string {
  const base = repoPage({ owner: 'bench', name: 'append', readme: '<ul id="feed"></ul>' });
  const script = `<script>
addEventListener('load', () => {
  const total = ${total}, batches = 50, per = total / batches, known = ${JSON.stringify(knownLinks(known))};
  let b = 0;
  const feed = document.getElementById('feed');
  const t = setInterval(() => {
    const frag = document.createDocumentFragment();
    for (let i = 0; i < per; i++) {
      const n = b * per + i;
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = n % Math.floor(total / known.length) === 7 && known.length ? known[(n / Math.floor(total / known.length)) | 0] || '/x/y' : '/user' + (n % 131) + '/item-' + n;
      a.textContent = 'item ' + n;
      li.append(a); frag.append(li);
    }
    feed.append(frag);
    if (++b >= batches) clearInterval(t);
  }, ${Math.round(overMs / 50)});
});
</script>`;
  return base.replace('</body>', `${script}</body>`);
}

/** The seed thread padded to 3,000 comments, so the outline's matching and tagging run at that size. */
function bigThreadPage(): string {
  const seed = seedComments();
  const extra = syntheticThread(3000 - seed.length, 36100000, 7);
  const mixed = [...seed.slice(0, 100), ...extra.slice(0, 1500), ...seed.slice(100), ...extra.slice(1500)];
  return hnItemPage({
    id: 35287733,
    title: "Facebook is going after LLaMA repos with DMCA's",
    points: 320,
    user: 'nothrowaways',
    comments: mixed,
  });
}

function pages(): PageSpec[] {
  return [
    {
      key: 'unrelated',
      label: 'Unrelated GitHub repo (300 links)',
      url: 'https://github.com/torvalds/linux',
      html: repoPage({ owner: 'torvalds', name: 'linux', readme: manyLinksReadme(300, []) }),
      panel: null,
      badges: 0,
      windowMs: 1200,
    },
    {
      key: 'repo-100',
      label: 'Repo page, 100 links (llama-dl)',
      url: 'https://github.com/shawwn/llama-dl',
      html: repoPage({ owner: 'shawwn', name: 'llama-dl', readme: manyLinksReadme(100, ['/facebookresearch/llama']) }),
      panel: 'repo:shawwn/llama-dl',
      badges: 1,
      windowMs: 1200,
    },
    {
      key: 'links-2000',
      label: '2,000 links, 3 known (PR page)',
      url: 'https://github.com/facebookresearch/llama/pull/73',
      html: repoPage({ owner: 'facebookresearch', name: 'llama', readme: manyLinksReadme(2000, knownLinks(3)) }),
      panel: 'repo:facebookresearch/llama',
      badges: 3,
      windowMs: 1500,
    },
    {
      key: 'links-20000',
      label: '20,000 links, 30 known',
      url: 'https://github.com/meta-llama/llama/issues/1',
      html: repoPage({ owner: 'meta-llama', name: 'llama', readme: manyLinksReadme(20000, knownLinks(30)) }),
      panel: 'repo:meta-llama/llama',
      badges: 30,
      windowMs: 2500,
    },
    {
      key: 'append-5000',
      label: 'Appends 5,000 links over 2 s (10 known)',
      url: 'https://github.com/bench/append',
      html: appendingPage(5000, 2000, 10),
      panel: null,
      badges: 10,
      windowMs: 3200,
    },
    {
      key: 'hn-seed',
      label: 'HN seed thread (203 comments)',
      url: 'https://news.ycombinator.com/item?id=35287733',
      html: seedThreadPage(),
      panel: 'thread:hn:35287733',
      badges: 0,
      windowMs: 1500,
    },
    {
      key: 'hn-3000',
      label: 'HN thread, 3,000 comments (seed + 2,797 more)',
      url: 'https://news.ycombinator.com/item?id=35287733&p=1',
      html: bigThreadPage(),
      panel: 'thread:hn:35287733',
      badges: 0,
      windowMs: 2500,
    },
  ];
}

// ---------- in-page probes (same init script in every variant) ----------
const PROBE = `(() => {
  const b = (window.__bench = { longTasks: [], panelAt: null, badgeTimes: [] });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  // Each badge once (a shared badge that moves is not a new one), noticed as it is inserted: the probe reads
  // only what was added (a query of the whole page on every mutation cost tens of ms on 20,000 links, and was
  // counted as the extension's script time and long tasks).
  const seen = new WeakSet();
  const saw = (n, at) => {
    if (n.localName === 'backstory-panel' && b.panelAt === null) b.panelAt = at;
    else if (n.localName === 'backstory-badge' && n.hasAttribute('data-backstory-badge') && !seen.has(n)) {
      seen.add(n);
      b.badgeTimes.push(at);
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    const at = performance.now();
    for (const n of document.querySelectorAll('backstory-panel, backstory-badge')) saw(n, at);
    new MutationObserver((records) => {
      const at = performance.now();
      for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) saw(n, at);
    }).observe(document.documentElement, { childList: true, subtree: true });
  });
})();`;

interface Sample {
  render: Render;
  scriptMs: number;
  taskMs: number;
  heapMB: number;
  dclMs: number;
  longTasks: { start: number; duration: number }[];
  panelMs: number | null;
  badgesMs: number | null;
  badges: number;
}

/**
 * How a load is traced: not at all (script time and the page-side timings: recording a trace, its JS stacks
 * above all, slows scripts down, ~2x on the unrelated page here), the timeline only (the floor's own
 * rendering), or for attribution (timeline, JS stacks, invalidation tracking: Backstory's builds).
 */
type Tracing = 'none' | 'timeline' | 'attribution';

async function measure(h: Harness, spec: PageSpec, tracingMode: Tracing = 'none'): Promise<Sample> {
  const page: Page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => void events.push(...(d.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  const tracing = tracingMode !== 'none';
  const categories = tracingMode === 'attribution' ? [...TRACE_CATEGORIES, INVALIDATION_CATEGORY] : ['devtools.timeline'];
  if (tracing) await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  await page.goto(spec.url, { waitUntil: 'domcontentloaded' });
  // The page's own main frame: the trace also holds the browser's own UI pages.
  const frame = ((await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
  const dclMs = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
  );
  await page.waitForTimeout(spec.windowMs);
  const metrics = Object.fromEntries(
    ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]),
  );
  const probe = (await page.evaluate(
    () => (window as unknown as { __bench: { longTasks: Sample['longTasks']; panelAt: number | null; badgeTimes: number[] } }).__bench,
  )) ?? {
    longTasks: [],
    panelAt: null,
    badgeTimes: [],
  };
  if (tracing) {
    await cdp.send('Tracing.end');
    await traced;
  }
  await cdp.detach();
  await page.close();
  const allBadges = spec.badges > 0 && probe.badgeTimes.length >= spec.badges ? probe.badgeTimes[spec.badges - 1]! : null;
  return {
    render: analyseTrace(events, frame),
    scriptMs: (metrics.ScriptDuration ?? 0) * 1000,
    taskMs: (metrics.TaskDuration ?? 0) * 1000,
    heapMB: (metrics.JSHeapUsedSize ?? 0) / 1048576,
    dclMs,
    longTasks: probe.longTasks,
    panelMs: probe.panelAt,
    badgesMs: allBadges,
    badges: probe.badgeTimes.length,
  };
}

// ---------- helpers ----------
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.ceil(i)]! - s[lo]!) * (i - lo);
};
const stat = (xs: number[]) => ({
  median: round(median(xs)),
  p25: round(quantile(xs, 0.25)),
  p75: round(quantile(xs, 0.75)),
  min: round(Math.min(...xs)),
  max: round(Math.max(...xs)),
  n: xs.length,
});
const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
const postDcl = (s: Sample) => s.longTasks.filter((t) => t.start >= s.dclMs && t.duration > 50);

function floorExtension(): string {
  const dir = join(OUT, 'floor');
  mkdirSync(join(dir, 'content-scripts'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Backstory floor (benchmark)',
      version: '0.0.0',
      content_scripts: manifest.content_scripts.map((cs: { matches: string[]; run_at?: string }, i: number) => ({
        matches: cs.matches,
        run_at: cs.run_at,
        js: [`content-scripts/floor${i}.js`],
      })),
    }),
  );
  manifest.content_scripts.forEach((_: unknown, i: number) =>
    writeFileSync(join(dir, 'content-scripts', `floor${i}.js`), '/* does nothing */\n'),
  );
  return dir;
}

/** Reads every href of the page once at DOMContentLoaded and sends them to its background in one message. */
const READER = `document.addEventListener('DOMContentLoaded', () => {
  const html = document.body.outerHTML, re = /<a\\s(?:[^>]*?\\s)?href="([^"]*)"/g, seen = new Set();
  let m;
  while ((m = re.exec(html))) seen.add(m[1]);
  const hrefs = [...seen];
  for (let i = 0; i < hrefs.length; i += 5000) chrome.runtime.sendMessage({ hrefs: hrefs.slice(i, i + 5000) }).then((r) => { globalThis.answer = r; });
});
`;

/** The site scripts that run on every page of their site (utils/core/sites.ts: entrypoints/github.ts, entrypoints/hn.ts…). */
const SITE_SCRIPTS: string[] = SITES.map((s) => s.script);

/** A comparison extension in OUT/<folder>: the site scripts' matches, one content script and one background. */
function comparisonExtension(folder: string, name: string, files: { 'bg.js': string; 'reader.js': string }): string {
  const dir = join(OUT, folder);
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const sites = manifest.content_scripts.filter((cs: { js: string[] }) => cs.js.some((j) => SITE_SCRIPTS.includes(j)));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name,
      version: '0.0.0',
      background: { service_worker: 'bg.js' },
      host_permissions: manifest.host_permissions,
      content_scripts: sites.map((cs: { matches: string[] }) => ({ matches: cs.matches, run_at: 'document_start', js: ['reader.js'] })),
    }),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const readerExtension = () =>
  comparisonExtension('reader', 'Backstory reader floor (benchmark)', {
    'bg.js': 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ known: {} }); });\n',
    'reader.js': READER,
  });

/**
 * The reader, and the panel its background answers for a thread page, rendered: a host with an open shadow
 * root after the story (HN) or atop the content (GitHub), one status line and the thread's topics with their
 * counts — the least any extension that shows a thread's panel must pay. Its background answers with the
 * same facts Backstory's bundle has for the seed thread (title, points, topics).
 */
const PANEL_READER = `document.addEventListener('DOMContentLoaded', () => {
  const html = document.body.outerHTML, re = /<a\\s(?:[^>]*?\\s)?href="([^"]*)"/g, seen = new Set();
  let m;
  while ((m = re.exec(html))) seen.add(m[1]);
  const hrefs = [...seen];
  chrome.runtime.sendMessage({ url: location.href, hrefs: hrefs.slice(0, 5000) }).then((r) => {
    globalThis.answer = r;
    if (!r || !r.panel) return;
    const host = document.createElement('reader-panel');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host{display:block;font:13px/1.4 system-ui,sans-serif;margin:8px 0}ul{margin:4px 0;padding-left:18px}';
    const line = document.createElement('div');
    line.textContent = r.panel.title + ' · ' + r.panel.points + ' points';
    const list = document.createElement('ul');
    for (const t of r.panel.topics) {
      const li = document.createElement('li');
      li.textContent = t.label + ' (' + t.count + ')';
      list.append(li);
    }
    root.append(style, line, list);
    const anchor = document.querySelector('table.fatitem');
    if (anchor) anchor.after(host);
    else (document.querySelector('main') || document.body).prepend(host);
  });
  for (let i = 5000; i < hrefs.length; i += 5000) chrome.runtime.sendMessage({ hrefs: hrefs.slice(i, i + 5000) });
});
`;

function panelReaderExtension(): string {
  const panel = {
    title: thread.title,
    points: thread.points,
    topics: topics.map((t) => ({ label: t.label, count: t.points.length })),
  };
  return comparisonExtension('panel-reader', 'Backstory panel reader floor (benchmark)', {
    'bg.js':
      `const panel = ${JSON.stringify(panel)};\n` +
      `chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ known: {}, panel: /[?&]id=${thread.id}(&|$)/.test(m.url || '') ? panel : null }); });\n`,
    'reader.js': PANEL_READER,
  });
}

/** The site scripts of a build, raw and gzipped (the baseline's too). */
function contentScriptSizes(dir: string): { file: string; raw: number; gzip: number }[] {
  return SITE_SCRIPTS.filter((f) => statSync(join(dir, f), { throwIfNoEntry: false })).map((file) => {
    const buf = readFileSync(join(dir, file));
    return { file, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
}

function sizes() {
  const files: { file: string; raw: number; gzip: number }[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const buf = readFileSync(p);
        files.push({ file: relative(EXTENSION_DIR, p), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
      }
    }
  };
  walk(EXTENSION_DIR);
  const cs = files.filter((f) => SITE_SCRIPTS.includes(f.file));
  const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const leaks = cs.flatMap((f) => {
    const text = readFileSync(join(EXTENSION_DIR, f.file), 'utf8');
    const found: string[] = [];
    if (/ZodError|\$ZodType|zod/.test(text)) found.push(`${f.file}: zod`);
    if (/OpSec Online|Tensorfork|Feist v\. Rural/.test(text)) found.push(`${f.file}: dataset`);
    return found;
  });
  return {
    contentScripts: cs,
    background: files.find((f) => f.file === 'background.js'),
    ui: files.find((f) => f.file === 'ui.js'),
    outline: files.find((f) => f.file === 'outline.js'),
    total,
    files: files.length,
    leaks,
    zip: zipSize(),
  };
}

/** The store upload: `wxt zip` of the same sources (rebuilds into .output, then zips). */
function zipSize(): number {
  try {
    // npm run zip's environment, not vite-node's: the zip must be the build the bench measured (tests/e2e/shipped.test.ts).
    execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore', env: buildEnv() });
    const dir = resolve(EXTENSION_DIR, '..');
    const zip = readdirSync(dir).find((f) => f.endsWith('-chrome.zip'));
    return zip ? statSync(join(dir, zip)).size : 0;
  } catch {
    return 0;
  }
}

async function coldStart(runs: number) {
  // A fresh browser per run: the worker has never answered; the first page asks it for a panel that
  // only the DMCA index can give (so the answer includes reading the index).
  const out: { evalMs: number; indexMs: number; firstHandleMs: number; firstAnswerMs: number; panelMs: number | null }[] = [];
  const spec: PageSpec = {
    key: 'dmca-cold',
    label: 'youtube-dl (DMCA index only)',
    url: 'https://github.com/ytdl-org/youtube-dl',
    html: repoPage({ owner: 'ytdl-org', name: 'youtube-dl', readme: manyLinksReadme(100, ['/chef-koch/kms-activator']) }),
    panel: 'repo:ytdl-org/youtube-dl',
    badges: 1,
    windowMs: 1200,
  };
  for (let i = 0; i < runs; i++) {
    const h = await launch();
    h.serve(spec.url, spec.html);
    await h.context.addInitScript(PROBE);
    const s = await measure(h, spec);
    type Stats = { evalMs: number; indexMs?: number; firstHandleMs?: number; firstAnswerMs?: number };
    const stats = (await h.worker!.evaluate(() => (globalThis as unknown as { __backstoryStats: Stats }).__backstoryStats)) ?? null;
    out.push({
      evalMs: stats?.evalMs ?? NaN,
      indexMs: (stats?.indexMs ?? NaN) - (stats?.evalMs ?? NaN),
      firstHandleMs: stats?.firstHandleMs ?? NaN,
      firstAnswerMs: (stats?.firstAnswerMs ?? NaN) - (stats?.evalMs ?? NaN),
      panelMs: s.panelMs === null ? null : s.panelMs - s.dclMs,
    });
    await h.close();
  }
  return out;
}

/** A fixed CPU task in Node (median of 5): lets two RESULTS.md from different machines be compared. */
function calibrate(): number {
  const t: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 30_000_000; i++) x = (x * 31 + i) | 0;
    t.push(performance.now() - start + (x === 0.5 ? 1 : 0));
  }
  return round(median(t))!;
}

/** The popup's search as a user types: the first query, then each keystroke after it (data-for marks the answer). */
async function popupSearch(h: Harness): Promise<{ firstMs: number; keystrokeMs: ReturnType<typeof stat> }> {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
  const box = popup.locator('#q');
  await box.waitFor();
  const ask = async (q: string) => {
    const start = Date.now();
    await box.fill(q);
    await popup.waitForFunction((x) => !!document.querySelector(`[data-for="${x}"]`), q, { timeout: 10_000 });
    return Date.now() - start;
  };
  const firstMs = await ask('RIAA');
  const times: number[] = [];
  for (const word of ['llama dl', 'shawwn/llama-dl', 'github.com/ytdl-org/youtube-dl'])
    for (let i = 2; i <= word.length; i++) if (word[i - 1] !== ' ') times.push(await ask(word.slice(0, i)));
  await popup.close();
  return { firstMs, keystrokeMs: stat(times) };
}

/** What one build of Backstory did on a page: its samples against the floor's, and its attribution pass. */
function buildSummary(s: PageSpec, bs: Sample[], floor: Sample[], attributedRuns: Sample[]) {
  return {
    addedScriptMs: stat(bs.map((x, i) => x.scriptMs - floor[i]!.scriptMs)),
    addedHeapMB: stat(bs.map((x, i) => x.heapMB - floor[i]!.heapMB)),
    /** Style recalculation + layout of the page (trace totals, from the attribution pass: reported, they vary by tens of ms). */
    renderTotalsMs: stat(attributedRuns.map((x) => x.render.styleMs + x.render.layoutMs)),
    /** Style + layout its own mutations caused (invalidation tracking, the attribution pass). */
    attributedRenderMs: stat(attributedRuns.map((x) => (x.render.ours?.styleMs ?? 0) + (x.render.ours?.layoutMs ?? 0))),
    /** Forced synchronous style/layout from its scripts, every run of the attribution pass (JS stacks are recorded there). */
    forcedByUs: attributedRuns.flatMap((x) => x.render.forcedByExtension),
    addedLongTasksAfterDcl: stat(bs.map((x, i) => postDcl(x).length - postDcl(floor[i]!).length)),
    panelAfterDclMs: s.panel ? stat(bs.flatMap((x) => (x.panelMs === null ? [] : [x.panelMs - x.dclMs]))) : null,
    panelFromNavStartMs: s.panel ? stat(bs.flatMap((x) => (x.panelMs === null ? [] : [x.panelMs]))) : null,
    panelShownRuns: bs.filter((x) => x.panelMs !== null).length,
    allBadgesFromNavStartMs: s.badges ? stat(bs.flatMap((x) => (x.badgesMs === null ? [] : [x.badgesMs]))) : null,
    allBadgesAfterDclMs: s.badges ? stat(bs.flatMap((x) => (x.badgesMs === null ? [] : [x.badgesMs - x.dclMs]))) : null,
    badgesPlaced: stat(bs.map((x) => x.badges)),
  };
}

// ---------- main ----------
async function main() {
  mkdirSync(OUT, { recursive: true });
  const loadBefore = os.loadavg().map((x) => round(x)!);
  const calibrationMs = calibrate();
  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  const specs = pages().filter((p) => !ONLY || ONLY.has(p.key));
  const dirs: Record<Variant, string | null> = {
    none: null,
    floor: floorExtension(),
    reader: readerExtension(),
    panelReader: panelReaderExtension(),
    backstory: EXTENSION_DIR,
    baseline: BASELINE,
  };
  const harness: Record<Variant, Harness> = {} as Record<Variant, Harness>;
  for (const v of VARIANTS) {
    harness[v] = await launch({ extensionDir: dirs[v] });
    await harness[v].context.addInitScript(PROBE);
    for (const s of specs) harness[v].serve(s.url, s.html);
  }
  const samples: Record<string, Record<Variant, Sample[]>> = {};
  for (const s of specs) samples[s.key] = byVariant<Sample[]>(() => []);
  // One warm-up pass, not recorded (JIT, caches, the worker's first index build).
  for (const s of specs) for (const v of VARIANTS) await measure(harness[v], s);
  // Chrome reuses a site's renderer process, and V8 reuses the content script it compiled there: the
  // first GitHub page after other sites pays a cold compile. Measure that case on its own ("cold"),
  // and measure every page warm, after an unrecorded load of a plain page of the same site.
  const warmers: Record<string, PageSpec> = {
    'github.com': {
      key: 'warm-gh',
      label: '',
      url: 'https://github.com/bench/warm',
      html: repoPage({ owner: 'bench', name: 'warm' }),
      panel: null,
      badges: 0,
      windowMs: 300,
    },
    'news.ycombinator.com': {
      key: 'warm-hn',
      label: '',
      url: 'https://news.ycombinator.com/item?id=1',
      html: hnItemPage({ id: 1, title: 'warm', points: 1, user: 'u', comments: [] }),
      panel: null,
      badges: 0,
      windowMs: 300,
    },
  };
  const hnPage = {
    key: 'hn-other',
    label: '',
    url: 'https://news.ycombinator.com/news',
    html: hnListPage([]),
    panel: null,
    badges: 0,
    windowMs: 300,
  };
  for (const v of VARIANTS) for (const w of [...Object.values(warmers), hnPage]) harness[v].serve(w.url, w.html);
  const unrelated = specs.find((p) => p.key === 'unrelated');
  const coldSamples = byVariant<Sample[]>(() => []);
  for (let r = 0; r < RUNS; r++) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + r) % VARIANTS.length]!);
    for (const s of specs) {
      for (const v of order) {
        await measure(harness[v], warmers[new URL(s.url).hostname]!);
        // Only the floor is traced here (its own rendering, for the badges' budget): a trace slows scripts.
        samples[s.key]![v].push(await measure(harness[v], s, v === 'floor' ? 'timeline' : 'none'));
      }
    }
    if (unrelated) {
      for (const v of order) {
        await measure(harness[v], hnPage);
        coldSamples[v].push(await measure(harness[v], unrelated));
      }
    }
    process.stdout.write(`run ${r + 1}/${RUNS} done\n`);
  }
  // The attribution pass: Backstory's builds again, with invalidation tracking (slower: not in the runs above).
  const attributed: Record<string, Record<Variant, Sample[]>> = {};
  for (const s of specs) attributed[s.key] = byVariant<Sample[]>(() => []);
  for (let r = 0; r < RUNS; r++)
    for (const s of specs)
      for (const v of BUILDS) {
        await measure(harness[v], warmers[new URL(s.url).hostname]!);
        attributed[s.key]![v].push(await measure(harness[v], s, 'attribution'));
      }
  process.stdout.write('attribution pass done\n');
  const search = !ONLY || ONLY.has('search') ? await popupSearch(harness.backstory) : null;
  for (const v of VARIANTS) await harness[v].close();
  const cold = !ONLY || ONLY.has('cold') ? await coldStart(Math.min(RUNS, 7)) : [];

  const results = {
    date: new Date().toISOString(),
    runs: RUNS,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      loadBefore,
      loadAfter: os.loadavg().map((x) => round(x)!),
      calibrationMs,
    },
    popupSearch: search,
    chromium: chromiumVersion,
    sizes: sizes(),
    baselineBuild: BASELINE ? { dir: BASELINE, contentScripts: contentScriptSizes(BASELINE) } : null,
    unrelatedColdProcess: unrelated
      ? {
          addedScriptMs: stat(coldSamples.backstory.map((x, i) => x.scriptMs - coldSamples.floor[i]!.scriptMs)),
          floorScriptMs: stat(coldSamples.floor.map((x) => x.scriptMs)),
        }
      : null,
    serviceWorkerColdStart: {
      evalMs: stat(cold.map((c) => c.evalMs)),
      indexReadyMs: stat(cold.map((c) => c.indexMs)),
      firstAnswerHandleMs: stat(cold.map((c) => c.firstHandleMs)),
      firstAnswerAfterEvalMs: stat(cold.map((c) => c.firstAnswerMs)),
      panelAfterDclColdMs: stat(cold.flatMap((c) => (c.panelMs === null ? [] : [c.panelMs]))),
    },
    pages: specs.map((s) => {
      const d = samples[s.key]!;
      const variants = Object.fromEntries(
        VARIANTS.map((v) => [
          v,
          {
            scriptMs: stat(d[v].map((x) => x.scriptMs)),
            taskMs: stat(d[v].map((x) => x.taskMs)),
            heapMB: stat(d[v].map((x) => x.heapMB)),
            styleMs: stat(d[v].map((x) => x.render.styleMs)),
            layoutMs: stat(d[v].map((x) => x.render.layoutMs)),
            firstLayoutAfterDclMs: stat(
              d[v].flatMap((x) => (x.render.firstLayoutAfterDclMs === null ? [] : [x.render.firstLayoutAfterDclMs])),
            ),
            longTasks: stat(d[v].map((x) => x.longTasks.filter((t) => t.duration > 50).length)),
            longTasksAfterDcl: stat(d[v].map((x) => postDcl(x).length)),
            longestAfterDclMs: stat(d[v].map((x) => Math.max(0, ...postDcl(x).map((t) => t.duration)))),
          },
        ]),
      );
      const ours = buildSummary(s, d.backstory, d.floor, attributed[s.key]!.backstory);
      return {
        key: s.key,
        label: s.label,
        url: s.url,
        expected: { panel: s.panel, badges: s.badges },
        ...ours,
        /** What reading every link once costs (reader − floor), and what Backstory adds beyond it. */
        readerAddedScriptMs: stat(d.reader.map((x, i) => x.scriptMs - d.floor[i]!.scriptMs)),
        beyondReaderScriptMs: stat(d.backstory.map((x, i) => x.scriptMs - d.reader[i]!.scriptMs)),
        /** The reader that also renders its answer's panel (thread pages), over the floor. */
        panelReaderAddedScriptMs: stat(d.panelReader.map((x, i) => x.scriptMs - d.floor[i]!.scriptMs)),
        /**
         * Backstory's script time beyond the budget's limit, paired per run (loads of one run are next to each
         * other in time, so the machine's load drifts less between them): ms over `reader × 1.1 + 2`, and over
         * the same of the panel reader. Under 0: within the limit.
         */
        overReaderMs: stat(d.backstory.map((x, i) => x.scriptMs - (d.reader[i]!.scriptMs * 1.1 + 2))),
        overPanelReaderMs: stat(d.backstory.map((x, i) => x.scriptMs - (d.panelReader[i]!.scriptMs * 1.1 + 2))),
        baseline: BASELINE ? buildSummary(s, d.baseline, d.floor, attributed[s.key]!.baseline) : null,
        variants,
      };
    }),
  };

  if (ONLY) {
    const m = (x: { median: number | null } | null | undefined) => x?.median ?? '—';
    for (const p of results.pages) {
      const b = p.baseline;
      console.log(
        `${p.key}: script added ${m(p.addedScriptMs)} ms (${p.addedScriptMs.p25}–${p.addedScriptMs.p75}), reader ${m(p.readerAddedScriptMs)}, panel reader ${m(p.panelReaderAddedScriptMs)}; ` +
          `medians backstory ${m(p.variants.backstory!.scriptMs)} / reader ${m(p.variants.reader!.scriptMs)} / panel reader ${m(p.variants.panelReader!.scriptMs)}; ` +
          `style+layout ours (attributed) ${m(p.attributedRenderMs)} ms, totals ${m(p.renderTotalsMs)} (floor ${round((p.variants.floor!.styleMs!.median ?? 0) + (p.variants.floor!.layoutMs!.median ?? 0))}); forced ${p.forcedByUs.length}; ` +
          `floor's first layout after DCL ${m(p.variants.floor!.firstLayoutAfterDclMs)} ms; panel after DCL ${m(p.panelAfterDclMs)} ms; badges after DCL ${m(p.allBadgesAfterDclMs)} ms (${m(p.badgesPlaced)})` +
          (b
            ? ` | baseline: script added ${m(b.addedScriptMs)}, attributed ${m(b.attributedRenderMs)}, forced ${b.forcedByUs.length}, panel ${m(b.panelAfterDclMs)}, badges ${m(b.allBadgesAfterDclMs)}`
            : ''),
      );
    }
    for (const b of checkBudgets(results as unknown as Results).filter((x) =>
      /script time|style \+ layout|badges placed after/.test(x.name),
    ))
      console.log(`${b.ok ? 'met   ' : 'MISSED'} ${b.name}: ${b.actual} (${b.limit})`);
    if (search) console.log(`popup search: first ${search.firstMs} ms, keystrokes ${JSON.stringify(search.keystrokeMs)}`);
    console.log(
      `machine: load ${loadBefore.join(' ')} → ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}; calibration ${calibrationMs} ms`,
    );
    if (cold.length) console.log(`cold start: ${JSON.stringify(results.serviceWorkerColdStart)}; zip ${results.sizes.zip} bytes`);
    return;
  }
  report(results as unknown as Results);
}

/** Check the budgets against measured results, write results.json and RESULTS.md, exit 1 on a miss with --check. */
function report(results: Results) {
  const budgets = checkBudgets(results);
  const final = { ...results, budgets };
  writeFileSync(join(HERE, 'results.json'), JSON.stringify(final, null, 2) + '\n');
  writeFileSync(join(HERE, 'RESULTS.md'), markdown(final));
  console.log(markdown(final));
  const missed = budgets.filter((b) => !b.ok);
  if (CHECK && missed.length) {
    console.error(`\n${missed.length} budget(s) missed:\n${missed.map((b) => `- ${b.name}: ${b.actual} (budget ${b.limit})`).join('\n')}`);
    process.exit(1);
  }
}

type Results = Awaited<ReturnType<typeof buildShape>>;
type BuildSummary = ReturnType<typeof buildSummary>;
// Only for typing `results` in the helpers below.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a type source only
async function buildShape() {
  return {} as {
    sizes: ReturnType<typeof sizes>;
    serviceWorkerColdStart: Record<string, ReturnType<typeof stat>>;
    unrelatedColdProcess: { addedScriptMs: ReturnType<typeof stat>; floorScriptMs: ReturnType<typeof stat> } | null;
    pages: (BuildSummary & {
      key: string;
      label: string;
      expected: { panel: string | null; badges: number };
      readerAddedScriptMs: ReturnType<typeof stat>;
      beyondReaderScriptMs: ReturnType<typeof stat>;
      panelReaderAddedScriptMs: ReturnType<typeof stat>;
      overReaderMs: ReturnType<typeof stat>;
      overPanelReaderMs: ReturnType<typeof stat>;
      baseline: BuildSummary | null;
      variants: Record<string, Record<string, ReturnType<typeof stat>>>;
    })[];
    baselineBuild: { dir: string; contentScripts: { file: string; raw: number; gzip: number }[] } | null;
    machine: Record<string, unknown> & { loadBefore: number[]; loadAfter: number[]; calibrationMs: number };
    popupSearch: { firstMs: number; keystrokeMs: ReturnType<typeof stat> } | null;
    chromium: string;
    runs: number;
    date: string;
  };
}

interface Budget {
  name: string;
  limit: string;
  actual: string;
  ok: boolean;
}

function checkBudgets(r: Results): Budget[] {
  const out: Budget[] = [];
  const page = (k: string) => r.pages.find((p) => p.key === k)!;
  const size = (name: string, f: { raw: number } | undefined, kB: number, note = '') => {
    if (f) out.push({ name, limit: `≤ ${kB} kB raw${note}`, actual: `${(f.raw / 1000).toFixed(1)} kB`, ok: f.raw <= kB * 1000 });
  };
  // Tightened from 40 kB, then 25 kB, as each was met (panel code in /ui.js; no parsing in the page).
  for (const cs of r.sizes.contentScripts) size(`content script ${cs.file} size`, cs, 20, ' (issue: 40)');
  // The panel's code is a content script too, on the pages the bundled dataset gives a panel only: the issue's 40 kB.
  size('ui.js size (runs only on pages with a panel)', r.sizes.ui, 40);
  // The HN outline runs on the dataset's thread pages only, after /ui.js: held to the content-script budget.
  size('outline.js size (HN thread pages of the dataset only)', r.sizes.outline, 20);
  out.push({
    name: 'Chrome zip (wxt zip)',
    limit: '≤ 3 MB',
    actual: `${(r.sizes.zip / 1e6).toFixed(2)} MB`,
    ok: r.sizes.zip > 0 && r.sizes.zip <= 3_000_000,
  });
  const firstAnswer = r.serviceWorkerColdStart.firstAnswerHandleMs?.median ?? Infinity;
  out.push({
    name: 'service worker cold start: first answer (message in → answer out)',
    limit: '≤ 50 ms median',
    actual: `${firstAnswer} ms`,
    ok: firstAnswer <= 50,
  });
  out.push({
    name: 'zod and dataset stay out of content scripts',
    limit: 'none found',
    actual: r.sizes.leaks.join(', ') || 'none found',
    ok: r.sizes.leaks.length === 0,
  });
  // Time budgets compare variants within one run (issue #18): absolute figures differ 2–5x between machines
  // of the same kind, the comparison in the same run does not. Re-based in issue #22: script time within
  // 10% + 2 ms of the reader on GitHub pages, and on thread pages of the reader that renders a panel.
  const has = (k: string) => r.pages.some((p) => p.key === k);
  for (const [k, against] of [
    ['unrelated', 'reader'],
    ['links-2000', 'reader'],
    ['links-20000', 'reader'],
    ['hn-seed', 'panelReader'],
    ['hn-3000', 'panelReader'],
  ] as const) {
    if (!has(k)) continue;
    const p = page(k);
    const ours = p.variants.backstory!.scriptMs!.median ?? Infinity;
    const ref = p.variants[against]!.scriptMs!.median ?? 0;
    const over = against === 'reader' ? p.overReaderMs : p.overPanelReaderMs;
    const what = against === 'reader' ? 'the reader' : 'the panel reader';
    out.push({
      name: `script time vs ${what}, ${p.label}`,
      limit: `≤ ${what} + 10% + 2 ms (paired per run: median excess ≤ 0)`,
      actual: `excess ${over.median} ms (${over.p25}–${over.p75}); medians ${ours} ms vs ${ref} ms`,
      ok: (over.median ?? Infinity) <= 0,
    });
  }
  // Style and layout our own mutations caused (invalidation tracking), not trace totals: the totals of two
  // loads of a page differ by tens to hundreds of ms (reported, they do not gate).
  for (const [k, limit] of [
    ['unrelated', 5],
    ['links-2000', 20],
    ['links-20000', 100],
    ['hn-3000', 100],
  ] as const) {
    if (!has(k)) continue;
    const a = page(k).attributedRenderMs;
    out.push({
      name: `style + layout our mutations caused (invalidation tracking), ${page(k).label}`,
      limit: `≤ ${limit} ms median`,
      actual: `${a.median} ms (${a.p25}–${a.p75})`,
      ok: (a.median ?? Infinity) <= limit,
    });
  }
  const forced = r.pages.flatMap((p) => p.forcedByUs.map((f) => `${p.key}: ${f.kind} ${round(f.ms)} ms at ${f.where}`));
  out.push({
    name: 'forced synchronous style/layout from our code, every page, every run',
    limit: 'none',
    actual: forced.length ? forced.slice(0, 3).join('; ') : 'none',
    ok: forced.length === 0,
  });
  // Badges wait for the page's own first rendering after DOMContentLoaded (its main thread is busy with it):
  // measured against the floor's own first style + layout (trace), + 100 ms.
  for (const k of ['links-2000', 'links-20000'].filter(has)) {
    const m = page(k).allBadgesAfterDclMs?.median ?? Infinity;
    const first = page(k).variants.floor!.firstLayoutAfterDclMs?.median ?? null;
    out.push({
      name: `all badges placed after DOMContentLoaded, ${page(k).label}`,
      limit: "≤ the floor's first style + layout after DOMContentLoaded + 100 ms (medians)",
      actual: `${m} ms vs ${first ?? '—'} + 100 ms`,
      ok: first !== null && m <= first + 100,
    });
  }
  const coldPanel = r.serviceWorkerColdStart.panelAfterDclColdMs?.median ?? null;
  if (coldPanel !== null)
    out.push({
      name: 'first page after browser start: panel after DOMContentLoaded',
      limit: '≤ 100 ms median',
      actual: `${coldPanel} ms`,
      ok: coldPanel <= 100,
    });
  if (r.popupSearch)
    out.push({
      name: 'popup search, each keystroke after the first',
      limit: '≤ 150 ms (slowest)',
      actual: `${r.popupSearch.keystrokeMs.max} ms slowest, ${r.popupSearch.keystrokeMs.median} ms median; first query ${r.popupSearch.firstMs} ms`,
      ok: (r.popupSearch.keystrokeMs.max ?? Infinity) <= 150,
    });
  for (const k of ['links-20000', 'hn-3000', 'append-5000'].filter(has)) {
    const p = page(k);
    const extra = p.addedLongTasksAfterDcl.median ?? Infinity;
    const longest = p.variants.backstory!.longestAfterDclMs!.median ?? 0;
    const floorLongest = p.variants.floor!.longestAfterDclMs!.median ?? 0;
    out.push({
      name: `no long task of ours over 50 ms, ${p.label}`,
      limit: '0 extra long tasks after DOMContentLoaded',
      actual: `${extra} extra (longest ${longest} ms vs floor ${floorLongest} ms)`,
      ok: extra <= 0,
    });
  }
  if (has('links-2000')) {
    const panel = page('links-2000').panelAfterDclMs?.median ?? Infinity;
    // Tightened from 100 ms once met (the page's answer is pushed as the tab starts loading).
    out.push({
      name: 'panel attached after DOMContentLoaded, 2,000-link page',
      limit: '≤ 40 ms median (issue: 100)',
      actual: `${panel} ms`,
      ok: panel <= 40,
    });
  }
  for (const p of r.pages) {
    if (p.expected.panel)
      out.push({
        name: `panel shown every run, ${p.label}`,
        limit: `${r.runs}/${r.runs}`,
        actual: `${p.panelShownRuns}/${r.runs}`,
        ok: p.panelShownRuns === r.runs,
      });
    if (p.expected.badges)
      out.push({
        name: `all badges placed, ${p.label}`,
        limit: `${p.expected.badges}`,
        actual: `${p.badgesPlaced.min}`,
        ok: p.badgesPlaced.min === p.expected.badges && p.badgesPlaced.max === p.expected.badges,
      });
  }
  return out;
}

function markdown(r: Results & { budgets: Budget[] }): string {
  const f = (s: ReturnType<typeof stat> | null | undefined, unit = '') =>
    s && s.median !== null ? `${s.median}${unit} (${s.p25}–${s.p75})` : '—';
  const med = (s: ReturnType<typeof stat> | null | undefined) => (s && s.median !== null ? `${s.median}` : '—');
  const lines: string[] = [];
  lines.push('# Backstory benchmark results', '');
  lines.push(
    `Generated by \`npm run bench\` on ${r.date.slice(0, 10)}: ${r.runs} runs per page and variant, variants in rotating order, after one warm-up pass; then ${r.runs} more loads of each page per build of Backstory with invalidation tracking (the attribution pass).`,
  );
  lines.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB, ${r.machine.platform}, Node ${r.machine.node}. Browser: ${r.chromium}, headless. Load average (1/5/15 min) before ${r.machine.loadBefore.join(' / ')}, after ${r.machine.loadAfter.join(' / ')}. Calibration (a fixed 30M-step loop in Node, median of 5): ${r.machine.calibrationMs} ms — compare it before comparing two RESULTS.md.`,
    '',
    "**What gates and what is reported.** Budgets (below) compare variants *within this run*: script time against the reader (GitHub pages) or the panel reader (thread pages), paired per run (the median over the runs of Backstory − (that variant × 1.1 + 2 ms): a run's loads are next to each other in time, so the machine's load drifts less between them), badges against the floor's own first rendering, style + layout that our own mutations caused (invalidation tracking), forced layouts from our code, long tasks, counts. Absolute times are reported for reading, and gate only where an issue set an absolute user-facing limit (the first page's panel, the panel on 2,000 links, popup keystrokes); they differ 2–5x between machines of the same kind.",
    '',
  );
  lines.push(
    'Figures are medians with the interquartile range in brackets. *Added* = Backstory − floor extension, paired per run. Script time is CDP `Performance.getMetrics` ScriptDuration of the page\'s renderer (all worlds, so it includes content scripts). Times "after DCL" are from DOMContentLoadedEventStart.',
    '',
  );
  lines.push(
    "*Reader* is a 7-line extension that only reads every link's href once (the page's markup serialised, one regex) and sends them to its background in one message: the least any extension that badges links must pay. *Panel reader* is the reader that also renders the panel its background answers on the seed thread's pages (a shadow-root host after the story: one line and the thread's 16 topics): the least any extension that shows a thread's panel must pay.",
    '',
  );
  lines.push(
    "Script times and the page-side timings come from loads that are not traced (a trace, its JS stacks above all, slows scripts down: ~2x on the unrelated page here); the floor's loads are traced (`devtools.timeline`) for its own rendering, and Backstory's builds are loaded again in an *attribution pass* traced with `devtools.timeline`, `disabled-by-default-devtools.timeline.stack` and `disabled-by-default-devtools.timeline.invalidationTracking`. *Style + layout* is the page's main frame's `UpdateLayoutTree` + `Layout` time (the browser's own UI pages, which render in the same trace, are left out); a forced one carries the JS stack that forced it, which is how *forced by us* is found. *Ours* is the part our own mutations caused: each style recalculation counts in the share of the invalidations since the previous one whose JS stack is Backstory's, each layout in the share of the recalculations that led to it (`tests/bench/trace.ts`). *First layout* is when the floor's page finished its own first style + layout after DOMContentLoaded.",
    '',
    "| page | script ms: none / floor / reader / panel reader / Backstory | added script ms | reader − floor ms | panel reader − floor ms | style + layout ms (totals): floor / Backstory | ours (attributed) ms | forced by us | added heap MB | long tasks > 50 ms after DCL (floor / Backstory) | floor's first layout after DCL ms | panel after DCL ms | all badges after DCL ms |",
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const p of r.pages) {
    const v = p.variants;
    lines.push(
      `| ${p.label} | ${['none', 'floor', 'reader', 'panelReader', 'backstory'].map((k) => med(v[k]?.scriptMs)).join(' / ')} | ${f(p.addedScriptMs)} | ${f(p.readerAddedScriptMs)} | ${f(p.panelReaderAddedScriptMs)} | ${round((v.floor!.styleMs!.median ?? 0) + (v.floor!.layoutMs!.median ?? 0))} / ${med(p.renderTotalsMs)} | ${f(p.attributedRenderMs)} | ${p.forcedByUs.length} | ${f(p.addedHeapMB)} | ${v.floor!.longTasksAfterDcl!.median} / ${v.backstory!.longTasksAfterDcl!.median} | ${f(v.floor!.firstLayoutAfterDclMs)} | ${p.panelAfterDclMs ? f(p.panelAfterDclMs) : '—'} | ${p.allBadgesAfterDclMs ? `${f(p.allBadgesAfterDclMs)} (${p.expected.badges} badges)` : '—'} |`,
    );
  }
  if (r.unrelatedColdProcess) {
    lines.push(
      '',
      `Each page above is measured warm: right after an unrecorded load of a plain page of the same site, as when browsing. The **first** GitHub page in a renderer process pays V8's compile of the content script; measured on the unrelated page right after an HN page, Backstory adds ${f(r.unrelatedColdProcess.addedScriptMs, ' ms')} there.`,
    );
  }
  if (r.baselineBuild) {
    lines.push(
      '',
      '## This build and the baseline, in the same run',
      '',
      `\`--baseline ${r.baselineBuild.dir}\`: another build of Backstory, measured in the same runs, in the same rotation. Its site scripts: ${r.baselineBuild.contentScripts.map((c) => `${c.file} ${(c.raw / 1000).toFixed(1)} kB`).join(', ')}; this build's: ${r.sizes.contentScripts.map((c) => `${c.file} ${(c.raw / 1000).toFixed(1)} kB`).join(', ')}.`,
      '',
      '| page | added script ms: baseline / this | ours (attributed) style + layout ms: baseline / this | forced: baseline / this | panel after DCL ms: baseline / this | all badges after DCL ms: baseline / this |',
      '|---|---|---|---|---|---|',
    );
    for (const p of r.pages) {
      const b = p.baseline!;
      lines.push(
        `| ${p.label} | ${f(b.addedScriptMs)} / ${f(p.addedScriptMs)} | ${f(b.attributedRenderMs)} / ${f(p.attributedRenderMs)} | ${b.forcedByUs.length} / ${p.forcedByUs.length} | ${f(b.panelAfterDclMs)} / ${f(p.panelAfterDclMs)} | ${f(b.allBadgesAfterDclMs)} / ${f(p.allBadgesAfterDclMs)} |`,
      );
    }
  }
  lines.push('', '## Service worker cold start', '');
  const c = r.serviceWorkerColdStart;
  lines.push(
    `Fresh browser per run; the worker's first answer is the panel of a repo only the DMCA index knows (ytdl-org/youtube-dl). Chromium starts the worker script ${f(c.evalMs, ' ms')} after the worker's time origin; from there, the DMCA index is open ${f(c.indexReadyMs, ' ms')} later (its manifest is bundled; shards are read with fetch when a question needs them), and the first answer is sent after ${f(c.firstAnswerAfterEvalMs, ' ms')} — ${f(c.firstAnswerHandleMs, ' ms')} after its message arrived (knowledge built, index searched, panel composed). Panel attached ${f(c.panelAfterDclColdMs, ' ms')} after DOMContentLoaded on that first page.`,
    '',
  );
  if (r.popupSearch)
    lines.push(
      '## Popup search',
      '',
      `The toolbar popup's search, typed a character at a time ("llama dl", "shawwn/llama-dl", "github.com/ytdl-org/youtube-dl"): each keystroke answered in ${f(r.popupSearch.keystrokeMs, ' ms')}, slowest ${r.popupSearch.keystrokeMs.max} ms; the first query of a popup (the index opened by a worker that has it) ${r.popupSearch.firstMs} ms.`,
      '',
    );
  lines.push('## Sizes', '', '| file | raw | gzip |', '|---|---|---|');
  for (const cs of r.sizes.contentScripts)
    lines.push(`| ${cs.file} | ${(cs.raw / 1000).toFixed(1)} kB | ${(cs.gzip / 1000).toFixed(1)} kB |`);
  if (r.sizes.ui)
    lines.push(
      `| ui.js (the panel's code: declared for the pages the bundled dataset gives a panel, injected elsewhere only where a panel shows) | ${(r.sizes.ui.raw / 1000).toFixed(1)} kB | ${(r.sizes.ui.gzip / 1000).toFixed(1)} kB |`,
    );
  if (r.sizes.outline)
    lines.push(
      `| outline.js (the HN thread outline, on the dataset's thread pages only) | ${(r.sizes.outline.raw / 1000).toFixed(1)} kB | ${(r.sizes.outline.gzip / 1000).toFixed(1)} kB |`,
    );
  if (r.sizes.background)
    lines.push(`| background.js | ${(r.sizes.background.raw / 1000).toFixed(1)} kB | ${(r.sizes.background.gzip / 1000).toFixed(1)} kB |`);
  lines.push(
    `| whole build (${r.sizes.files} files) | ${(r.sizes.total.raw / 1000).toFixed(1)} kB | ${(r.sizes.total.gzip / 1000).toFixed(1)} kB |`,
    '',
  );
  lines.push('## Budgets', '', '| budget | limit | measured | |', '|---|---|---|---|');
  for (const b of r.budgets) lines.push(`| ${b.name} | ${b.limit} | ${b.actual} | ${b.ok ? 'met' : '**missed**'} |`);
  lines.push('');
  return lines.join('\n');
}

// `--render`: budgets and RESULTS.md again from the last results.json (after changing a budget, not a measurement).
(args.includes('--render')
  ? Promise.resolve(report(JSON.parse(readFileSync(join(HERE, 'results.json'), 'utf8')) as Results))
  : main()
).catch((e) => {
  console.error(e);
  process.exit(1);
});
