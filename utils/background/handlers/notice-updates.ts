/** `noticeUpdates` (options, popup): the status of notice updates, a check, the daily check on or off. */
import type { ReplyTo, RequestOf } from '../../schema/messages';
import type { Services } from '../services';

export async function handleNoticeUpdates(req: RequestOf<'noticeUpdates'>, s: Services): Promise<ReplyTo<'noticeUpdates'>> {
  const u = s.deps.updates;
  if (!u) throw new Error('notice updates are not available here');
  switch (req.action) {
    case 'check':
      // The check goes on in the background; the page follows its progress with `status`.
      void u.check();
      break;
    case 'auto-on':
      await u.setAuto(true);
      void u.check();
      break;
    case 'off':
    case 'off-forget':
      await u.turnOff(req.action === 'off-forget');
      break;
    case 'status':
      break;
  }
  return { type: 'noticeUpdates', view: await u.view() };
}
