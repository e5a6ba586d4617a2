/**
 * From a github/dmca checkout to the inputs of the compact index: walk the notice files, parse each,
 * and link every counter-notice, retraction and reversal to the notice it answers. Node only
 * (maintainer command and corpus tests); never bundled.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BuildNotice } from '../dmca/index-format';
import { answerFiler, linkAnswersOf } from '../dmca/link';
import { toBuildNotice } from '../dmca/overlay';
import { parseNotice, type ParsedNotice } from '../dmca/parser';

/** Notice files of a checkout: everything under the year folders (not .github/, data/, README…). */
export function noticeFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|markdown|MD)$|\.\s+md$|^[^.]+$|\.com$/.test(f)) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  for (const y of readdirSync(root).sort()) if (/^\d{4}$/.test(y) && statSync(join(root, y)).isDirectory()) walk(join(root, y));
  return out;
}

export function parseCorpus(root: string): ParsedNotice[] {
  return noticeFiles(root).map((f) => parseNotice(f, readFileSync(join(root, f), 'utf8')));
}

/** Each parsed notice with the notices it answers (utils/dmca/link.ts): what the index is built from. */
export function linkAnswers(parsed: readonly ParsedNotice[]): BuildNotice[] {
  const linkable = parsed.map((p) => ({ ...p, parties: [p.sender?.value, p.principal?.value].filter((x): x is string => !!x) }));
  const links = linkAnswersOf(linkable);
  const byPath = new Map(linkable.map((p) => [p.path, p]));
  return parsed.map((p, i) => toBuildNotice({ ...p, filer: answerFiler(p.kind, p.filer, links[i]!, byPath) }, links[i]!));
}
