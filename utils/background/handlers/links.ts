/**
 * `links`: raw hrefs from a page. The background parses them (its code stays warm; the page's copy would
 * run cold) and answers the known ones by href with their badge — links to the page's own subject too:
 * the page leaves those without a badge while its panel covers them (utils/content/link-badger.ts), and
 * badges them from the same answer after a soft navigation elsewhere.
 */
import type { BadgeInfo, Subject } from '../../core/model';
import { siteAt } from '../../core/sites';
import { subjectFromHref } from '../../core/subjects';
import { badgeHint, badgeTone } from '../../core/words';
import type { ReplyTo, RequestOf } from '../../schema/messages';
import { isSubjectSilenced } from '../../schema/settings';
import { detectorFor, senderHost, type SenderInfo, type Services } from '../services';

/** Badges for the subjects the dataset, the index or (when enabled) the detector knows. */
export async function badgesFor(subjects: readonly Subject[], s: Services): Promise<Map<Subject, BadgeInfo>> {
  const k = await s.knowledge();
  await k.prepareBadges(subjects);
  const settings = await s.settings();
  const detect = detectorFor(k, settings);
  const out = new Map<Subject, BadgeInfo>();
  for (const subject of subjects) {
    // A silenced repo (or github/dmca, for its notices) gets no badge either.
    if (isSubjectSilenced(settings, subject)) continue;
    const b = k.badge(subject);
    const repo = subject.startsWith('repo:') ? subject.slice(5) : null;
    // The user's "never LLaMA-related" list removes a badge that says only that.
    if (b && repo && settings.llamaNever.includes(repo) && !b.relations.some((r) => r !== 'llama')) continue;
    if (b) {
      out.set(subject, { subject: b.subject, relations: b.relations, hint: badgeHint(b.facts), ...toneOf(b.facts) });
      continue;
    }
    const d = repo ? detect(repo) : null;
    // The page reads a badge's title: a match the user's own list decided shows no reasons there.
    const signals = d?.fromUserList ? [] : (d?.reasons ?? []);
    if (d && repo) out.set(subject, { subject, relations: ['llama'], hint: badgeHint({ kind: 'detected', repo, signals }) });
  }
  return out;
}

export async function handleLinks(req: RequestOf<'links'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'links'>> {
  // After any page answer in flight: a cold worker reads the index shards links need only once the
  // panel it is also asked for is on its way.
  await s.pagesAnswered();
  // Relative links are read as the sender's site reads them.
  const host = siteAt(senderHost(sender))?.host ?? 'github.com';
  const hrefsOf = new Map<Subject, string[]>();
  for (const href of req.hrefs) {
    const subject = subjectFromHref(href, host);
    if (subject) (hrefsOf.get(subject) ?? hrefsOf.set(subject, []).get(subject)!).push(href);
  }
  const badges = await badgesFor([...hrefsOf.keys()], s);
  const known: Record<string, BadgeInfo> = {};
  for (const [subject, hrefs] of hrefsOf) {
    const b = badges.get(subject);
    if (b) for (const h of hrefs) known[h] = b;
  }
  return { type: 'links', known };
}

/** The badge's colour from the same outcome as the subject's panel. */
function toneOf(f: Parameters<typeof badgeTone>[0]): { tone?: NonNullable<ReturnType<typeof badgeTone>> } {
  const tone = badgeTone(f);
  return tone ? { tone } : {};
}
