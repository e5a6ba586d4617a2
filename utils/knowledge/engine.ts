/**
 * The knowledge engine: one place that answers every question about a subject, from the curated
 * stories (utils/dataset) and the index of every github/dmca notice (utils/dmca). Pure: dataset and
 * index in, structured facts out (utils/core/model.ts); nothing here writes a sentence.
 *
 * The index reads its shards on demand: call `prepare…` before asking about subjects.
 */
import type { PanelData, RepoPanel, Subject, Undated } from '../core/model';
import { isSubject } from '../core/subjects';
import type { Dataset } from '../dataset/schema';
import type { DmcaIndex } from '../dmca/index-read';
import { badgeFor, type Badge } from './badges';
import { createCatalog } from './catalog';
import { noticePanel } from './notice-page';
import { createNotices, REPOS_IN_REPO_CARD, REPOS_ON_NOTICE_PAGE } from './notices';
import { detectedPanel, forkRoot, repoPanel, takedownPanel } from './repo';
import { search, type SearchHit } from './search';
import { threadPanel } from './thread-page';

export type { Badge, SearchHit };

export interface Knowledge {
  /** Load what panels about these subjects need (index shards). */
  prepare(subjects: readonly (string | undefined)[], networkRoot?: string): Promise<void>;
  /** Load what badges for these subjects need (less than `prepare`: no repo lists for cards). */
  prepareBadges(subjects: readonly string[]): Promise<void>;
  /** Load all of the index (the popup's search). */
  prepareAll(): Promise<void>;
  /** Load what the panel of a detected repo shows as context (the story's notices). */
  prepareDetected(): Promise<void>;
  badge(subject: string): Badge | null;
  panel(subject: string, networkRoot?: string): PanelData | null;
  takedownPanel(repoSubject: string, noticeSubject: string, networkRoot?: string): RepoPanel | null;
  /** A repo the detector (or the user's list) finds LLaMA-related, with its signals in plain words. */
  detectedPanel(subject: string, signals: readonly string[]): RepoPanel | null;
  /** Curated LLaMA-related repos, with their note (the detector checks these first). */
  llamaRepos(): Map<string, string>;
  search(query: string, detected?: (repo: string) => PanelData | null): SearchHit[];
}

/** The later of two YYYY-MM-DD dates (the second may be absent). */
const latest = (a: string, b: string | null) => (b && b > a ? b : a);

export function createKnowledge(dataset: Dataset, index: DmcaIndex | null): Knowledge {
  const cat = createCatalog(dataset);
  const notices = createNotices(index, cat);
  const ctx = { cat, notices };

  /**
   * A panel with the date of the notices it rests on (model.ts `asOf`): the bundled snapshot's, unless
   * building it read a notice downloaded by a notice update — then the newest date of the downloaded notices
   * it read (their own dates, which its content shows; never earlier than the snapshot's). The same for every
   * user whose answer reads the same notices: never when the user checked for them (the update's head).
   */
  function dated<T extends Undated<PanelData>>(build: () => T | null): (T & { asOf: string }) | null {
    notices.readDownloaded.reset();
    const p = build();
    if (!p) return null;
    return { ...p, asOf: latest(dataset.meta.dmca.snapshot, notices.readDownloaded.newest) };
  }

  function panel(subject: string, networkRoot?: string): PanelData | null {
    if (!isSubject(subject)) return null;
    return dated<Undated<PanelData>>(() => {
      if (subject.startsWith('repo:')) return repoPanel(ctx, subject, networkRoot);
      if (subject.startsWith('notice:')) {
        const n = notices.byPath(subject.slice(7));
        return n ? noticePanel(ctx, subject, n) : null;
      }
      const t = cat.thread(Number(subject.slice('thread:hn:'.length)));
      return t ? threadPanel(ctx, subject, t) : null;
    });
  }

  /** The repos and notice paths a question about these subjects reads from the index. */
  function needs(subjects: readonly (string | undefined)[], networkRoot?: string) {
    const repos: string[] = [];
    const paths: string[] = [];
    for (const s of subjects) {
      if (!s || !isSubject(s)) continue;
      if (s.startsWith('repo:')) {
        repos.push(s.slice(5));
        const root = forkRoot(s.slice(5), networkRoot);
        if (root) repos.push(root);
      } else if (s.startsWith('notice:')) paths.push(s.slice(7));
      else {
        const t = cat.thread(Number(s.slice('thread:hn:'.length)));
        const story = t ? cat.storyOfThread(t.id) : undefined;
        paths.push(...(story?.notices.map((n) => n.path) ?? []));
      }
    }
    return { repos, paths };
  }

  return {
    async prepare(subjects, networkRoot) {
      const { repos, paths } = needs(subjects, networkRoot);
      if (index && (repos.length || paths.length))
        await index.prepare({ repos, notices: paths }, { cardRepos: REPOS_IN_REPO_CARD, pageRepos: REPOS_ON_NOTICE_PAGE });
    },
    async prepareBadges(subjects) {
      const { repos, paths } = needs(subjects);
      if (index && (repos.length || paths.length)) await index.prepare({ repos, notices: paths }, { cardRepos: 0, pageRepos: 0 });
    },
    async prepareAll() {
      await index?.prepareAll();
    },
    async prepareDetected() {
      const paths = dataset.stories.filter((s) => s.detected).flatMap((s) => s.notices.map((n) => n.path));
      if (index && paths.length) await index.prepare({ notices: paths }, { cardRepos: REPOS_IN_REPO_CARD, pageRepos: 0 });
    },
    badge: (subject) => badgeFor(ctx, subject),
    panel,
    takedownPanel(repoSubject, noticeSubject, networkRoot) {
      if (!isSubject(repoSubject) || !repoSubject.startsWith('repo:') || !isSubject(noticeSubject) || !noticeSubject.startsWith('notice:'))
        return null;
      return dated(() => takedownPanel(ctx, repoSubject, noticeSubject.slice(7), networkRoot));
    },
    detectedPanel(subject, signals) {
      if (!isSubject(subject) || !subject.startsWith('repo:')) return null;
      return dated(() => detectedPanel(ctx, subject as Subject, signals));
    },
    llamaRepos: () => cat.llamaRepos(),
    search(query, detected) {
      return search(
        {
          cat,
          badge: (s) => badgeFor(ctx, s),
          panel,
          searchRepos: (q, limit) => index?.searchRepos(q, limit) ?? [],
          searchNotices: (q, limit) => index?.searchNotices(q, limit) ?? [],
          ...(detected ? { detected } : {}),
        },
        query,
      );
    },
  };
}
