/** What the page session needs to know about a site (GitHub, Hacker News): one adapter per site in sites/. */
import type { BadgeLook } from './badges';
import type { RepoPageInfo } from '../core/model';
import type { PageSubject } from '../core/subjects';
import type { PageHost } from './scanner';

export interface Site {
  host: PageHost;
  /** The page's own subject, from its URL and identity tags. */
  pageSubject(): PageSubject | null;
  /** Put the panel host inline in the page; false when no anchor is found (the panel then floats: utils/ui/mount.ts). */
  placePanel(host: HTMLElement): boolean;
  /**
   * While the page still parses: true once `placePanel` would put the panel where it stays (its
   * first-choice anchor is parsed), so the panel can show before the page's first layout.
   */
  placeableEarly?(): boolean;
  /** The panel gets the HN thread outline when its data carries one. */
  outline?: boolean;
  /** 'dark' or 'light', following the site's own theme. */
  theme(): 'dark' | 'light';
  /** On a repo page: what it says about itself (for LLaMA detection). */
  repoInfo?(): RepoPageInfo | null;
  /** Events (on document) after which the page may show another subject. */
  navigationEvents: string[];
  /** How its link badges look and group. */
  badges: BadgeLook;
}
