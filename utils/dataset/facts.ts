/**
 * What the options page says about the bundled data: counts only. Computed when the extension is built
 * (wxt.config.ts passes them as `__BACKSTORY_DATA_FACTS__`), so the options page does not bundle a second
 * copy of the dataset (the background's is the one).
 */
import type { Dataset } from './schema';

export interface DatasetFacts {
  version: string;
  dmca: { snapshot: string; commit: string };
  curated: { stories: number; threads: number; topics: number; comments: number; notices: number; repos: number; snapshot: string };
}

export function datasetFacts(d: Dataset): DatasetFacts {
  return {
    version: d.meta.version,
    dmca: { snapshot: d.meta.dmca.snapshot, commit: d.meta.dmca.commit },
    curated: {
      stories: d.stories.length,
      threads: d.threads.length,
      topics: d.threads.reduce((a, t) => a + t.topics.length, 0),
      comments: d.threads.reduce((a, t) => a + t.comments.length, 0),
      notices: d.stories.reduce((a, s) => a + s.notices.length, 0),
      repos: d.stories.reduce((a, s) => a + s.repos.length, 0),
      snapshot: d.meta.thread.snapshot,
    },
  };
}
