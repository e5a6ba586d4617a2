/**
 * `npm run dmca:facts -- <path>…`: one JSON object per line for each github/dmca notice path given
 * (`2023/03/2023-03-21-meta.md`): {"path","kind","date","sender","principal","filer","answers","repos","network","scope","changesOffered"},
 * null where the notice does not state it. Reads the bundled index; a path it does not hold is parsed
 * from ../shared/data/github-dmca when there. Exit code 1 when a path is unknown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../dmca/parser';
import { factsFromIndex, factsFromParse } from '../dmca-facts';
import { openDmcaIndexSync, SHARED_DATA_DIR } from '../files';

const paths = process.argv.slice(2).filter((a) => a !== '--');
if (!paths.length) {
  console.error('usage: npm run dmca:facts -- <github/dmca path>…   e.g. 2023/03/2023-03-21-meta.md');
  process.exit(2);
}
const index = openDmcaIndexSync();
await index.prepareAll();
let unknown = 0;
for (const arg of paths) {
  const path = arg.replace(/^.*?github-dmca\//, '').replace(/^\/+/, '');
  const n = index.findNotice(path);
  if (n) {
    console.log(JSON.stringify(factsFromIndex(index, n)));
    continue;
  }
  const file = join(SHARED_DATA_DIR, 'github-dmca', path);
  if (existsSync(file)) console.log(JSON.stringify(factsFromParse(parseNotice(path, readFileSync(file, 'utf8')))));
  else {
    console.error(`${path}: not in the bundled index, and not found at ${file}`);
    unknown++;
  }
}
process.exit(unknown ? 1 : 0);
