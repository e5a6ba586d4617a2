/** `npm run eval:dmca`: the notice parser against the hand-labelled notices (tests/fixtures/dmca-eval.json). */
import { join } from 'node:path';
import { evaluateParser, loadLabels, precision, recall } from '../dmca-eval';
import { ROOT_DIR, SHARED_DATA_DIR } from '../files';

const all = loadLabels(join(ROOT_DIR, 'tests/fixtures/dmca-eval.json'));
const only = process.argv[2];
const labels = only ? all.filter((l) => l.set === only) : all;
const r = evaluateParser(labels, join(SHARED_DATA_DIR, 'github-dmca'));
const f = (x: number) => x.toFixed(3);
const count = (set: string) => labels.filter((l) => l.set === set).length;
console.log(
  `${r.notices} notices (${count('random')} random, ${count('hard')} hard cases, ${count('held-out') + count('held-out-2')} held out, ${count('fresh')} + ${count('fresh-2')} + ${count('fresh-3')} + ${count('fresh-4')} fresh)`,
);
console.log(
  `parties: precision ${f(precision(r.parties))}, recall ${f(recall(r.parties))} (tp ${r.parties.tp}, fp ${r.parties.fp}, fn ${r.parties.fn})`,
);
console.log(`kinds: ${r.kinds.right}/${r.kinds.of} (${f(r.kinds.right / r.kinds.of)})`);
console.log(
  `repos: precision ${f(precision(r.repos))}, recall ${f(recall(r.repos))} (tp ${r.repos.tp}, fp ${r.repos.fp}, fn ${r.repos.fn})`,
);
console.log(
  `explicit citations: ${r.citations.linked}/${r.citations.of} linked; ${r.citations.wrong.length} notices with a wrong or missing link`,
);
console.log(
  `scope: ${r.scope.right}/${r.scope.of}; GitHub's changes note: ${r.changes.right}/${r.changes.of}; original works: precision ${f(precision(r.originals))}, recall ${f(recall(r.originals))}; original works counted as infringing: ${r.originalsAsInfringing.length}`,
);
for (const m of r.originalsAsInfringing) console.log(`  - original counted as infringing: ${m}`);
console.log(`accused repos read as original works: ${r.infringingAsOriginal.length}`);
for (const m of r.infringingAsOriginal) console.log(`  - accused read as original: ${m}`);
for (const m of [...r.kinds.wrong, ...r.citations.wrong, ...r.misses]) console.log(`  - ${m}`);
