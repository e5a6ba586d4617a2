/** `report`: what the page showed and counted (its panel, badged links per subject), kept in its document's record. */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { SenderInfo, Services } from '../services';

export async function handleReport(req: RequestOf<'report'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'report'>> {
  await s.documents.shown(sender, req.panel, req.badges);
  return { type: 'report' };
}
