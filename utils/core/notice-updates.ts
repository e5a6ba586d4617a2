/**
 * Notice updates as the options page and popup see them (utils/background/updates/): the status, and
 * how recent the notices Backstory answers from are. Types only, plus the one sentence-free helper.
 */
export type UpdateErrorKind = 'offline' | 'rate-limited' | 'server' | 'invalid' | 'permission' | 'too-large';

export interface NoticeUpdatesView {
  /** The daily check is on. */
  auto: boolean;
  lastCheck: string | null;
  running: { done: number; total: number } | null;
  error: { kind: UpdateErrorKind; message: string; resetAt?: string | undefined; at: string } | null;
  lastAdded: {
    at: string;
    count: number;
    byKind: Record<string, number>;
    newest: { path: string; kind: string; date: string }[];
  } | null;
  skipped: { path: string; reason: string }[];
  /** The bundled snapshot's date, and the date the notices in use are as of (YYYY-MM-DD). */
  bundled: string;
  asOf: string;
  /** Notices downloaded on top of the bundle. */
  downloaded: number;
  /** The optional hosts are granted. */
  permission: boolean;
}

/** The optional host permissions notice updates need, asked for at the user's click. */
export const UPDATE_ORIGINS = ['https://api.github.com/*', 'https://raw.githubusercontent.com/*'];
