// @vitest-environment happy-dom
/** The Panel component, rendered with happy-dom from the engine's real answers. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import { Panel, type PanelState } from '@/components/panel/Panel';
import type { PanelData, RepoPanel } from '@/utils/core/model';
import { answerPartyLabel, FACT_LABEL, lineLink, partyWord } from '@/utils/core/words';
import { bundledDataset } from '@/utils/dataset/bundled';
import { createKnowledge } from '@/utils/knowledge/engine';
import { openDmcaIndexSync } from '@/utils/node/files';
import { userClick } from './dom/page';

const k = createKnowledge(bundledDataset, openDmcaIndexSync());
await k.prepare(['repo:shawwn/llama-dl']);
const data = k.panel('repo:shawwn/llama-dl') as RepoPanel;
let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

/**
 * A card's source list: each fact's label as shown, its link's name (its words, hidden ones included: the
 * label shown before it is hidden from screen readers, the link carries it) and its address.
 */
const sourcesOf = (card: Element) =>
  [...card.querySelectorAll('details.sources li')].map((li) => {
    const a = li.querySelector('a.src')!;
    const shown = li.querySelector('[aria-hidden="true"]')!;
    expect(shown.nextElementSibling).toBe(a);
    return [shown.textContent!.split(' — ')[0], a.textContent, a.getAttribute('href')];
  });

/** What a card reads, without its source list. */
const factsOf = (card: Element) =>
  [...card.childNodes]
    .filter((x) => !(x instanceof Element && x.matches('details.sources')))
    .map((x) => x.textContent)
    .join('');

function mount(d: PanelData, state: PanelState = 'open', onState = vi.fn()) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Panel data={d} state={state} theme="light" floating={false} onState={onState} />, root));
  return onState;
}

test('open: the status line, the DMCA card (with where it names this repo), the thread card, topics and timeline; each fact once', () => {
  mount(data);
  const text = root.textContent!;
  expect(root.querySelector('button.status')!.getAttribute('title')).toBe(
    'Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023 · counter-notice Apr 27, 2023 — hide the details',
  );
  expect(root.querySelector('.named-at')!.textContent).toBe('It names this repository; GitHub applied it to the whole fork network');
  expect(sourcesOf(root.querySelector('section.card.notice')!)).toContainEqual([
    'Names this repository',
    'Names this repository: line 20 of the notice, on github/dmca',
    'https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md#L20',
  ]);
  expect(text).toContain('OpSec Online LLC');
  expect(text).toContain('entire network of 403 repositories');
  expect(text).toContain('Tensorfork Labs');
  expect(text).toContain("Facebook is going after LLaMA repos with DMCA's");
  expect(text).toContain('320 points · 204 comments');
  expect(root.querySelectorAll('details.topic')).toHaveLength(data.threads[0]!.topics.length);
  expect(root.querySelectorAll('.timeline li').length).toBe(data.timeline.length);
  expect(root.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Backstory: context for shawwn/llama-dl');
  // Each fact once: the network of 403 is said by the card alone.
  expect(text.match(/403/g)).toHaveLength(1);
  // No raw tokens, backticks or internal ids anywhere a user reads.
  expect(text.match(/.{0,60}(?:`|\brepo:[a-z0-9]|\bnotice:\d|thread:hn:).{0,60}/)?.[0] ?? null).toBeNull();
});

test('the footer dates the notices the answer rests on: the bundle’s, or an update’s when the answer reads a downloaded notice', () => {
  expect(data.asOf).toBe('2026-08-21');
  mount(data);
  expect(root.querySelector('.foot')!.textContent).toBe('Notices as of Aug 21, 2026 · offline summary · no data leaves your browser');
  render(null, root);
  root.remove();
  mount({ ...data, asOf: '2026-09-05' });
  expect(root.querySelector('.foot')!.textContent).toMatch(/^Notices as of Sep 5, 2026 · /);
});

test('citations say something: a quote of the comment and its place in the thread', () => {
  mount(data);
  const cite = root.querySelector('.points a.cite')!;
  // Its place among the 203 comments recorded from the page, not HN's count of 204 (the card's figure).
  expect(cite.textContent).toMatch(/^“.{3,}…” #\d+ of 203$/);
  expect(cite.querySelector('.place')!.getAttribute('title')).toMatch(/^comment \d+ of the 203 recorded from the page$/);
});

test('a card reads its facts without line numbers; one Source list, closed, links each fact to its line (issue 24)', () => {
  mount(data);
  const card = root.querySelector('section.card.notice')!;
  expect(factsOf(card)).not.toMatch(/\bline \d+/);
  expect(factsOf(card)).toContain('Sent byOpSec Online LLCDated');
  const sources = card.querySelectorAll('details.sources');
  expect(sources).toHaveLength(1);
  expect((sources[0] as HTMLDetailsElement).open).toBe(false);
  // Its summary shows "Source", and tells a screen reader which card's it is (the card's kind and date).
  const summary = sources[0]!.querySelector('summary')!;
  expect(summary.textContent).toBe('Source of the DMCA takedown notice of Mar 21, 2023');
  expect(summary.querySelector('.sr')!.textContent).toBe(' of the DMCA takedown notice of Mar 21, 2023');
  const line = (n: number) => `https://github.com/github/dmca/blob/master/2023/03/2023-03-21-meta.md#L${n}`;
  const of = (label: string, n: number, doc = 'the notice') => `${label}: line ${n} of ${doc}, on github/dmca`;
  expect(sourcesOf(card)).toEqual([
    ['For', of('For', 45), line(45)], // Meta Platforms, Inc.
    ['Sent by', of('Sent by', 38), line(38)], // OpSec Online LLC
    ['Dated', of('Dated', 7), line(7)],
    ['Scope', of('Scope', 1), line(1)], // the network of 403
    ['Names this repository', of('Names this repository', 20), line(20)],
    [
      'Counter-notice of Apr 27, 2023: filed for',
      of('Counter-notice of Apr 27, 2023: filed for', 41, 'the counter-notice'),
      'https://github.com/github/dmca/blob/master/2023/04/2023-04-27-meta-counternotice.md#L41',
    ],
  ]);
  // What is shown is only the line; the label is outside the link, for the eye.
  expect([...card.querySelectorAll('details.sources a.src')].map((a) => a.childNodes[1]!.textContent)).toEqual([
    'line 45',
    'line 38',
    'line 7',
    'line 1',
    'line 20',
    'line 41',
  ]);
  for (const a of card.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/github\.com\//);
});

test('a card places the words of utils/core/words.ts: its facts’ labels, its answers’ parties, its source lines', () => {
  mount(data);
  const card = root.querySelector('section.card.notice')!;
  const counter = data.notices[0]!.card.answers[0]!;
  expect([...card.querySelectorAll('dt')].map((t) => t.textContent)).toEqual([
    FACT_LABEL.principal,
    FACT_LABEL.sender,
    FACT_LABEL.textDate,
    FACT_LABEL.scope,
  ]);
  expect(card.querySelector('.answer')!.textContent).toContain(` · ${partyWord('counter-notice')} Tensorfork Labs`);
  expect(sourcesOf(card).map((x) => x[0])).toEqual([
    FACT_LABEL.principal,
    FACT_LABEL.sender,
    FACT_LABEL.textDate,
    FACT_LABEL.scope,
    FACT_LABEL.namedAt,
    answerPartyLabel(counter),
  ]);
  const w = lineLink('45', { label: FACT_LABEL.principal });
  expect(card.querySelector('details.sources a.src')!.textContent).toBe(w.before + w.shown + w.after);
});

test('a counter-notice on its own page: each fact once — its summary and its party are said by its own card (issue 24)', async () => {
  const subject = 'notice:2023/04/2023-04-27-meta-counternotice.md';
  await k.prepare([subject]);
  mount(k.panel(subject)!);
  expect(root.querySelector('.body')!.textContent!.match(/Disputes the 2023-03-21 notice/g)).toHaveLength(1);
  const cards = [...root.querySelectorAll('section.card.notice')].map(factsOf).join('');
  expect(cards.match(/Tensorfork Labs/g)).toHaveLength(1);
  const [answered, self] = root.querySelectorAll('section.card.notice');
  // The notice it answers lists no answer that is this page: this page's own card follows.
  expect(answered!.querySelectorAll('.answer')).toHaveLength(0);
  expect(factsOf(self!)).toContain('Filed forTensorfork Labs');
  expect(sourcesOf(self!)).toEqual([
    [
      'Filed for',
      'Filed for: line 41 of the notice, on github/dmca',
      'https://github.com/github/dmca/blob/master/2023/04/2023-04-27-meta-counternotice.md#L41',
    ],
  ]);
  // Two cards, two source lists: a screen reader tells them apart by their summaries.
  expect([...root.querySelectorAll('details.sources > summary')].map((x) => x.textContent)).toEqual([
    'Source of the DMCA takedown notice of Mar 21, 2023',
    'Source of the counter-notice of Apr 27, 2023',
  ]);
});

test('the status line opens and closes the details (aria-expanded); dismiss calls back', () => {
  const onState = mount(data);
  const [status, dismiss] = root.querySelectorAll('.statusbar button');
  expect(status!.getAttribute('aria-expanded')).toBe('true');
  act(() => userClick(status!));
  expect(onState).toHaveBeenLastCalledWith('collapsed');
  act(() => userClick(dismiss!));
  expect(onState).toHaveBeenLastCalledWith('dismissed');
});

test('a page script’s click() on the status line or ✕ (untrusted) changes nothing (issue 23)', () => {
  const onState = mount(data);
  for (const b of root.querySelectorAll<HTMLButtonElement>('.statusbar button')) act(() => b.click());
  expect(onState).not.toHaveBeenCalled();
});

test.each([
  [
    'repo:shawwn/llama-dl',
    undefined,
    'disputed',
    'Disputed · Meta Platforms, via OpSec Online · Mar 21, 2023 · counter-notice Apr 27, 2023',
  ],
  [
    'repo:ytdl-org/youtube-dl',
    undefined,
    'ok',
    'Reinstated · Recording Industry Association of America · takedown of Oct 23, 2020 · reversed by GitHub Nov 16, 2020',
  ],
  [
    'repo:someone/llama-dl',
    'shawwn/llama-dl',
    'dmca',
    'Was disabled · Meta Platforms, via OpSec Online · Mar 21, 2023 · with its fork network (shawwn/llama-dl)',
  ],
  [
    'repo:facebookresearch/llama',
    undefined,
    'hn',
    "Discussed on Hacker News · “Facebook is going after LLaMA repos with DMCA's” · 320 points, 204 comments",
  ],
])('collapsed, %s is one status line coloured by its own record', async (subject, root2, tone, line) => {
  await k.prepare([subject, root2 ? `repo:${root2}` : undefined]);
  mount(k.panel(subject, root2)!, 'collapsed');
  expect(root.querySelector('.body')).toBeNull();
  const status = root.querySelector('button.status')!;
  expect(status.classList.contains(`tone-${tone}`)).toBe(true);
  expect(
    status
      .textContent!.replace(/^Backstory: /, '')
      .replace(/ ›$/, '')
      .replace(/›$/, '')
      .trim(),
  ).toBe(line);
});

test('a repo only the detector relates: "may be related", neutral, the story only as context', async () => {
  await k.prepareDetected();
  const p = k.detectedPanel('repo:someone/llama-2-7b-chat', ['its name contains “llama”'])!;
  mount(p, 'collapsed');
  const status = root.querySelector('button.status')!;
  expect(status.classList.contains('tone-neutral')).toBe(true);
  expect(status.textContent).toContain("May be related · to Meta's 2023 DMCA takedowns of LLaMA downloads · its name contains “llama”");
  render(null, root);
  mount(p, 'open');
  expect(root.querySelectorAll('section.card.notice:not(.context)')).toHaveLength(0);
  expect(root.querySelector('details.context')!.hasAttribute('open')).toBe(false);
});

test('dismissed renders nothing: what the user hid is not written into the page (issue 23)', () => {
  mount(data, 'dismissed');
  expect(root.textContent).toBe('');
});

test('hostile strings render as inert text and disallowed links are not rendered as links', () => {
  const link = (url: string) => ({ n: 0, id: null, quote: '<b>x</b>', url });
  const thread = data.threads[0]!;
  const evil: RepoPanel = {
    ...data,
    title: '<img src=x onerror=alert(1)>',
    note: '<script>alert(1)</script>\u202eevil',
    threads: [
      {
        ...thread,
        mentions: [
          link('javascript:alert(1)'),
          link('data:text/html,<b>x</b>'),
          link('https://evil.example/'),
          link('http://github.com/a/b'),
        ],
      },
    ],
  };
  mount(evil);
  expect(root.querySelector('img, script, b')).toBeNull();
  expect(root.textContent).toContain('<script>alert(1)</script>');
  for (const a of root.querySelectorAll('a')) {
    const u = new URL(a.getAttribute('href')!);
    expect(u.protocol).toBe('https:');
    expect(['github.com', 'news.ycombinator.com']).toContain(u.hostname);
    expect(a.getAttribute('rel')).toContain('noopener');
  }
  expect([...root.querySelectorAll('.mentions li')].map((li) => li.querySelector('a'))).toEqual([null, null, null, null]);
});

test('a repo discussed in two threads shows two thread cards (stories are data)', () => {
  const second = { ...data.threads[0]!, id: 900000001, title: 'A second thread', url: 'https://news.ycombinator.com/item?id=900000001' };
  mount({ ...data, threads: [data.threads[0]!, second] });
  expect([...root.querySelectorAll('section.card.thread h3')].map((h) => h.textContent)).toEqual([
    "Facebook is going after LLaMA repos with DMCA's",
    'A second thread',
  ]);
});

test.each([
  ['2020/10/2020-10-23-riaa.md', 'disputed', 'disputed'], // reversed for the parent repo only, then a fork's counter-notice
  ['2014/2014-07-15-notcake.md', 'dmca', null], // retracted for 2 of its 5 repos: still a takedown
  ['2014/2014-10-05-tildeslash.md', 'ok', 'restored'], // retracted for every repo it names
  ['2021/11/2021-11-10-paradox-interactive.md', 'dmca', null], // its only counter-notice GitHub reversed
])('notice page %s: its lead and its card take one colour, %s (issue 24)', async (path, tone, cls) => {
  await k.prepare([`notice:${path}`]);
  mount(k.panel(`notice:${path}`)!);
  expect(root.querySelector('button.status')!.className).toContain(`tone-${tone}`);
  const card = root.querySelector('section.card.notice.kind-takedown')!;
  expect(['restored', 'disputed'].filter((c) => card.classList.contains(c))).toEqual(cls ? [cls] : []);
});

test("a repo's card takes the colour its status line leads with", async () => {
  await k.prepare(['repo:shawwn/llama-dl']);
  mount(k.panel('repo:shawwn/llama-dl')!);
  expect(root.querySelector('button.status')!.className).toContain('tone-disputed');
  expect(root.querySelector('section.card.notice.kind-takedown')!.classList.contains('disputed')).toBe(true);
});
