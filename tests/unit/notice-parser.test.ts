import { describe, expect, test } from 'vitest';
import { extractRepos, parseLooseDate, parseNotice, parseNoticePath } from '@/utils/notice-parser';

// Small notices written for these tests in the formats the corpus uses (not copies of real notices).
const LETTER = `Note: Because the reported network that contained the allegedly infringing content was larger than one hundred (100) repositories, and the submitter alleged that all or most of the forks were infringing to the same extent as the parent repository, GitHub processed the takedown notice against the entire network of 1,204 repositories, inclusive of the parent repository.

--

VIA EMAIL: Notice of Claimed Infringement via Email
URL: http://www.github.com
DATE: 07/04/2024

Dear github.com,

We are writing this letter on behalf of Example Corp.

2. Infringing material or activity found at the following location(s):

http://github.com/alice/weights-dl
https://github.com/bob/weights-dl/tree/main/scripts.
<https://www.github.com/Carol/Weights-DL.git>

Sincerely,
[private]
Agency Online LLC
[private]

On behalf of:
Example Corp.
[private]
`;

const FORM = `**Are you the copyright holder or authorized to act on the copyright owner's behalf?**

Yes, I am authorized to act on the copyright owner's behalf.

**Please describe the nature of your copyright ownership or authorization to act on the owner's behalf.**

I am an employee representing my company, Widget Works Inc. See ticket [private].

**Please provide a detailed description of the original copyrighted work that has allegedly been infringed.**

Internal code. More at https://docs.github.com/articles/dmca-takedown-policy and [the fork docs](https://github.com/contact).

**The following URL(s) are infringing:**

https://github.com/dave/leak
[https://github.com/erin/leak](https://github.com/erin/leak)
https://github.com/frank/leak/blob/main/a.py
https://github.com/github/dmca
https://gist.github.com/someone/abc123
`;

const COUNTER = `**What files were taken down? Please provide URLs for each file, or if the entire repository, the repository's URL.**

The repository at [http://github.com/alice/weights-dl](https://github.com/alice/weights-dl) was taken down due to GitHub's receipt of the DMCA notice posted at https://github.com/github/dmca/blob/master/2024/07/2024-07-05-example.md.

**Do you want to make changes to your repository or do you want to dispute the notice?**

Dispute the notice.

I am submitting this counter-notification on behalf of Alice Labs, the owner of the code.
`;

const OLD = `Dear GitHub,<br>
The following repositories distribute my patch without permission:<br>
<https://github.com/gina/rtmp-tool><br>
<https://github.com/gina/rtmp-tool/commit/0123456789abcdef><br>
Regards,<br>
`;

describe('parseNotice', () => {
  test('letter with GitHub network note, dated text, agent and principal', () => {
    const n = parseNotice('2024/07/2024-07-05-example.md', LETTER);
    expect(n).toMatchObject({
      date: '2024-07-05',
      textDate: '2024-07-04',
      kind: 'notice',
      sender: 'Agency Online LLC',
      onBehalfOf: 'Example Corp.',
      networkSize: 1204,
      repos: ['alice/weights-dl', 'bob/weights-dl', 'carol/weights-dl'],
      refersTo: [],
    });
  });

  test('web-form notice: representing company, markdown links, GitHub paths and gists excluded', () => {
    const n = parseNotice('2025/01/2025-01-02-widget.md', FORM);
    expect(n.sender).toBe('Widget Works Inc.');
    expect(n.repos).toEqual(['dave/leak', 'erin/leak', 'frank/leak']);
    expect(n.networkSize).toBeNull();
    expect(n.textDate).toBeNull();
  });

  test('counter-notice names the notice it disputes and whom it is for', () => {
    const n = parseNotice('2024/08/2024-08-01-example-counternotice.md', COUNTER);
    expect(n.kind).toBe('counter-notice');
    expect(n.onBehalfOf).toBe('Alice Labs');
    expect(n.repos).toEqual(['alice/weights-dl']);
    expect(n.refersTo).toEqual(['2024/07/2024-07-05-example.md']);
  });

  test('2012 letter: .markdown, angle brackets, <br>, commit URLs', () => {
    const n = parseNotice('2012/2012-08-09-rtmp.markdown', OLD);
    expect(n.date).toBe('2012-08-09');
    expect(n.repos).toEqual(['gina/rtmp-tool']);
  });
});

test.each([
  ['2023/03/2023-03-21-meta.md', '2023-03-21', 'notice'],
  ['2023/04/2023-04-27-meta-counternotice.md', '2023-04-27', 'counter-notice'],
  ['2020/11/2020-11-16-RIAA-reversal.md', '2020-11-16', 'reversal'],
  ['2024/01/2024-01-08-metatrader-retraction.md', '2024-01-08', 'retraction'],
  ['2014/2014-05-01-Counter-Notice-foo.md', '2014-05-01', 'counter-notice'],
])('parseNoticePath(%s)', (path, date, kind) => expect(parseNoticePath(path)).toEqual({ date, kind }));

test.each([
  ['03/20/2023', '2023-03-20'],
  ['March 20, 2023', '2023-03-20'],
  ['20 March 2023', '2023-03-20'],
  ['2023-3-20', '2023-03-20'],
  ['Aug. 23rd, 2016', '2016-08-23'],
  ['13/45/2023', null],
  ['someday', null],
])('parseLooseDate(%s) → %s', (s, d) => expect(parseLooseDate(s)).toBe(d));

test('extractRepos ignores hosts that merely end in github.com and trailing punctuation', () => {
  expect(extractRepos('see notgithub.com/a/b, https://github.com/a/b). and github.com/a/b again; raw.githubusercontent.com/x/y')).toEqual(['a/b']);
});
