/** `panelState`: remember the user's collapse/dismiss choice for a subject. */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import { isPrivate, type SenderInfo, type Services } from '../services';

export async function handlePanelState(req: RequestOf<'panelState'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'panelState'>> {
  await s.states.set(req.subject, req.state, isPrivate(sender));
  return { type: 'panelState' };
}
