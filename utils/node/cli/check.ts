/**
 * `npm run dataset:check`: validates every dataset file (schema, canonical form, cross-references).
 * When ../shared/data is present it also proves each anchor occurs exactly once, in page order, in the
 * raw thread, and that every notice fact equals what our parser reads from the raw notice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems, checkAgainstRawThread, checkNoticesAgainstRaw } from '../../dataset/validate';
import { assertDatasetValid, hasSharedData, SHARED_DATA_DIR } from '../files';
import { parseNotice } from '../../dmca/parser';

const d = assertDatasetValid();
const sizes = d.topics.map((t) => `${t.id} ${d.comments.filter((c) => c.topics.includes(t.id)).length}`);
console.log(
  `dataset ${d.meta.version}: ${d.topics.length} topics, ${d.comments.length} comments, ${d.notices.length} notices, ${d.repos.length} repos, ${d.timeline.length} timeline entries`,
);
console.log(`topic sizes: ${sizes.join(', ')}`);
if (!hasSharedData()) {
  console.log('../shared/data not found: skipped the proofs against the raw thread and notices.');
} else {
  const raw = readFileSync(join(SHARED_DATA_DIR, 'hn/35287733.txt'), 'utf8');
  const problems = [
    ...checkAgainstRawThread(d, raw),
    ...checkNoticesAgainstRaw(d, (path) => parseNotice(path, readFileSync(join(SHARED_DATA_DIR, 'github-dmca', path), 'utf8'))),
  ];
  if (problems.length) {
    console.error(formatProblems(problems));
    process.exit(1);
  }
  console.log(
    `proved against ../shared/data: ${d.comments.length} anchors unique and in page order; ${d.notices.length} notices match the raw files`,
  );
}
