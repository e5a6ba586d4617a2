/** `tabInfo` (popup): what Backstory found on a tab — its panel and badged links, worded for the popup. */
import type { Subject } from '../../core/model';
import { isSubject } from '../../core/subjects';
import type { ReplyTo, RequestOf } from '../../schema/messages';
import { applyTopicSettings, type Services } from '../services';
import { badgesFor } from './links';

export async function handleTabInfo(req: RequestOf<'tabInfo'>, s: Services): Promise<ReplyTo<'tabInfo'>> {
  const report = await s.deps.reports.get(req.tabId);
  const settings = await s.settings();
  const k = await s.knowledge();
  const subjects = Object.keys(report?.badges ?? {}).filter(isSubject) as Subject[];
  await k.prepare([report?.panel ?? undefined]);
  const panel = report?.panel ? k.panel(report.panel) : null;
  const hints = await badgesFor(subjects, s);
  return {
    type: 'tabInfo',
    report,
    panel: panel ? applyTopicSettings(panel, settings) : null,
    badges: subjects.map((subject) => ({ subject, count: report!.badges[subject]!, hint: hints.get(subject)?.hint ?? subject })),
  };
}
