import { parseNotice } from '../../utils/notice-parser';
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
test('x', () => {
for (const p of ['2023/03/2023-03-21-meta.md','2023/04/2023-04-27-meta-counternotice.md','2025/04/2025-04-08-meta.md','2016/2016-08-23-Yahoo.md','2020/10/2020-10-23-RIAA.md','2012/2012-08-09-rtmpdump.markdown','2024/01/2024-01-08-metatrader-retraction.md']) {
  const t = readFileSync('/work/shared/data/github-dmca/'+p,'utf8');
  const r = parseNotice(p,t); console.log(JSON.stringify({...r, repos: r.repos.slice(0,5), nrepos: r.repos.length}));
}
});
