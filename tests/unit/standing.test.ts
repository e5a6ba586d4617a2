/**
 * A notice's standing (utils/knowledge/standing.ts): one rule for a notice page's lead and card, a link's
 * badge to the notice, a repo panel's card and the repo's outcome. Real notices, read from the bundled index.
 */
import { describe, expect, test } from 'vitest';
import type { NoticePanel, NoticeStanding, RepoPanel } from '@/utils/core/model';
import { badgeHint, badgeTone, standingTone, statusOf } from '@/utils/core/words';
import { bundledDataset } from '@/utils/dataset/bundled';
import type { IndexNotice } from '@/utils/dmca/index-format';
import { createKnowledge } from '@/utils/knowledge/engine';
import { answered } from '@/utils/knowledge/standing';
import { openDmcaIndexSync } from '@/utils/node/files';

const k = createKnowledge(bundledDataset, openDmcaIndexSync());

const file = (r: { path: string } | null | undefined) => r?.path.split('/').pop() ?? null;

async function noticePage(path: string): Promise<NoticePanel> {
  await k.prepare([`notice:${path.toLowerCase()}`]);
  return k.panel(`notice:${path.toLowerCase()}`) as NoticePanel;
}

interface Row {
  why: string;
  path: string;
  state: NoticeStanding['state'];
  /** The file the state rests on. */
  by: string | null;
  /** A reversal or retraction of only some repos: its file and how many it covers. */
  partly: [string, number] | null;
  /** The fragment of the notice page's lead that says it (null: none). */
  lead: string | null;
  tone: 'dmca' | 'disputed' | 'ok';
}

const ROWS: Row[] = [
  {
    why: 'nothing answered it',
    path: '2014/2014-02-07-Ninja-Courses.md',
    state: 'standing',
    by: null,
    partly: null,
    lead: null,
    tone: 'dmca',
  },
  {
    why: 'a counter-notice disputes it',
    path: '2023/03/2023-03-21-meta.md',
    state: 'disputed',
    by: '2023-04-27-meta-counternotice.md',
    partly: null,
    lead: 'disputed by a counter-notice · Apr 27, 2023',
    tone: 'disputed',
  },
  {
    why: 'a reversal naming no repo is of the whole notice',
    path: '2016/2016-02-04-Wahoo.md',
    state: 'reversed',
    by: '2016-03-02-wahoo-reversal.md',
    partly: null,
    lead: 'reversed by GitHub · Mar 2, 2016',
    tone: 'ok',
  },
  {
    why: 'a retraction naming no repo is of the whole notice',
    path: '2014/2014-07-02-Qualcomm.md',
    state: 'retracted',
    by: '2014-07-08-Qualcomm-retraction.md',
    partly: null,
    lead: 'retracted · Jul 8, 2014',
    tone: 'ok',
  },
  {
    why: 'a retraction naming every repo it names outweighs a counter-notice',
    path: '2014/2014-10-05-tildeslash.md',
    state: 'retracted',
    by: '2014-10-06-tildeslash-retraction.md',
    partly: null,
    lead: 'retracted · Oct 6, 2014',
    tone: 'ok',
  },
  {
    why: 'a retraction of 2 of its 5 repos leaves it standing',
    path: '2014/2014-07-15-notcake.md',
    state: 'standing',
    by: null,
    partly: ['2014-07-17-notcake-retraction.md', 2],
    lead: 'retracted for 2 of them · Jul 17, 2014',
    tone: 'dmca',
  },
  {
    why: 'a retraction of all "except <repo> and the 96 fork URLs individually listed in the original notice" covers none of the 97 it lists',
    path: '2026/03/2026-03-31-anthropic.md',
    state: 'standing',
    by: null,
    partly: null,
    lead: null,
    tone: 'dmca',
  },
  {
    why: 'its sender’s partial retraction that also cites the counter-notice withdraws nothing: disputed, retracted for 1',
    path: '2018/2018-05-24-Lazada.md',
    state: 'disputed',
    by: '2018-05-31-Lazada-CounterNotice.md',
    partly: ['2018-06-07-Lazada-Retraction.md', 1],
    lead: 'disputed by a counter-notice · May 31, 2018',
    tone: 'disputed',
  },
  {
    why: 'two retractions of one repo each: standing, retracted for the 2 of them together',
    path: '2025/01/2025-01-17-hex-rays.md',
    state: 'standing',
    by: null,
    partly: ['2025-05-28-hex-rays-retraction.md', 2],
    lead: 'retracted for 2 of them · May 28, 2025',
    tone: 'dmca',
  },
  {
    why: "GitHub's reversal for the parent repo only, then a fork's counter-notice: disputed",
    path: '2020/10/2020-10-23-RIAA.md',
    state: 'disputed',
    by: '2021-04-13-RIAA-counternotice.md',
    partly: ['2020-11-16-RIAA-reversal.md', 1],
    lead: 'disputed by a counter-notice · Apr 13, 2021',
    tone: 'disputed',
  },
  {
    why: 'a counter-notice GitHub rejected (reversed) disputes nothing',
    path: '2021/11/2021-11-10-paradox-interactive.md',
    state: 'standing',
    by: null,
    partly: null,
    lead: null,
    tone: 'dmca',
  },
  {
    why: 'a counter-notice its filer withdrew (retracted) disputes nothing',
    path: '2025/04/2025-04-08-license-lounge.md',
    state: 'standing',
    by: null,
    partly: null,
    lead: null,
    tone: 'dmca',
  },
];

describe('a notice as a whole: its page, its card and links to it say one standing', () => {
  test.each(ROWS.map((r) => [r.why, r] as const))('%s', async (_, r) => {
    const p = await noticePage(r.path);
    const s = p.notice.standing!;
    expect({ state: s.state, by: file(s.by), partly: s.partly && [file(s.partly), s.partly.repos] }).toEqual({
      state: r.state,
      by: r.by,
      partly: r.partly,
    });
    // The page's lead: its colour, and the fragment that says what answered it.
    const lead = statusOf(p);
    expect(lead.tone).toBe(r.tone);
    const said = lead.parts.filter((x) => /reversed|retracted|disputed/.test(x));
    expect(said).toEqual(r.lead ? [r.lead] : []);
    // The card's colour comes from the same standing (the component maps it to a class).
    expect(standingTone(s) ?? 'dmca').toBe(r.tone);
    // A link to it: the same colour, the same words.
    const badge = k.badge(`notice:${r.path.toLowerCase()}`)!;
    expect(badgeTone(badge.facts)).toBe(r.tone);
    const hint = badgeHint(badge.facts);
    if (r.lead) expect(hint).toContain(r.lead.replace(' · ', ' on '));
    else expect(hint).not.toMatch(/reversed|retracted|disputed/);
  });
});

describe("a repo's card: the notice's standing for that repo, as the repo's outcome says", () => {
  test.each([
    ['capster/gpad', '2014/2014-07-15-notcake.md', 'retracted', 'reinstated'],
    ['notcake/glib', '2014/2014-07-15-notcake.md', 'standing', 'disabled'],
    ['ytdl-org/youtube-dl', '2020/10/2020-10-23-RIAA.md', 'reversed', 'reinstated'],
    // Not named by the notice (a fork, and the notice was not processed against the network): named in its counter-notice only.
    ['spookyahell/youtube-dl', '2020/10/2020-10-23-RIAA.md', 'disputed', 'none'],
    ['kfit-dev/lazop-api-client', '2018/2018-05-24-Lazada.md', 'retracted', 'reinstated'],
    ['shawwn/llama-dl', '2023/03/2023-03-21-meta.md', 'disputed', 'disputed'],
  ] as const)('%s in %s: %s (outcome %s)', async (repo, path, state, outcome) => {
    await k.prepare([`repo:${repo}`]);
    const p = k.panel(`repo:${repo}`) as RepoPanel;
    const card = p.notices.find((n) => n.card.path === path)!.card;
    expect(card.standing!.state).toBe(state);
    expect(p.outcome.state).toBe(outcome);
  });
});

test('kinds that are not takedowns have no standing', async () => {
  const p = await noticePage('2023/04/2023-04-27-meta-counternotice.md');
  expect(p.notice.standing).toBeNull();
  expect(standingTone(null)).toBeNull();
});

describe('counter-noticed (../shared/CONTRACT.md): only a counter-notice that disputes', () => {
  test.each([
    ['notice:2023/03/2023-03-21-meta.md', true],
    ['notice:2014/2014-10-05-tildeslash.md', true], // retracted since, but its counter-notice stands
    ['notice:2021/11/2021-11-10-paradox-interactive.md', false], // GitHub reversed its counter-notice
    ['notice:2025/04/2025-04-08-license-lounge.md', false], // its filer retracted its counter-notice
    ['notice:2018/2018-05-24-lazada.md', true], // Lazada's own partial retraction cites the counter-notice: it withdraws nothing
    ['repo:shawwn/llama-dl', true],
    ['repo:jiwer/mastoidhook', false],
    ['repo:pchandra/lab-director', false],
  ])('%s: %s', async (subject, countered) => {
    await k.prepare([subject]);
    expect(k.panel(subject)!.relations.includes('counter-noticed')).toBe(countered);
    expect(k.badge(subject)!.relations.includes('counter-noticed')).toBe(countered);
  });
});

/**
 * The edges the record has few or no examples of, on notices of our own: one takedown (`T`, of Example Corp)
 * naming three repos (lines 1–3), a counter-notice (`C`) for repo 1, and the answers of each row.
 */
describe('edges, on notices of our own', () => {
  type Spec = Partial<IndexNotice> & Pick<IndexNotice, 'path' | 'kind' | 'date'>;
  const repos = (...lines: number[]) => lines.map((line) => ({ line, original: false, files: false, at: null }));
  const notice = (index: number, spec: Spec): IndexNotice => ({
    textDate: null,
    sender: null,
    principal: null,
    filer: null,
    fileParty: '',
    network: null,
    gists: 0,
    scope: 'named',
    changesOffered: null,
    asks: null,
    index,
    refersTo: [],
    answeredBy: [],
    repoLines: [],
    ...spec,
  });
  const T: Spec = {
    path: '2030/01/2030-01-02-example-corp.md',
    kind: 'takedown',
    date: '2030-01-02',
    principal: { value: 'Example Corp', line: 3 },
    fileParty: 'example-corp',
    repoLines: repos(1, 2, 3),
  };
  const C: Spec = {
    path: '2030/01/2030-01-20-example-corp-counternotice.md',
    kind: 'counter-notice',
    date: '2030-01-20',
    repoLines: repos(1),
  };
  /** The takedown, as a whole, with these notices after it: `answers` lists the indexes (0 is T, 1 is C) each answers. */
  function standing(list: { spec: Spec; answers: number[] }[]) {
    const all = [T, ...list.map((x) => x.spec)].map((spec, i) => notice(i, spec));
    list.forEach((x, k) => {
      const me = all[k + 1]!;
      me.refersTo = x.answers.map((index) => ({ index, inferred: false, line: null }));
      for (const i of x.answers) all[i]!.answeredBy.push(me.index);
    });
    const byIndex = (i: number) => all[i] ?? null;
    const a = answered({ byIndex, answersTo: (n) => n.answeredBy.map((i) => all[i]!) }, all[0]!);
    const file = (n: IndexNotice | null) => n?.path.split('/').pop() ?? null;
    return { state: a.state, by: file(a.by), partly: a.partly && [file(a.partly.by), a.partly.repos] };
  }
  const retraction = (file: string, date: string, spec: Partial<Spec> = {}): Spec => ({
    path: `2030/02/${date}-${file}.md`,
    kind: 'retraction',
    date,
    ...spec,
  });

  const rows: { why: string; answers: { spec: Spec; answers: number[] }[]; want: ReturnType<typeof standing> }[] = [
    {
      why: 'two partial retractions that cover every repo between them: retracted, by the later',
      answers: [
        { spec: retraction('example-corp-retraction', '2030-02-01', { repoLines: repos(1) }), answers: [0] },
        { spec: retraction('example-corp-retraction-2', '2030-02-10', { repoLines: repos(2, 3) }), answers: [0] },
      ],
      want: { state: 'retracted', by: '2030-02-10-example-corp-retraction-2.md', partly: null },
    },
    {
      why: 'a retraction of one repo and one of "all but" that repo: retracted',
      answers: [
        { spec: retraction('example-corp-retraction', '2030-02-01', { repoLines: repos(1) }), answers: [0] },
        { spec: retraction('example-corp-retraction-2', '2030-02-10', { repoLines: repos(1), scope: 'except' }), answers: [0] },
      ],
      want: { state: 'retracted', by: '2030-02-10-example-corp-retraction-2.md', partly: null },
    },
    {
      why: 'partial retractions that leave a repo: standing, retracted for the repos they cover together, each once',
      answers: [
        { spec: retraction('example-corp-retraction', '2030-02-01', { repoLines: repos(1, 2) }), answers: [0] },
        { spec: retraction('example-corp-retraction-2', '2030-02-10', { repoLines: repos(2) }), answers: [0] },
      ],
      want: { state: 'standing', by: null, partly: ['2030-02-10-example-corp-retraction-2.md', 2] },
    },
    {
      why: 'the sender’s retraction citing the takedown and the counter-notice, filed for the sender: the counter-notice still disputes',
      answers: [
        { spec: C, answers: [0] },
        {
          spec: retraction('example-corp-retraction', '2030-02-01', { repoLines: repos(1), filer: { value: 'Example Corp Ltd', line: 9 } }),
          answers: [0, 1],
        },
      ],
      want: { state: 'disputed', by: '2030-01-20-example-corp-counternotice.md', partly: ['2030-02-01-example-corp-retraction.md', 1] },
    },
    {
      why: 'a retraction of the counter-notice filed by someone other than the takedown’s party withdraws it, whatever its name',
      answers: [
        { spec: C, answers: [0] },
        { spec: retraction('example-corp-retraction', '2030-02-01', { filer: { value: 'Jane Roe', line: 9 } }), answers: [1] },
      ],
      want: { state: 'standing', by: null, partly: null },
    },
    {
      why: 'a retraction named after the counter-notice withdraws it',
      answers: [
        { spec: C, answers: [0] },
        { spec: retraction('example-corp-counternotice-retraction', '2030-02-01'), answers: [1] },
      ],
      want: { state: 'standing', by: null, partly: null },
    },
    {
      why: 'GitHub’s reversal named after the counter-notice rejects it',
      answers: [
        { spec: C, answers: [0] },
        { spec: { path: '2030/02/2030-02-01-example-corp-counternotice-reversal.md', kind: 'reversal', date: '2030-02-01' }, answers: [1] },
      ],
      want: { state: 'standing', by: null, partly: null },
    },
    {
      why: 'GitHub’s reversal of the takedown for one repo, citing the counter-notice, does not reject the counter-notice',
      answers: [
        { spec: C, answers: [0] },
        {
          spec: { path: '2030/02/2030-02-01-example-corp-reversal.md', kind: 'reversal', date: '2030-02-01', repoLines: repos(1) },
          answers: [0, 1],
        },
      ],
      want: { state: 'disputed', by: '2030-01-20-example-corp-counternotice.md', partly: ['2030-02-01-example-corp-reversal.md', 1] },
    },
  ];
  test.each(rows.map((r) => [r.why, r] as const))('%s', (_, r) => {
    expect(standing(r.answers)).toEqual(r.want);
  });
});
