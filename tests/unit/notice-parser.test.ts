import { describe, expect, test } from 'vitest';
import { extractRepos, parseLooseDate, parseNotice, parseNoticePath, type ParsedNotice } from '@/utils/dmca/parser';

/** The repos a notice names, without the lines (most tests are about which, not where). */
const names = (n: ParsedNotice) => n.repos.map((r) => r.name);

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
      // Every fact with the line it was read from.
      textDate: { value: '2024-07-04', line: 7 },
      kind: 'takedown',
      sender: { value: 'Agency Online LLC', line: 21 },
      principal: { value: 'Example Corp.', line: 25 },
      filer: null,
      network: { value: 1204, line: 1 },
      repos: [
        { name: 'alice/weights-dl', line: 15 },
        { name: 'bob/weights-dl', line: 16 },
        { name: 'carol/weights-dl', line: 17 },
      ],
      refersTo: [],
    });
  });

  test('web-form notice: representing company, markdown links, GitHub paths and gists excluded', () => {
    const n = parseNotice('2025/01/2025-01-02-widget.md', FORM);
    expect(n.sender).toEqual({ value: 'Widget Works Inc.', line: 7 });
    expect(names(n)).toEqual(['dave/leak', 'erin/leak', 'frank/leak']);
    expect(n.network).toBeNull();
    expect(n.textDate).toBeNull();
  });

  test('counter-notice names the notice it disputes and whom it is for', () => {
    const n = parseNotice('2024/08/2024-08-01-example-counternotice.md', COUNTER);
    expect(n.kind).toBe('counter-notice');
    // An answer's party is whom it was filed for; never the party it answers.
    expect(n.filer).toEqual({ value: 'Alice Labs', line: 9 });
    expect(n.sender).toBeNull();
    expect(n.principal).toBeNull();
    expect(names(n)).toEqual(['alice/weights-dl']);
    expect(n.refersTo).toEqual([{ path: '2024/07/2024-07-05-example.md', line: 3 }]);
  });

  test('2012 letter: .markdown, angle brackets, <br>, commit URLs', () => {
    const n = parseNotice('2012/2012-08-09-rtmp.markdown', OLD);
    expect(n.date).toBe('2012-08-09');
    expect(names(n)).toEqual(['gina/rtmp-tool']);
  });
});

test.each([
  ['2023/03/2023-03-21-meta.md', '2023-03-21', 'takedown'],
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
  expect(extractRepos('see notgithub.com/a/b, https://github.com/a/b). and github.com/a/b again; raw.githubusercontent.com/x/y')).toEqual([
    { name: 'a/b', line: 1 },
  ]);
});

// ---- formats added for the whole corpus (issue #7): written for these tests, not copied ----

const FORM_WITH_ORIGINAL = `**Please provide a detailed description of the original copyrighted work that has allegedly been infringed. If possible, include a URL to where it is posted online.**

My own project, first published at https://github.com/hana/tachograph and https://github.com/hana/shared-lib

**What files should be taken down? Please provide URLs for each file, or if the entire repository, the repository's URL:**

1.Please take down entire repository: https://github.com/copier/tachograph
2.https://github.com/copier2/tachograph
3.A copy of https://github.com/hana/shared-lib is also in https://github.com/copier/shared-lib

**Have you searched for any forks of the allegedly infringing files or repositories?**

Yes, https://github.com/copier3/tachograph
`;

const REVERSAL = `GitHub has reversed the takedown notice previously processed and published at:

https://github.com/github/dmca/blob/master/2021/03/2021-03-04-label.md

Accordingly, GitHub has reinstated that repository: https://github.com/tool-org/downloader. Read our [DMCA Takedown Policy](https://docs.github.com/github/site-policy/dmca-takedown-policy) or [contact us](https://support.github.com/contact).
`;

const NETWORK_VARIANTS = [
  ['GitHub processed the takedown notice against the entire network of _2,310_ repositories, inclusive of the parent repository.', 2310],
  ['against the entire network of [87] repositories, inclusive of the parent', 87],
  ['against the entire network of 12repositories, inclusive of the parent repository', 12],
  ['against the entire network of 40 forks repositories, inclusive of the parent repository', 40],
  ['the entire network of affiliated industries comprises 40 authors', null],
] as const;

describe('whole-corpus formats', () => {
  test('form notice: repos under the "original work" question only are the original, not alleged copies', () => {
    const n = parseNotice('2017/2017-05-02-hana.md', FORM_WITH_ORIGINAL);
    expect(names(n)).toEqual([
      'hana/tachograph',
      'hana/shared-lib',
      'copier/tachograph',
      'copier2/tachograph',
      'copier/shared-lib',
      'copier3/tachograph',
    ]);
    // hana/shared-lib is also named in the take-down section, so it is not "only the original".
    expect(n.originals).toEqual(['hana/tachograph']);
    expect(n.fileParty).toBe('Hana');
  });

  test('a letter has no question sections, so no originals', () => {
    expect(parseNotice('2024/07/2024-07-05-example.md', LETTER).originals).toEqual([]);
  });

  test('reversal text: kind from the file name, the reversed notice from its link, the reinstated repo', () => {
    const n = parseNotice('2021/04/2021-04-01-label-reversal.md', REVERSAL);
    expect(n.kind).toBe('reversal');
    expect(n.refersTo).toEqual([{ path: '2021/03/2021-03-04-label.md', line: 3 }]);
    // GitHub's reversal is GitHub's.
    expect(n.filer?.value).toBe('GitHub');
    expect(names(n)).toEqual(['tool-org/downloader']);
    // Named as GitHub writes it in the file name (to link answers; never shown as a party).
    expect(n.fileParty).toBe('Label');
    expect(n.sender).toBeNull();
  });

  test('reversal text under a plain file name is still a reversal', () => {
    expect(parseNotice('2021/04/2021-04-01-label-2.md', REVERSAL).kind).toBe('reversal');
  });

  test.each(NETWORK_VARIANTS)('network note %s → %s', (text, n) =>
    expect(parseNotice('2022/01/2022-01-01-x.md', text).network?.value ?? null).toBe(n),
  );

  test('gists with and without a user; raw, docs and support hosts are not repos', () => {
    const text =
      'https://gist.github.com/Someone/0a1b2c3d4e5f and gist.github.com/9f8e7d6c5b4a, https://raw.github.com/x/y, https://support.github.com/contact, https://github.com/contact/foo, https://github.com/site/terms, https://github.com/settings/keys';
    const n = parseNotice('2019/01/2019-01-01-x.md', text);
    expect(n.gists).toEqual(['someone/0a1b2c3d4e5f', '9f8e7d6c5b4a']);
    expect(names(n)).toEqual([]);
  });

  test('repo URL spellings: www, angle brackets, .git, /tree and /blob suffixes, markdown links, trailing dots', () => {
    const text =
      '<https://www.github.com/A/B.git>, [link](https://github.com/c/d/tree/main/src), http://github.com/E/F/blob/x.md... github.com/g/h.';
    expect(names(parseNotice('2019/01/2019-01-01-x.md', text))).toEqual(['a/b', 'c/d', 'e/f', 'g/h']);
  });

  test('a date alone on an early line of a letter', () => {
    expect(parseNotice('2014/2014-02-03-x.md', 'Acme Corp\n\nJanuary 30, 2014\n\nDear GitHub,').textDate).toEqual({
      value: '2014-01-30',
      line: 3,
    });
    expect(parseNotice('2014/2014-02-03-x.md', '**Dated:** 31 January 2014\n').textDate).toEqual({ value: '2014-01-31', line: 1 });
    // A date inside running text is not the notice's date.
    expect(parseNotice('2014/2014-02-03-x.md', 'We first published it on January 30, 2014 under a license.').textDate).toBeNull();
  });
});

test.each([
  ['2020/09/2020-09-04-acanio-noticeoflegalaction.md', 'legal', 'Acanio'],
  ['2021/09/2021-09-29-take-two-legal-action/2021-09-29-take-two-legal-action.md', 'legal', 'Take Two'],
  ['2022/08/2022-08-12-green-valley-science-and-technology-court.md', 'legal', 'Green Valley Science And Technology'],
  ['2023/09/2023-09-20-chessaid-counternotice-reversal.md', 'reversal', 'Chessaid'],
  ['2017/2017-06-08-Borderless-Gaming-Retraction.md', 'retraction', 'Borderless Gaming'],
  ['2021/05/2021-05-12-nagravision-4. md', 'takedown', 'Nagravision'],
  ['2023/08/2023-08-11-amazon.com', 'takedown', 'Amazon.com'],
  ['2018/2018-10-09-ChongqingBcopOrderManage.md', 'takedown', 'ChongqingBcopOrderManage'],
  ['README.md', 'other', 'README'],
])('kind and party from the path %s', (path, kind, party) => {
  expect(parseNoticePath(path).kind).toBe(kind);
  expect(parseNotice(path, '').fileParty).toBe(party);
});

// Phrasings added for the fresh samples of issue #21 (each line written for this test, in the corpus's styles).
test.each([
  ['I am the authorized representative of Example Games Inc. and Example Games America Inc. ("Example").', 'Example Games Inc.', null],
  ['This is an official message from Guard Solutions, on behalf of our client Acme Studios, Inc.', 'Guard Solutions', 'Acme Studios, Inc.'],
  [
    'My name is [private] from iWatch security company in the United Kingdom. I am an authorized representative of Shopco.',
    'iWatch',
    'Shopco',
  ],
  [
    'Acme Computer Co., Ltd., the copyright holder, has authorized WATCH-CO U.A. to act against content infringing its rights on its behalf.',
    'WATCH-CO U.A.',
    'Acme Computer Co., Ltd.',
  ],
  ['We represent Example Entertainment America LLC in intellectual property matters.', null, 'Example Entertainment America LLC'],
  ["Yes, we are authorized to act on Example of America Inc.'s behalf.", null, 'Example of America Inc.'],
  [
    'We are from Guardly Incorporated, and we are submitting this request as an authorized representative of Motor Example Limited.',
    'Guardly Incorporated',
    'Motor Example Limited',
  ],
  ['I, [private], am employed by Parallax ( Parallax.com) as a [private].', 'Parallax', null],
  ["I'm an employee in Example Software Pvt ltd and authorised to act on the owner's behalf.", 'Example Software Pvt ltd', null],
  ['7. Signed - [private], Technical Director, Spoutly LLC', 'Spoutly LLC', null],
  ['I am writing here on behalf of Droplet (www.droplet.com) We have a private git repository.', null, 'Droplet'],
  ['Our law firm represents Sitewide USA, Inc. and Sitewide Corporation A/S ("Sitewide") in this matter.', null, 'Sitewide USA, Inc.'],
  ['On behalf of Example Shield Association as an agent for 1C-Example LLC', 'Example Shield Association', '1C-Example LLC'],
])('parties: %s', (text, sender, principal) => {
  const n = parseNotice('2024/01/2024-01-01-example.md', text);
  const got = [n.sender?.value ?? null, n.principal?.value ?? null];
  // A lone party's role (sender or principal) is not what these check.
  if (!sender || !principal) expect(got.filter(Boolean)).toEqual([sender ?? principal]);
  else expect(got).toEqual([sender, principal]);
});

test.each([
  ['Operational Security\n\nEE Limited', 'EE Limited'],
  ['Regards,\n\nAWS IT Security', 'AWS'],
  ['books written by Jason Brownlee and part of the Welcome catalogue', null],
  ['the exclusive owner of the rights of the Incredibox brand', null],
  ['To General Counsel on behalf of Hostco Inc.,\n\nHello', null],
])('not a party, or not all of it: %j', (text, want) => {
  const n = parseNotice('2024/01/2024-01-01-example.md', text);
  expect(n.sender?.value ?? n.principal?.value ?? null).toBe(want);
});

describe('original works (issue #21)', () => {
  const takedown = (body: string) => parseNotice('2024/01/2024-01-01-example.md', body);
  test('"stolen from" names the source, even under the take-down question', () => {
    const n = takedown(
      '**What files should be taken down? Please provide URLs.**\n\n1. https://github.com/copier/app (was stolen from https://github.com/author/app)\n',
    );
    expect(n.originals).toEqual(['author/app']);
    expect(names(n)).toContain('copier/app');
  });
  test('"<url> is a private repository" and ", private repository" are the complainant\'s own', () => {
    expect(
      takedown(
        'The repository at https://github.com/owner/tool is a private repository published without my consent, and public forks that are unauthorized should be taken down:\n\nhttps://github.com/fork/tool',
      ).originals,
    ).toEqual(['owner/tool']);
    expect(
      takedown('osu! source code (https://github.com/owner/game, private repository)\n\nhttps://github.com/copier/game').originals,
    ).toEqual(['owner/game']);
  });
  test('a URL alone under a lead-in that ends with a colon reads the lead-in', () => {
    const n = takedown(
      'My copyrighted work: a project originally\npublished here but removed by myself:\n\nhttps://github.com/me/player\n\nThe whole project was forked here @ https://github.com/other/player, please remove it.',
    );
    expect(n.originals).toEqual(['me/player']);
  });
  test('a link to a licence file says which licence, not which repo is accused', () => {
    const n = takedown(
      '**Please provide a detailed description of the original copyrighted work.**\n\nThe library Radio (available at https://github.com/me/radio).\n\n**Is the work licensed under an open source license? Are the allegedly infringing files in violation?**\n\nMIT, at https://github.com/me/radio/blob/master/license.txt. The allegedly infringing files drop the notice.\n\n**What files should be taken down? Please provide URLs.**\n\nhttps://github.com/other/radio/blob/master/radio.cpp\n',
    );
    expect(n.originals).toEqual(['me/radio']);
  });
  test.each([
    'I am the author of the book that was posted at https://github.com/copier/book without permission.',
    'We are the owners of the content that appears at https://github.com/copier/site',
    'Our code was copied from our product and published at https://github.com/copier/app',
    'Every file in this repository is my copyrighted work:\n\nhttps://github.com/copier/pack',
    'Both repos have our source code, posted without our permission:\n\nhttps://github.com/copier/one',
    'Chevereto is my copyrighted work, uploaded WITHOUT MY PERMISSION at https://github.com/copier/chev',
    '**What files should be taken down? Please provide URLs.**\n\nhttps://github.com/copier/x, containing my work at https://github.com/copier/x/tree/main\n\n**Is the work licensed?**\n\nNo',
  ])('an accused repo is not an original work: %j', (body) => {
    expect(takedown(body).originals).toEqual([]);
  });

  test('under the ownership question, a repo is theirs only when the text says so (and the take-down questions name others)', () => {
    const form = (own: string) =>
      takedown(
        `**Please describe the nature of your copyright ownership or authorization to act on the owner's behalf.**\n\n${own}\n\n**What files should be taken down? Please provide URLs.**\n\nhttps://github.com/copier/app\n`,
      ).originals;
    expect(form('I am the [private] of the Example project (https://github.com/me/app)')).toEqual(['me/app']);
    expect(form('Someone published our code as a public repository, see below:\n\nhttps://github.com/other/app')).toEqual([]);
  });

  test('an answer names no original work (its repo is the one it answers for)', () => {
    const n = parseNotice(
      '2024/01/2024-01-01-example-counternotice.md',
      'I am the author of https://github.com/me/lib and dispute the takedown.',
    );
    expect(n.kind).toBe('counter-notice');
    expect(n.originals).toEqual([]);
  });
});

test.each([
  [
    'We retract the notice as to all repositories except https://github.com/a/b and the 9 fork URLs individually listed in the original notice.',
    'unlisted',
  ],
  ['We retract the notice for all repositories except https://github.com/a/b.', 'except'],
  ['We retract the notice for https://github.com/a/b.', 'named'],
])('a retraction: %s → %s', (text, scope) => {
  expect(parseNotice('2026/04/2026-04-01-example-retraction.md', text).scope).toBe(scope);
});
