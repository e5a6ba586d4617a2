/**
 * `tabInfo` (popup): what Backstory found on a tab, read from its document's record — the panel the page
 * was answered (with its context: a fork's network, the detector's reasons, a takedown page; shown,
 * collapsed, dismissed or waiting to be asked for) and the links it badged, worded for the popup.
 */
import type { Subject } from '../../core/model';
import { isSubject } from '../../core/subjects';
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { Services } from '../services';
import { badgesFor } from './links';

export async function handleTabInfo(req: RequestOf<'tabInfo'>, s: Services): Promise<ReplyTo<'tabInfo'>> {
  const record = await s.documents.get(req.tabId);
  const report = record?.shown ?? null;
  const subjects = Object.keys(report?.badges ?? {}).filter(isSubject) as Subject[];
  const hints = await badgesFor(subjects, s);
  return {
    type: 'tabInfo',
    report,
    panel: record?.answer?.silent ? null : (record?.answer?.panel ?? null),
    badges: subjects.map((subject) => ({ subject, count: report!.badges[subject]!, hint: hints.get(subject)?.hint ?? subject })),
  };
}
