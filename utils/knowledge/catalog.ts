/**
 * Lookup maps over the curated dataset, built once per worker: which story a repo or notice belongs
 * to, which thread a comment id belongs to, which comments mention a subject. Pure. No story or thread
 * is named here: everything comes from the data.
 */
import type { Comment, Dataset, NoticeNote, RepoRecord, Story, Thread } from '../dataset/schema';

export interface Mention {
  thread: Thread;
  comment: Comment;
}

export interface Catalog {
  readonly dataset: Dataset;
  story(id: string): Story | undefined;
  thread(id: number): Thread | undefined;
  /** The curated record of a repo (lower-case owner/name) and its story. */
  repo(repo: string): { story: Story; record: RepoRecord } | undefined;
  /** Our note on a notice (lower-case path) and its story. */
  noticeNote(path: string): { story: Story; note: NoticeNote } | undefined;
  /** The thread a comment id of a dataset thread belongs to. */
  threadOfComment(id: number): Thread | undefined;
  /** A thread the dataset only mentions as related to one of its threads. */
  relatedThread(id: number): { of: Thread; title: string; note: string } | undefined;
  /** The comments, in every thread, that mention a subject. */
  mentions(subject: string): Mention[];
  /** The story a thread belongs to. */
  storyOfThread(id: number): Story | undefined;
  /** Comments per topic of a thread. */
  topicCount(thread: Thread, topic: string): number;
  /** Curated LLaMA-related repos, with their note (the detector checks these first). */
  llamaRepos(): Map<string, string>;
}

export function createCatalog(d: Dataset): Catalog {
  const stories = new Map(d.stories.map((s) => [s.id, s]));
  const threads = new Map(d.threads.map((t) => [t.id, t]));
  const repos = new Map<string, { story: Story; record: RepoRecord }>();
  const notes = new Map<string, { story: Story; note: NoticeNote }>();
  const storyOfThread = new Map<number, Story>();
  for (const s of d.stories) {
    for (const record of s.repos) repos.set(record.repo, { story: s, record });
    for (const note of s.notices) notes.set(note.path.toLowerCase(), { story: s, note });
    for (const id of s.threads) storyOfThread.set(id, s);
  }
  const commentThread = new Map<number, Thread>();
  const related = new Map<number, { of: Thread; title: string; note: string }>();
  const mentions = new Map<string, Mention[]>();
  const counts = new Map<Thread, Map<string, number>>();
  for (const t of d.threads) {
    const perTopic = new Map<string, number>();
    counts.set(t, perTopic);
    for (const c of t.comments) {
      if (c.id) commentThread.set(c.id, t);
      for (const topic of c.topics) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
      for (const s of c.subjects ?? []) mentions.set(s, [...(mentions.get(s) ?? []), { thread: t, comment: c }]);
    }
    for (const r of t.related) if (!threads.has(r.id)) related.set(r.id, { of: t, title: r.title, note: r.note });
  }
  return {
    dataset: d,
    story: (id) => stories.get(id),
    thread: (id) => threads.get(id),
    repo: (repo) => repos.get(repo),
    noticeNote: (path) => notes.get(path.toLowerCase()),
    threadOfComment: (id) => commentThread.get(id),
    relatedThread: (id) => related.get(id),
    mentions: (subject) => mentions.get(subject) ?? [],
    storyOfThread: (id) => storyOfThread.get(id),
    topicCount: (thread, topic) => counts.get(thread)?.get(topic) ?? 0,
    llamaRepos: () => new Map([...repos].filter(([, r]) => r.record.llama).map(([name, r]) => [name, r.record.note])),
  };
}
