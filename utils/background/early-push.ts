/**
 * The early answer (Chrome): when a tab starts loading a page whose URL alone gives a panel, compute the
 * page's answer and hand it to the page's isolated world with scripting.executeScript, injected at once.
 * Measured: it lands while the page still parses, where the reply to the content script's own question
 * often waits behind the page's first layout. The content script takes whichever comes first
 * (utils/content/early-answer.ts). Firefox MV2 has no `scripting`: its pages ask as usual.
 *
 * It is the page's own first question, asked for it: one computation (documents.ts), shared with the
 * question when the page asks too, with the tab's incognito flag (a private tab's choices are its own).
 */
import { pageSubject } from '../core/subjects';
import type { PageReply } from '../schema/messages';
import { computePage } from './handlers/page';
import type { Services } from './services';
import { SITE_HOSTS } from '../core/sites';

export interface LoadingTab {
  id: number;
  url: string;
  incognito?: boolean | undefined;
}

/** The answer to push into a tab that starts loading `tab.url`, or null when its URL alone gives no panel. */
export async function earlyAnswer(s: Services, tab: LoadingTab): Promise<PageReply | null> {
  let u: URL;
  try {
    u = new URL(tab.url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || !SITE_HOSTS.includes(u.hostname)) return null;
  const ps = pageSubject(u.hostname, u.pathname, u.search, null);
  if (!ps) return null;
  // As the content script's first question at document_start asks it (the URL is all it knows then).
  const sender = { id: s.deps.ownId, url: tab.url, tab: { id: tab.id, incognito: tab.incognito === true }, frameId: 0 };
  const question = { subject: ps.subject };
  const res = await s.trackPage(() => s.documents.answer(sender, question, () => computePage(question, sender, s), { early: true }));
  return res.data ? res : null;
}

export async function pushEarlyAnswer(
  s: Services,
  tab: LoadingTab,
  deliver: (tabId: number, url: string, res: PageReply & { type: 'page' }) => Promise<unknown>,
): Promise<void> {
  const res = await earlyAnswer(s, tab);
  if (res) await deliver(tab.id, tab.url, { ...res, type: 'page' });
}
