/**
 * The one message protocol between content scripts / extension pages and the background.
 * Types only plus tiny guards: this file is imported by content scripts, so no zod here
 * (the background validates requests with zod in utils/protocol-schema.ts).
 */
import type { OutlineComment } from './hn-match';
import type { Subject } from './subjects';

export type Relation = 'named-in-notice' | 'counter-noticed' | 'discussed' | 'llama';

export interface LookupRequest {
  type: 'lookup';
  /** Candidate subjects found on the page (deduplicated by the sender). */
  subjects: string[];
}
/** Sent once per page (and on soft navigation): the panel for the page's subject, if any, and the filter. */
export interface PageRequest {
  type: 'page';
  /** The page's own subject; absent when the page has none (search, settings, HN front page…). */
  subject?: string;
  /** Asked when `subject` has no panel: e.g. the link of the story an HN item page discusses. */
  fallback?: string;
  /** Fork-network root (`owner/name`) read from the page, when the page is a fork. */
  networkRoot?: string;
  /** The page is GitHub's "Repository unavailable due to DMCA takedown": the notice it links to. */
  takedown?: string;
  /** The panel's code already runs in the page (declared for it in the manifest): no need to inject it. */
  hasUi?: boolean;
}
/** Remember the user's collapse/dismiss choice for a subject (the background stores it). */
export interface PanelStateRequest {
  type: 'panelState';
  subject: string;
  state: PanelState;
}
/** What a GitHub repo page says about itself, for LLaMA detection (sent only when it has a cue word). */
export interface RepoPageInfo {
  description: string;
  topics: string[];
  readmeTitle: string;
}

/** A repo page the dataset does not know: is it LLaMA-related? */
export interface DetectRequest {
  type: 'detect';
  subject: string;
  info: RepoPageInfo;
}

/** A content script tells the background what it shows on its tab (for the toolbar badge and popup). */
export interface ReportRequest {
  type: 'report';
  panel: string | null;
  /** Badged links per subject. */
  badges: Record<string, number>;
}

/** The popup: what Backstory found on a tab. */
export interface TabInfoRequest {
  type: 'tabInfo';
  tabId: number;
}

/** The popup's search box: a repo (owner/name or URL), a notice, or a topic. */
export interface SearchRequest {
  type: 'search';
  query: string;
}

/**
 * The candidate links of a page, as their raw `href` attributes (deduplicated): the background
 * parses them and answers those that name a known subject. The content script does no parsing.
 */
export interface LinksRequest {
  type: 'links';
  hrefs: string[];
  /** The page's own subject: links to it are not answered (the page's panel covers it). */
  skip?: string;
}

/** A content script needs the panel's code (/ui.js) in its page: the background injects it. */
export interface UiRequest {
  type: 'ui';
}

/** The popup asks the background to tell a tab's content script to show its panel. */
export interface ShowPanelRequest {
  type: 'showPanel';
  tabId: number;
}

export type Request =
  | LookupRequest
  | LinksRequest
  | UiRequest
  | PageRequest
  | PanelStateRequest
  | ReportRequest
  | TabInfoRequest
  | SearchRequest
  | ShowPanelRequest
  | DetectRequest;

/** Messages the background sends to content scripts. */
export type TabMessage = { type: 'settingsChanged' } | { type: 'togglePanel' } | { type: 'showPanel' };

/** What the settings mean for one page, as the background tells the content script. */
export interface PageView {
  badges: boolean;
  /** Panel behaviour: open, collapsed, or shown only when asked. */
  panel: 'open' | 'collapsed' | 'ask';
  placement: 'inline' | 'side';
  theme: 'site' | 'light' | 'dark';
  /** LLaMA detection beyond the dataset is on. */
  detect: boolean;
}

export type PanelState = 'open' | 'collapsed' | 'dismissed';

/** What a link badge needs: small on purpose, since thousands may be answered at once. */
export interface BadgeInfo {
  /** Canonical subject (a link to a comment of a dataset thread resolves to the thread). */
  subject: Subject;
  relations: Relation[];
  /** One line for the badge's tooltip and accessible name. */
  hint: string;
}

export interface LookupResponse {
  type: 'lookup';
  /** Only known subjects appear; the key is the subject as asked. */
  known: Record<string, BadgeInfo>;
}

export interface LinksResponse {
  type: 'links';
  /** Per known href (as asked): what its badge says. */
  known: Record<string, BadgeInfo>;
  /** Hrefs that name the page's own subject (`skip`). */
  own: string[];
}

export interface LinkOut {
  label: string;
  url: string;
}

export interface NoticeCard {
  path: string;
  url: string;
  kind: 'notice' | 'counter-notice' | 'retraction' | 'reversal' | 'legal' | 'other';
  date: string;
  textDate: string | null;
  sender: string | null;
  onBehalfOf: string | null;
  networkSize: number | null;
  repos: string[];
  repoCount: number;
  /** Gists the notice names. */
  gists?: number;
  /** The party as the file name spells it, shown when the text names no one. */
  fileParty?: string;
  /** Set when the notice concerns LLaMA (stated in it, or our inference). */
  llama?: 'stated' | 'inferred';
  note: string | null;
  /** The repo this card is shown for is named in it only as the original (complainant's) work. */
  original?: boolean;
  /** For an answer: which notice it answers was inferred (same repos or party), not stated. */
  inferred?: boolean;
  /** Counter-notices, retractions or reversals that answer this notice. */
  answeredBy: NoticeCard[];
}

export interface ThreadCard {
  id: number;
  title: string;
  url: string;
  site: string;
  points: number;
  commentCount: number;
  date: string;
  submitter: string;
}

export interface TopicCard {
  id: string;
  label: string;
  summary: string;
  tangent: boolean;
  /** Comments of the thread filed under this topic. */
  count: number;
  points: { text: string; links: LinkOut[] }[];
}

export interface PanelData {
  subject: Subject;
  title: string;
  relations: Relation[];
  /** Why Backstory shows this panel, one sentence each. */
  reasons: string[];
  note: string | null;
  notices: NoticeCard[];
  thread: ThreadCard | null;
  /** Comments that mention this subject directly ("read on HN" links). */
  mentions: LinkOut[];
  topics: TopicCard[];
  timeline: { date: string; text: string; source: { label: string; url: string | null } }[];
  /** For a dataset thread's own page: every comment, to find and tag its rows. */
  outline?: OutlineComment[];
}

export interface PageResponse {
  type: 'page';
  data: PanelData | null;
  /** The remembered collapse/dismiss state for this subject. */
  state: PanelState;
  /** Backstory stays silent on this page (site switched off, or the page is on the user's silence list). */
  silent: boolean;
  view: PageView;
}

export interface TabReport {
  panel: string | null;
  badges: Record<string, number>;
  /** Matches on the tab: the panel (if any) plus every badged link. */
  count: number;
}

export interface TabInfoResponse {
  type: 'tabInfo';
  report: TabReport | null;
  panel: PanelData | null;
  badges: { subject: string; count: number; hint: string }[];
}

export interface SearchResult {
  subject: string;
  title: string;
  hint: string;
  panel: PanelData | null;
}

export interface SearchResponse {
  type: 'search';
  results: SearchResult[];
}

export interface OkResponse {
  type: 'ok';
}

export type Response = LookupResponse | LinksResponse | PageResponse | OkResponse | TabInfoResponse | SearchResponse;

export const MAX_LOOKUP_SUBJECTS = 5000;

export function isLookupResponse(r: unknown): r is LookupResponse {
  return !!r && typeof r === 'object' && (r as LookupResponse).type === 'lookup' && typeof (r as LookupResponse).known === 'object';
}

/** Hrefs per links request (a page with more sends several). */
export const MAX_LINK_HREFS = 5000;

export function isLinksResponse(r: unknown): r is LinksResponse {
  return (
    !!r &&
    typeof r === 'object' &&
    (r as LinksResponse).type === 'links' &&
    typeof (r as LinksResponse).known === 'object' &&
    Array.isArray((r as LinksResponse).own)
  );
}

export function isPageResponse(r: unknown): r is PageResponse {
  return !!r && typeof r === 'object' && (r as PageResponse).type === 'page' && 'data' in (r as PageResponse);
}
