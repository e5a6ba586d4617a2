import { expect, test } from 'vitest';
import { answerFiler, type Linkable } from '@/utils/dmca/link';

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
