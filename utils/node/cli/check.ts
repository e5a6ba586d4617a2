/**
 * `npm run dataset:check [-- <thread id>…]`: validates every dataset file (schema, canonical form,
 * cross-references) and that every story's notices are in the DMCA index. For each thread (all, or the
 * ids given) whose raw text is in ../shared/data/hn/<id>.txt, it also proves each anchor occurs exactly
 * once, in page order, in the raw thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkAgainstRawThread, formatProblems, type Problem } from '../../dataset/validate';
import { assertDatasetValid, openDmcaIndexSync, rawThreadPath } from '../files';

const d = assertDatasetValid();
const wanted = process.argv.slice(2).map(Number).filter(Number.isInteger);
const threads = wanted.length ? d.threads.filter((t) => wanted.includes(t.id)) : d.threads;
for (const id of wanted) if (!d.threads.some((t) => t.id === id)) console.error(`thread ${id}: not in the dataset`);
console.log(`dataset ${d.meta.version}: ${d.stories.length} stories, ${d.threads.length} threads`);
const problems: Problem[] = [];
for (const t of threads) {
  const sizes = t.topics.map((x) => `${x.id} ${t.comments.filter((c) => c.topics.includes(x.id)).length}`);
  console.log(`thread ${t.id} “${t.title}”: ${t.topics.length} topics, ${t.comments.length} comments (${sizes.join(', ')})`);
  const raw = rawThreadPath(t.id);
  if (!existsSync(raw)) {
    console.log(`  ${raw} not found: skipped the proof against the raw thread.`);
    continue;
  }
  const found = checkAgainstRawThread(t, readFileSync(raw, 'utf8'));
  problems.push(...found);
  if (!found.length) console.log(`  proved against ${raw}: ${t.comments.length} anchors unique and in page order`);
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
