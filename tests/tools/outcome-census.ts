/**
 * `vite-node tests/tools/outcome-census.ts`: the outcome (../shared/CONTRACT.md `data-outcome`) of every repo the
 * bundled index names, counted by state — what a repo's own page would say (no fork root, not the takedown page).
 * Prints JSON: { total, states: { disabled, named, … } }. Used to report how a change of the outcome rules moves repos.
 */
import { createCatalog } from '../../utils/knowledge/catalog';
import { createNotices } from '../../utils/knowledge/notices';
import { outcomeOf } from '../../utils/knowledge/outcome';
import { assertDatasetValid, openDmcaIndexSync, readDmcaIndexTexts } from '../../utils/node/files';

const index = openDmcaIndexSync();
await index.prepareAll();
const notices = createNotices(index, createCatalog(assertDatasetValid()));
const states: Record<string, number> = {};
const repos = readDmcaIndexTexts().repos.split('\n').filter(Boolean);
const byRepo: Record<string, string> = {};
for (const line of repos) {
  const repo = line.slice(0, line.indexOf('\t'));
  const s = outcomeOf(notices, notices.of(repo)).state;
  states[s] = (states[s] ?? 0) + 1;
  byRepo[repo] = s;
}
if (process.argv.includes('--each')) for (const [r, s] of Object.entries(byRepo)) console.log(`${r}\t${s}`);
else console.log(JSON.stringify({ total: repos.length, states }));
