/** `npm run dataset:format`: rewrite every dataset file in canonical form (schema key order, 2-space JSON). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES } from '../../dataset/schema';
import { canonicalJson } from '../../dataset/validate';
import { DATASET_DIR } from '../files';

let failed = false;
for (const [file, schema] of Object.entries(DATASET_FILES)) {
  const p = join(DATASET_DIR, file);
  const r = schema.safeParse(JSON.parse(readFileSync(p, 'utf8')));
  if (!r.success) {
    failed = true;
    console.error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    continue;
  }
  writeFileSync(p, canonicalJson(r.data));
}
process.exit(failed ? 1 : 0);
