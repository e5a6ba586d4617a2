/** `detect`: a repo page the dataset does not know, with a cue word: the detector decides whether it gets a panel. */
import { isSubject } from '../../core/subjects';
import type { ReplyTo, RequestOf } from '../../schema/messages';
import { applyTopicSettings, detectorFor, initialState, viewFor, isPrivate, type SenderInfo, type Services } from '../services';

export async function handleDetect(req: RequestOf<'detect'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'detect'>> {
  const settings = await s.settings();
  const none: ReplyTo<'detect'> = { type: 'detect', data: null, state: 'open', silent: false, view: viewFor(settings) };
  if (!req.subject.startsWith('repo:') || !isSubject(req.subject)) return none;
  const k = await s.knowledge();
  const d = detectorFor(k, settings)(req.subject.slice(5), req.info);
  if (!d) return none;
  await k.prepareDetected();
  // The page never learns the user's own lists: a match they decided shows no reasons there.
  const data = k.detectedPanel(req.subject, d.fromUserList ? [] : d.reasons);
  if (!data) return none;
  const reply: ReplyTo<'detect'> = {
    ...none,
    data: applyTopicSettings(data, settings),
    state: initialState(await s.states.get(data.subject, isPrivate(sender)), settings),
  };
  await s.documents.detected(sender, { subject: req.subject }, reply);
  // As for a page's own answer (handlers/page.ts): the panel's code, unless it is only shown when asked.
  if (reply.view.panel !== 'ask') void s.injectUi(sender);
  return reply;
}
