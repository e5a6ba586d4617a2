import { expect, test } from 'vitest';
import { answerFiler, linkAnswersOf, type Linkable } from '@/utils/dmca/link';

const takedown: Linkable = {
  path: '2016/2016-10-01-IBM.md',
  date: '2016-10-01',
  kind: 'takedown',
  fileParty: 'IBM',
  repos: [{ name: 'someone/lsf' }],
  refersTo: [],
  parties: ['Law Firm LLP', 'IBM Corporation'],
};
const byPath = new Map([[takedown.path, takedown]]);
const link = [{ path: takedown.path, inferred: false, line: 3 }];

test.each([
  // A counter-notice quoting the notice it disputes ("We represent IBM Corporation…") is not filed for IBM.
  ['IBM Corporation', null],
  ['IBM', null],
  ['Law Firm LLP', null],
  // Its own filer stays.
  ['OpenThing, a Series of LF Projects, LLC', 'OpenThing, a Series of LF Projects, LLC'],
])("an answer to IBM's notice, filer read as %s → %s", (value, want) => {
  expect(answerFiler('counter-notice', { value, line: 7 }, link, byPath)?.value ?? null).toBe(want);
});

test('a filer with no linked notice is kept', () => {
  expect(answerFiler('counter-notice', { value: 'IBM Corporation', line: 7 }, [], byPath)?.value).toBe('IBM Corporation');
});

test('a retraction is filed by the party it answers: its filer is kept', () => {
  expect(answerFiler('retraction', { value: 'IBM Corporation', line: 7 }, link, byPath)?.value).toBe('IBM Corporation');
});

test('a withdrawal named after a counter-notice ("…-Counter-Retraction") answers the counter-notice, not the takedown', () => {
  const at = (path: string, date: string, kind: Linkable['kind'], repos: string[] = ['owner/app']): Linkable => ({
    path,
    date,
    kind,
    fileParty: 'Grindr',
    repos: repos.map((name) => ({ name })),
    refersTo: [],
  });
  const takedown = at('2018/2018-09-24-Grindr.md', '2018-09-24', 'takedown');
  const counter = at('2018/2018-09-24-Grindr-Counternotice.md', '2018-09-24', 'counter-notice');
  const withdrawal = at('2018/2018-10-03-Grindr-Counter-Retraction.md', '2018-10-03', 'retraction', []);
  const typo = at('2018/2018-10-04-Grindr-counternnotice-retraction-2.md', '2018-10-04', 'retraction');
  const [, , a, b] = linkAnswersOf([takedown, counter, withdrawal, typo]);
  expect(a!.map((l) => l.path)).toEqual([counter.path]);
  expect(b!.map((l) => l.path)).toEqual([counter.path]);
});
