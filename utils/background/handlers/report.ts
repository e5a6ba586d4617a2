/** `report`: what the page showed and counted (its panel, badged links per subject), kept in its document's record. */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { SenderInfo, Services } from '../services';

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return new URL(a).origin === new URL(b ?? '').origin;
  } catch {
    return false;
  }
}

export async function handleReport(req: RequestOf<'report'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'report'>> {
  // The page's own location, kept only when it is on the document's origin (soft navigations stay there).
  const url = req.url && sameOrigin(req.url, sender.url) ? req.url : undefined;
  await s.documents.shown(sender, req.panel, req.badges, req.settled === true, url);
  return { type: 'report' };
}
