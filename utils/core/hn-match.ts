/**
 * Matching the dataset's comments to the rows of an HN thread page: by comment id when the dataset
 * knows it, else by the anchor phrase, searching forward in page order. Pure and unit-tested; the
 * DOM side (reading rows) lives in hn-page.ts.
 */

export interface OutlineComment {
  /** Position in the dataset (page order of the full thread). */
  n: number;
  id?: number | undefined;
  anchor: string;
  whole?: boolean | undefined;
  topics: string[];
}

export interface PageRow {
  id: string;
  /** Comment text as shown (normalised with `normalizeText`). */
  text: string;
}

export interface MatchResult {
  /** Dataset comment n → index of the page row it matched. */
  byComment: Map<number, number>;
  /** Dataset comments with no row on this page (paged out, edited, deleted). */
  unmatched: number[];
}

/** Collapse whitespace and unify quotes/dashes so page text and dataset phrases compare equal. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchComments(comments: readonly OutlineComment[], rows: readonly PageRow[]): MatchResult {
  const byComment = new Map<number, number>();
  const used = new Uint8Array(rows.length);
  const rowById = new Map<string, number>();
  rows.forEach((r, i) => rowById.set(r.id, i));
  // Ids first: they are certain and anchor the order for the phrase search.
  for (const c of comments) {
    if (c.id === undefined) continue;
    const i = rowById.get(String(c.id));
    if (i !== undefined && !used[i]) {
      byComment.set(c.n, i);
      used[i] = 1;
    }
  }
  const phrase = (c: OutlineComment) => normalizeText(c.anchor);
  const fits = (c: OutlineComment, r: PageRow, p: string) => (c.whole ? r.text === p : r.text.includes(p));
  let cursor = 0;
  for (const c of comments) {
    const known = byComment.get(c.n);
    if (known !== undefined) {
      cursor = known + 1;
      continue;
    }
    const p = phrase(c);
    let found = -1;
    // Forward from the last match (page order), then anywhere (rows moved by ranking or paging).
    for (let i = cursor; i < rows.length; i++) {
      if (!used[i] && fits(c, rows[i]!, p)) {
        found = i;
        break;
      }
    }
    if (found === -1) {
      for (let i = 0; i < cursor && i < rows.length; i++) {
        if (!used[i] && fits(c, rows[i]!, p)) {
          found = i;
          break;
        }
      }
    }
    if (found !== -1) {
      byComment.set(c.n, found);
      used[found] = 1;
      cursor = found + 1;
    }
  }
  const unmatched = comments.filter((c) => !byComment.has(c.n)).map((c) => c.n);
  return { byComment, unmatched };
}

/** Rows hidden by "fold tangents": each tangent row that starts a tangent subthread, with all its replies. */
export function tangentFoldRows(rows: readonly { indent: number; tangent: boolean }[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i]!.tangent) continue;
    const depth = rows[i]!.indent;
    out.push(i);
    let j = i + 1;
    while (j < rows.length && rows[j]!.indent > depth) out.push(j++);
    i = j - 1;
  }
  return out;
}
