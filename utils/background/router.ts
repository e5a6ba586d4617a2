/**
 * The background's one entry for messages: check the sender (our extension, and the role the message
 * requires), validate the request against the contract (utils/schema/messages.ts), and hand it to its
 * handler. Anything else is ignored and logged. Returns undefined when the message is not ours to answer.
 */
import { parseRequest, type Reply, type Role } from '../schema/messages';
import { handleDetect } from './handlers/detect';
import { handleLinks } from './handlers/links';
import { handleNoticeUpdates } from './handlers/notice-updates';
import { handlePage } from './handlers/page';
import { handlePanelState } from './handlers/panel-state';
import { handleReport } from './handlers/report';
import { handleSearch } from './handlers/search';
import { handleShowPanel } from './handlers/show-panel';
import { handleTabInfo } from './handlers/tab-info';
import { SITE_HOSTS } from '../core/sites';
import { createServices, senderHost, type BackgroundDeps, type SenderInfo, type Services } from './services';

/** The role a sender plays, or null when it plays none (another extension, a page of another site…). */
export function roleOf(sender: SenderInfo, ownOrigin: string | undefined): Role | null {
  const url = sender.url ?? '';
  // Extension pages (popup, options; also when opened in a tab) are at our own origin.
  if (ownOrigin && (url === ownOrigin || url.startsWith(`${ownOrigin}/`))) return 'extension-page';
  // Content scripts run in a tab of one of our sites.
  if (sender.tab?.id !== undefined && url.startsWith('https://') && SITE_HOSTS.includes(senderHost(sender))) return 'content';
  return null;
}

export function dispatch(message: unknown, sender: SenderInfo, s: Services): Promise<Reply> | undefined {
  if (sender.id !== s.deps.ownId) {
    s.log('[Backstory] ignored a message from another extension or page');
    return undefined;
  }
  const parsed = parseRequest(message);
  if (!parsed.ok) {
    s.log(`[Backstory] ignored a malformed message: ${parsed.error}`);
    return undefined;
  }
  const role = roleOf(sender, s.deps.ownOrigin);
  if (role !== parsed.role) {
    s.log(
      `[Backstory] ignored "${parsed.request.type}": it is for ${parsed.role === 'content' ? 'content scripts' : 'extension pages'}, the sender is ${role ?? 'neither'}`,
    );
    return undefined;
  }
  const req = parsed.request;
  switch (req.type) {
    case 'page':
      return handlePage(req, sender, s);
    case 'links':
      return handleLinks(req, sender, s);
    case 'detect':
      return handleDetect(req, sender, s);
    case 'panelState':
      return handlePanelState(req, sender, s);
    case 'report':
      return handleReport(req, sender, s);
    case 'tabInfo':
      return handleTabInfo(req, s);
    case 'search':
      return handleSearch(req, s);
    case 'showPanel':
      return handleShowPanel(req, s);
    case 'noticeUpdates':
      return handleNoticeUpdates(req, s);
  }
}

/** The handler the background registers: `(message, sender) => reply | undefined`. */
export function createRouter(deps: BackgroundDeps) {
  const services = createServices(deps);
  return Object.assign((message: unknown, sender: SenderInfo) => dispatch(message, sender, services), { services });
}
