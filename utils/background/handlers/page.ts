/**
 * `page`: the panel for the page's own subject (or its fallback), the remembered state and the view.
 * The answer is computed once per question and document (the early push asks the same: early-push.ts)
 * and kept in the document's record, which the popup and the toolbar read.
 */
import type { PanelData } from '../../core/model';
import { siteAt } from '../../core/sites';
import { subjectFromHref } from '../../core/subjects';
import type { PageReply, ReplyTo, RequestOf } from '../../schema/messages';
import { isSilenced, isSubjectSilenced } from '../../schema/settings';
import type { DocumentAnswer, PageQuestion } from '../documents';
import { applyTopicSettings, initialState, isPrivate, senderHost, viewFor, type SenderInfo, type Services } from '../services';

/** The page's question with its links read as the links handler reads them (the page parses no href). */
export function questionOf(req: RequestOf<'page'>, sender: SenderInfo): PageQuestion {
  const host = siteAt(senderHost(sender))?.host ?? 'github.com';
  const read = (href: string | undefined) => (href ? subjectFromHref(href, host) : null);
  const fallback = read(req.fallbackHref);
  const takedown = read(req.takedownHref);
  return {
    subject: req.subject,
    // A story that links its own thread (Ask HN) falls back to nothing.
    fallback: fallback && fallback !== req.subject ? fallback : undefined,
    networkRoot: req.networkRoot,
    takedown: takedown?.startsWith('notice:') ? takedown : undefined,
  };
}

export function handlePage(req: RequestOf<'page'>, sender: SenderInfo, s: Services): Promise<ReplyTo<'page'>> {
  return s.trackPage(async () => {
    const question = questionOf(req, sender);
    if (req.hasUi) void s.documents.declaredUi(sender);
    const reply = await s.documents.answer(sender, question, () => computePage(question, sender, s));
    if (reply.data && reply.view.panel !== 'ask' && !req.hasUi) void s.injectUi(sender);
    return { ...reply, type: 'page' };
  });
}

/** The page's answer to its question (shared by the early push and the page's own question). */
export async function computePage(
  req: PageQuestion,
  sender: SenderInfo,
  s: Services,
): Promise<{ reply: PageReply; source: DocumentAnswer['source'] }> {
  const settings = await s.settings();
  const view = viewFor(settings);
  const none = (silent: boolean) => ({ reply: { data: null, state: 'open' as const, silent, view }, source: null });
  const repo = req.subject?.startsWith('repo:') ? req.subject.slice(5) : undefined;
  if (isSilenced(settings, senderHost(sender), repo)) return none(true);
  // A notice page lives in github/dmca; a fork's panel is its root's: silencing either silences the page.
  if (isSubjectSilenced(settings, req.subject) || (req.networkRoot && isSubjectSilenced(settings, `repo:${req.networkRoot}`)))
    return none(true);
  // The remembered state of the page's own subject is read while the index shards load.
  const incognito = isPrivate(sender);
  const early = req.subject ? s.states.get(req.subject, incognito) : null;
  const k = await s.knowledge();
  await k.prepare([req.subject, req.fallback, req.takedown], req.networkRoot);
  let source: DocumentAnswer['source'] = 'dataset';
  const found: PanelData | null =
    (req.subject && req.takedown ? k.takedownPanel(req.subject, req.takedown, req.networkRoot) : null) ??
    (req.subject ? k.panel(req.subject, req.networkRoot) : null) ??
    (req.fallback ? k.panel(req.fallback) : null) ??
    (repo && settings.llamaAlways.includes(repo)
      ? ((source = 'detected'), await k.prepareDetected(), k.detectedPanel(`repo:${repo}`, []))
      : null);
  if (!found || isSubjectSilenced(settings, found.subject)) return none(false);
  const remembered = early && found.subject === req.subject ? await early : await s.states.get(found.subject, incognito);
  return { reply: { data: applyTopicSettings(found, settings), state: initialState(remembered, settings), silent: false, view }, source };
}
