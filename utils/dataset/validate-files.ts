/** Node-side loading of utils/dataset/*.json, for the build hook, CLI scripts and tests. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASET_FILES, type Dataset, type DatasetFile } from './schema';
import { formatProblems, validateDatasetTexts } from './validate';
import { checkIndex } from '../dmca-index';

export const DATASET_DIR = dirname(fileURLToPath(import.meta.url));
/** ../shared/data next to the project, when present (developer machines and CI). */
export const SHARED_DATA_DIR = resolve(DATASET_DIR, '../../../shared/data');
export const hasSharedData = () => existsSync(join(SHARED_DATA_DIR, 'hn/35287733.txt'));

export function readDatasetTexts(dir = DATASET_DIR): Partial<Record<DatasetFile, string>> {
  const texts: Partial<Record<DatasetFile, string>> = {};
  for (const file of Object.keys(DATASET_FILES) as DatasetFile[]) {
    const p = join(dir, file);
    if (existsSync(p)) texts[file] = readFileSync(p, 'utf8');
  }
  return texts;
}

/** Throws an error naming every bad file and field; returns the parsed dataset otherwise. */
export function assertDatasetValid(dir = DATASET_DIR): Dataset {
  const { dataset, problems } = validateDatasetTexts(readDatasetTexts(dir));
  if (!dataset) throw new Error(`Backstory dataset is invalid:\n${formatProblems(problems)}`);
  return dataset;
}

/** public/dmca/, where the compact index of every github/dmca notice lives. */
export const DMCA_INDEX_DIR = resolve(DATASET_DIR, '../../public/dmca');

export function readDmcaIndexTexts(dir = DMCA_INDEX_DIR): { notices: string; repos: string } {
  const read = (f: string) => {
    const p = join(dir, f);
    if (!existsSync(p)) throw new Error(`Backstory DMCA index is missing: ${p} (run npm run dataset:dmca)`);
    return readFileSync(p, 'utf8');
  };
  return { notices: read('notices.tsv'), repos: read('repos.tsv') };
}

/** Throws naming the file, line and field when the bundled DMCA index is malformed. */
export function assertDmcaIndexValid(dir = DMCA_INDEX_DIR): void {
  const { notices, repos } = readDmcaIndexTexts(dir);
  const errors = checkIndex(notices, repos);
  if (errors.length) throw new Error(`Backstory DMCA index is invalid:\n${errors.join('\n')}`);
}
