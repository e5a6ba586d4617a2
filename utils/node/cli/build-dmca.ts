/**
 * Maintainer command: `npm run dataset:dmca -- <path to a github/dmca checkout>`.
 * Parses every notice and rewrites the compact index in public/dmca/. Deterministic: the same
 * checkout gives byte-identical files. Prints a summary of what it parsed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIndex, checkIndex, shardIndex } from '../../dmca/index-build';
import { linkAnswers, parseCorpus } from '../dmca-corpus';
import { DMCA_INDEX_DIR, SHARED_DATA_DIR } from '../files';

const root = process.argv[2] ?? join(SHARED_DATA_DIR, 'github-dmca');
const out = DMCA_INDEX_DIR;
const t0 = performance.now();
const parsed = parseCorpus(root);
const notices = linkAnswers(parsed);
const built = buildIndex(notices);
const errors = checkIndex(built.notices, built.repos);
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
const { manifest, files } = shardIndex(built);
rmSync(out, { recursive: true, force: true });
for (const [f, text] of [['manifest.json', manifest] as [string, string], ...files]) {
  mkdirSync(dirname(join(out, f)), { recursive: true });
  writeFileSync(join(out, f), text);
}
const pct = (n: number) => `${((100 * n) / notices.length).toFixed(1)}%`;
const kinds: Record<string, number> = {};
for (const n of notices) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
const answers = notices.filter((n) => n.kind !== 'takedown' && n.kind !== 'legal' && n.kind !== 'other');
console.log(`Parsed ${notices.length} files from ${root} in ${Math.round(performance.now() - t0)} ms`);
console.log(
  `  kinds: ${Object.entries(kinds)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log(
  `  dated by file name: ${pct(notices.filter((n) => n.date).length)}; date in the text: ${pct(notices.filter((n) => n.textDate).length)}`,
);
console.log(
  `  ≥ 1 repo: ${pct(notices.filter((n) => n.repos.length).length)}; distinct repos: ${built.summary.repos}; gists: ${notices.reduce((a, n) => a + n.gists, 0)}`,
);
console.log(
  `  sender or principal stated: ${pct(notices.filter((n) => n.sender || n.principal).length)}; network note: ${notices.filter((n) => n.network).length}`,
);
console.log(
  `  answers linked to a notice: ${answers.filter((n) => n.refersTo.length).length}/${answers.length} (stated ${answers.filter((n) => n.refersTo.some((r) => !r.inferred)).length})`,
);
for (const [what, text, kind] of [
  ['notices', built.notices, 'n/'],
  ['repos', built.repos, 'r/'],
] as const) {
  const shards = files.filter(([f]) => f.startsWith(kind));
  const gz = shards.reduce((a, [, t]) => a + gzipSync(t, { level: 9 }).length, 0);
  console.log(
    `  public/dmca/${kind}*.tsv (${what}): ${shards.length} shards, ${(Buffer.byteLength(text) / 1024).toFixed(0)} kB, gzip ${(gz / 1024).toFixed(0)} kB`,
  );
}
