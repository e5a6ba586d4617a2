/** How long the parser takes over the whole corpus, by part (maintainer tool). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractParties } from '../../utils/dmca/parties';
import { parseNotice, readableText } from '../../utils/dmca/parser';
import { noticeFiles } from '../../utils/node/dmca-corpus';
import { SHARED_DATA_DIR } from '../../utils/node/files';

const root = join(SHARED_DATA_DIR, 'github-dmca');
const texts = noticeFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')] as const);
let t = performance.now();
for (const [f, x] of texts) parseNotice(f, x);
console.log('parseNotice', Math.round(performance.now() - t), 'ms');
t = performance.now();
for (const [, x] of texts) extractParties(readableText(x), 'takedown');
console.log('extractParties', Math.round(performance.now() - t), 'ms');
const slow: [number, string][] = [];
for (const [f, x] of texts) {
  const s = performance.now();
  extractParties(readableText(x), 'takedown');
  slow.push([performance.now() - s, `${f} ${x.length}`]);
}
slow.sort((a, b) => b[0] - a[0]);
console.log(
  slow
    .slice(0, 10)
    .map(([ms, f]) => `${ms.toFixed(0)} ms ${f}`)
    .join('\n'),
);
import { noticeLines } from '../../utils/dmca/parties';
t = performance.now();
for (const [, x] of texts) noticeLines(readableText(x));
console.log('noticeLines+readableText', Math.round(performance.now() - t), 'ms');
t = performance.now();
for (const [, x] of texts) readableText(x);
console.log('readableText', Math.round(performance.now() - t), 'ms');
