/** `npm run dataset:format`: rewrite every dataset file in canonical form (schema key order, 2-space JSON). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, schemaFor } from '../../dataset/validate';
import { DATA_DIR, readDatasetTexts } from '../files';

let failed = false;
for (const [file, text] of Object.entries(readDatasetTexts())) {
  const schema = schemaFor(file);
  const r = schema?.safeParse(JSON.parse(text));
  if (!r?.success) {
    failed = true;
    console.error(`${file}: ${r ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'not a dataset file'}`);
    continue;
  }
  writeFileSync(join(DATA_DIR, file), canonicalJson(r.data));
}
process.exit(failed ? 1 : 0);
