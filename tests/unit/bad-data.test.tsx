// @vitest-environment happy-dom
/**
 * Bad data (issue #8): hostile strings in the dataset or the DMCA index render as inert text and
 * never as a link to a disallowed URL; malformed data fails validation naming file and field.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test } from 'vitest';
import { Panel } from '@/components/panel/Panel';
import { bundledDataset } from '@/utils/dataset/bundled';
import { validateDatasetTexts, formatProblems } from '@/utils/dataset/validate';
import { assertDmcaIndexValid, readDatasetTexts } from '@/utils/node/files';
import { buildIndex, readIndex, shardIndex } from '@/utils/dmca/index-build';
import { type BuildNotice } from '@/utils/dmca/index-format';
import { createKnowledge } from '@/utils/knowledge/engine';
import { openDmcaIndexSync } from '@/utils/node/files';
import type { PanelData } from '@/utils/core/model';
import type { Dataset } from '@/utils/dataset/schema';

const PAYLOADS = [
  '<script>window.__x=1</script>',
  '<img src=x onerror="window.__x=2">',
  'javascript:alert(1)',
  '\u202egnp.exe',
  '"><svg onload=alert(1)>',
];

let root: HTMLElement;
afterEach(() => {
  if (root) {
    render(null, root);
    root.remove();
  }
});

function renderPanel(d: PanelData) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Panel data={d} state="open" theme="light" floating={false} onState={() => undefined} />, root));
  // Open every <details> so collapsed parts render too.
  for (const el of root.querySelectorAll('details')) el.setAttribute('open', '');
  return root;
}

function expectInert(el: HTMLElement) {
  expect(el.querySelector('script, img, svg, iframe, object, embed')).toBeNull();
  for (const a of el.querySelectorAll('a')) {
    const u = new URL(a.getAttribute('href')!);
    expect(u.protocol).toBe('https:');
    expect(['github.com', 'news.ycombinator.com']).toContain(u.hostname);
  }
  for (const e of el.querySelectorAll('*')) for (const attr of e.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
}

describe('hostile strings in the bundled dataset', () => {
  const evil: Dataset = structuredClone(bundledDataset);
  const story = evil.stories.find((s) => s.id === 'llama-dmca-2023')!;
  const thread = evil.threads[0]!;
  thread.title = PAYLOADS[0]!;
  thread.topics[0]!.summary = PAYLOADS[1]!;
  thread.topics[0]!.points[0]!.text = PAYLOADS[4]!;
  thread.comments[0]!.anchor = PAYLOADS[1]!;
  story.repos[0]!.note = PAYLOADS.join(' ');
  story.timeline[0]!.source = { label: PAYLOADS[0]!, url: 'javascript:alert(1)', inBundle: false };
  story.timeline[1]!.source = { label: 'elsewhere', url: 'https://evil.example/steal', inBundle: false };
  story.notices[0]!.note = PAYLOADS[1]!;

  test('validation rejects them where they are not allowed, naming file and field', () => {
    const texts = readDatasetTexts();
    const bad = {
      ...texts,
      'stories/llama-dmca-2023/timeline.json': JSON.stringify(story.timeline, null, 2) + '\n',
      'threads/35287733/thread.json':
        JSON.stringify({ ...JSON.parse(texts['threads/35287733/thread.json']!), title: 'x\u202ey' }, null, 2) + '\n',
    };
    const { dataset, problems } = validateDatasetTexts(bad);
    expect(dataset).toBeUndefined();
    const msg = formatProblems(problems);
    expect(msg).toMatch(/timeline\.json.*\[0\]\.source\.url/);
    expect(msg).toMatch(/thread\.json.*title/);
  });

  test('even unvalidated, every panel renders them as text and links only to allowed https hosts', async () => {
    const k = createKnowledge(evil, openDmcaIndexSync());
    const subjects = ['repo:shawwn/llama-dl', 'repo:facebookresearch/llama', 'notice:2023/03/2023-03-21-meta.md', 'thread:hn:35287733'];
    await k.prepare(subjects);
    for (const subject of subjects) {
      const p = k.panel(subject)!;
      expect(p, subject).toBeTruthy();
      const el = renderPanel(p);
      expectInert(el);
      render(null, root);
      root.remove();
    }
    const el = renderPanel(k.panel('repo:shawwn/llama-dl')!);
    expect(el.textContent).toContain('<img src=x onerror="window.__x=2">');
    expect((window as unknown as { __x?: number }).__x).toBeUndefined();
  });
});

describe('hostile strings in the DMCA index', () => {
  const notice = (over: Partial<BuildNotice>): BuildNotice => ({
    path: '2024/01/2024-01-02-evil.md',
    date: '2024-01-02',
    textDate: null,
    kind: 'takedown',
    sender: { value: PAYLOADS[1]!, line: 3 },
    principal: { value: `${PAYLOADS[3]}\t${PAYLOADS[0]}\n`, line: 4 },
    filer: null,
    fileParty: PAYLOADS[4]!,
    network: null,
    gists: 0,
    scope: 'named',
    changesOffered: null,
    asks: null,
    repos: [{ name: 'evil/repo', line: 5 }],
    originals: [],
    refersTo: [],
    ...over,
  });

  test('fields lose tabs, newlines, control and bidi characters; the rest renders inert', async () => {
    const built = buildIndex([notice({})]);
    const idx = await readIndex(built.notices, built.repos);
    const n = idx.findNotice('2024/01/2024-01-02-evil.md')!;
    expect(n.principal?.value).not.toMatch(/[\t\n\u202e]/);
    const k = createKnowledge(bundledDataset, idx);
    expectInert(renderPanel(k.panel('repo:evil/repo')!));
    render(null, root);
    root.remove();
    const el = renderPanel(k.panel('notice:2024/01/2024-01-02-evil.md')!);
    expectInert(el);
    expect(el.textContent).toContain('<img src=x onerror="window.__x=2">');
  });

  test('a broken shard fails the build naming the shard file, line and field', () => {
    // A small index in the shipped format (the shipped one passes the same check in dmca-index.test.ts).
    const dir = mkdtempSync(join(tmpdir(), 'backstory-dmca-'));
    const many = Array.from({ length: 60 }, (_, i) =>
      notice({
        path: `2024/01/2024-01-${String(i).padStart(2, '0')}-n${i}.md`,
        sender: null,
        principal: null,
        fileParty: `P${i}`,
        repos: [{ name: `o${i}/r${i}`, line: 1 }],
      }),
    );
    const { manifest, files } = shardIndex(buildIndex(many), { notices: 8, repos: 8 });
    for (const [f, text] of [['manifest.json', manifest] as [string, string], ...files]) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    expect(() => assertDmcaIndexValid(dir)).not.toThrow();
    const shard = join(dir, 'n/3.tsv');
    const lines = readFileSync(shard, 'utf8').split('\n');
    const f = lines[4]!.split('\t');
    f[3] = 'x';
    f[8] = '1:-5';
    lines[4] = f.join('\t');
    writeFileSync(shard, lines.join('\n'));
    expect(() => assertDmcaIndexValid(dir)).toThrow(/public\/dmca\/n\/3\.tsv:5 kind: unknown kind code "x"/);
    expect(() => assertDmcaIndexValid(dir)).toThrow(/n\/3\.tsv:5 network: not <line>:<positive integer>: 1:-5/);
    writeFileSync(shard, lines.slice(0, 2).join('\n') + '\n');
    expect(() => assertDmcaIndexValid(dir)).toThrow(/manifest\.json/);
    writeFileSync(join(dir, 'manifest.json'), '{"version": ');
    expect(() => assertDmcaIndexValid(dir)).toThrow(/manifest\.json is not valid JSON/);
  });
});
