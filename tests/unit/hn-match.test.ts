import { describe, expect, test } from 'vitest';
import comments from '@/utils/dataset/data/threads/35287733/comments.json';
import { matchComments, normalizeText, tangentFoldRows, type OutlineComment } from '@/utils/core/hn-match';
import { existsSync, readFileSync } from 'node:fs';
import { rawComments } from '@/utils/dataset/validate';
import { rawThreadPath } from '@/utils/node/files';
import { seedComments } from '../fixtures/hn-seed';

const outline = comments as OutlineComment[];
const pageRows = () => seedComments().map((c) => ({ id: String(c.id), text: normalizeText(c.text) }));

describe('matchComments', () => {
  test('every dataset comment of the full seed page is matched to its own row', () => {
    const r = matchComments(outline, pageRows());
    expect(r.unmatched).toEqual([]);
    for (const c of outline) expect(r.byComment.get(c.n)).toBe(c.n);
  });

  test('ids win over phrases; edited and deleted comments are reported, the rest still match', () => {
    const rows = pageRows();
    rows[10]!.text = '[deleted]';
    rows[50]!.text = 'completely rewritten after an edit';
    rows[140]!.text = 'k (edited)';
    const r = matchComments(outline, rows);
    expect(r.unmatched).toEqual([10, 50, 140]);
    expect(r.byComment.size).toBe(200);
  });

  // The real comments' text (../shared/data), as an HN row reads it: paragraphs run together with no space
  // (HN's <p> markup), quotes of the parent included. Short anchors must still find each comment's own row.
  const raw = rawThreadPath(35287733);
  test.skipIf(!existsSync(raw))('every comment of the real thread text is matched to its own row (203/203)', () => {
    const rows = rawComments(readFileSync(raw, 'utf8')).map((b, i) => ({ id: `r${i}`, text: normalizeText(b.split('\n').join('')) }));
    const r = matchComments(outline, rows);
    expect(r.unmatched).toEqual([]);
    expect(outline.filter((c) => r.byComment.get(c.n) === c.n)).toHaveLength(203);
    // A page of the thread's second half (p=2) still matches its own comments only.
    const half = matchComments(outline, rows.slice(100));
    for (const [n, row] of half.byComment) expect(row + 100).toBe(n);
  });
  if (!existsSync(raw)) console.warn('[hn-match.test] ../shared/data not found: skipped matching the real thread text.');

  test('a partial page (p=2) matches what is there, in order', () => {
    const rows = pageRows().slice(100);
    const r = matchComments(outline, rows);
    expect(r.byComment.size).toBe(103);
    expect(r.byComment.get(100)).toBe(0);
    expect(r.unmatched).toHaveLength(100);
  });

  test('rows reordered on the page are still found', () => {
    const rows = pageRows();
    const moved = rows.splice(160, 20);
    rows.unshift(...moved);
    const r = matchComments(outline, rows);
    expect(r.unmatched).toEqual([]);
    expect(r.byComment.get(160)).toBe(0);
  });

  test('the whole-text anchor "k" matches only the row that is exactly "k"', () => {
    const r = matchComments(
      [{ n: 0, anchor: 'k', whole: true, topics: ['x'] }],
      [
        { id: '1', text: 'kind of a long comment with k in it' },
        { id: '2', text: 'k' },
      ],
    );
    expect(r.byComment.get(0)).toBe(1);
  });
});

test('normalizeText unifies quotes, dashes and whitespace', () => {
  expect(normalizeText('  It’s “fine” — really…\n\n ok ')).toBe('It\'s "fine" - really... ok');
});

test('tangentFoldRows folds a tangent subthread with all its replies, and nothing else', () => {
  const rows = [
    { indent: 0, tangent: false },
    { indent: 1, tangent: true },
    { indent: 2, tangent: false },
    { indent: 3, tangent: true },
    { indent: 1, tangent: false },
    { indent: 0, tangent: true },
    { indent: 1, tangent: false },
    { indent: 0, tangent: false },
  ];
  expect(tangentFoldRows(rows)).toEqual([1, 2, 3, 5, 6]);
});
