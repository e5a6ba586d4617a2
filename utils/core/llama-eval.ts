/** Precision and recall of the LLaMA detector on a labelled table (links: name only; pages: + description and topics). */
import { detectLlama, type DetectContext } from './llama-detect';

export interface EvalCase {
  repo: string;
  label: 'llama' | 'llm-other' | 'unrelated';
  description: string;
  topics: string[];
}

export interface EvalResult {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  misses: { repo: string; label: string; predicted: boolean; reasons: string[] }[];
}

export function evaluate(cases: readonly EvalCase[], mode: 'link' | 'page', ctx: DetectContext = {}): EvalResult {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: EvalResult['misses'] = [];
  for (const c of cases) {
    const [owner, name] = c.repo.split('/') as [string, string];
    const d = detectLlama(mode === 'link' ? { owner, name } : { owner, name, description: c.description, topics: c.topics }, ctx);
    const positive = c.label === 'llama';
    if (d.related && positive) tp++;
    else if (d.related) fp++;
    else if (positive) fn++;
    if (d.related !== positive) misses.push({ repo: c.repo, label: c.label, predicted: d.related, reasons: d.reasons });
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn, misses };
}
