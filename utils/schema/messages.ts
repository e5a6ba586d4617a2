/**
 * The one message contract. For each message: who may send it, the zod schema of the request, and the
 * type of the reply — in one place. Request types are inferred from the schemas; a reply always
 * carries `type` equal to its request's. Content scripts import the types only (`import type`); the
 * background validates every request with these schemas and checks the sender's role.
 */
import './jitless'; // before any schema is built: no eval probe (see jitless.ts)
import { z } from 'zod';
import type { BadgeInfo, PageView, PanelData, PanelState, SearchResult, TabReport } from '../core/model';
import { LIMITS } from '../core/limits';
import type { NoticeUpdatesView } from '../core/notice-updates';
import { isSubject } from '../core/subjects';

/** Who sends a message: a content script in a tab of one of our sites (utils/core/sites.ts), or an extension page. */
export type Role = 'content' | 'extension-page';

const subjectString = z.string().max(LIMITS.subject);
/** A canonical subject (repo:…, notice:…, thread:hn:…): nothing else is stored or shown. */
const subject = z.string().max(LIMITS.subject).refine(isSubject, 'not a subject');
const message = <R>() => ({
  from: <Ro extends Role, S extends z.ZodType>(role: Ro, schema: S) => ({ role, schema, reply: undefined as unknown as R }),
});

/** What the page's own subject gives: its panel (or none), the remembered state, and the settings' view. */
export interface PageReply {
  data: PanelData | null;
  /** The remembered collapse/dismiss state for this subject. */
  state: PanelState;
  /** Backstory stays silent on this page (site switched off, or the page is on the user's silence list). */
  silent: boolean;
  view: PageView;
  /**
   * The panel is the one this document was answered last for the same question (utils/background/documents.ts):
   * after a settings change the page keeps its panel as it is (details open, scroll, outline) when this is set.
   */
  same?: boolean;
}

export const MESSAGES = {
  // ---- content script → background ----
  /** The page's own subject (sent at document_start and after soft navigations). */
  page: message<PageReply>().from(
    'content',
    z.strictObject({
      type: z.literal('page'),
      /** The page's own subject; absent when the page has none (search, settings, HN front page…). */
      subject: subjectString.optional(),
      /** A link, raw, whose subject is asked when `subject` has no panel: the story an HN item page discusses. */
      fallbackHref: z.string().max(LIMITS.href).optional(),
      /** Fork-network root (`owner/name`) read from the page, when the page is a fork. */
      networkRoot: z.string().max(200).optional(),
      /** The page is GitHub's "Repository unavailable due to DMCA takedown": its link to the notice, raw. */
      takedownHref: z.string().max(LIMITS.href).optional(),
      /** The panel's code already runs in the page (declared for it in the manifest): no need to inject it. */
      hasUi: z.boolean().optional(),
    }),
  ),
  /** Raw hrefs of candidate links (the background parses them); answered by href. */
  links: message<{ known: Record<string, BadgeInfo> }>().from(
    'content',
    z.strictObject({
      type: z.literal('links'),
      hrefs: z.array(z.string().max(LIMITS.href)).max(LIMITS.hrefsPerMessage),
    }),
  ),
  /** A repo page the dataset does not know, with a cue word: is it LLaMA-related? */
  detect: message<PageReply>().from(
    'content',
    z.strictObject({
      type: z.literal('detect'),
      subject: subjectString,
      info: z.strictObject({
        description: z.string().max(2000),
        topics: z.array(z.string().max(100)).max(50),
        readmeTitle: z.string().max(300),
      }),
    }),
  ),
  /** Remember the user's collapse/dismiss choice for a subject. */
  panelState: message<object>().from(
    'content',
    z.strictObject({ type: z.literal('panelState'), subject: subjectString, state: z.enum(['open', 'collapsed', 'dismissed']) }),
  ),
  /** What the tab shows (toolbar badge, popup): the panel's subject and badged links per subject. */
  report: message<object>().from(
    'content',
    z.strictObject({
      type: z.literal('report'),
      panel: subject.nullable(),
      badges: z
        .record(subject, z.number().int().nonnegative())
        .refine((r) => Object.keys(r).length <= LIMITS.hrefsPerMessage, 'too many subjects'),
      /** The page session is idle: its answer shown, its links scanned and answered… */
      settled: z.boolean().optional(),
      /** …at this URL (the page's location: after a soft navigation, not the document's first URL). */
      url: z.string().max(LIMITS.href).optional(),
    }),
  ),

  // ---- extension page (popup, options) → background ----
  /** The popup: what Backstory found on a tab. */
  tabInfo: message<{
    report: TabReport | null;
    panel: PanelData | null;
    badges: { subject: string; count: number; hint: string }[];
  }>().from('extension-page', z.strictObject({ type: z.literal('tabInfo'), tabId: z.number().int().nonnegative() })),
  /** The popup's search box: a repo (owner/name or URL), a notice, or a topic. */
  search: message<{ results: SearchResult[] }>().from(
    'extension-page',
    z.strictObject({ type: z.literal('search'), query: z.string().max(500) }),
  ),
  /** The popup asks for a tab's panel to be shown. */
  showPanel: message<object>().from(
    'extension-page',
    z.strictObject({ type: z.literal('showPanel'), tabId: z.number().int().nonnegative() }),
  ),
  /**
   * Notice updates (options, popup): the status; check now; the daily check on; off (the permission
   * removed, and with `off-forget` the downloaded notices too). The page asks for the hosts itself, at the click.
   */
  noticeUpdates: message<{ view: NoticeUpdatesView }>().from(
    'extension-page',
    z.strictObject({ type: z.literal('noticeUpdates'), action: z.enum(['status', 'check', 'auto-on', 'off', 'off-forget']) }),
  ),
} as const;

export type MessageType = keyof typeof MESSAGES;
export type RequestOf<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['schema']>;
export type Request = { [T in MessageType]: RequestOf<T> }[MessageType];
/** The reply to a request of type T (always tagged with the same `type`). */
export type ReplyTo<T extends MessageType> = (typeof MESSAGES)[T]['reply'] & { type: T };
export type Reply = { [T in MessageType]: ReplyTo<T> }[MessageType];

/** Background → content script (the content script checks the sender is its own extension). */
export type TabMessage = { type: 'settingsChanged' } | { type: 'togglePanel' } | { type: 'showPanel' };

/** The request, or why the message is not one of ours. */
export function parseRequest(msg: unknown): { ok: true; request: Request; role: Role } | { ok: false; error: string } {
  const type = (msg as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGES, type))
    return { ok: false, error: `unknown message type ${JSON.stringify(type)?.slice(0, 40)}` };
  const def = MESSAGES[type as MessageType];
  const r = def.schema.safeParse(msg);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ') };
  return { ok: true, request: r.data as Request, role: def.role };
}
