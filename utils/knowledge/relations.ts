/**
 * What a subject is to Backstory (named in a notice, counter-noticed, discussed, LLaMA-related): one
 * function per kind of subject, read by its badge and by its panel alike, so the two never disagree.
 */
import type { Relation, Subject } from '../core/model';
import type { IndexNotice } from '../dmca/index-format';
import type { Catalog } from './catalog';
import { sortRelations, type NamedIn, type Notices } from './notices';

type Ctx = { cat: Catalog; notices: Notices };

/** A repo: the notices naming it (and, for a fork, those naming its network), its mentions, the dataset's LLaMA flag. */
export function repoRelations(ctx: Ctx, subject: Subject, lists: readonly (readonly NamedIn[])[], llama: boolean): Relation[] {
  const rel = new Set<Relation>(lists.flatMap((l) => ctx.notices.relations(l)));
  if (ctx.cat.mentions(subject).length) rel.add('discussed');
  if (llama) rel.add('llama');
  return sortRelations(rel);
}

/** A github/dmca notice: answered by a counter-notice, discussed, annotated by a story. */
export function noticeRelations(ctx: Ctx, subject: Subject, n: IndexNotice): Relation[] {
  const rel = new Set<Relation>();
  if (ctx.notices.counterNoticed(n)) rel.add('counter-noticed');
  if (ctx.cat.mentions(subject).length) rel.add('discussed');
  if (ctx.cat.noticeNote(n.path)) rel.add('llama');
  return sortRelations(rel);
}

/** A dataset thread: discussed, and LLaMA-related when its story's repos are. */
export function threadRelations(ctx: Ctx, threadId: number): Relation[] {
  const llama = ctx.cat.storyOfThread(threadId)?.repos.some((r) => r.llama);
  return llama ? ['discussed', 'llama'] : ['discussed'];
}
