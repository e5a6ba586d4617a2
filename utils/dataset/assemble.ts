/**
 * From the dataset's files (parsed JSON, by path inside utils/dataset/data/) to stories and threads.
 * Folders are named by ids (`stories/<id>/`, `threads/<id>/`). No zod here: the background bundles
 * the files as they were validated at build time and only assembles them.
 */
import type { Dataset, Meta, Story, Thread } from './schema';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** Gather the files into stories and threads; null (with problems) when a file is missing or misplaced. */
export function assemble(values: ReadonlyMap<string, unknown>, problems: Problem[] = []): Dataset | null {
  const meta = values.get('meta.json') as Meta | undefined;
  if (!meta) problems.push({ file: 'meta.json', field: '', message: 'file is missing' });
  const folders = (kind: 'stories' | 'threads') =>
    [...new Set([...values.keys()].filter((f) => f.startsWith(`${kind}/`)).map((f) => f.split('/')[1]!))].sort();
  const need = <T>(file: string): T | undefined => {
    if (!values.has(file)) problems.push({ file, field: '', message: 'file is missing' });
    return values.get(file) as T | undefined;
  };
  const stories: Story[] = [];
  for (const id of folders('stories')) {
    const f = (name: string) => `stories/${id}/${name}`;
    const story = need<Omit<Story, 'notices' | 'repos' | 'timeline'>>(f('story.json'));
    const notices = need<Story['notices']>(f('notices.json'));
    const repos = need<Story['repos']>(f('repos.json'));
    const timeline = need<Story['timeline']>(f('timeline.json'));
    if (story && story.id !== id)
      problems.push({ file: f('story.json'), field: 'id', message: `is "${story.id}", its folder says "${id}"` });
    if (story && notices && repos && timeline) stories.push({ ...story, notices, repos, timeline });
  }
  const threads: Thread[] = [];
  for (const id of folders('threads')) {
    const f = (name: string) => `threads/${id}/${name}`;
    const thread = need<Omit<Thread, 'topics' | 'comments'>>(f('thread.json'));
    const topics = need<Thread['topics']>(f('topics.json'));
    const comments = need<Thread['comments']>(f('comments.json'));
    if (thread && String(thread.id) !== id)
      problems.push({ file: f('thread.json'), field: 'id', message: `is ${thread.id}, its folder says ${id}` });
    if (thread && topics && comments) threads.push({ ...thread, topics, comments });
  }
  return meta && !problems.length ? { meta, stories, threads } : null;
}
