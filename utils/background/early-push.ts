/**
 * The early answer (Chrome): when a tab starts loading a page whose URL alone gives a panel, compute the
 * page's answer and hand it to the page's isolated world with scripting.executeScript, injected at once.
 * Measured: it lands while the page still parses, where the reply to the content script's own question
 * often waits behind the page's first layout. The content script takes whichever comes first
 * (utils/content/early-answer.ts). Firefox MV2 has no `scripting`: its pages ask as usual.
 */
import { browser } from 'wxt/browser';
import { pageSubject } from '../core/subjects';
import { deliverEarlyAnswer } from '../content/early-answer';
import type { Reply } from '../schema/messages';
import type { SenderInfo } from './services';

type Route = (message: unknown, sender: SenderInfo) => Promise<Reply> | undefined;

export async function pushEarlyAnswer(route: Route, tabId: number, url: string): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return;
  }
  if (u.protocol !== 'https:' || (u.hostname !== 'github.com' && u.hostname !== 'news.ycombinator.com')) return;
  const ps = pageSubject(u.hostname, u.pathname, u.search, null);
  if (!ps) return;
  // As the content script's first question at document_start asks it (the URL is all it knows then);
  // the panel's code is left to that question, which knows whether the page already runs it.
  const res = await route(
    { type: 'page', subject: ps.subject, hasUi: true },
    { id: browser.runtime.id, url, tab: { id: tabId }, frameId: 0 },
  );
  if (res?.type !== 'page' || !res.data) return;
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    injectImmediately: true,
    func: deliverEarlyAnswer,
    args: [url, res],
  });
}
