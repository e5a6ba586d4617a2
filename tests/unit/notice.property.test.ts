// Property-based checks of the notice parser and the DMCA index readers (issue #8): random,
// malformed, unicode, very long and script-laden inputs never throw, and every repo the parser
// returns is a canonical `owner/name` that really appears in the text.
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { buildIndex, readIndex } from '@/utils/dmca/index-build';
import { cleanField } from '@/utils/dmca/index-format';
import { type DmcaIndex } from '@/utils/dmca/index-read';
import { extractGists, parseNotice, partyFromPath } from '@/utils/dmca/parser';
import { isSubject, pageSubject } from '@/utils/core/subjects';

fc.configureGlobal({
  seed: Number(process.env.BACKSTORY_FC_SEED ?? 20261126),
  ...(process.env.BACKSTORY_FC_RUNS ? { numRuns: Number(process.env.BACKSTORY_FC_RUNS) } : {}),
});

const piece = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u202e',
    '\u0000',
    '**',
    '\n\n',
    '[x](',
    ')',
    '<',
    '>',
  ),
  fc
    .tuple(
      fc.constantFrom(
        'https://github.com/',
        'http://www.github.com/',
        'github.com/',
        '<https://github.com/',
        '1.https://github.com/',
        'gist.github.com/',
      ),
      fc.string({ maxLength: 80 }),
    )
    .map(([a, b]) => a + b),
  fc.constantFrom(
    'entire network of 1,234 repositories',
    'entire network of _12_ repositories',
    'DATE: 13/45/2023',
    'Date: March 20, 2023',
    'On behalf of:\n',
    'Sincerely,\n',
  ),
);
const noticeText = fc.array(piece, { maxLength: 30 }).map((a) => a.join(' '));
const path = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.tuple(fc.integer({ min: 2011, max: 2026 }), fc.string({ maxLength: 40 })).map(([y, s]) => `${y}/${y}-01-02-${s}.md`),
);

test('parseNotice never throws; every repo is canonical and named in the text', () => {
  fc.assert(
    fc.property(path, noticeText, (p, text) => {
      const n = parseNotice(p, text);
      const lower = text.toLowerCase();
      const lines = text.split('\n').length;
      for (const { name: r, line } of n.repos) {
        expect(isSubject(`repo:${r}`), r).toBe(true);
        expect(lower.includes(r.split('/')[0]!), r).toBe(true);
        expect(r).not.toBe('github/dmca');
        expect(line >= 1 && line <= lines).toBe(true);
      }
      for (const o of n.originals) expect(n.repos.map((r) => r.name)).toContain(o);
      expect(n.textDate === null || /^\d{4}-\d{2}-\d{2}$/.test(n.textDate.value)).toBe(true);
      expect(n.network === null || (Number.isInteger(n.network.value) && n.network.value >= 0)).toBe(true);
      // Every party is one clean line of the text's, found on the line it cites.
      for (const f of [n.sender, n.principal, n.filer])
        if (f && f.value !== 'GitHub') {
          expect(f.line >= 1 && f.line <= lines).toBe(true);
          expect(f.value).not.toMatch(/[\n\t]|private\]/);
        }
      expect(typeof partyFromPath(p)).toBe('string');
      for (const g of extractGists(text)) expect(g).toMatch(/^([a-z0-9-]+\/)?[0-9a-f]{5,40}$/);
    }),
  );
});

test('cleanField leaves one safe line, whatever it is given', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
      const c = cleanField(s);
      // eslint-disable-next-line no-control-regex -- control characters are what is tested
      expect(c).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(c.length).toBeLessThanOrEqual(120);
    }),
  );
});

let idx: DmcaIndex;
beforeAll(async () => {
  const built = buildIndex([
    {
      path: '2020/10/2020-10-23-x.md',
      date: '2020-10-23',
      textDate: null,
      kind: 'takedown',
      sender: null,
      principal: null,
      filer: null,
      fileParty: 'X',
      network: null,
      gists: 0,
      scope: 'named',
      changesOffered: null,
      asks: null,
      repos: [
        { name: 'a/b', line: 1 },
        { name: 'c/d', line: 2 },
      ],
      originals: [],
      refersTo: [],
    },
  ]);
  idx = await readIndex(built.notices, built.repos);
});

test('index lookups never throw on any input and find only what is there', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('a/b', 'A/B', 'c/d', '', '\t', '\n', 'a/b\tx')),
      fc.integer(),
      (q, i) => {
        const hit = idx.findRepo(q);
        expect(hit === null || ['a/b', 'c/d'].includes(hit.repo)).toBe(true);
        expect(idx.findNotice(q) === null || q.toLowerCase() === '2020/10/2020-10-23-x.md').toBe(true);
        expect(idx.notice(i) === null || i === 0).toBe(true);
        expect(idx.repoAt(i) === null || i === 0 || i === 1).toBe(true);
        expect(Array.isArray(idx.searchRepos(q, 5))).toBe(true);
      },
    ),
  );
});

test('pageSubject never throws and gives canonical subjects only', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('github.com', 'www.github.com', 'news.ycombinator.com', 'evil.com'),
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 100 }),
      fc.option(fc.string({ maxLength: 100 })),
      (host, p, q, root) => {
        const ps = pageSubject(host, p, q, root);
        if (ps) {
          expect(isSubject(ps.subject)).toBe(true);
          if (ps.networkRoot) expect(isSubject(`repo:${ps.networkRoot}`)).toBe(true);
        }
      },
    ),
  );
});
