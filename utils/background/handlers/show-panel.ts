/** `showPanel` (popup): tell a tab's content script to show its panel (its code injected first when needed). */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { Services } from '../services';

export async function handleShowPanel(req: RequestOf<'showPanel'>, s: Services): Promise<ReplyTo<'showPanel'>> {
  await s.reveal(req.tabId, { type: 'showPanel' });
  return { type: 'showPanel' };
}
