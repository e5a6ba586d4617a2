/**
 * zod schemas of the bundled dataset (utils/dataset/*.json). Used at build time (wxt.config.ts hook),
 * by `npm run dataset:check` and by unit tests. Never imported by a content script.
 */
import { z } from 'zod';
import { isSubject } from '../core/subjects';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');
const subject = z.string().refine(isSubject, 'expected a lower-case subject (repo:owner/name, notice:path, thread:hn:id)');
const repoName = z.string().refine((s) => isSubject(`repo:${s}`), 'expected a lower-case owner/name');
const noticePath = z.string().regex(/^\d{4}\/(?:\d{2}\/)?[^/\s]+\.(?:md|markdown)$/, 'expected a github/dmca notice path');
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((s) => !/[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/.test(s), 'contains control or bidi characters');
const httpsUrl = z.string().regex(/^https:\/\/[a-z0-9.-]+\//, 'expected an https URL');

export const RELATIONS = ['named-in-notice', 'counter-noticed', 'discussed', 'llama'] as const;
export const relation = z.enum(RELATIONS);
export const STORIES = ['llama-dmca-2023', 'meta-2025'] as const;
export const story = z.enum(STORIES);

export const metaSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(?:\.\d+)?$/),
  thread: z.strictObject({ source: text(200), snapshot: isoDate }),
  dmca: z.strictObject({ source: text(200), commit: z.string().regex(/^[0-9a-f]{40}$/), snapshot: isoDate }),
});

export const threadSchema = z.strictObject({
  id: z.number().int().positive(),
  title: text(200),
  site: text(100),
  points: z.number().int().nonnegative(),
  submitter: text(40),
  date: isoDate,
  commentCount: z.number().int().nonnegative(),
  story,
  related: z.array(
    z.strictObject({
      id: z.number().int().positive(),
      title: text(200),
      date: text(40),
      note: text(300),
    }),
  ),
});

export const topicSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  label: text(60),
  tangent: z.boolean(),
  summary: text(600),
  points: z
    .array(z.strictObject({ text: text(300), cites: z.array(z.number().int().nonnegative()).min(1).max(6) }))
    .min(2)
    .max(5),
});
export const topicsSchema = z.array(topicSchema).min(8).max(14);

export const commentSchema = z.strictObject({
  n: z.number().int().nonnegative(),
  anchor: text(300),
  /** The anchor is the comment's whole text (a comment too short or too quoted to have a unique phrase). */
  whole: z.literal(true).optional(),
  id: z.number().int().positive().optional(),
  topics: z.array(z.string()).min(1),
  subjects: z.array(subject).optional(),
});
export const commentsSchema = z.array(commentSchema);

export const noticeSchema = z.strictObject({
  path: noticePath,
  date: isoDate,
  textDate: isoDate.nullable(),
  kind: z.enum(['notice', 'counter-notice', 'retraction', 'reversal', 'legal', 'other']),
  sender: text(120).nullable(),
  onBehalfOf: text(120).nullable(),
  networkSize: z.number().int().positive().nullable(),
  repos: z.array(repoName),
  refersTo: z.array(noticePath),
  llama: z.enum(['stated', 'inferred']),
  story,
  note: text(400),
});
export const noticesSchema = z.array(noticeSchema);

export const repoSchema = z.strictObject({
  repo: repoName,
  relations: z.array(relation).min(1),
  story,
  topics: z.array(z.string()),
  note: text(400),
});
export const reposSchema = z.array(repoSchema);

export const timelineSchema = z.array(
  z.strictObject({
    date: isoDate,
    story,
    text: text(300),
    source: z.strictObject({ label: text(120), url: httpsUrl.optional() }),
  }),
);

export type Meta = z.infer<typeof metaSchema>;
export type Thread = z.infer<typeof threadSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type Repo = z.infer<typeof repoSchema>;
export type TimelineEntry = z.infer<typeof timelineSchema>[number];
export type Relation = z.infer<typeof relation>;
export type Story = z.infer<typeof story>;

export interface Dataset {
  meta: Meta;
  thread: Thread;
  topics: Topic[];
  comments: Comment[];
  notices: Notice[];
  repos: Repo[];
  timeline: TimelineEntry[];
}

/** One entry per file: the schema each JSON file must satisfy. */
export const DATASET_FILES = {
  'meta.json': metaSchema,
  'thread.json': threadSchema,
  'topics.json': topicsSchema,
  'comments.json': commentsSchema,
  'notices.json': noticesSchema,
  'repos.json': reposSchema,
  'timeline.json': timelineSchema,
} as const;
export type DatasetFile = keyof typeof DATASET_FILES;
