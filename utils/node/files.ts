/** Node-side loading of the dataset (utils/dataset/data/) and the DMCA index (public/dmca/), for the build hook, CLIs and tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../dataset/schema';
import { formatProblems, validateDatasetTexts } from '../dataset/validate';
import { checkIndex } from '../dmca/index-build';
import { INDEX_VERSION, shardFile, type IndexManifest } from '../dmca/index-format';
import { openIndex, type DmcaIndex } from '../dmca/index-read';

/** The project's root folder. */
export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASET_DIR = join(ROOT_DIR, 'utils/dataset');
/** The curated dataset's files: stories/, threads/, meta.json. */
export const DATA_DIR = join(DATASET_DIR, 'data');
/** ../shared/data next to the project, when present (developer machines and CI). */
export const SHARED_DATA_DIR = resolve(ROOT_DIR, '../shared/data');
/** The raw corpora (../shared/data) are here: the proofs against them can run. */
export const hasSharedData = () => existsSync(join(SHARED_DATA_DIR, 'github-dmca'));
/** The raw visible text of an HN thread in ../shared/data, when it is there. */
export const rawThreadPath = (id: number) => join(SHARED_DATA_DIR, 'hn', `${id}.txt`);

/** Every file under utils/dataset/data/ (or `dir`), by its path inside it. */
export function readDatasetTexts(dir = DATA_DIR): Record<string, string> {
  const texts: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const f of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${f}` : f;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else texts[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  if (existsSync(dir)) walk('');
  return texts;
}

/** Throws an error naming every bad file and field; returns the parsed dataset otherwise. */
export function assertDatasetValid(dir = DATA_DIR): Dataset {
  const { dataset, problems } = validateDatasetTexts(readDatasetTexts(dir));
  if (!dataset) throw new Error(`Backstory dataset is invalid:\n${formatProblems(problems)}`);
  return dataset;
}

/** public/dmca/, where the compact index of every github/dmca notice lives. */
export const DMCA_INDEX_DIR = join(ROOT_DIR, 'public/dmca');

/** The committed index: manifest, shard files, and the two whole tables they make up. */
export function readDmcaIndexTexts(dir = DMCA_INDEX_DIR): {
  manifest: IndexManifest;
  files: Map<string, string>;
  notices: string;
  repos: string;
} {
  const read = (f: string) => {
    const p = join(dir, f);
    if (!existsSync(p)) throw new Error(`Backstory DMCA index is missing: ${p} (run npm run dataset:dmca)`);
    return readFileSync(p, 'utf8');
  };
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(read('manifest.json')) as IndexManifest;
  } catch (e) {
    throw new Error(`Backstory DMCA index: public/dmca/manifest.json is not valid JSON (${(e as Error).message})`, { cause: e });
  }
  const files = new Map<string, string>();
  const whole = (kind: 'n' | 'r', shards: unknown) => {
    if (!Array.isArray(shards))
      throw new Error(
        `Backstory DMCA index: public/dmca/manifest.json field ${kind === 'n' ? 'noticeShards' : 'repoShards'} is not a list`,
      );
    let text = '';
    shards.forEach((_, k) => {
      const t = read(shardFile(kind, k));
      files.set(shardFile(kind, k), t);
      text += t;
    });
    return text;
  };
  return { manifest, files, notices: whole('n', manifest.noticeShards), repos: whole('r', manifest.repoShards) };
}

/** Manifest fields agree with the shards: version, counts, first keys and first lines. */
export function checkManifest(manifest: IndexManifest, files: Map<string, string>): string[] {
  const errors: string[] = [];
  if (manifest.version !== INDEX_VERSION)
    errors.push(`public/dmca/manifest.json version: expected "${INDEX_VERSION}", found ${JSON.stringify(manifest.version)}`);
  for (const [kind, field, total] of [
    ['n', 'noticeShards', manifest.notices],
    ['r', 'repoShards', manifest.repos],
  ] as const) {
    let line = 0;
    (manifest[field] ?? []).forEach(([first, at], k) => {
      const text = files.get(shardFile(kind, k)) ?? '';
      const key = text.slice(0, text.indexOf('\t'));
      if (at !== line) errors.push(`public/dmca/manifest.json ${field}[${k}]: first line ${at}, expected ${line}`);
      if ((kind === 'n' ? key.toLowerCase() : key) !== first)
        errors.push(
          `public/dmca/manifest.json ${field}[${k}]: first key ${JSON.stringify(first)}, the shard starts with ${JSON.stringify(key)}`,
        );
      line += text ? text.split('\n').length - 1 : 0;
    });
    if (line !== total) errors.push(`public/dmca/manifest.json ${kind === 'n' ? 'notices' : 'repos'}: ${total}, the shards hold ${line}`);
  }
  return errors;
}

/** Throws naming the file, line and field when the bundled DMCA index is malformed. */
export function assertDmcaIndexValid(dir = DMCA_INDEX_DIR): void {
  const { manifest, files, notices, repos } = readDmcaIndexTexts(dir);
  // Messages name the shard file and its line.
  const where = (table: 'notices' | 'repos', line: number) => {
    const shards = table === 'notices' ? manifest.noticeShards : manifest.repoShards;
    let k = 0;
    while (k + 1 < shards.length && shards[k + 1]![1] <= line) k++;
    return `public/dmca/${shardFile(table === 'notices' ? 'n' : 'r', k)}:${line - (shards[k]?.[1] ?? 0) + 1}`;
  };
  const errors = [...checkManifest(manifest, files), ...checkIndex(notices, repos, where)];
  if (errors.length) throw new Error(`Backstory DMCA index is invalid:\n${errors.join('\n')}`);
}

/** The committed index, opened with shards read from disk (tests and maintainer tools). */
export function openDmcaIndexSync(dir = DMCA_INDEX_DIR): DmcaIndex {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as IndexManifest;
  return openIndex(manifest, (f) => readFileSync(join(dir, f), 'utf8'));
}
