/**
 * The dataset as bundled into the background: every JSON file under ./data, assembled into stories and
 * threads. The files were validated when the extension was built (wxt.config.ts hook) and by `npm test`,
 * so the background does not parse them with zod again.
 */
import { assemble } from './assemble';
import type { Dataset } from './schema';

const files = import.meta.glob<unknown>('./data/**/*.json', { eager: true, import: 'default' });

export const bundledDataset: Dataset = assemble(
  new Map(Object.entries(files).map(([path, value]) => [path.replace(/^\.\/data\//, ''), value])),
)!;
