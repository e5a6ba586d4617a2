/**
 * zod schemas of the curated dataset (utils/dataset/data/). Used at build time (wxt.config.ts hook),
 * by `npm run dataset:check` and by unit tests. Never imported by a content script.
 *
 * The dataset is stories and threads, as data:
 *   meta.json
 *   stories/<story id>/story.json      the story: title, its HN threads (ids, in display order)
 *   stories/<story id>/notices.json    our notes on the github/dmca notices of the story (the facts come from the index)
 *   stories/<story id>/repos.json      the repos of the story: LLaMA-related or not, the topics that matter, a note
 *   stories/<story id>/timeline.json   dated events, each with its source
 *   threads/<thread id>/thread.json    one HN thread: title, points, date… and related threads
 *   threads/<thread id>/topics.json    what it argued: topics with our summaries and key points citing comments
 *   threads/<thread id>/comments.json  one record per comment, in page order (anchor phrase, id, topics, subjects)
 * Adding a thread or a story is adding files: no code names a thread or a story.
 */
import '../schema/jitless'; // before any schema is built: no eval probe (see jitless.ts)
import { z } from 'zod';
import { isSubject } from '../core/subjects';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const subject = z.string().refine(isSubject, 'expected a lower-case subject (repo:owner/name, notice:path, thread:hn:id)');
const repoName = z.string().refine((s) => isSubject(`repo:${s}`), 'expected a lower-case owner/name');
const noticePath = z.string().regex(/^\d{4}\/(?:\d{2}\/)?[^/\s]+\.(?:md|markdown)$/, 'expected a github/dmca notice path');
const slug = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'expected a lower-case id (letters, digits, hyphens)');
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((s) => !/[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/.test(s), 'contains control or bidi characters');
const httpsUrl = z.string().regex(/^https:\/\/[a-z0-9.-]+\//, 'expected an https URL');

export const metaSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(?:\.\d+)?$/),
  thread: z.strictObject({ source: text(200), snapshot: isoDate }),
  dmca: z.strictObject({ source: text(200), commit: z.string().regex(/^[0-9a-f]{40}$/), snapshot: isoDate }),
});

export const storySchema = z.strictObject({
  id: slug,
  /** How the UI names the story ("the 2023 LLaMA DMCA story"). */
  title: text(120),
  /** Its Hacker News threads, in the order panels show them. */
  threads: z.array(z.number().int().positive()),
  /**
   * A repo the LLaMA detector finds related (and no story names) is shown this story as context —
   * never its notices as the repo's own — with these topics of its threads. At most one story has it.
   */
  detected: z.strictObject({ topics: z.array(slug) }).optional(),
});

export const noticeNoteSchema = z.array(
  z.strictObject({
    path: noticePath,
    /** The notice concerns LLaMA: stated in it, or our inference. */
    llama: z.enum(['stated', 'inferred']),
    /** Topics of the story's threads that a reader of this notice wants. */
    topics: z.array(slug),
    note: text(400),
  }),
);

export const repoRecordsSchema = z.array(
  z.strictObject({
    repo: repoName,
    /** LLaMA-related (the relation `llama` of ../shared/CONTRACT.md). */
    llama: z.boolean(),
    /** Topics of the story's threads that matter for this repo. */
    topics: z.array(slug),
    note: text(400),
  }),
);

/**
 * Where a fact comes from, and whether that source is in the bundle (this dataset, or the github/dmca index the
 * extension ships). A source outside it (a blog, Wikipedia, an HN page we did not record) says so in the words a
 * reader sees (the label, or the note of a related thread): "outside the bundle".
 */
const inBundle = z.boolean();

export const timelineSchema = z.array(
  z.strictObject({
    date: isoDate,
    text: text(300),
    source: z.strictObject({ label: text(120), url: httpsUrl.optional(), inBundle }),
  }),
);

export const threadSchema = z.strictObject({
  id: z.number().int().positive(),
  title: text(200),
  site: text(100),
  points: z.number().int().nonnegative(),
  submitter: text(40),
  date: isoDate,
  /** HN's stated count ("204 comments"): it can exceed the comments the page shows (comments.json holds those). */
  commentCount: z.number().int().nonnegative(),
  related: z.array(
    z.strictObject({
      id: z.number().int().positive(),
      title: text(200),
      date: text(40),
      note: text(300),
      /** Where the title and date come from. */
      source: z.strictObject({ inBundle, label: text(200) }),
    }),
  ),
});

export const topicSchema = z.strictObject({
  id: slug,
  label: text(60),
  tangent: z.boolean(),
  summary: text(600),
  points: z
    .array(
      z.strictObject({
        text: text(300),
        cites: z.array(z.number().int().nonnegative()).min(1, 'a key point must cite at least one comment').max(6),
      }),
    )
    .min(2)
    .max(6),
});
export const topicsSchema = z.array(topicSchema).min(1).max(20);

/** An anchor: at most this many words, unless it is a whole comment too short or too quoted to have a unique phrase. */
export const ANCHOR_MAX_WORDS = 8;
/** All of a thread's anchors together: at most this share of the thread's words (we copy phrases, not text). */
export const ANCHOR_MAX_SHARE = 0.05;

export const commentSchema = z.strictObject({
  n: z.number().int().nonnegative(),
  /** The shortest phrase unique in the thread that finds the comment on the page (≤ ANCHOR_MAX_WORDS words). */
  anchor: text(300),
  /** The anchor is the comment's whole text (a comment too short or too quoted to have a unique phrase). */
  whole: z.literal(true).optional(),
  id: z.number().int().positive().optional(),
  topics: z.array(slug).min(1),
  subjects: z.array(subject).optional(),
});
export const commentsSchema = z.array(commentSchema);

export type Meta = z.infer<typeof metaSchema>;
export type NoticeNote = z.infer<typeof noticeNoteSchema>[number];
export type RepoRecord = z.infer<typeof repoRecordsSchema>[number];
export type TimelineEntry = z.infer<typeof timelineSchema>[number];
export type Topic = z.infer<typeof topicSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type ThreadFacts = z.infer<typeof threadSchema>;

export interface Story extends z.infer<typeof storySchema> {
  notices: NoticeNote[];
  repos: RepoRecord[];
  timeline: TimelineEntry[];
}

export interface Thread extends ThreadFacts {
  topics: Topic[];
  comments: Comment[];
}

export interface Dataset {
  meta: Meta;
  stories: Story[];
  threads: Thread[];
}

/** The schema each file must satisfy, by its name inside its folder. */
export const STORY_FILES = {
  'story.json': storySchema,
  'notices.json': noticeNoteSchema,
  'repos.json': repoRecordsSchema,
  'timeline.json': timelineSchema,
} as const;
export const THREAD_FILES = {
  'thread.json': threadSchema,
  'topics.json': topicsSchema,
  'comments.json': commentsSchema,
} as const;
