/**
 * `vite-node tests/tools/dmca-view.ts -- <path>…`: a compact view of github/dmca notices for labelling the
 * evaluation set by hand: numbered lines (runs of URL-only lines collapsed), then what the parser reads.
 * Prints third-party text to the terminal only; nothing of it is written anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../utils/dmca/parser';
import { SHARED_DATA_DIR } from '../../utils/node/files';

const ROOT = join(SHARED_DATA_DIR, 'github-dmca');
const HEAD = Number(process.env.HEAD ?? 14);
const TAIL = Number(process.env.TAIL ?? 8);
for (const path of process.argv.slice(2)) {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const lines = text.split('\n');
  console.log(`\n######## ${path} (${lines.length} lines)`);
  // The head, the tail, and any line between with a party or answer cue; runs of bare URLs collapsed.
  const CUE =
    /\bfrom\b [A-Z]|\bof [A-Z][a-z]|behalf|represent|compan|organi[sz]ation|rights? ?holder|copyright (owner|holder)|client|agent|sincerely|regards|signed|\b(inc|llc|ltd|gmbh|corp|limited|s\.?a\.?|b\.?v\.?)\b|retract|revers|reinstat|counter|github\.com\/github\/dmca/i;
  const nonEmpty = lines.map((l, i) => [i, l.trim()] as const).filter(([, l]) => l);
  const keep = new Set<number>();
  nonEmpty.slice(0, HEAD).forEach(([i]) => keep.add(i));
  nonEmpty.slice(-TAIL).forEach(([i]) => keep.add(i));
  for (const [i, l] of nonEmpty) if (CUE.test(l) && !/^[-*\d.)\s]*<?https?:\/\/\S+>?[\s,.]*$/.test(l)) keep.add(i);
  let urlRun = 0;
  let gap = false;
  for (const [i, l] of nonEmpty) {
    if (!keep.has(i)) {
      gap = true;
      continue;
    }
    const urlOnly = /^[-*\d.)\s]*<?https?:\/\/\S+>?[\s,.]*$/.test(l);
    urlRun = urlOnly ? urlRun + 1 : 0;
    if (urlRun > 3) continue;
    if (gap) console.log('     ⋯');
    gap = false;
    console.log(`${String(i + 1).padStart(4)} ${l.slice(0, 170)}`);
  }
  const p = parseNotice(path, text);
  const names = p.repos.map((r) => r.name);
  console.log(
    `  => kind ${p.kind}; sender ${JSON.stringify(p.sender)}; principal ${JSON.stringify(p.principal)}; filer ${JSON.stringify(p.filer)}; network ${JSON.stringify(p.network)}; refersTo ${JSON.stringify(p.refersTo)}; repos ${names.length}: ${names.slice(0, 6).join(' ')}${names.length > 6 ? ' …' : ''}`,
  );
}
