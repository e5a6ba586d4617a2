/**
 * Maintainer command: `npm run dataset:notices [-- <github/dmca checkout>]`.
 * Re-parses the LLaMA-related notices with our own parser and rewrites utils/dataset/notices.json.
 * Deterministic: the same input gives byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../dmca/parser';
import { canonicalJson } from '../../dataset/validate';
import { DATASET_DIR, SHARED_DATA_DIR } from '../files';
import { LLAMA_NOTICES } from '../../dataset/llama-notices';

const dmcaDir = process.argv[2] ?? join(SHARED_DATA_DIR, 'github-dmca');
export function buildNotices(dir: string) {
  return LLAMA_NOTICES.map((a) => {
    const parsed = parseNotice(a.path, readFileSync(join(dir, a.path), 'utf8'));
    return { ...parsed, llama: a.llama, story: a.story, note: a.note };
  }).sort((x, y) => (x.path < y.path ? -1 : 1));
}

const notices = buildNotices(dmcaDir);
writeFileSync(join(DATASET_DIR, 'notices.json'), canonicalJson(notices));
for (const n of notices)
  console.log(
    `${n.path}: ${n.kind}, ${n.sender ?? '?'} / ${n.onBehalfOf ?? '-'}, network ${n.networkSize ?? '-'}, ${n.repos.length} repos`,
  );
