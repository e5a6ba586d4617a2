// Property-based checks of the URL → subject parsers: random, malformed, unicode, percent-encoded,
// very long and javascript:/data: inputs never throw and never produce a subject that is not canonical.
import fc from 'fast-check';
import { expect, test } from 'vitest';

// A fixed seed keeps CI deterministic; BACKSTORY_FC_SEED / BACKSTORY_FC_RUNS explore further locally.
fc.configureGlobal({
  seed: Number(process.env.BACKSTORY_FC_SEED ?? 20261126),
  ...(process.env.BACKSTORY_FC_RUNS ? { numRuns: Number(process.env.BACKSTORY_FC_RUNS) } : {}),
});
import { hrefsInMarkup, isCandidateHref } from '@/utils/content/scanner';
import { isSubject, subjectFromGithubPath, subjectFromHnSearch, subjectFromHref } from '@/utils/core/subjects';

/** How a browser serialises an attribute value (HTML spec, with Chromium's escaping of < and >). */
const serialiseAttr = (v: string) =>
  v
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');

const hosts = fc.constantFrom('github.com' as const, 'news.ycombinator.com' as const);
const hrefish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(fc.constantFrom('javascript:', 'data:text/html,', 'JaVaScRiPt:', 'vbscript:', 'blob:', 'file://'), fc.string({ maxLength: 100 }))
    .map(([a, b]) => a + b),
  fc
    .tuple(
      fc.constantFrom(
        '/',
        'https://github.com/',
        '//github.com/',
        'http://www.github.com/',
        'item?id=',
        'https://news.ycombinator.com/item?id=',
      ),
      fc.string({ maxLength: 200 }),
    )
    .map(([a, b]) => a + b),
  fc.string({ maxLength: 40 }).map((s) => `/${encodeURIComponent(s)}/${encodeURIComponent(s)}`),
  fc.nat().map((n) => '/' + 'a'.repeat(n % 5000) + '/b'),
);

test('subjectFromHref never throws and only returns canonical subjects', () => {
  fc.assert(
    fc.property(hrefish, hosts, (href, host) => {
      const s = subjectFromHref(href, host);
      if (s !== null) expect(isSubject(s)).toBe(true);
    }),
    { numRuns: Number(process.env.BACKSTORY_FC_RUNS ?? 3000) },
  );
});

test('javascript:, data: and other schemes never name a subject', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('javascript:', 'data:', 'vbscript:', 'blob:', 'JAVASCRIPT:'),
      fc.string({ maxLength: 200 }),
      hosts,
      (scheme, rest, host) => {
        expect(subjectFromHref(scheme + rest, host)).toBeNull();
      },
    ),
    { numRuns: Number(process.env.BACKSTORY_FC_RUNS ?? 1000) },
  );
});

test('the in-page pre-filter never drops a link the background would read as a subject', () => {
  fc.assert(
    fc.property(hrefish, hosts, (href, host) => {
      if (subjectFromHref(href, host) !== null) expect(isCandidateHref(href, host)).toBe(true);
    }),
    { numRuns: Number(process.env.BACKSTORY_FC_RUNS ?? 3000) },
  );
});

test('hrefs read from serialised markup are the attribute values, exactly', () => {
  fc.assert(
    fc.property(fc.array(hrefish, { maxLength: 8 }), hosts, (hrefs, host) => {
      const html = hrefs
        .map((h, i) =>
          i % 2
            ? `<a href="${serialiseAttr(h)}">t</a>`
            : `<p class="x>y"><a class="c${i}" data-href="/not/this" href="${serialiseAttr(h)}" title="a&gt;b">t</a></p>`,
        )
        .join('');
      const got = hrefsInMarkup(html, host);
      const want = [...new Set(hrefs.filter((h) => isCandidateHref(h, host)))];
      expect(got).toEqual(want);
    }),
    { numRuns: Number(process.env.BACKSTORY_FC_RUNS ?? 2000) },
  );
});

test('path and query parsers are total', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 500 }), (s) => {
      const a = subjectFromGithubPath(s);
      const b = subjectFromHnSearch(s);
      if (a) expect(isSubject(a)).toBe(true);
      if (b) expect(isSubject(b)).toBe(true);
    }),
    { numRuns: Number(process.env.BACKSTORY_FC_RUNS ?? 3000) },
  );
});
