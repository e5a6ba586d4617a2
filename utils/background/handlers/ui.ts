/** `ui`: a page needs the panel's code (/ui.js); it is injected once per document. */
import type { ReplyTo } from '../../schema/messages';
import type { SenderInfo, Services } from '../services';

export async function handleUi(sender: SenderInfo, s: Services): Promise<ReplyTo<'ui'>> {
  await s.injectUi(sender);
  return { type: 'ui' };
}
