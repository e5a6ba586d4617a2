/** `npm run eval:detect`: precision and recall of the LLaMA detector, links (name only) and repo pages. */
import { bundledDataset } from '../../utils/dataset/bundled';
import { createKnowledge } from '../../utils/knowledge/engine';
import { evaluate } from '../../utils/core/llama-eval';
import { ALL_CASES, HELD_OUT, LABELLED } from '../fixtures/llama-repos';

const known = createKnowledge(bundledDataset, null).llamaRepos();
for (const [title, cases] of [
  ['labelled list (shared/data/repos/public.tsv, 59 repos)', LABELLED],
  ['held-out set (written before the detector changed for it)', HELD_OUT],
  ['all cases', ALL_CASES],
] as const) {
  for (const [mode, ctx] of [
    ['link', {}],
    ['page', {}],
    ['link', { known }],
    ['page', { known }],
  ] as const) {
    const r = evaluate(cases, mode, ctx);
    console.log(
      `${title} · ${mode}${'known' in ctx ? ' · with dataset' : ' · heuristic only'}: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
    );
    for (const m of r.misses)
      console.log(`    ${m.predicted ? 'FP' : 'FN'} ${m.repo} [${m.label}] — ${m.reasons.join('; ') || 'no evidence'}`);
  }
}
