/** `report`: what a tab shows (its panel, badged links per subject), for the toolbar badge and the popup. */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { SenderInfo, Services } from '../services';

export async function handleReport(req: RequestOf<'report'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'report'>> {
  const tabId = sender.tab?.id;
  if (tabId !== undefined) {
    const count = (req.panel ? 1 : 0) + Object.values(req.badges).reduce((a, b) => a + b, 0);
    await s.deps.reports.set(tabId, { panel: req.panel, badges: req.badges, count });
  }
  return { type: 'report' };
}
