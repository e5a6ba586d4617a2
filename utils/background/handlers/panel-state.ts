/** `panelState`: remember the user's collapse/dismiss choice for a subject. */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { SenderInfo, Services } from '../services';

export async function handlePanelState(req: RequestOf<'panelState'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'panelState'>> {
  await s.states.set(req.subject, req.state, sender.tab?.incognito === true);
  return { type: 'panelState' };
}
