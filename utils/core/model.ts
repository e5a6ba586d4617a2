/**
 * What the background tells the rest of the extension: structured facts, no sentences. The components
 * word them (utils/core/words.ts); the content script only places them. Types only: every bundle
 * imports this file, and none pays for it.
 */
import type { OutlineComment } from './hn-match';
import type { Subject } from './subjects';

export type { Subject };

/** ../shared/CONTRACT.md `data-relations` tokens. */
export type Relation = 'named-in-notice' | 'counter-noticed' | 'discussed' | 'llama';
export const RELATION_ORDER: readonly Relation[] = ['named-in-notice', 'counter-noticed', 'discussed', 'llama'];

/** What a github/dmca file is. One union, one label each (words.ts). */
export type NoticeKind = 'takedown' | 'counter-notice' | 'retraction' | 'reversal' | 'legal' | 'other';

export type PanelState = 'open' | 'collapsed' | 'dismissed';

/** What the settings mean for one page, as the background tells the content script. */
export interface PageView {
  badges: boolean;
  /** Panel behaviour: open, collapsed, or shown only when asked. */
  panel: 'open' | 'collapsed' | 'ask';
  theme: 'site' | 'light' | 'dark';
  /** LLaMA detection beyond the dataset is on. */
  detect: boolean;
}

/** What a link badge needs: small on purpose, since thousands may be answered at once. */
export interface BadgeInfo {
  /** Canonical subject (a link to a comment of a dataset thread resolves to the thread). */
  subject: Subject;
  relations: Relation[];
  /** One line for the badge's tooltip and accessible name (worded by the background). */
  hint: string;
  /** Its colour, from the same outcome as the subject's panel (absent: by relation). */
  tone?: BadgeTone;
}

/** A DMCA badge's colour: disabled, named, disputed, restored (reinstated, or a reversed / retracted notice). */
export type BadgeTone = 'dmca' | 'named' | 'disputed' | 'ok';

/** What a badge's hint says, as facts (the background words them with utils/core/words.ts). */
export type BadgeFacts =
  | {
      kind: 'repo';
      repo: string;
      /** What the record says became of it: the same outcome its panel leads with. */
      outcome: Outcome;
      /** How many takedown notices name it as infringing. */
      takedowns: number;
      /** Named only as the original work (in the one takedown). */
      original: NoticeRef | null;
      /** Named only in answers (counter-notices…): the newest. */
      answer: NoticeRef | null;
      discussed: boolean;
      llama: boolean;
    }
  | { kind: 'notice'; notice: NoticeRef; repoCount: number; standing: NoticeStanding | null }
  | { kind: 'thread'; title: string; commentCount: number }
  | { kind: 'related-thread'; title: string; note: string }
  | { kind: 'detected'; repo: string; signals: string[] };

/** A fact as the record states it, with the address of the line it comes from (github/dmca, `#L<n>`). */
export interface Sourced<T = string> {
  value: T;
  source: string;
}

/** A notice as another fact refers to it. */
export interface NoticeRef {
  path: string;
  url: string;
  kind: NoticeKind;
  date: string;
  /** Its file's name, e.g. `2023-03-21-meta.md` (how GitHub filed it; not a statement of who sent it). */
  file: string;
  /**
   * Who it is from, as its text states: the principal, else the sender; for an answer, whom it was filed
   * for. Null when the text does not say (GitHub redacts most names).
   */
  party: Sourced | null;
  /** The agent that sent it for `party` (a takedown naming a principal and its sender), else null. */
  via: Sourced | null;
}

/**
 * What became of a takedown notice (utils/knowledge/standing.ts): reversed by GitHub or retracted by its
 * sender (every repo it names), disputed by a counter-notice that was neither rejected nor withdrawn, or
 * standing. As a whole on its page and its links; on a repo's panel, for that repo.
 */
export interface NoticeStanding {
  state: 'reversed' | 'retracted' | 'disputed' | 'standing';
  /** The answer the state rests on (the newest of its kind). */
  by: NoticeRef | null;
  /** As a whole: the newest reversal or retraction of only some of the repos it names, and how many it covers. */
  partly: (NoticeRef & { repos: number }) | null;
}

/** A counter-notice, retraction, reversal or legal action answering a notice. */
export interface AnswerCard extends NoticeRef {
  /** Which notice it answers was matched by shared repos or party, not stated in its text. */
  inferred: boolean;
  /** Where its text cites the notice it answers. */
  cites: string | null;
  /** On a repo's panel: whether it names this repo (`this`), only others (`others`), or none (`none`). */
  concerns?: 'this' | 'others' | 'none';
  note: string | null;
}

export interface NoticeCard extends NoticeRef {
  textDate: Sourced | null;
  sender: Sourced | null;
  /** On whose behalf it was sent. */
  principal: Sourced | null;
  /** An answer's own party: whom a counter-notice is filed for; who retracts; GitHub for its reversals. */
  filer: Sourced | null;
  /** GitHub's note that it processed the notice against a whole fork network of this many repositories. */
  network: Sourced<number> | null;
  /** GitHub's form answered: the entire repository, or specific files within it, is infringing. */
  asks: Sourced<'whole' | 'files'> | null;
  /** GitHub's note that it first contacted the owners to give them an opportunity to make changes. */
  changesOffered: string | null;
  repoCount: number;
  /** The repos it names, up to a cap (the notice's own page lists them). */
  repos: string[];
  gists: number;
  /** A retraction of all but the repos it names. */
  except?: true;
  /** The notice concerns LLaMA: stated in it, or our inference (curated stories only). */
  llama?: 'stated' | 'inferred';
  note: string | null;
  answers: AnswerCard[];
  /** A takedown's standing (null for other kinds): as a whole, or on a repo's panel for that repo. */
  standing: NoticeStanding | null;
}

/**
 * What the published record says became of a repo (../shared/CONTRACT.md `data-outcome`):
 *  - `disabled`: a takedown asks for the whole repo (or GitHub processed it against the repo's fork
 *    network), carries no GitHub note that the owners were first offered changes, and no later record
 *    restores it; or the page is GitHub's takedown page for it;
 *  - `named`: a takedown names it, but the record does not say it was disabled (specific files only, or
 *    GitHub's note that it let the owners make changes first);
 *  - `disputed`: as disabled or named, and a counter-notice answers that notice for it;
 *  - `reinstated`: GitHub reversed that notice, or the sender retracted it for this repo;
 *  - `none`: no takedown names it (or its root, processed against the network) as infringing.
 */
export type OutcomeState = 'disabled' | 'named' | 'disputed' | 'reinstated' | 'none';

/** What a takedown asks for: the whole repository, specific files in it, or its whole fork network. */
export type TakedownScope = 'whole' | 'files' | 'network';

export interface Outcome {
  state: OutcomeState;
  /** The takedown notice the state rests on (the newest still standing, else the newest restored). */
  notice: NoticeRef | null;
  /** Where that notice names this repo (or its root). */
  namedAt: string | null;
  /** Named through its fork-network root, not by name. */
  viaRoot: string | null;
  /** The record that disputes or restored it (a counter-notice, a retraction, GitHub's reversal). */
  by: NoticeRef | null;
  /** Other takedown notices naming it, beyond `notice`. */
  others: number;
  /** What that takedown asks for, with the line that says so (null when there is no takedown). */
  scope: { value: TakedownScope; source: string | null } | null;
  /** GitHub's note on that takedown that the owners were first given a chance to make changes. */
  changesOffered: string | null;
}

/** How a repo is connected to a notice shown in its panel. */
export type NoticeRole =
  /** The notice names this repo as allegedly infringing. */
  | 'named'
  /** The notice names this repo only as the complainant's original work. */
  | 'original'
  /** The notice names this repo's fork-network root. */
  | 'network'
  /** The notice (an answer) names this repo; it is shown with the notice it answers. */
  | 'answer';

export interface RepoNotice {
  role: NoticeRole;
  card: NoticeCard;
  /** Where the notice names this repo (or, for `network`, its root). */
  namedAt: string | null;
  /** What it asks for of this repo (`named` and `network` roles). */
  scope?: TakedownScope;
}

/** A comment of a thread, linked, with a short quote (our anchor phrase). */
export interface CommentLink {
  /** Position in the thread (page order, 0-based). */
  n: number;
  /** HN comment id, when we know it. */
  id: number | null;
  quote: string;
  url: string;
}

export interface TopicCard {
  id: string;
  label: string;
  summary: string;
  tangent: boolean;
  /** Comments of the thread filed under this topic. */
  count: number;
  points: { text: string; cites: CommentLink[] }[];
}

export interface ThreadCard {
  id: number;
  title: string;
  url: string;
  site: string;
  points: number;
  /** HN's stated count of comments (it can exceed what the page shows). */
  commentCount: number;
  /** The comments the dataset holds, as the page showed them when recorded: citations say "#n of" this. */
  recorded: number;
  date: string;
  submitter: string;
  /** Comments that mention the panel's subject directly. */
  mentions: CommentLink[];
  /** The topics that matter for the panel's subject (all of them on the thread's own page). */
  topics: TopicCard[];
  /** On the thread's own page: every comment, to find and tag its rows. */
  outline?: OutlineComment[];
}

export interface TimelineItem {
  date: string;
  text: string;
  source: { label: string; url: string | null };
}

/** Why a repo page is shown, beyond its own record. */
export type RepoMatch =
  /** Its own record (notices naming it) or a curated story names it. */
  | { via: 'record' }
  /** A fork: its network root is named. */
  | { via: 'fork'; root: string }
  /** Only the LLaMA detector thinks it related (signals in plain words). */
  | { via: 'detected'; signals: string[] };

export interface RepoPanel {
  kind: 'repo';
  subject: Subject;
  title: string;
  relations: Relation[];
  match: RepoMatch;
  /** What the record says became of it: the panel's first line. */
  outcome: Outcome;
  /** Our note on the repo (curated stories). */
  note: string | null;
  /** The notices that concern it, takedowns first (newest first), each with its role. */
  notices: RepoNotice[];
  /** How many takedown notices name it, when more than are shown. */
  moreNotices: number;
  /** GitHub shows "Repository unavailable due to DMCA takedown" here, linking this notice. */
  takedownPage?: { notice: NoticeRef; known: boolean };
  /** The curated story this repo belongs to (its title), when one does. */
  story: string | null;
  /**
   * The story's own takedown notices, shown as context for a repo only the detector relates to it:
   * facts of the story, not of this repo (its own record is `notices`).
   */
  storyNotices: NoticeCard[];
  threads: ThreadCard[];
  timeline: TimelineItem[];
  /**
   * The date (YYYY-MM-DD) of the DMCA notices this answer rests on, for the panel's footer: the bundled
   * snapshot's — the same for every user of a version — unless the answer reads notices downloaded by a
   * notice update, whose content shows them already; then the newest of their own dates (never when the
   * user checked). Nothing else of the user's own.
   */
  asOf: string;
}

export interface NoticePanel {
  kind: 'notice';
  subject: Subject;
  title: string;
  relations: Relation[];
  /** The notice this page shows (with the repos it names, up to a cap). */
  notice: NoticeCard;
  /** For an answer: the notices it answers, with whether that link was inferred. */
  answers: { card: NoticeCard; inferred: boolean }[];
  story: string | null;
  threads: ThreadCard[];
  timeline: TimelineItem[];
  /**
   * The date (YYYY-MM-DD) of the DMCA notices this answer rests on, for the panel's footer: the bundled
   * snapshot's — the same for every user of a version — unless the answer reads notices downloaded by a
   * notice update, whose content shows them already; then the newest of their own dates (never when the
   * user checked). Nothing else of the user's own.
   */
  asOf: string;
}

export interface ThreadPanel {
  kind: 'thread';
  subject: Subject;
  title: string;
  relations: Relation[];
  /** The notices of the thread's story. */
  notices: NoticeCard[];
  story: string | null;
  /** The thread itself, with all its topics and its outline. */
  threads: ThreadCard[];
  timeline: TimelineItem[];
  /**
   * The date (YYYY-MM-DD) of the DMCA notices this answer rests on, for the panel's footer: the bundled
   * snapshot's — the same for every user of a version — unless the answer reads notices downloaded by a
   * notice update, whose content shows them already; then the newest of their own dates (never when the
   * user checked). Nothing else of the user's own.
   */
  asOf: string;
}

export type PanelData = RepoPanel | NoticePanel | ThreadPanel;
/** A panel as the knowledge engine builds it, before it is dated (`asOf`). */
export type Undated<P extends PanelData> = P extends PanelData ? Omit<P, 'asOf'> : never;

export interface TabReport {
  panel: string | null;
  badges: Record<string, number>;
  /** Matches on the tab: the panel (if any) plus every badged link. */
  count: number;
  /**
   * The page session is idle for the page's current URL: its answer shown (or none), its links scanned
   * and answered. Tests wait on it before asserting that something is absent.
   */
  settled?: boolean;
  /** The page's location when it reported (same origin as the document, else not kept). */
  url?: string;
}

export interface SearchResult {
  subject: Subject;
  title: string;
  hint: string;
  panel: PanelData | null;
}

/** What a GitHub repo page says about itself, for LLaMA detection (sent only when it has a cue word). */
export interface RepoPageInfo {
  description: string;
  topics: string[];
  readmeTitle: string;
}
