/**
 * The dataset as bundled into the background. The JSON files were validated when the extension was
 * built (wxt.config.ts hook) and by `npm test`, so the background does not re-parse them with zod.
 */
import type { Dataset } from './schema';
import meta from './meta.json';
import thread from './thread.json';
import topics from './topics.json';
import comments from './comments.json';
import notices from './notices.json';
import repos from './repos.json';
import timeline from './timeline.json';

export const bundledDataset = { meta, thread, topics, comments, notices, repos, timeline } as unknown as Dataset;
