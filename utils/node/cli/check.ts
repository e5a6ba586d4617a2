/**
 * `npm run dataset:check [-- <thread id>…]`: validates every dataset file (schema, canonical form,
 * cross-references: every key point cites a comment, anchors ≤ 8 words, every timeline entry and related
 * thread says whether its source is in the bundle, counts of comments say whose count they are) and that
 * every story's notices are in the DMCA index. For each thread (all, or the ids given) whose raw text is in
 * ../shared/data/hn/<id>.txt, it also proves each anchor occurs exactly once, in page order, that none copies
 * a whole comment of more than 8 words, and that the anchors total at most 5% of the thread's words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ANCHOR_MAX_SHARE } from '../../dataset/schema';
import { anchorShare, checkAgainstRawThread, formatProblems, percent, type Problem } from '../../dataset/validate';
import { assertDatasetValid, openDmcaIndexSync, rawThreadPath } from '../files';

const d = assertDatasetValid();
const wanted = process.argv.slice(2).map(Number).filter(Number.isInteger);
const threads = wanted.length ? d.threads.filter((t) => wanted.includes(t.id)) : d.threads;
for (const id of wanted) if (!d.threads.some((t) => t.id === id)) console.error(`thread ${id}: not in the dataset`);
console.log(`dataset ${d.meta.version}: ${d.stories.length} stories, ${d.threads.length} threads`);
const problems: Problem[] = [];
for (const t of threads) {
  const sizes = t.topics.map((x) => `${x.id} ${t.comments.filter((c) => c.topics.includes(x.id)).length}`);
  console.log(`thread ${t.id} “${t.title}”: ${t.topics.length} topics (${sizes.join(', ')})`);
  console.log(
    `  ${t.commentCount} comments by HN's count (thread.json), ${t.comments.length} recorded (comments.json; citations say “#n of ${t.comments.length}”)`,
  );
  const raw = rawThreadPath(t.id);
  if (!existsSync(raw)) {
    console.log(
      `  ${raw} not found (../shared/data is absent): skipped the proofs against the raw thread — anchors unique and in page order, no whole comment over 8 words copied, anchor words ≤ ${percent(ANCHOR_MAX_SHARE)} of the thread's.`,
    );
    continue;
  }
  const text = readFileSync(raw, 'utf8');
  const found = checkAgainstRawThread(t, text);
  problems.push(...found);
  const share = anchorShare(t, text);
  if (!found.length)
    console.log(
      `  proved against ${raw}: ${t.comments.length} anchors unique and in page order, none a whole comment over 8 words; ${share.anchorWords} anchor words, ${percent(share.anchorWords / share.threadWords)} of the thread's ${share.threadWords} (limit ${percent(ANCHOR_MAX_SHARE)})`,
    );
}
// Every notice a story annotates is in the index, and every repo it names has the story's record.
const index = openDmcaIndexSync();
await index.prepareAll();
for (const s of d.stories) {
  s.notices.forEach((n, i) => {
    const found = index.findNotice(n.path.toLowerCase());
    if (!found)
      problems.push({ file: `stories/${s.id}/notices.json`, field: `[${i}].path`, message: `${n.path} is not in the DMCA index` });
    for (const r of found?.repoLines ?? []) {
      const name = index.repoAt(r.line);
      if (name && !s.repos.some((x) => x.repo === name))
        problems.push({ file: `stories/${s.id}/repos.json`, field: '', message: `${name} is named by ${n.path} but has no record` });
    }
  });
  console.log(`story ${s.id}: ${s.notices.length} notices (in the index), ${s.repos.length} repos, ${s.timeline.length} timeline entries`);
}
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
